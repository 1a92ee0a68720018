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
