"""Runs first for every update: loads the sender and where they are, notices a blocked bot."""

from __future__ import annotations

from telegram import ChatMember, Update
from telegram.ext import ApplicationHandlerStop, TypeHandler

from handlers.context import SotongContext
from handlers.conversation import track
from messages import normalize_language, t

__all__ = ["handler"]


async def identify(update: Update, context: SotongContext) -> None:
    """Put the user row on the context and load their open question; "kicked" means blocked.

    A text holding NUL is refused for every handler at once (see `domain.text`).
    """
    tg_user = update.effective_user
    if tg_user is None or tg_user.is_bot:
        return
    accounts = context.services.accounts
    membership = update.my_chat_member
    if membership is not None and membership.new_chat_member.status == ChatMember.BANNED:
        await accounts.blocked(tg_user.id)
        return
    suggested = normalize_language(tg_user.language_code, context.services.default_language)
    context.user, question = await accounts.arrive_with_question(tg_user.id, suggested)
    message = update.message
    if message is not None and "\x00" in (message.text or message.caption or ""):
        # Refused here, before any conversation sees it, so no step's state moves.
        await message.reply_text(t(context.lang, "input.refused_nul"))
        raise ApplicationHandlerStop
    await track(update, context, question)


def handler() -> TypeHandler[Update, SotongContext, None]:
    """The identifying handler, for group -1."""
    return TypeHandler(Update, identify)
