"""The outbox sender's timing, without sleeping.

A fake monotonic clock and sleep, a recording `send`, and the real outbox table in a
temporary SQLite file.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from domain.clock import FrozenClock
from domain.delivery import (
    DeliveryPolicy,
    OutgoingMessage,
    PermanentSendError,
    QueuedMessage,
    RateLimitedError,
    RecipientBlockedError,
    TransientSendError,
)
from services.delivery import OutboxSender
from storage.database import Database
from storage.outbox import OutboxRepository
from storage.users import UserRepository
from tests.fixtures.app import START


class FakeTime:
    """Monotonic seconds that only move when the sender sleeps."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(0)  # sends already started run at the moment they were paced
        self.now += seconds


class Recorder:
    """A `send` that records (time, chat, text) and raises what a test scripted."""

    def __init__(self, time: FakeTime) -> None:
        self.time = time
        self.sent: list[tuple[float, int, str]] = []
        self.failures: dict[str, list[Exception]] = {}

    async def __call__(self, message: OutgoingMessage) -> None:
        planned = self.failures.get(message.text)
        if planned:
            raise planned.pop(0)
        self.sent.append((self.time.now, message.chat_id, message.text))


@pytest.fixture
async def outbox(tmp_path: Path) -> AsyncIterator[OutboxRepository]:
    database = await Database.open(tmp_path / "outbox.db")
    users = UserRepository(database)
    for user_id in range(1, 41):
        await users.touch(user_id, "ko", START)
    yield OutboxRepository(database)
    await database.close()


async def _ignore(user_id: int) -> None:
    """A blocked recipient needs no bookkeeping in these tests."""


def _sender(
    outbox: OutboxRepository, time: FakeTime, blocked: list[int] | None = None, **policy: float
) -> OutboxSender:
    async def on_blocked(user_id: int) -> None:
        (blocked if blocked is not None else []).append(user_id)

    return OutboxSender(
        outbox,
        FrozenClock(START),
        DeliveryPolicy(**policy),  # type: ignore[arg-type]
        on_blocked=on_blocked,
        monotonic=time.monotonic,
        sleep=time.sleep,
    )


async def _queue(outbox: OutboxRepository, messages: list[QueuedMessage], key: str = "d1") -> None:
    await outbox.enqueue(key=key, kind="notice", messages=messages, now=START)


async def test_overall_rate_spaces_sends_evenly(outbox: OutboxRepository) -> None:
    await _queue(outbox, [QueuedMessage(user, (f"m{user}",)) for user in range(1, 31)])
    time = FakeTime()
    send = Recorder(time)
    await _sender(outbox, time, rate_per_second=10.0, max_in_flight=1).drain(send)
    times = [at for at, _, _ in send.sent]
    assert len(times) == 30
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert min(gaps) == pytest.approx(0.1)
    assert times[-1] == pytest.approx(2.9)


async def test_one_chat_gets_one_message_per_interval_and_parts_stay_in_order(
    outbox: OutboxRepository,
) -> None:
    await _queue(
        outbox,
        [QueuedMessage(1, ("a1", "a2", "a3")), QueuedMessage(2, ("b1",))],
    )
    time = FakeTime()
    send = Recorder(time)
    await _sender(outbox, time, rate_per_second=100.0, per_chat_interval=1.0).drain(send)
    first_chat = [(at, text) for at, chat, text in send.sent if chat == 1]
    assert [text for _, text in first_chat] == ["a1", "a2", "a3"]
    assert first_chat[1][0] - first_chat[0][0] >= 1.0 - 1e-9
    assert first_chat[2][0] - first_chat[1][0] >= 1.0 - 1e-9
    assert [text for _, chat, text in send.sent if chat == 2] == ["b1"]
    assert send.sent[1][2] == "b1", "another chat does not wait behind a paced one"


async def test_a_429_pauses_everything_for_retry_after_and_resends(
    outbox: OutboxRepository,
) -> None:
    await _queue(outbox, [QueuedMessage(user, (f"m{user}",)) for user in range(1, 4)])
    time = FakeTime()
    send = Recorder(time)
    send.failures["m1"] = [RateLimitedError(7)]
    await _sender(outbox, time, rate_per_second=100.0, max_in_flight=1).drain(send)
    assert sorted(text for _, _, text in send.sent) == ["m1", "m2", "m3"]
    assert all(at >= 7 for at, _, _ in send.sent), "nothing is sent during the pause"
    (progress,) = await outbox.progress()
    assert (progress.sent, progress.failed) == (3, 0)


async def test_network_errors_pause_every_send_with_growing_backoff(
    outbox: OutboxRepository,
) -> None:
    await _queue(outbox, [QueuedMessage(1, ("flaky",)), QueuedMessage(2, ("other",))])
    time = FakeTime()
    send = Recorder(time)
    send.failures["flaky"] = [TransientSendError("timed out"), TransientSendError("502")]
    send.failures["other"] = [TransientSendError("502"), TransientSendError("502")]
    await _sender(outbox, time, backoff_base=1.0, max_in_flight=1).drain(send)
    assert sorted(text for _, _, text in send.sent) == ["flaky", "other"]
    assert min(at for at, _, _ in send.sent) >= 1.0 + 2.0 + 4.0 + 8.0, (
        "four failures in a row, whichever chat: every send paused 1, 2, 4, then 8 s"
    )
    (progress,) = await outbox.progress()
    assert (progress.sent, progress.pending, progress.failed) == (2, 0, 0)


def test_backoff_stays_at_its_cap_however_many_failures_came_in_a_row() -> None:
    # 1025 pauses of 60 s is a 17-hour outage, well inside the 48-hour give-up budget.
    policy = DeliveryPolicy(backoff_base=1.0, backoff_max=60.0)
    assert [policy.backoff(n) for n in (1, 2, 3, 7, 1025, 100_000)] == [1, 2, 4, 60, 60, 60]


async def test_a_row_gives_up_on_its_time_budget_not_a_count_and_says_why(
    outbox: OutboxRepository, caplog: pytest.LogCaptureFixture
) -> None:
    await _queue(outbox, [QueuedMessage(1, ("dead",))])
    time = FakeTime()
    clock = FrozenClock(START)
    send = Recorder(time)
    failures = [TransientSendError("Bad Gateway")] * 100
    send.failures["dead"] = failures

    async def sleep(seconds: float) -> None:
        await time.sleep(seconds)
        clock.advance(timedelta(seconds=seconds))

    sender = OutboxSender(
        outbox,
        clock,
        DeliveryPolicy(give_up_after=timedelta(minutes=10), backoff_max=60.0),
        on_blocked=_ignore,
        monotonic=time.monotonic,
        sleep=sleep,
    )
    await sender.drain(send)
    (progress,) = await outbox.progress()
    assert (progress.sent, progress.pending, progress.failed) == (0, 0, 1)
    assert progress.failure_reasons == (("gave up after 0.166667 h", 1),)
    assert time.now >= 600, "retried for the whole budget"
    assert 100 - len(failures) < 20, "backoff grew to the cap instead of hammering"
    assert "given up after" in caplog.text and "Bad Gateway" in caplog.text


async def test_a_refused_message_fails_once_with_its_reason(outbox: OutboxRepository) -> None:
    await _queue(outbox, [QueuedMessage(1, ("bad",))])
    time = FakeTime()
    send = Recorder(time)
    send.failures["bad"] = [PermanentSendError("message is too long")]
    await _sender(outbox, time).drain(send)
    (progress,) = await outbox.progress()
    assert (progress.failed, progress.failure_reasons) == (1, (("refused", 1),))


async def test_a_blocked_recipient_is_reported_and_their_queue_dropped(
    outbox: OutboxRepository,
) -> None:
    await _queue(outbox, [QueuedMessage(1, ("p1", "p2", "p3")), QueuedMessage(2, ("ok",))])
    time = FakeTime()
    send = Recorder(time)
    send.failures["p1"] = [RecipientBlockedError("Forbidden: bot was blocked by the user")]
    blocked: list[int] = []
    await _sender(outbox, time, blocked).drain(send)
    assert blocked == [1]
    assert [text for _, _, text in send.sent] == ["ok"]
    (progress,) = await outbox.progress()
    assert (progress.sent, progress.pending, progress.failed) == (1, 0, 3)


async def test_a_new_sender_resumes_where_a_stopped_one_left_off(outbox: OutboxRepository) -> None:
    await _queue(outbox, [QueuedMessage(user, (f"m{user}",)) for user in range(1, 41)])
    time = FakeTime()
    first = Recorder(time)

    def stop_after_ten() -> bool:
        return len(first.sent) >= 10

    await _sender(outbox, time, rate_per_second=1000.0).run(first, stop_after_ten)
    second = Recorder(time)
    await _sender(outbox, time, rate_per_second=1000.0).drain(second)
    delivered = [chat for _, chat, _ in first.sent + second.sent]
    assert sorted(set(delivered)) == list(range(1, 41))
    assert len(delivered) == 40, "a clean stop lets sends in flight finish: no duplicates"


async def test_enqueuing_the_same_delivery_twice_adds_nothing(outbox: OutboxRepository) -> None:
    messages = [QueuedMessage(1, ("a", "b"))]
    assert await outbox.enqueue(key="k", kind="digest", messages=messages, now=START) == 2
    assert await outbox.enqueue(key="k", kind="digest", messages=messages, now=START) == 0
