"""Text typed outside any flow: kept for the owner's report, offered back, or held for consent.

What an owner types is never met with "I didn't understand that" when it can be part of a report:

- a report parked by a command or a tap (handlers/conversation.py) takes the text as the answer
  to its open question, typed where the question takes text or naming one of its buttons;
- a sentence the open question cannot take (the ready screen, the review, a button question it
  names no button of) is offered back: one tap adds it to the problem, one goes on without it.
  A shorter text asks the open question again, with its hint and its buttons;
- with no report in progress, a sentence becomes a new report's problem and the topic is asked;
- from someone who has not agreed to the privacy notice, a sentence is answered with the notice:
  agreeing starts the report with it (the topic asked), declining keeps nothing.

A sentence offered back to an owner waits in storage under `HELD_TEXT` until the offer is
answered. One typed before consent is held in memory only, as nothing personal is stored
without consent: a restart before the answer forgets it, and the owner is asked to send it again.
"""

from __future__ import annotations

from collections import OrderedDict

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from domain.cost_answers import PeriodMissingError, ScaleUnclearError
from domain.drafts import TYPED_STEPS, Draft, DraftStep
from domain.intake import (
    AmountError,
    ConsentRequiredError,
    DailyLimitReachedError,
    TextLengthError,
)
from domain.users import User
from handlers.context import SotongContext
from handlers.feedback import (
    _ask,
    _ask_how_meant,
    _show,
    _too_long,
    got_typed_choice,
)
from handlers.feedback_views import hint, question
from handlers.kept_offer import SENTENCE, message_id_of, offer_to_add
from handlers.menu import show_menu
from handlers.privacy import notice_text, record_consent
from handlers.typed_labels import button_labels
from handlers.ui import button, drop_buttons, keyboard, note_on_reply, send, typed_text
from messages import Markup, format_number, t
from services.intake import Question
from services.typed_choices import match_typed_answer

__all__ = ["handlers", "loose_text"]


_BEFORE_CONSENT = "texts_before_consent"
"""Where the application holds sentences typed before consent (in memory, never stored)."""
_HELD_AT_MOST = 1000


class _BeforeConsent(OrderedDict[int, tuple[int, str]]):
    """Sentences typed before consent, by person: (message id, text), newest last, bounded."""

    def hold(self, user_id: int, message_id: int, text: str) -> None:
        self[user_id] = (message_id, text)
        self.move_to_end(user_id)
        if len(self) > _HELD_AT_MOST:
            self.popitem(last=False)


def _before_consent(context: SotongContext) -> _BeforeConsent:
    held = context.bot_data.get(_BEFORE_CONSENT)
    if not isinstance(held, _BeforeConsent):
        held = context.bot_data[_BEFORE_CONSENT] = _BeforeConsent()
    return held


async def loose_text(update: Update, context: SotongContext) -> bool:
    """Keep a text typed outside any flow for the owner's report; False if it is not one."""
    intake = context.services.intake
    text = typed_text(update)
    try:
        user = intake.require_consent(context.user)
    except ConsentRequiredError:
        return await _consent_first(update, context, text)
    draft = await context.services.drafts.get(user.id)
    if draft is None or draft.content.problem is None:
        return await _as_problem(update, context, user, draft, text)
    return await _at_open_question(update, context, draft, text)


async def _as_problem(
    update: Update, context: SotongContext, user: User, draft: Draft | None, text: str
) -> bool:
    """No problem yet: the text becomes it, and the topic is asked unless it was chosen.

    Out of the blue, only a sentence starts a report (and only on a day with room for one);
    a report already started takes any text its problem question would take, and asks its
    open question again for one it would not.
    """
    fresh = draft is None
    if fresh and len(text) < SENTENCE:
        return False
    try:
        asked = await context.services.intake.report_from(user, text)
    except DailyLimitReachedError:
        return False
    except TextLengthError as exc:
        if draft is None:  # a sentence, too long for a problem: say so rather than "what?"
            await send(update, context, _too_long(context.lang, exc))
        else:
            await _ask_again(update, context, draft, _refusal(context.lang, exc, draft.step))
        return True
    if asked is None:  # a problem was kept meanwhile: the text is for the open question
        found = await context.services.drafts.get(user.id)
        if found is None:
            return False
        return await _at_open_question(update, context, found, text)
    await ask_kept(
        update, context, asked, "feedback.offer_report" if fresh else "feedback.problem_kept"
    )
    return True


async def ask_kept(
    update: Update, context: SotongContext, asked: Question, key: str, *, below: bool = False
) -> None:
    """The question after a problem kept from loose text; at the topic, `key` says it was kept."""
    if asked.draft.step is not DraftStep.CATEGORY:
        await _ask(update, context, asked, below=below)
        return
    _, markup = await question(context, asked)
    await send(update, context, t(context.lang, key), markup)
    await context.services.intake.asked(asked.draft)


async def _at_open_question(
    update: Update, context: SotongContext, draft: Draft, text: str
) -> bool:
    """A report with its problem, parked: the text answers its open question, or is offered."""
    step = draft.step
    if step in TYPED_STEPS and step is not DraftStep.READY:
        await _typed_answer(update, context, draft, text)
        return True
    if await match_typed_answer(context.services.reference, step, text, button_labels) is not None:
        context.step = str(step)
        await got_typed_choice(update, context)
        return True
    if len(text) >= SENTENCE:
        await offer_to_add(update, context, draft, text)
    else:
        await _ask_again(update, context, draft, hint(context.lang, step))
    return True


async def _typed_answer(update: Update, context: SotongContext, draft: Draft, text: str) -> None:
    """Stored as the open step's answer, the next question asked.

    Refused, a sentence is offered to the problem instead, and a shorter text is asked again.
    """
    intake = context.services.intake
    step = draft.step
    try:
        asked = await intake.answer(draft.user_id, step, text)
    except (PeriodMissingError, ScaleUnclearError) as exc:
        await intake.go(draft, step, asked=True)  # open again: the tap's buttons belong to it
        await _ask_how_meant(update, context, text, exc)
        return
    except (TextLengthError, AmountError) as exc:
        if len(text) >= SENTENCE and step is not DraftStep.PROBLEM:
            # Not a figure, or too long a law: a sentence all the same, offered to the problem.
            await offer_to_add(update, context, draft, text)
            return
        refusal = (
            _refusal(context.lang, exc, step)
            if isinstance(exc, TextLengthError)
            else hint(context.lang, step)
        )
        await _ask_again(update, context, draft, refusal)
        return
    if asked is None:  # the draft went meanwhile (sent or discarded elsewhere)
        await send(update, context, t(context.lang, "feedback.no_draft"))
        return
    await _ask(update, context, asked)


def _refusal(language: str, error: TextLengthError, step: DraftStep) -> Markup:
    if error.too_long:
        return _too_long(language, error)
    if step is DraftStep.PROBLEM:
        length = format_number(error.length, language)
        return t(language, "feedback.too_short", length=length, min=error.minimum)
    return hint(language, step)


async def _ask_again(update: Update, context: SotongContext, draft: Draft, notice: Markup) -> None:
    """Open the parked question again: `notice` with its buttons, in one message.

    After an interruption the question is no longer the last message, so its buttons come too.
    """
    intake = context.services.intake
    _, markup = await question(context, await intake.go(draft, draft.step, asked=True))
    await send(update, context, notice, markup)


async def answer_offer(update: Update, context: SotongContext) -> None:
    """Add the sentence offered back to the problem, or not; the open question comes back."""
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    tapped = cb.KeptOffer.decode(query.data)
    assert tapped is not None
    note_on_reply()  # the report goes on here: no "/feedback continues it"
    lang = context.lang
    intake = context.services.intake
    answered = await intake.answer_offer(
        update.effective_user.id, tapped.message_id, add=tapped.choice == "add"
    )
    if answered is None:
        await query.answer(t(lang, "kept.offer_gone"))
        await drop_buttons(query)
        return
    await query.answer()
    asked = answered.question
    if asked is None:
        await _show(update, context, t(lang, "feedback.no_draft"))
        return
    if not answered.added and answered.too_long is None:
        await _ask(update, context, asked)
        return
    text, markup = await question(context, asked)
    if answered.too_long is not None:
        text = _too_long(lang, answered.too_long)
    else:
        text = Markup(f"{t(lang, 'kept.added')}\n\n{text}")
    await _show(update, context, text, markup)
    await intake.asked(asked.draft)


async def _consent_first(update: Update, context: SotongContext, text: str) -> bool:
    """A sentence from someone who has not agreed: the notice, agreeing starts the report.

    The sentence is held in memory until the answer (see the module's docstring).
    """
    if len(text) < SENTENCE or update.effective_user is None:
        return False
    message_id = message_id_of(update)
    _before_consent(context).hold(update.effective_user.id, message_id, text)
    lang = context.lang
    await send(
        update,
        context,
        Markup(f"{t(lang, 'kept.consent_offer')}\n\n{notice_text(context)}"),
        keyboard(
            [
                [
                    button(lang, "kept.button.agree", cb.KeptConsent("agree", message_id)),
                    button(lang, "privacy.button.decline", cb.KeptConsent("decline", message_id)),
                ]
            ]
        ),
    )
    return True


async def answer_consent(update: Update, context: SotongContext) -> None:
    """Agree: record it and start the report with the sentence. Decline: forget the sentence."""
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    tapped = cb.KeptConsent.decode(query.data)
    assert tapped is not None
    await query.answer()
    held = _before_consent(context)
    waiting = held.get(update.effective_user.id)
    text = None
    if waiting is not None and waiting[0] == tapped.message_id:
        del held[update.effective_user.id]
        text = waiting[1]
    agreed = tapped.answer == "agree"
    await record_consent(update, context, agree=agreed)
    await drop_buttons(query)
    lang = context.lang
    if not agreed:
        await show_menu(update, context, t(lang, "kept.declined"))
        return
    intake = context.services.intake
    try:
        user = await intake.ensure_can_submit(context.user)
    except DailyLimitReachedError as exc:
        await send(update, context, t(lang, "feedback.daily_limit", limit=exc.limit))
        return
    if text is None:
        await show_menu(update, context, t(lang, "kept.agreed_resend"))
        return
    try:
        asked = await intake.report_from(user, text)
    except DailyLimitReachedError as exc:
        await send(update, context, t(lang, "feedback.daily_limit", limit=exc.limit))
        return
    except TextLengthError as exc:
        await send(update, context, _too_long(lang, exc))
        return
    if asked is not None:
        await ask_kept(update, context, asked, "kept.agreed_report", below=True)
        return
    draft = await context.services.drafts.get(user.id)
    if draft is not None:
        # A report from before (consent asked again for a new notice) is never replaced.
        lead = t(lang, "privacy.agreed")
        await offer_to_add(update, context, draft, text, tapped.message_id, lead=lead)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """The buttons of an offer: add a sentence to the report, or agree to start one with it."""
    return [
        CallbackQueryHandler(answer_offer, pattern=cb.KeptOffer.matches),
        CallbackQueryHandler(answer_consent, pattern=cb.KeptConsent.matches),
    ]
