"""/extend CODE YYYY-MM-DD reason: an administrator announces that an answer will be late.

One message carries everything, so nothing typed waits in a conversation; a refusal says what
to fix and the administrator sends the corrected line again.
"""

from __future__ import annotations

from telegram import Update

from domain.deadlines import ExpectedDateError
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.deadline_texts import day_text
from handlers.ui import send
from messages import t
from services.deadlines import UnknownSubmissionError

__all__ = ["COMMANDS"]


async def extend(update: Update, context: SotongContext) -> None:
    """Record the later date and reason; the owner is told through the outbox."""
    message = update.effective_message
    user = update.effective_user
    assert message is not None and message.text is not None and user is not None
    lang = context.lang
    arguments = message.text.partition(" ")[2].strip()
    if not arguments:
        await send(update, context, t(lang, "deadline.extend.usage"))
        return
    try:
        outcome = await context.services.deadlines.extend(arguments, actor_id=user.id)
    except UnknownSubmissionError as error:
        await send(update, context, t(lang, "deadline.extend.unknown", code=str(error)))
        return
    except ExpectedDateError as error:
        why = t(lang, f"deadline.extend.error.{error.reason}")
        await send(update, context, t(lang, "deadline.extend.refused", why=why, typed=message.text))
        return
    if outcome.submission.is_anonymous:
        told = "deadline.extend.anonymous"
    else:
        told = "deadline.extend.told" if outcome.owner_told else "deadline.extend.not_told"
    await send(
        update,
        context,
        t(
            lang,
            "deadline.extend.done",
            code=outcome.submission.receipt_code,
            date=day_text(outcome.extension.expected_on, lang, context.services.zone),
            told=t(lang, told),
        ),
    )


COMMANDS = (Command("extend", Scope.ADMIN, 100, extend),)
