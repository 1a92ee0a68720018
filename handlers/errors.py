"""The one error handler: log with context (never personal data or the token), then apologise.

One action, one reply: after the apology no later handler group runs (the identifying group
failing used to leave the next handlers with no user, which then asked for consent again). A
storage fault (locked, full, read-only) is said as such, with a button that retries what the
person sent once the database heals.
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardMarkup, Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import ApplicationHandlerStop

from domain.unavailable import TemporarilyUnavailableError
from handlers.context import SotongContext
from handlers.retry import retry_keyboard
from messages import normalize_language, t

__all__ = ["on_error"]

logger = logging.getLogger("sotong.errors")


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
        stored = await context.services.accounts.find(tg_user.id)
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


async def on_error(update: object, context: SotongContext) -> None:
    """Log what failed and where; tell the user, in their language, what to do next."""
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
