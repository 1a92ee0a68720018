"""Every admin command and button, tried by someone not in ADMIN_IDS, yields nothing but a no."""

from __future__ import annotations

import logging

import pytest

from handlers.commands import admin_commands
from tests.admin.support import onboard, submit
from tests.fixtures.app import BotHarness

COMMANDS = [f"/{name}" for name in admin_commands()]
FORGED = [
    "admin:inbox",
    "admin:export",
    "admin:stats",
    "admin:audit",
    "ai:l:0:_:-:-",
    "ai:f:category:_:-:-",
    "ai:o:{id}",
    "ai:m:in_review:{id}",
    "ai:m:closed:{id}",
    "ai:a:forward:{id}",
    "ai:a:answer:{id}",
    "ai:a:reject:{id}",
    "ai:a:duplicate:{id}",
    "ax:xlsx",
    "ax:csv:all:*:*:*:1",
    "aa:p:0",
    "as:v:cat",
    "as:chart",
    "ai:f:sort:_:-:-:n",
]


@pytest.mark.parametrize("command", COMMANDS)
async def test_admin_commands_refuse_others_and_log(
    sotong: BotHarness, command: str, caplog: pytest.LogCaptureFixture
) -> None:
    await submit(sotong, 5001)
    user = sotong.user("민수")
    await onboard(user)
    with caplog.at_level(logging.WARNING, logger="sotong.security"):
        await user.send(command)
    replies = user.replies()
    assert [m.text for m in replies] == ["관리자만 쓸 수 있는 기능이에요."]
    assert any("non-admin" in record.getMessage() for record in caplog.records)


async def test_forged_admin_buttons_do_nothing_and_are_logged(
    sotong: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    submission = await submit(sotong, 5001)
    user = sotong.user("민수")
    await onboard(user)
    emulator = sotong.emulator
    message = next(m for m in reversed(user.transcript) if m.sender == "bot")
    audit_before = await sotong.services.audit.latest(50)
    with caplog.at_level(logging.WARNING, logger="sotong.security"):
        for data in FORGED:
            _, update_id = emulator.state.user_tap(user.id, message, data.format(id=submission.id))
            if update_id is not None:
                await emulator.wait_delivered(update_id)
            await sotong.settle()
            assert user.replies() == [], data
            toast = user.last_toast
            assert toast is not None and toast.text == "관리자만 쓸 수 있는 기능이에요.", data
    warnings = [r.getMessage() for r in caplog.records if "non-admin" in r.getMessage()]
    assert len(warnings) == len(FORGED)
    stored = await sotong.services.submissions.get(submission.id)
    assert stored is not None and stored.status == submission.status
    assert await sotong.services.audit.latest(50) == audit_before
    assert await sotong.services.forms.open_question(user.id) is None
    assert emulator.calls("sendDocument") == []


async def test_admin_commands_and_menu_are_hidden_from_users(sotong: BotHarness) -> None:
    user = sotong.user("민수")
    await onboard(user)
    names = {command["command"] for command in user.commands}
    assert not names & {"inbox", "export", "stats", "audit"}
    assert "📥 접수함" not in user.buttons()
    admin = sotong.admin()
    await onboard(admin)
    names = {command["command"] for command in admin.commands}
    assert {"inbox", "export", "stats", "audit"} <= names
    assert {"📥 접수함", "📤 내보내기", "📊 통계", "🧾 감사 기록"} <= set(admin.buttons())
