"""A sentence a report's open question cannot take, offered back instead of dropped.

One message asks whether the sentence belongs to the report's problem: one tap adds it, one goes
on without it (`handlers/loose_text.py` answers the taps). Shared by the report while it is open
(`handlers/feedback.py`) and while it is parked (`handlers/loose_text.py`).
"""

from __future__ import annotations

from telegram import Update

from domain import callback_data as cb
from domain.drafts import Draft
from domain.inputs import HELD_TEXT
from handlers.context import SotongContext
from handlers.ui import button, keyboard, send
from messages import Markup, t

__all__ = ["SENTENCE", "message_id_of", "offer_to_add"]

SENTENCE = 20
"""From this many characters a text is a sentence: offered as a report, not "what is this?"."""


def message_id_of(update: Update) -> int:
    """The id of the message the person sent: an offer's buttons carry the sentence's."""
    message = update.effective_message
    assert message is not None
    return message.message_id


async def offer_to_add(
    update: Update,
    context: SotongContext,
    draft: Draft,
    text: str,
    message_id: int | None = None,
    *,
    lead: Markup | None = None,
) -> None:
    """Hold the sentence and ask, in one message, whether it belongs to the report's problem.

    `message_id` is the sentence's (the update's message unless given), carried by the
    buttons so an older offer never adds a newer sentence; `lead` goes first (a thank-you).
    """
    sentence_id = message_id_of(update) if message_id is None else message_id
    await context.services.inputs.hold(
        draft.user_id, HELD_TEXT, {"text": text, "message_id": sentence_id}
    )
    lang = context.lang
    offer = t(lang, "kept.offer_add")
    await send(
        update,
        context,
        offer if lead is None else Markup(f"{lead}\n\n{offer}"),
        keyboard(
            [
                [button(lang, "kept.button.add", cb.KeptOffer("add", sentence_id))],
                [button(lang, "kept.button.skip", cb.KeptOffer("skip", sentence_id))],
            ]
        ),
    )
