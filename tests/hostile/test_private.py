"""Issue 11.2: admin data stays in the admin's private chat; groups never touch private state."""

from __future__ import annotations

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from sandbox.emulator import ScriptedUser
from tests.fixtures.app import BotHarness

PRIVATE_ONLY = "이 기능은 저와의 1:1 대화에서 써 주세요."


async def _onboard(user: ScriptedUser) -> None:
    await user.send("/start")
    await user.tap("한국어")
    await user.tap("✅ 동의")


@pytest.mark.parametrize("command", ["/inbox", "/export", "/stats", "/audit", "/delivery"])
async def test_admin_commands_in_a_group_get_one_short_answer_and_nothing_else(
    sotong: BotHarness, command: str
) -> None:
    admin = sotong.admin()
    group = sotong.emulator.create_group("협회 단톡방")
    await admin.send(command, group_id=group)
    assert [m.text for m in sotong.emulator.transcript(group) if m.sender == "bot"] == [
        PRIVATE_ONLY
    ]
    assert admin.transcript == []


async def test_an_admin_button_in_a_group_answers_with_a_toast_only(sotong: BotHarness) -> None:
    admin = sotong.admin()
    group = sotong.emulator.create_group("협회 단톡방")
    markup = InlineKeyboardMarkup(
        [[InlineKeyboardButton("받은 의견", callback_data="admin:inbox")]]
    )
    await sotong.application.bot.send_message(group, "옛 버튼", reply_markup=markup)
    await admin.tap("받은 의견", chat_id=group)
    toast = admin.last_toast
    assert toast is not None and toast.text == PRIVATE_ONLY
    assert len(sotong.emulator.transcript(group)) == 1
    assert admin.transcript == []


async def test_ordinary_talk_in_a_group_is_ignored(sotong: BotHarness) -> None:
    user = sotong.user("민수")
    group = sotong.emulator.create_group("동네 모임")
    await user.send("안녕하세요 여러분", group_id=group)
    assert [m for m in sotong.emulator.transcript(group) if m.sender == "bot"] == []


async def test_the_bot_leaves_a_group_it_is_added_to(sotong: BotHarness) -> None:
    user = sotong.user("민수")
    group = sotong.emulator.create_group("동네 모임")
    sotong.emulator.state.group(group).member = False
    await user.add_bot_to(group)
    assert not sotong.emulator.state.group(group).member
    assert [m for m in sotong.emulator.transcript(group) if m.sender == "bot"] == []


async def test_removing_the_bot_from_a_group_leaves_the_private_chat_alone(
    sotong: BotHarness,
) -> None:
    user = sotong.user("민수")
    await _onboard(user)
    group = sotong.emulator.create_group("동네 모임")
    await user.remove_bot_from(group)
    stored = await sotong.repositories.users.get(user.id)
    assert stored is not None and stored.blocked_at is None
    await user.send("/help")
    assert "소통 도움말" in (user.reply().text or "")
