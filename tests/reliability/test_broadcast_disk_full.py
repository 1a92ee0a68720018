"""A broadcast to 150 while the database's disk is full for 30 s (issue 10.2): nobody gets two.

The running bot's real sender delivers a digest through the emulator while a small tmpfs
holding the database is filled to the last byte, so SQLite itself refuses the `mark_sent`
writes (SQLITE_FULL). The sender's monotonic clock and sleep are a fake that moves only when
the sender waits, and the emulator reads the same clock: the disk is full for 30 s of the
sender's time, which takes a moment of real time.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import logging
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

import bot.wiring
from domain.subscriptions import SubscriptionChoice
from sandbox.emulator import BotApiEmulator, ScriptedUser
from services.delivery import OutboxSender
from tests.delivery.support import add_meeting, kst, tick_at
from tests.fixtures.app import START, BotHarness
from tests.reliability.faults import disk_full, small_filesystem

SUBSCRIBERS = 150
HEADING = "소통 정책 소식"
FULL_AFTER_SENDS = 20
FULL_FOR_SECONDS = 30.0


class SenderTime:
    """Monotonic seconds that move only when the sender sleeps; each sleep lets a fault act."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.on_sleep: Callable[[], None] = lambda: None

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(0)
        self.now += seconds
        self.on_sleep()


class FullDiskEpisode:
    """Fills the disk once Telegram accepted `after` messages; frees it `seconds` later.

    Both moments are read on the sender's own clock, at its sleeps, so the fault lands in the
    middle of the broadcast whatever the machine's speed.
    """

    def __init__(
        self, folder: Path, emulator: BotApiEmulator, time: SenderTime, *, after: int
    ) -> None:
        self._folder = folder
        self._emulator = emulator
        self._time = time
        self._after = after
        self._stack = ExitStack()
        self.filled_at: float | None = None
        self.freed_at: float | None = None
        self.accepted_while_full = 0

    def __enter__(self) -> FullDiskEpisode:
        self._time.on_sleep = self._step
        return self

    def __exit__(self, *exc: object) -> None:
        self._time.on_sleep = lambda: None
        self._stack.close()

    def _step(self) -> None:
        now = self._time.now
        if self.filled_at is None and _accepted(self._emulator) >= self._after:
            self._stack.enter_context(disk_full(self._folder))
            self.filled_at = now
            self.accepted_while_full = -_accepted(self._emulator)
        elif (
            self.filled_at is not None
            and self.freed_at is None
            and now - self.filled_at >= FULL_FOR_SECONDS
        ):
            self._stack.close()
            self.freed_at = now
            self.accepted_while_full += _accepted(self._emulator)


def _accepted(emulator: BotApiEmulator) -> int:
    return sum(1 for call in emulator.calls("sendMessage") if call.ok)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB filesystem of the test's own, unmounted after it.

    Room for the write-ahead log to reach its automatic checkpoint (1000 pages, 4 MB) with
    150 people's data in it: on a smaller one the disk would stay full after the fault.
    """
    with small_filesystem(tmp_path / "disk", size="16m") as mount:
        yield mount


@pytest.fixture
def sender_time() -> SenderTime:
    return SenderTime()


@pytest.fixture
def emulator_clock(sender_time: SenderTime) -> SenderTime:
    """The emulator's flood limits run on the sender's clock, as the sender's pacing does."""
    return sender_time


@pytest.fixture
def sender_on_fake_time(monkeypatch: pytest.MonkeyPatch, sender_time: SenderTime) -> None:
    """The bot builds its outbox sender with the fake clock and sleep."""
    monkeypatch.setattr(
        bot.wiring,
        "OutboxSender",
        functools.partial(OutboxSender, monotonic=sender_time, sleep=sender_time.sleep),
    )


@pytest.fixture
def settings_overrides(small_disk: Path, sender_on_fake_time: None) -> dict[str, Any]:
    """The bot keeps its database on the small filesystem, and its sender on the fake clock."""
    return {"database_path": small_disk / "sotong.db"}


async def _subscribers(sotong: BotHarness) -> list[ScriptedUser]:
    """150 people who started the bot, agreed and take the 09:00 digest."""
    people = []
    for index in range(SUBSCRIBERS):
        person = sotong.user(f"구독자{index}", started=True)
        await sotong.repositories.users.touch(person.id, "ko", START)
        await sotong.services.accounts.agree(
            person.id,
            notice_version=sotong.services.privacy.notice_version,
            display_name=None,
            username=None,
        )
        await sotong.services.subscriptions.subscribe(person.id, SubscriptionChoice(hour=9))
        people.append(person)
    return people


def _digests(emulator: BotApiEmulator, people: list[ScriptedUser]) -> list[int]:
    """Digests Telegram accepted per person, in the people's order."""
    counts = dict.fromkeys((person.id for person in people), 0)
    for call in emulator.calls("sendMessage"):
        if call.ok and HEADING in str(call.params.get("text")):
            counts[int(str(call.params["chat_id"]))] += 1
    return [counts[person.id] for person in people]


async def test_a_broadcast_through_a_30_second_full_disk_reaches_everyone_exactly_once(
    sotong: BotHarness,
    small_disk: Path,
    sender_time: SenderTime,
    caplog: pytest.LogCaptureFixture,
) -> None:
    people = await _subscribers(sotong)
    await add_meeting(sotong, kst(2026, 12, 3, 14))
    sender = sotong.services.delivery
    # The write-ahead log, emptied, has to grow for every write from here on: left as the set-up
    # made it, its already allocated pages could take the writes a full disk is meant to refuse.
    assert await sotong.wiring.database.checkpoint()

    with (
        caplog.at_level(logging.WARNING),
        FullDiskEpisode(small_disk, sotong.emulator, sender_time, after=FULL_AFTER_SENDS) as fault,
    ):
        await tick_at(sotong, kst(2026, 11, 22, 9))
        gc.collect()

    assert fault.filled_at is not None and fault.freed_at is not None
    assert fault.freed_at - fault.filled_at >= FULL_FOR_SECONDS
    assert fault.accepted_while_full > 0, "sends went on while the disk was full"
    received = _digests(sotong.emulator, people)
    assert received == [1] * SUBSCRIBERS, (
        f"{sum(count > 1 for count in received)} got duplicates (up to {max(received)}),"
        f" {received.count(0)} got none"
    )
    refused = [r for r in caplog.records if "sent but not recorded" in r.getMessage()]
    assert refused, "SQLite really refused the records"
    assert all("database or disk is full" in r.getMessage() for r in refused)
    (progress,) = await sotong.services.delivery_status.progress(limit=1)
    assert (progress.sent, progress.pending, progress.failed) == (SUBSCRIBERS, 0, 0)
    assert sender.unrecorded == 0
    assert sender.running, "the sender task survived the fault"
    assert "never retrieved" not in caplog.text

    await people[0].send("/help")
    assert people[0].replies(), "the bot still answers"
