"""Each command is declared once: registration, menus, /help and the README all follow it."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import handlers
from handlers.commands import Scope, declared_commands, visible_commands
from handlers.conversation import Flow
from messages import LANGUAGES, t
from tests.admin.support import onboard
from tests.fixtures.app import BotHarness

README = Path(__file__).resolve().parents[2] / "README.md"


def _table_rows() -> dict[str, str]:
    """Each command in the README's "What people can do" table, with the row's "who" cell."""
    section = README.read_text(encoding="utf-8").split("## What people can do", 1)[1]
    rows: dict[str, str] = {}
    for line in section.split("\n## ", 1)[0].splitlines():
        if not line.startswith("| ") or line.startswith("| who"):
            continue
        who, commands = line.split("|")[1:3]
        for name in re.findall(r"`/([a-z]+)", commands):
            rows[name] = who.strip()
    return rows


def test_the_readme_table_lists_every_command_for_its_audience() -> None:
    rows = _table_rows()
    declared = {command.name: command for command in declared_commands()}
    assert sorted(set(declared) - set(rows)) == [], "declared but missing from the README"
    assert sorted(set(rows) - set(declared)) == [], "in the README but not declared"
    for name, command in declared.items():
        assert rows[name].startswith("administrators") == (command.scope is Scope.ADMIN), name


def test_a_command_a_conversation_answers_is_declared_in_that_conversation_s_module() -> None:
    """Declared once, where it is answered: not beside it in another module."""
    for info in pkgutil.iter_modules(handlers.__path__):
        module = importlib.import_module(f"handlers.{info.name}")
        opens = getattr(module, "conversation", None)
        entry = opens().entry_commands if callable(opens) else frozenset()
        for command in getattr(module, "COMMANDS", ()):
            if command.callback is None:
                assert callable(opens), f"/{command.name} has no callback and {info.name} no flow"
                assert isinstance(opens(), Flow), (info.name, command.name)
                assert command.name in entry, (info.name, command.name)


def test_every_command_has_a_description_in_each_language() -> None:
    for command in declared_commands():
        for language in LANGUAGES:
            assert t(language, command.description_key) != command.description_key


async def test_every_declared_command_is_answered_and_listed(sotong: BotHarness) -> None:
    admin = sotong.admin()
    await onboard(admin)
    assert [c["command"] for c in admin.commands] == [c.name for c in visible_commands(admin=True)]
    for command in declared_commands():
        await admin.send(f"/{command.name}")
        unknown = t("ko", "fallback.unknown_command", command=command.name)
        texts = [message.html for message in admin.replies()]
        assert texts and unknown not in texts, command.name
        await admin.send("/cancel")
        admin.replies()
    await admin.send("/help")
    help_text = admin.reply().text or ""
    for command in declared_commands():
        assert f"/{command.name} — " in help_text, command.name


@pytest.mark.parametrize("language", LANGUAGES)
async def test_people_see_everyone_s_commands_and_administrators_theirs_too(
    sotong: BotHarness, language: str
) -> None:
    user = sotong.user("민수", language_code=language)
    await onboard(user, language)
    shown = [c["command"] for c in user.commands]
    assert shown == [c.name for c in declared_commands() if c.scope is not Scope.ADMIN]
    await user.send("/help")
    help_text = user.reply().text or ""
    for command in declared_commands():
        listed = f"/{command.name} — " in help_text
        assert listed == (command.scope is not Scope.ADMIN), command.name
