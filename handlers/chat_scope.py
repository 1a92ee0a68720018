"""Sotong lives in private chats: groups and channels are left, and nothing in them is handled.

Admin data (the inbox, exports, contacts) must never be posted where others read, and a
membership change in a group says nothing about the user's private chat. No feature needs a
group, so the bot leaves any group or channel it is added to, and an update from one stops here:
a command or a button there gets one short "use this in a private chat with me", anything else
is ignored.
"""

from __future__ import annotations

import contextlib

from telegram import ChatMember, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, TypeHandler

from handlers.context import SotongContext
from messages import normalize_language, t

__all__ = ["handler"]

_PRESENT = frozenset({ChatMember.MEMBER, ChatMember.ADMINISTRATOR})


async def outside_private_chats(update: Update, context: SotongContext) -> None:
    """Let private chats through; leave groups and channels, and answer commands there once."""
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.PRIVATE:
        return
    tg_user = update.effective_user
    lang = normalize_language(
        tg_user.language_code if tg_user is not None else None,
        context.services.default_language,
    )
    membership = update.my_chat_member
    message = update.message
    if membership is not None:
        if membership.new_chat_member.status in _PRESENT:
            with contextlib.suppress(TelegramError):  # already gone: nothing to leave
                await context.bot.leave_chat(chat.id)
    elif update.callback_query is not None:
        await update.callback_query.answer(t(lang, "private_only"), show_alert=True)
    elif message is not None and message.text is not None and message.text.startswith("/"):
        await context.bot.send_message(chat.id, t(lang, "private_only"))
    raise ApplicationHandlerStop


def handler() -> TypeHandler[Update, SotongContext, None]:
    """The private-chat gate, for group -3 (before anything else, the sender included)."""
    return TypeHandler(Update, outside_private_chats)
