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
    """Describe the bot and publish its commands; admins' extra commands only in their chats."""
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
    for admin_id in sorted(services.admin_ids):
        scope = BotCommandScopeChat(admin_id)
        try:
            await bot.set_my_commands(commands_for(default, admin=True), scope=scope)
        except BadRequest:
            # Telegram knows no chat with someone who never wrote to the bot; their /start
            # sets these commands instead.
            logger.info("admin %s has not started the bot yet", admin_id)
            continue
        for language in LANGUAGES:
            await bot.set_my_commands(
                commands_for(language, admin=True), scope=scope, language_code=language
            )
    await bot.set_chat_menu_button(menu_button=MenuButtonCommands())
