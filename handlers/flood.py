"""The one notice a user gets when they send more at once than the bot takes in."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import Application

from handlers.context import SotongContext
from messages import normalize_language, t

__all__ = ["notifier", "tell_skipped"]


async def tell_skipped(update: Update, context: SotongContext) -> None:
    """Say, once per burst, that part of it was skipped: a toast for a tap, else a message."""
    tg_user = update.effective_user
    chat = update.effective_chat
    if tg_user is None or chat is None or chat.type != ChatType.PRIVATE:
        return
    suggested = normalize_language(tg_user.language_code, context.services.default_language)
    context.user = await context.services.accounts.arrive(tg_user.id, suggested)
    text = t(context.lang, "flood.skipped")
    if update.callback_query is not None:
        await update.callback_query.answer(text, show_alert=True)
        return
    await context.bot.send_message(chat.id, text)


def notifier(
    application: Application[Any, SotongContext, Any, Any, Any, Any],
) -> Callable[[Update], Awaitable[None]]:
    """The update processor's flood notice: `tell_skipped` with a context of its own."""

    async def notify(update: Update) -> None:
        await tell_skipped(update, SotongContext.from_update(update, application))

    return notify
