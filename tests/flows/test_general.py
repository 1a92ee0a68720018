"""/help, /language, /privacy, /cancel, the fallback, commands and the error handler."""

from __future__ import annotations

import logging

import pytest
from telegram import Update
from telegram.ext import CommandHandler

from bot.config import Settings
from domain.clock import FrozenClock
from handlers.context import SotongContext
from sandbox.emulator import BotApiEmulator, ScriptedUser
from tests.fixtures.app import ADMIN_ID, START, TEST_TOKEN, BotHarness


async def _onboard(user: ScriptedUser, language: str = "ko") -> None:
    await user.send("/start")
    await user.tap(
        "한국어" if language == "ko" else "English",
    )
    await user.tap("✅ 동의" if language == "ko" else "✅ I agree")


async def test_help_lists_commands_in_each_language(sotong: BotHarness) -> None:
    korean = sotong.user("민수", language_code="ko")
    await _onboard(korean, "ko")
    await korean.send("/help")
    text = korean.reply().text or ""
    assert "소통 도움말" in text
    assert "/privacy — 개인정보 안내와 동의 관리" in text

    english = sotong.user("Jane", language_code="en")
    await _onboard(english, "en")
    await english.send("/help")
    text = english.reply().text or ""
    assert "Sotong help" in text
    assert "/privacy — Privacy notice and consent" in text


async def test_menu_buttons_open_help_language_and_privacy(sotong: BotHarness) -> None:
    user = sotong.user("민수")
    await _onboard(user)
    await user.tap("❓ 도움말")
    assert "소통 도움말" in (user.reply().text or "")
    await user.tap("🔒 개인정보")
    assert "현재 상태: <b>동의함</b>" in user.reply().html
    await user.send("/menu")
    await user.tap("🌐 언어 · Language")
    assert user.reply().buttons == ["한국어 ✓", "English"]


async def test_language_command_switches_language_and_command_menu(sotong: BotHarness) -> None:
    user = sotong.user("민수")
    await _onboard(user)
    await user.send("/language")
    await user.tap("English")
    replies = user.replies()
    assert any("I will speak English from now on" in (m.text or "") for m in replies)
    assert "What can I do for you?" in (user.reply().text or "")
    assert {c["command"]: c["description"] for c in user.commands}["help"] == "Help"
    stored = await sotong.repositories.users.get(user.id)
    assert stored is not None
    assert stored.language == "en"


async def test_privacy_shows_state_and_withdrawal_erases_names(sotong: BotHarness) -> None:
    user = sotong.user("민수", username="minsu")
    await _onboard(user)
    await user.send("/privacy")
    text = user.reply().text or ""
    assert "동의함" in text
    assert "2026년 11월 21일 (토)" in text
    await user.tap("동의 철회")
    assert "철회하시겠어요" in (user.reply().text or "")
    await user.tap("네, 철회할게요")
    assert "동의를 철회했어요" in (user.reply().text or "")
    stored = await sotong.repositories.users.get(user.id)
    assert stored is not None
    assert not stored.has_consent("2026-11-22")
    assert stored.display_name is None
    assert stored.username is None
    await user.send("/privacy")
    assert "동의하지 않음" in (user.reply().text or "")
    assert user.reply().buttons == ["✅ 동의", "동의하지 않음"]


async def test_keeping_consent_changes_nothing(sotong: BotHarness) -> None:
    user = sotong.user("Jane", language_code="en")
    await _onboard(user, "en")
    await user.send("/privacy")
    await user.tap("Withdraw consent")
    await user.tap("No, keep it")
    assert user.reply().text == "Your consent stays as it was."


@pytest.mark.parametrize(
    ("language", "expected_hint", "expected_unknown"),
    [
        ("ko", "이해하지 못했어요", "/frobnicate는 없는 명령어예요"),
        ("en", "I didn't understand that", "There is no /frobnicate command"),
    ],
)
async def test_anything_not_understood_gets_a_hint_and_the_menu(
    sotong: BotHarness, language: str, expected_hint: str, expected_unknown: str
) -> None:
    user = sotong.user("Lee", language_code=language)
    await _onboard(user, language)
    await user.send("what is this?")
    replies = user.replies()
    assert expected_hint in (replies[0].text or "")
    assert replies[-1].buttons, "the menu should follow the hint"
    await user.send_sticker()
    assert expected_hint in (user.replies()[0].text or "")
    await user.send("/frobnicate now")
    assert expected_unknown in (user.replies()[0].text or "")


async def test_cancel_with_nothing_running(sotong: BotHarness) -> None:
    user = sotong.user("민수")
    await _onboard(user)
    await user.send("/cancel")
    assert user.replies()[0].text == "진행 중인 작업이 없어요."


async def test_an_old_button_is_answered_and_shows_the_menu(sotong: BotHarness) -> None:
    user = sotong.user("민수")
    await user.send("/start")
    picker = user.reply()
    await user.send("/cancel")
    await user.tap("English", message_id=picker.message_id)
    assert user.reply().text is not None
    assert "무엇을 도와드릴까요?" in user.reply().text
    assert user.reply().buttons


async def test_commands_are_registered_per_language_and_scope(sotong: BotHarness) -> None:
    korean = sotong.user("민수", language_code="ko")
    english = sotong.user("Jane", language_code="en")
    admin = sotong.admin()
    await admin.send("/start")
    korean_commands = {c["command"]: c["description"] for c in korean.commands}
    assert korean_commands["start"] == "시작하기"
    assert {c["command"]: c["description"] for c in english.commands}["start"] == "Get started"
    admin_commands = [c["command"] for c in admin.commands]
    assert admin_commands[: len(korean_commands)] == list(korean_commands)
    assert sotong.emulator.description_for(english.id).startswith("Sotong lets")
    assert sotong.emulator.description_for(korean.id).startswith("소통은")
    assert admin.id == ADMIN_ID


async def test_admins_who_never_wrote_get_their_commands_on_start(
    emulator: BotApiEmulator, bot_settings: Settings
) -> None:
    harness = BotHarness(
        emulator, bot_settings.model_copy(update={"admin_ids": frozenset({77})}), FrozenClock(START)
    )
    await harness.start()
    try:
        admin = harness.user("새 관리자", user_id=77)
        assert "inbox" not in [c["command"] for c in admin.commands]
        await admin.send("/start")
        assert len(admin.commands) > len(harness.user("민수").commands)
    finally:
        await harness.stop()


async def test_errors_are_logged_without_secrets_and_the_user_is_told(
    sotong: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    async def explode(update: Update, context: SotongContext) -> None:
        raise RuntimeError("boom")

    sotong.application.add_handler(CommandHandler("explode", explode), group=-2)
    user = sotong.user("Jane", language_code="en", username="jane_secret")
    await _onboard(user, "en")
    with caplog.at_level(logging.ERROR, logger="sotong.errors"):
        await user.send("/explode")
    assert any("Sorry, something went wrong" in (m.text or "") for m in user.replies())
    record = next(r for r in caplog.records if r.name == "sotong.errors")
    assert "command=/explode" in record.getMessage()
    assert record.exc_info is not None
    logged = caplog.text
    assert "jane_secret" not in logged
    assert "Jane" not in logged
    assert TEST_TOKEN not in logged


async def test_a_user_who_blocks_the_bot_is_marked_and_comes_back_by_writing(
    sotong: BotHarness,
) -> None:
    user = sotong.user("민수")
    await _onboard(user)
    await user.block()
    stored = await sotong.repositories.users.get(user.id)
    assert stored is not None
    assert stored.blocked_at is not None
    await user.unblock()
    await user.send("/help")
    stored = await sotong.repositories.users.get(user.id)
    assert stored is not None
    assert stored.blocked_at is None


async def test_choosing_the_language_already_in_use_edits_nothing(sotong: BotHarness) -> None:
    user = sotong.user("민수", language_code="ko")
    await _onboard(user)
    await user.send("/language")
    picker = user.reply()
    # Two quick taps on the same button: both updates carry the picker as it was.
    sotong.emulator.tap(user.id, callback_data="lang:ko", message_id=picker.message_id)
    sotong.emulator.tap(user.id, callback_data="lang:ko", message_id=picker.message_id)
    await sotong.settle()
    toast = user.last_toast
    assert toast is not None and "이미 한국어로" in toast.text
    await user.tap(callback_data="lang:en", message_id=picker.message_id)
    assert any("English" in (m.text or "") for m in user.replies())
