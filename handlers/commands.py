"""Every command, declared once in the module that answers it, and collected from there.

A handler module declares its commands in `COMMANDS` (name, who may use it, its place in the
menu, and the callback unless a conversation of the module answers it); the description is the
catalog key `command.<name>`. From those declarations come the registered handlers, Telegram's
command menus per scope, /help, the hostile suite's commands and the README check, so adding a
command touches its handler module, its catalog and its test.
"""

from __future__ import annotations

import functools
import html
import importlib
import logging
import pkgutil
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    MenuButtonCommands,
    Update,
)
from telegram.error import BadRequest
from telegram.ext import CommandHandler

import handlers
from handlers.admin_guard import admin_only
from handlers.context import SotongContext
from messages import LANGUAGES, t
from services.container import Services

__all__ = [
    "Command",
    "Scope",
    "admin_commands",
    "command_handlers",
    "commands_for",
    "declared_commands",
    "register_commands",
    "set_chat_commands",
    "visible_commands",
]

logger = logging.getLogger("sotong.commands")

CommandCallback = Callable[[Update, SotongContext], Coroutine[Any, Any, object]]


class Scope(StrEnum):
    """Who a command is for; it decides the menu that lists it and the guard around it."""

    EVERYONE = "everyone"
    WITH_CONSENT = "with_consent"
    """Owners and subscribers: without consent to the notice the command explains it first, so
    it is listed for everyone (it is the way in)."""
    ADMIN = "admin"
    """Listed only in administrators' chats; registration puts `admin_only` around it."""


@dataclass(frozen=True, slots=True)
class Command:
    """One command: its name, its scope, its place in the menu and what answers it."""

    name: str
    scope: Scope
    rank: int
    """Place in the menu and /help within its audience (smaller first)."""
    callback: CommandCallback | None = None
    """None when a conversation of the declaring module answers the command (its entry point)."""

    @property
    def description_key(self) -> str:
        """The catalog key of the one-line description shown in the menu and /help."""
        return f"command.{self.name}"


@functools.cache
def declared_commands() -> tuple[Command, ...]:
    """Every handler module's `COMMANDS`, users' first, each audience in menu order.

    Imported on first use rather than at import time: the handler modules import this one.
    """
    found: dict[str, Command] = {}
    for module_info in sorted(pkgutil.iter_modules(handlers.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"handlers.{module_info.name}")
        for command in getattr(module, "COMMANDS", ()):
            if command.name in found:
                raise ValueError(f"/{command.name} is declared twice (in {module_info.name})")
            found[command.name] = command
    return tuple(sorted(found.values(), key=lambda c: (c.scope is Scope.ADMIN, c.rank, c.name)))


def visible_commands(*, admin: bool) -> tuple[Command, ...]:
    """What one person's menu and /help list: everyone's, and administrators' for them."""
    return tuple(c for c in declared_commands() if admin or c.scope is not Scope.ADMIN)


def admin_commands() -> tuple[str, ...]:
    """The names only administrators see."""
    return tuple(c.name for c in declared_commands() if c.scope is Scope.ADMIN)


def command_handlers() -> list[CommandHandler[SotongContext, object]]:
    """A handler per command with its own callback; administrators' ones guarded here."""
    return [
        CommandHandler(
            command.name,
            admin_only(command.callback) if command.scope is Scope.ADMIN else command.callback,
        )
        for command in declared_commands()
        if command.callback is not None
    ]


def commands_for(language: str, *, admin: bool) -> list[BotCommand]:
    """The commands a user sees, described in their language; admins get theirs appended."""
    return [
        BotCommand(command.name, html.unescape(t(language, command.description_key)))
        for command in visible_commands(admin=admin)
    ]


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
