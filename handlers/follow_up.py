"""Did it help? The owner taps a verdict under the follow-up question, then may add a note.

The verdict is stored the moment it is tapped; the note is optional and may carry the new
monthly cost. See follow_up.mmd.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from domain import callback_data as cb
from domain.follow_up import FollowUpResult, NewCost
from handlers.context import SotongContext
from handlers.conversation import END, Flow, build_conversation
from handlers.ui import button, keyboard, send
from messages import Markup, format_number, t

__all__ = ["NOTE", "conversation"]

NOTE = "note"


def _cost_text(lang: str, cost: NewCost) -> Markup:
    parts = []
    if cost.hours_per_month is not None:
        parts.append(t(lang, "follow_up.hours", hours=format_number(cost.hours_per_month, lang)))
    if cost.won is not None:
        parts.append(t(lang, "follow_up.won", won=format_number(cost.won, lang)))
    if not parts:
        return Markup("")
    return t(lang, "follow_up.noted_cost", cost=Markup(", ".join(parts)))


async def verdict(update: Update, context: SotongContext) -> str | int:
    """A verdict button: store it, then offer to add a note."""
    query = update.callback_query
    user = update.effective_user
    assert query is not None and query.data is not None and user is not None
    await query.answer()
    tapped = cb.FollowUpVerdict.decode(query.data)
    assert tapped is not None
    result = FollowUpResult(tapped.result)
    lang = context.lang
    code = await context.services.follow_ups.answer(user.id, tapped.submission_id, result)
    if code is None:
        await send(update, context, t(lang, "follow_up.not_yours"))
        return END
    text = t(lang, "follow_up.thanks", code=code, result=t(lang, f"follow_up.result.{result}"))
    await send(
        update,
        context,
        text,
        keyboard([[button(lang, "follow_up.button.done", cb.FOLLOW_UP_DONE)]]),
    )
    return NOTE


async def note(update: Update, context: SotongContext) -> int:
    """The typed note: keep it with any new cost it names."""
    message = update.effective_message
    user = update.effective_user
    assert message is not None and message.text is not None and user is not None
    lang = context.lang
    outcome = await context.services.follow_ups.add_note(user.id, message.text)
    if outcome is None:
        await send(update, context, t(lang, "follow_up.finished"))
        return END
    code, cost = outcome
    await send(update, context, t(lang, "follow_up.noted", code=code, cost=_cost_text(lang, cost)))
    return END


async def done(update: Update, context: SotongContext) -> int:
    """Nothing to add: close the question."""
    query = update.callback_query
    user = update.effective_user
    assert query is not None and user is not None
    await query.answer()
    await context.services.follow_ups.done(user.id)
    await send(update, context, t(context.lang, "follow_up.finished"))
    return END


async def not_text(update: Update, context: SotongContext) -> str:
    """A sticker or photo while a note is possible: say what is expected."""
    await send(update, context, t(context.lang, "follow_up.text_only"))
    return NOTE


async def cancel(update: Update, context: SotongContext) -> int:
    """/cancel: the verdict stays, no note."""
    if update.effective_user is not None:
        await context.services.follow_ups.done(update.effective_user.id)
    await send(update, context, t(context.lang, "follow_up.finished"))
    return END


def conversation() -> Flow:
    """The verdict, then the optional note."""
    return build_conversation(
        "follow_up",
        entry_points=[CallbackQueryHandler(verdict, pattern=cb.FollowUpVerdict.matches)],
        states={
            NOTE: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, note),
                CallbackQueryHandler(done, pattern=cb.FOLLOW_UP_DONE.matches),
                MessageHandler(~filters.COMMAND, not_text),
            ],
        },
        fallbacks=[
            CommandHandler("cancel", cancel),
            CallbackQueryHandler(done, pattern=cb.FOLLOW_UP_DONE.matches),
        ],
    )
