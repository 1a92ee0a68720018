"""The command menu Telegram shows, per language and per scope, registered at start-up."""

from __future__ import annotations

import html
import logging

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    MenuButtonCommands,
)
from telegram.error import BadRequest

from messages import LANGUAGES, t
from services.container import Services

__all__ = [
    "ADMIN_COMMANDS",
    "USER_COMMANDS",
    "commands_for",
    "register_commands",
    "set_chat_commands",
]

logger = logging.getLogger("sotong.commands")

USER_COMMANDS: tuple[str, ...] = (
    "start",
    "menu",
    "feedback",
    "my",
    "status",
    "meetings",
    "bills",
    "subscribe",
    "help",
    "language",
    "privacy",
    "deletemydata",
    "cancel",
)
ADMIN_COMMANDS: tuple[str, ...] = (
    "inbox",
    "export",
    "stats",
    "audit",
    "addmeeting",
    "addbill",
    "billstage",
    "announce",
    "delivery",
    "extend",
    "link",
    "agenda",
    "search",
)


def commands_for(language: str, *, admin: bool) -> list[BotCommand]:
    """The commands a user sees, described in their language; admins get theirs appended."""
    names = USER_COMMANDS + (ADMIN_COMMANDS if admin else ())
    return [BotCommand(name, html.unescape(t(language, f"command.{name}"))) for name in names]


async def set_chat_commands(bot: Bot, chat_id: int, language: str, *, admin: bool) -> None:
    """Pin one chat's command menu to a language the user chose, whatever their client says."""
    await bot.set_my_commands(
        commands_for(language, admin=admin), scope=BotCommandScopeChat(chat_id)
    )


async def register_commands(bot: Bot, services: Services) -> None:
    """Describe the bot and publish its commands; admins' extra commands only in their chats.

    Only administrators who have opened the chat get theirs here: for anyone else Telegram
    knows no chat to scope commands to ("chat not found"), so their first /start sets them.
    """
    private = BotCommandScopeAllPrivateChats()
    default = services.default_language
    await bot.set_my_commands(commands_for(default, admin=False), scope=private)
    for language in LANGUAGES:
        await bot.set_my_commands(
            commands_for(language, admin=False), scope=private, language_code=language
        )
        await bot.set_my_description(
            html.unescape(t(language, "bot.description")), language_code=language
        )
        await bot.set_my_short_description(
            html.unescape(t(language, "bot.short_description")), language_code=language
        )
    await bot.set_my_description(html.unescape(t(default, "bot.description")))
    await bot.set_my_short_description(html.unescape(t(default, "bot.short_description")))
    for admin in await services.accounts.seen(services.admin_ids):
        try:
            await set_chat_commands(bot, admin.id, admin.language, admin=True)
        except BadRequest:
            # A chat that existed can be gone (a deleted account): not worth stopping for.
            logger.info("could not set the commands of admin %s", admin.id)
    await bot.set_chat_menu_button(menu_button=MenuButtonCommands())
