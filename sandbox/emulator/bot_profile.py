"""What the bot configured about itself: commands per scope and language, descriptions, menu.

Telegram resolves the command menu a user sees through a fixed chain of scopes and languages;
tests assert on the resolved view so a missing Korean translation or a wrong scope shows up.
"""

from __future__ import annotations

import re
from typing import Any

from sandbox.emulator.errors import bad_request

__all__ = ["BotProfile", "ScopeKey", "parse_commands", "parse_language", "parse_scope"]

ScopeKey = tuple[str, int | None]
"""A ``BotCommandScope`` reduced to its type and, for chat scopes, the chat id."""

_SCOPE_TYPES = frozenset(
    {
        "default",
        "all_private_chats",
        "all_group_chats",
        "all_chat_administrators",
        "chat",
        "chat_administrators",
        "chat_member",
    }
)
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
_LANGUAGE = re.compile(r"^([a-z]{2})?$")
_DEFAULT: ScopeKey = ("default", None)


def parse_scope(raw: Any) -> ScopeKey:
    """Validate a ``scope`` parameter (already JSON-decoded) and reduce it to a key.

    Raises:
        ApiError: 400 for malformed scopes, like Telegram.

    """
    if raw is None:
        return _DEFAULT
    if not isinstance(raw, dict) or raw.get("type") not in _SCOPE_TYPES:
        raise bad_request("can't parse BotCommandScope JSON object")
    kind = str(raw["type"])
    if kind in ("chat", "chat_administrators", "chat_member"):
        chat_id = raw.get("chat_id")
        if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
            chat_id = int(chat_id)
        if not isinstance(chat_id, int):
            raise bad_request("chat_id is empty")
        return (kind, chat_id)
    return (kind, None)


def parse_language(raw: Any) -> str:
    """Validate ``language_code`` (two-letter ISO 639-1 or empty)."""
    code = "" if raw is None else str(raw)
    if not _LANGUAGE.match(code):
        raise bad_request("invalid language code specified")
    return code


def parse_commands(raw: Any) -> tuple[dict[str, str], ...]:
    """Validate the ``commands`` list of ``setMyCommands``.

    Raises:
        ApiError: ``BOT_COMMAND_INVALID`` / ``BOT_COMMAND_DESCRIPTION_INVALID`` like Telegram.

    """
    if not isinstance(raw, list):
        raise bad_request("can't parse commands JSON object")
    commands: list[dict[str, str]] = []
    for item in raw:
        if not isinstance(item, dict):
            raise bad_request("can't parse BotCommand JSON object")
        command, description = item.get("command"), item.get("description")
        if not isinstance(command, str) or not _COMMAND.match(command):
            raise bad_request("BOT_COMMAND_INVALID")
        if not isinstance(description, str) or not 1 <= len(description) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        commands.append({"command": command, "description": description})
    return tuple(commands)


class BotProfile:
    """Commands, descriptions and menu buttons as the bot set them, with Telegram's fallbacks."""

    def __init__(self) -> None:
        self._commands: dict[tuple[ScopeKey, str], tuple[dict[str, str], ...]] = {}
        self._descriptions: dict[str, str] = {}
        self._short_descriptions: dict[str, str] = {}
        self._menu_buttons: dict[int | None, dict[str, Any]] = {}

    def set_commands(
        self, scope: ScopeKey, language: str, commands: tuple[dict[str, str], ...]
    ) -> None:
        """Store commands; an empty list removes the entry so lower scopes apply again."""
        if commands:
            self._commands[(scope, language)] = commands
        else:
            self._commands.pop((scope, language), None)

    def delete_commands(self, scope: ScopeKey, language: str) -> None:
        """Remove the commands of exactly this scope and language."""
        self._commands.pop((scope, language), None)

    def get_commands(self, scope: ScopeKey, language: str) -> list[dict[str, str]]:
        """Return exactly what ``getMyCommands`` returns: this scope and language, no fallback."""
        return list(self._commands.get((scope, language), ()))

    def commands_for(self, chat_id: int, language: str | None) -> list[dict[str, str]]:
        """Resolve the command menu a user sees in their private chat with the bot.

        Order (Telegram's documented chain): chat+language, chat, all_private_chats+language,
        all_private_chats, default+language, default.
        """
        lang = language or ""
        for scope in (("chat", chat_id), ("all_private_chats", None), _DEFAULT):
            for code in dict.fromkeys((lang, "")):
                found = self._commands.get((scope, code))
                if found:
                    return list(found)
        return []

    def set_description(self, language: str, text: str, *, short: bool) -> None:
        """Store the (short) description; an empty text removes the translation."""
        target = self._short_descriptions if short else self._descriptions
        if text:
            target[language] = text
        else:
            target.pop(language, None)

    def get_description(self, language: str, *, short: bool) -> str:
        """Return exactly what ``getMyDescription`` returns for this language (no fallback)."""
        source = self._short_descriptions if short else self._descriptions
        return source.get(language, "")

    def description(self, language: str | None, *, short: bool) -> str:
        """Resolve the (short) description for a language, falling back to the default one."""
        source = self._short_descriptions if short else self._descriptions
        return source.get(language or "", source.get("", ""))

    def set_menu_button(self, chat_id: int | None, button: dict[str, Any] | None) -> None:
        """Set the menu button of one chat, or the default one when ``chat_id`` is ``None``."""
        if button is None or button.get("type") == "default":
            self._menu_buttons.pop(chat_id, None)
        else:
            self._menu_buttons[chat_id] = button

    def menu_button(self, chat_id: int | None) -> dict[str, Any]:
        """Return the chat's menu button, else the default one, else ``{"type": "commands"}``."""
        if chat_id is not None and chat_id in self._menu_buttons:
            return self._menu_buttons[chat_id]
        return self._menu_buttons.get(None, {"type": "commands"})
