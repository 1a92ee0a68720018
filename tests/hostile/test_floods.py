"""Issue 11.1: one user's flood slows nobody else, and shutdown does not wait for it."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from sandbox.emulator import ScriptedUser
from tests.fixtures.app import BotHarness

FLOOD = 300


async def _onboard(user: ScriptedUser) -> None:
    await user.send("/start")
    await user.tap("한국어")
    await user.tap("✅ 동의")


async def _first_reply(sotong: BotHarness, chat_id: int, within: float) -> float:
    """Seconds until the bot's first message in a chat whose recent replies were cleared."""
    started = time.monotonic()
    while not sotong.emulator.replies(chat_id):
        if time.monotonic() - started > within:
            pytest.fail(f"no reply within {within} s")
        await asyncio.sleep(0.005)
    return time.monotonic() - started


async def test_a_flood_from_one_user_leaves_another_users_help_fast(sotong: BotHarness) -> None:
    flooder = sotong.user("홍수")
    other = sotong.user("민수")
    await _onboard(flooder)
    await _onboard(other)
    for number in range(FLOOD):
        sotong.emulator.send_text(flooder.id, f"스팸 {number}")
    await sotong.emulator.wait_delivered()
    sotong.emulator.send_text(other.id, "/help")
    assert await _first_reply(sotong, other.id, within=5) < 1.0
    assert "소통 도움말" in (other.reply().text or "")

    started = time.monotonic()
    await sotong.stop(finish=False)
    assert time.monotonic() - started < 10

    # One notice for the whole burst; the rest of the flood was skipped, not answered.
    notices = [m for m in flooder.transcript if "한꺼번에 너무 많이" in (m.text or "")]
    assert len(notices) == 1
    answered = [m for m in flooder.transcript if "이해하지 못했어요" in (m.text or "")]
    assert len(answered) <= sotong.settings.input_burst


async def test_a_429_for_one_chat_does_not_pause_the_others(sotong: BotHarness) -> None:
    """The first chat's reply is refused once (retry after 30 s); the second is not held."""
    first = sotong.user("민수")
    second = sotong.user("지수")
    await _onboard(first)
    await _onboard(second)
    sotong.emulator.inject_fault("retry_after", method="sendMessage", count=1, retry_after=30)
    sotong.emulator.send_text(first.id, "/help")  # this reply meets the 429
    await sotong.emulator.wait_delivered()
    sotong.emulator.send_text(second.id, "/help")
    assert await _first_reply(sotong, second.id, within=5) < 1.0
    assert "소통 도움말" in (second.reply().text or "")


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    return {"input_burst": 20, "input_per_minute": 60}


async def test_a_short_429_on_a_taps_edit_is_waited_out_and_the_tap_lands(
    sotong: BotHarness,
) -> None:
    user = sotong.user("민수")
    await user.send("/start")
    sotong.emulator.inject_fault("retry_after", method="editMessageText", count=1, retry_after=1)
    await user.tap("한국어")
    texts = [message.text or "" for message in user.replies()]
    assert "언어: 한국어" in texts  # the picker was edited after the wait
    assert any("동의" in button for button in user.buttons())  # and the notice followed
    assert not any("문제가 생겼어요" in text for text in texts)


@pytest.mark.parametrize(
    ("language", "label", "held_back", "agree"),
    [
        ("ko", "한국어", "텔레그램이 봇의 메시지를 잠시 막아서", "동의"),
        ("en", "English", "Telegram briefly held back the bot's messages", "agree"),
    ],
)
async def test_a_long_429_on_a_taps_edit_is_said_in_words_once_the_wait_is_over(
    sotong: BotHarness, language: str, label: str, held_back: str, agree: str
) -> None:
    user = sotong.user("민수", language_code=language)
    await user.send("/start")
    sotong.emulator.inject_fault("retry_after", method="editMessageText", count=1, retry_after=6)
    await user.tap(label)
    started = time.monotonic()
    while not any(held_back in (m.text or "") for m in user.transcript):
        assert time.monotonic() - started < 15, "the held-back reply was never explained"
        await asyncio.sleep(0.05)
    assert time.monotonic() - started >= 4.5
    account = await sotong.services.users.get(user.id)
    assert account is not None and account.language == language  # nothing was lost
    await user.tap(label)  # tried again, the flow goes on where it stopped
    assert any(agree in button.lower() for button in user.buttons())


async def test_a_short_429_on_a_buttons_answer_still_shows_its_words(
    sotong: BotHarness,
) -> None:
    user = sotong.user("민수")
    await _onboard(user)
    sotong.emulator.inject_fault(
        "retry_after", method="answerCallbackQuery", count=1, retry_after=1
    )
    _, update_id = sotong.emulator.state.user_tap(user.id, user.transcript[-1], "my:page:0")
    await sotong.emulator.wait_delivered(update_id)
    await sotong.settle()
    assert user.last_toast is not None and user.last_toast.text
