"""The one error handler: log with context (never personal data or the token), then apologise.

One action, one reply: after the apology no later handler group runs (the identifying group
failing used to leave the next handlers with no user, which then asked for consent again). A
storage fault (locked, full, read-only) is said as such, with a button that retries what the
person sent once the database heals. A 429 Telegram would not let the reply limiter wait out
(`bot/reply_limiter.py`) is said in words too: as the tap's toast when the button is still
unanswered (Telegram never limits those answers), else as a message once the wait is over.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Protocol, cast, runtime_checkable

from telegram import InlineKeyboardMarkup, Update
from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import ApplicationHandlerStop, JobQueue

from domain.unavailable import TemporarilyUnavailableError
from handlers.context import SotongContext
from handlers.retry import retry_keyboard
from handlers.ui import plain_text
from messages import normalize_language, t

__all__ = ["on_error"]

logger = logging.getLogger("sotong.errors")


@runtime_checkable
class _RemembersAnswers(Protocol):
    """The application's bot, which knows which buttons it already answered."""

    def answered(self, callback_query_id: str) -> bool:
        """Whether this query was answered (or can no longer be)."""
        ...


def _describe(update: object) -> str:
    if not isinstance(update, Update):
        return f"non-update {type(update).__name__}"
    kind = next(
        (
            name
            for name in ("message", "callback_query", "my_chat_member", "edited_message")
            if getattr(update, name) is not None
        ),
        "other",
    )
    chat_type = update.effective_chat.type if update.effective_chat else "none"
    detail = ""
    if update.callback_query is not None and update.callback_query.data:
        detail = f" data={update.callback_query.data.split(':')[0]}:…"
    elif update.effective_message is not None and update.effective_message.text:
        text = update.effective_message.text
        detail = f" command={text.split()[0]}" if text.startswith("/") else " text"
    return f"update {update.update_id} ({kind}, {chat_type} chat{detail})"


async def _language(update: Update, context: SotongContext) -> str:
    """The user's language even when the failure happened before their row was loaded."""
    if context.user is not None:
        return context.user.language
    default = context.services.default_language
    tg_user = update.effective_user
    if tg_user is None:
        return default
    try:
        stored = await context.services.users.get(tg_user.id)
    except Exception:  # the database itself may be what failed
        logger.warning("could not look up the language of the user to apologise to")
        stored = None
    if stored is not None:
        return stored.language
    return normalize_language(tg_user.language_code, default)


def _storage_fault(error: BaseException | None) -> TemporarilyUnavailableError | None:
    """The passing fault (a locked, full or read-only database) behind `error`, if any."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, TemporarilyUnavailableError):
            return error
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return None


async def _held_back(update: Update, context: SotongContext, error: RetryAfter) -> None:
    """Say in words that Telegram held the reply back: now by toast, or after the wait."""
    logger.warning("Telegram held back the reply to %s: %s", _describe(update), error)
    language = await _language(update, context)
    text = t(language, "error.held_back")
    query = update.callback_query
    bot = context.bot
    if query is not None and not (isinstance(bot, _RemembersAnswers) and bot.answered(query.id)):
        await query.answer(plain_text(text), show_alert=True)
        return
    chat = update.effective_chat
    jobs = cast("JobQueue[SotongContext] | None", context.job_queue)
    if chat is not None and jobs is not None:
        wait = error.retry_after
        seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
        jobs.run_once(_say_held_back, when=seconds, chat_id=chat.id, data=text)


async def _say_held_back(context: SotongContext) -> None:
    """The words a held-back reply owed, once Telegram lets the bot write to the chat again."""
    job = context.job
    assert job is not None and job.chat_id is not None
    try:
        await context.bot.send_message(job.chat_id, str(job.data))
    except TelegramError:
        logger.warning("could not say that a reply was held back", exc_info=True)


async def on_error(update: object, context: SotongContext) -> None:
    """Log what failed and where; tell the user, in their language, what to do next."""
    if isinstance(context.error, RetryAfter) and isinstance(update, Update):
        await _held_back(update, context, context.error)
        raise ApplicationHandlerStop
    fault = _storage_fault(context.error)
    if fault is not None:
        logger.warning("Storage unavailable while handling %s: %s", _describe(update), fault)
    else:
        logger.error("Error while handling %s", _describe(update), exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.callback_query is not None:
        await update.callback_query.answer()
    try:
        language = await _language(update, context)
        text = t(language, "storage.unavailable" if fault else "error.generic")
        markup: InlineKeyboardMarkup | None = None
        if fault is not None and (update.message is not None or update.callback_query):
            markup = retry_keyboard(update, context, language)
        await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)
    except Forbidden:
        logger.info("could not apologise: the user blocked the bot")
    except TelegramError:
        logger.warning("could not apologise for %s", _describe(update), exc_info=True)
    raise ApplicationHandlerStop
