"""A broadcast under faults: Telegram down, the database refusing the record, people erased.

The real outbox sender sends through PTB to the emulator, on a real SQLite file. One fake
monotonic clock drives both the sender's pauses and the emulator's outage window, so a
30-second outage takes no real time.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from telegram import Bot

from bot.policy_jobs import telegram_send
from domain.clock import FrozenClock
from domain.delivery import DeliveryPolicy, OutgoingMessage, QueuedMessage, Send
from domain.subscriptions import SubscriptionChoice
from sandbox.emulator import BotApiEmulator, ScriptedUser
from services.delivery import OutboxSender
from storage.database import Database
from storage.erasure import ErasureRepository
from storage.outbox import OutboxRepository
from storage.subscriptions import SubscriptionRepository
from storage.users import UserRepository
from tests.fixtures.app import START, TEST_TOKEN

SUBSCRIBERS = 150


class FakeTime:
    """Monotonic seconds that move only when the sender sleeps; the emulator reads them too."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(0)
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def emulator_clock(fake_time: FakeTime) -> FakeTime:
    """The emulator's outage window and flood limits run on the sender's fake clock."""
    return fake_time


@dataclass
class Broadcast:
    """150 subscribers who started the bot, each with one digest queued."""

    database: Database
    outbox: OutboxRepository
    users: list[ScriptedUser]
    bot: Bot


@pytest.fixture
async def broadcast(emulator: BotApiEmulator, tmp_path: Path) -> AsyncIterator[Broadcast]:
    database = await Database.open(tmp_path / "sotong.db")
    users = UserRepository(database)
    subscriptions = SubscriptionRepository(database)
    people = []
    for index in range(SUBSCRIBERS):
        person = emulator.create_user(f"구독자{index}", started=True)
        await users.touch(person.id, "ko", START)
        await subscriptions.save(
            person.id, SubscriptionChoice(hour=9), next_due_at=None, event_cursor=0, now=START
        )
        people.append(person)
    outbox = OutboxRepository(database)
    await outbox.enqueue(
        key="digest:broadcast",
        kind="digest",
        messages=[QueuedMessage(person.id, (f"소식 {person.id}",)) for person in people],
        now=START,
    )
    async with Bot(TEST_TOKEN, base_url=emulator.base_url) as bot:
        yield Broadcast(database, outbox, people, bot)
    await database.close()


def _sender(outbox: OutboxRepository, fake_time: FakeTime) -> OutboxSender:
    async def on_blocked(user_id: int) -> None:
        raise AssertionError(f"nobody blocked the bot, yet {user_id} was reported")

    return OutboxSender(
        outbox,
        FrozenClock(START),
        DeliveryPolicy(),
        on_blocked=on_blocked,
        monotonic=fake_time,
        sleep=fake_time.sleep,
    )


def _received(emulator: BotApiEmulator, users: list[ScriptedUser]) -> list[int]:
    """Messages Telegram accepted per user, in the users' order."""
    counts = dict.fromkeys((user.id for user in users), 0)
    for call in emulator.calls("sendMessage"):
        if call.ok:
            counts[int(str(call.params["chat_id"]))] += 1
    return [counts[user.id] for user in users]


def _after(send: Send, count: int, action: object) -> Send:
    """A `send` that runs `action` (a coroutine function) once `count` sends went through.

    No other send goes out while `action` runs, however long it takes (an erasure checkpoints
    the database), so what it changes lands in the middle of the broadcast, not at its end.
    """
    done = 0
    one_at_a_time = asyncio.Lock()

    async def wrapped(message: OutgoingMessage) -> None:
        nonlocal done
        async with one_at_a_time:
            await send(message)
            done += 1
            if done == count:
                await action()  # type: ignore[operator]

    return wrapped


async def test_a_30_second_outage_mid_broadcast_delivers_everyone_exactly_once(
    broadcast: Broadcast,
    emulator: BotApiEmulator,
    fake_time: FakeTime,
    caplog: pytest.LogCaptureFixture,
) -> None:
    started = fake_time.now

    async def outage() -> None:
        emulator.start_outage(30)

    with caplog.at_level(logging.WARNING, logger="sotong.delivery"):
        await _sender(broadcast.outbox, fake_time).drain(
            _after(telegram_send(broadcast.bot), 20, outage)
        )
    assert _received(emulator, broadcast.users) == [1] * SUBSCRIBERS
    (progress,) = await broadcast.outbox.progress()
    assert (progress.sent, progress.pending, progress.failed) == (SUBSCRIBERS, 0, 0)
    refused = [call for call in emulator.calls("sendMessage") if call.injected]
    assert 0 < len(refused) < 20, "the sender paused instead of hammering a dead Telegram"
    assert fake_time.now - started >= 30
    assert "pausing all sends" in caplog.text


async def test_erased_and_unsubscribed_people_get_nothing_from_a_running_broadcast(
    broadcast: Broadcast, emulator: BotApiEmulator, fake_time: FakeTime
) -> None:
    erased = broadcast.users[100:120]
    stopped = broadcast.users[120:130]
    erasure = ErasureRepository(broadcast.database)
    subscriptions = SubscriptionRepository(broadcast.database)

    async def leave() -> None:
        for user in erased:
            await erasure.erase_user(user.id, now=START)
        for user in stopped:
            await subscriptions.stop(user.id, now=START)

    await _sender(broadcast.outbox, fake_time).drain(
        _after(telegram_send(broadcast.bot), 10, leave)
    )
    received = _received(emulator, broadcast.users)
    assert received[100:130] == [0] * 30
    assert received[:100] + received[130:] == [1] * 120
    (progress,) = await broadcast.outbox.progress()
    assert (progress.sent, progress.pending, progress.failed) == (120, 0, 10)
    assert progress.failure_reasons == (("skipped", 10),)


class RefusingRecords(OutboxRepository):
    """The outbox whose `mark_sent` fails like a locked, full or read-only database."""

    def __init__(self, database: Database, failures: int) -> None:
        super().__init__(database)
        self.failures = failures

    async def mark_sent(self, row_id: int, now: datetime) -> None:
        if self.failures > 0:
            self.failures -= 1
            raise sqlite3.OperationalError("database is locked")
        await super().mark_sent(row_id, now)


async def test_a_record_that_fails_after_a_send_never_sends_again(
    broadcast: Broadcast,
    emulator: BotApiEmulator,
    fake_time: FakeTime,
    caplog: pytest.LogCaptureFixture,
) -> None:
    refusing = RefusingRecords(broadcast.database, failures=60)
    with caplog.at_level(logging.WARNING):
        await _sender(refusing, fake_time).drain(telegram_send(broadcast.bot))
        gc.collect()
    assert refusing.failures == 0, "the writes really failed"
    assert _received(emulator, broadcast.users) == [1] * SUBSCRIBERS
    (progress,) = await broadcast.outbox.progress()
    assert (progress.sent, progress.pending, progress.failed) == (SUBSCRIBERS, 0, 0)
    assert "sent but not recorded" in caplog.text
    assert "never retrieved" not in caplog.text


class FailingReads(OutboxRepository):
    """The outbox whose first reads fail, as with a disk error."""

    def __init__(self, database: Database, failures: int) -> None:
        super().__init__(database)
        self.failures = failures

    async def due(self, now: datetime, *, after_id: int, limit: int) -> list:  # type: ignore[type-arg]
        if self.failures > 0:
            self.failures -= 1
            raise sqlite3.OperationalError("disk I/O error")
        return await super().due(now, after_id=after_id, limit=limit)


async def test_the_sender_outlives_a_failing_database(
    broadcast: Broadcast,
    emulator: BotApiEmulator,
    fake_time: FakeTime,
    caplog: pytest.LogCaptureFixture,
) -> None:
    failing = FailingReads(broadcast.database, failures=3)
    with caplog.at_level(logging.ERROR):
        await _sender(failing, fake_time).drain(telegram_send(broadcast.bot))
    assert _received(emulator, broadcast.users) == [1] * SUBSCRIBERS
    assert caplog.text.count("reading the queue failed") == 3
