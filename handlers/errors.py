"""The one error handler: log with context (never personal data or the token), then apologise."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError

from handlers.context import SotongContext
from messages import t

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


async def on_error(update: object, context: SotongContext) -> None:
    """Log what failed and where; tell the user, in their language, that nothing was lost."""
    logger.error("Error while handling %s", _describe(update), exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    if update.callback_query is not None:
        try:
            await update.callback_query.answer()
        except TelegramError:
            logger.debug("callback query was already answered or expired")
    try:
        await context.bot.send_message(update.effective_chat.id, t(context.lang, "error.generic"))
    except Forbidden:
        logger.info("could not apologise: the user blocked the bot")
    except TelegramError:
        logger.warning("could not apologise for %s", _describe(update), exc_info=True)
