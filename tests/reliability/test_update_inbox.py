"""The update journal and inbox on their own: dedupe, replay, pruning, a webhook's way in."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot, Update

from bot.update_inbox import UpdateInbox
from domain.clock import FrozenClock
from storage.database import Database
from storage.errors import StorageFault, StorageUnavailableError
from storage.inputs import InputQueries, InputRepository, handling_update
from storage.update_journal import UpdateJournal
from tests.fixtures.app import TEST_TOKEN
from tests.reliability.faults import locked_by_another_process

NOW = datetime(2026, 11, 21, 6, 0, tzinfo=UTC)


def _message(update_id: int, text: str = "안녕하세요") -> dict[str, Any]:
    user = {"id": 7, "is_bot": False, "first_name": "민수"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 0,
            "chat": {"id": 7, "type": "private"},
            "from": user,
            "text": text,
        },
    }


@pytest.fixture
async def database(tmp_path: Path) -> Database:
    return await Database.open(tmp_path / "journal.db")


async def _open_inbox(database: Database) -> tuple[UpdateInbox, asyncio.Queue[object]]:
    inbox = UpdateInbox(UpdateJournal(database), FrozenClock(NOW))
    queue: asyncio.Queue[object] = asyncio.Queue()
    await inbox.open(Bot(TEST_TOKEN), queue)
    return inbox, queue


async def test_a_webhook_delivery_sent_twice_is_queued_once(database: Database) -> None:
    inbox, queue = await _open_inbox(database)
    assert await inbox.accept(_message(41))
    assert not await inbox.accept(_message(41))
    assert queue.qsize() == 1
    # The journal keeps the update as Telegram sent it.
    [(update_id, body)] = await UpdateJournal(database).unhandled()
    assert update_id == 41 and json.loads(body) == _message(41)
    assert (await queue.get()).update_id == 41


async def test_unhandled_updates_are_replayed_at_the_next_start_and_handled_ones_are_not(
    database: Database,
) -> None:
    inbox, _ = await _open_inbox(database)
    await inbox.accept(_message(1, "처리됨"))
    await inbox.accept(_message(2, "처리 전에 멈춤"))
    await inbox.handled(1)
    again, queue = await _open_inbox(database)
    replayed = await queue.get()
    assert queue.empty()
    assert replayed.message.text == "처리 전에 멈춤"
    assert again.next_offset == 3
    # Telegram delivering both again after the crash changes nothing.
    assert not await again.accept(_message(1))
    assert not await again.accept(_message(2))


async def _asked(database: Database, user_id: int) -> bool:
    question = await InputQueries(database).open_question(user_id)
    assert question is not None
    return question.asked


async def test_a_question_asked_while_an_update_is_handled_is_recorded_with_its_handled_mark(
    database: Database,
) -> None:
    inputs = InputRepository(database)
    inbox, _ = await _open_inbox(database)
    for user_id, update_id in ((7, 1), (8, 2)):
        await inputs.open(user_id, "feedback", "law", {}, now=NOW, asked=False)
        await inbox.accept(_message(update_id))
    with handling_update(1) as in_hand:
        await inputs.mark_asked(7, "feedback", "law")
    assert not await _asked(database, 7)  # the crash window: neither is recorded yet
    await inbox.handled(1, in_hand.asked)
    assert await _asked(database, 7)
    assert not await _asked(database, 8)
    # Outside an update (a job, another channel) the mark is written at once.
    await inputs.mark_asked(8, "feedback", "law")
    assert await _asked(database, 8)
    _, queue = await _open_inbox(database)
    replayed = await queue.get()
    assert isinstance(replayed, Update) and replayed.update_id == 2


async def test_a_question_whose_update_was_never_recorded_stays_unasked(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = InputRepository(database)
    inbox, _ = await _open_inbox(database)
    await inputs.open(7, "feedback", "law", {}, now=NOW, asked=False)
    await inbox.accept(_message(1))
    monkeypatch.setattr("storage.database.LOCK_ATTEMPTS", 1)
    with handling_update(1) as in_hand:
        await inputs.mark_asked(7, "feedback", "law")
    with locked_by_another_process(database.path):
        await inbox.handled(1, in_hand.asked)  # logged; the update is replayed at the next start
    assert not await _asked(database, 7)
    _, queue = await _open_inbox(database)
    replayed = await queue.get()
    assert isinstance(replayed, Update) and replayed.update_id == 1


async def test_handled_updates_keep_no_text_and_old_ones_are_pruned_but_the_newest(
    database: Database,
) -> None:
    journal = UpdateJournal(database)
    inbox, _ = await _open_inbox(database)
    for update_id in (1, 2, 3):
        await inbox.accept(_message(update_id, "개인적인 내용"))
        await inbox.handled(update_id)
    rows = await database.fetch_all("SELECT body FROM update_journal")
    assert [row["body"] for row in rows] == [None, None, None]
    assert await journal.prune(NOW + timedelta(days=2)) == 2
    assert await journal.next_offset() == 4


async def test_a_locked_journal_lets_updates_through_instead_of_holding_them(
    database: Database,
) -> None:
    inbox, queue = await _open_inbox(database)
    with locked_by_another_process(database.path):
        assert await inbox.accept(_message(5))
    assert queue.qsize() == 1
    assert await UpdateJournal(database).unhandled() == []


async def test_a_write_waits_a_bounded_time_for_another_process_then_says_locked(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storage.database.LOCK_ATTEMPTS", 2)
    with locked_by_another_process(database.path), pytest.raises(StorageUnavailableError) as caught:
        await database.execute("DELETE FROM update_journal")
    assert caught.value.fault is StorageFault.LOCKED
    assert await database.execute("DELETE FROM update_journal") == 0


async def test_handled_marks_go_before_ordinary_writes_already_waiting(
    database: Database,
) -> None:
    order: list[str] = []

    async def write(name: str, *, urgent: bool = False) -> None:
        await database.execute("SELECT 1", urgent=urgent)
        order.append(name)

    async with database.transaction():
        waiting = [
            asyncio.create_task(write("ordinary 1")),
            asyncio.create_task(write("ordinary 2")),
            asyncio.create_task(write("mark", urgent=True)),
        ]
        await asyncio.sleep(0)
    await asyncio.gather(*waiting)
    assert order == ["mark", "ordinary 1", "ordinary 2"]
