"""Delivery that loses nothing: blocked users, 429 storms and a restart mid-broadcast.

Every message the emulator received is counted per subscriber.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from domain.subscriptions import SubscriptionChoice
from sandbox.emulator import ScriptedUser
from tests.delivery.support import add_meeting, containing, kst, tick_at
from tests.fixtures.app import BotHarness

HEADING = "소통 정책 소식"


async def _subscribers(sotong: BotHarness, count: int) -> list[ScriptedUser]:
    users = []
    for index in range(count):
        user = sotong.user(f"구독자{index}", language_code="ko")
        await user.send("/start")
        await sotong.services.accounts.agree(
            user.id,
            notice_version=sotong.services.privacy.notice_version,
            display_name=None,
            username=None,
        )
        await sotong.services.subscriptions.subscribe(user.id, SubscriptionChoice(hour=9))
        users.append(user)
    return users


def _digests_received(sotong: BotHarness, user_id: int) -> int:
    return sum(
        1
        for call in sotong.emulator.calls("sendMessage")
        if call.status == 200
        and str(call.params.get("chat_id")) == str(user_id)
        and HEADING in str(call.params.get("text"))
    )


async def test_a_blocked_user_is_marked_at_the_first_forbidden_and_skipped_until_back(
    sotong: BotHarness,
) -> None:
    sotong.emulator.expect_rejection("blocked", method="sendMessage", status=403)
    stays, leaves = await _subscribers(sotong, 2)
    await add_meeting(sotong, kst(2026, 12, 3, 14))
    # Blocked while the bot was not looking: the first send gets the 403.
    sotong.emulator.state.chats[leaves.id].blocked = True

    await tick_at(sotong, kst(2026, 11, 22, 9))
    assert len(containing(stays, HEADING)) == 1
    user = await sotong.repositories.users.get(leaves.id)
    assert user is not None and user.blocked_at is not None
    (progress,) = await sotong.services.delivery_status.progress(limit=1)
    assert (progress.sent, progress.pending, progress.failed) == (1, 0, 1)
    assert progress.failure_reasons[0][0] == "blocked"

    await add_meeting(sotong, kst(2026, 12, 10, 14), title="SOS Talk")
    await tick_at(sotong, kst(2026, 11, 23, 9))
    forbidden = [c for c in sotong.emulator.calls("sendMessage") if c.status == 403]
    assert len(forbidden) == 1, "a blocked user is never retried"

    # They come back: they are reachable again and catch up on what they missed.
    sotong.emulator.state.chats[leaves.id].blocked = False
    await leaves.send("/menu")
    await add_meeting(sotong, kst(2026, 12, 17, 14), title="AI 정책자문단")
    await tick_at(sotong, kst(2026, 11, 24, 9))
    (digest,) = containing(leaves, HEADING)
    assert "AI 정책자문단" in (digest.text or "")
    assert "SOS Talk" in (digest.text or "")


async def test_blocking_through_telegram_stops_digests_at_once(sotong: BotHarness) -> None:
    stays, leaves = await _subscribers(sotong, 2)
    await leaves.block()
    await add_meeting(sotong, kst(2026, 12, 3, 14))
    await tick_at(sotong, kst(2026, 11, 22, 9))
    assert len(containing(stays, HEADING)) == 1
    assert not [c for c in sotong.emulator.calls("sendMessage") if c.status == 403]


async def test_a_429_storm_delays_but_loses_and_repeats_nothing(
    sotong: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    users = await _subscribers(sotong, 5)
    await add_meeting(sotong, kst(2026, 12, 3, 14))
    # PTB's limiter retries each call three times; with sends in flight side by side, 16
    # failures are more than the limiter absorbs, so the sender sees a 429 and pauses.
    sotong.emulator.inject_fault("retry_after", method="sendMessage", count=16, retry_after=1)
    with caplog.at_level(logging.WARNING, logger="sotong.delivery"):
        await tick_at(sotong, kst(2026, 11, 22, 9))
    assert any("flood control" in record.getMessage() for record in caplog.records)
    assert [_digests_received(sotong, user.id) for user in users] == [1] * 5
    injected = [c for c in sotong.emulator.calls("sendMessage") if c.status == 429]
    assert len(injected) == 16


async def test_network_and_server_errors_are_retried_with_backoff(sotong: BotHarness) -> None:
    (user,) = await _subscribers(sotong, 1)
    await add_meeting(sotong, kst(2026, 12, 3, 14))
    sotong.emulator.inject_fault("server_error", method="sendMessage", count=1)
    await tick_at(sotong, kst(2026, 11, 22, 9))
    assert _digests_received(sotong, user.id) == 1
    (progress,) = await sotong.services.delivery_status.progress(limit=1)
    assert (progress.sent, progress.failed) == (1, 0)


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    """A slower sender, so the restart lands in the middle of the broadcast."""
    return {"delivery_rate_per_second": 20.0}


async def test_a_restart_mid_broadcast_resumes_without_losing_anyone(sotong: BotHarness) -> None:
    users = await _subscribers(sotong, 30)
    await add_meeting(sotong, kst(2026, 12, 3, 14))
    sotong.clock.set(kst(2026, 11, 22, 9))
    jobs = sotong.application.job_queue
    assert jobs is not None
    (job,) = jobs.get_jobs_by_name("policy_tick")
    await job.run(sotong.application)
    for _ in range(500):  # real time: the broadcast runs while the test watches
        if sum(_digests_received(sotong, user.id) for user in users) >= 8:
            break
        await asyncio.sleep(0.02)
    await sotong.restart()
    partial = sum(_digests_received(sotong, user.id) for user in users)
    assert 8 <= partial < 30, "the restart happened in the middle"
    await sotong.services.delivery.wait_idle()

    received = [_digests_received(sotong, user.id) for user in users]
    assert all(count >= 1 for count in received), "no subscriber misses the digest"
    assert sum(received) - len(users) <= 4, "duplicates are at most the sends in flight"
    (progress,) = await sotong.services.delivery_status.progress(limit=1)
    assert (progress.sent, progress.pending, progress.failed) == (30, 0, 0)
