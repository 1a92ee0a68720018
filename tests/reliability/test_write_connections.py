"""Where writes run: on the loop without ever putting it to sleep, or on the writer's thread."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import storage.database
from storage.connection import Connection
from storage.database import BUSY_TIMEOUT_MS, Database
from storage.errors import StorageFault, StorageUnavailableError
from tests.reliability.faults import locked_by_another_process

FULL, NORMAL = 2, 1


@pytest.fixture
async def database(tmp_path: Path) -> Database:
    return await Database.open(tmp_path / "writes.db")


async def _synchronous(connection: Connection) -> int:
    rows = await connection.execute_fetchall("PRAGMA synchronous")
    return int(rows[0][0])


async def test_only_the_journal_and_large_writes_commit_with_an_fsync(
    database: Database,
) -> None:
    """The thread writer takes them and fsyncs; the loop's writer takes the rest and never does."""
    async with database.transaction() as connection:
        assert await _synchronous(connection) == NORMAL
    async with database.unit_of_work() as work:
        assert await _synchronous(work.connection) == NORMAL
    async with database.transaction(durable=True) as connection:
        assert await _synchronous(connection) == FULL
    async with database.transaction(large=True) as connection:
        assert await _synchronous(connection) == FULL


async def test_a_write_waiting_for_another_process_keeps_the_loop_running(
    database: Database,
) -> None:
    """The wait is the loop's own sleeps: everybody else is answered meanwhile."""
    ticks = 0
    stop = asyncio.Event()

    async def tick() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0.005)

    ticker = asyncio.create_task(tick())
    with locked_by_another_process(database.path):
        write = asyncio.create_task(database.execute("DELETE FROM update_journal"))
        await asyncio.sleep(0.2)
        assert not write.done()
        ticks_while_waiting = ticks
    assert await write == 0
    stop.set()
    await ticker
    assert ticks_while_waiting >= 10, ticks_while_waiting


async def test_the_loops_waits_for_a_lock_take_as_long_as_sqlites_own(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage.database, "LOCK_ATTEMPTS", 1)
    loop = asyncio.get_running_loop()
    with locked_by_another_process(database.path):
        started = loop.time()
        with pytest.raises(StorageUnavailableError) as refused:
            await database.execute("DELETE FROM update_journal")
        waited = loop.time() - started
    assert refused.value.fault is StorageFault.LOCKED
    assert BUSY_TIMEOUT_MS / 1000 <= waited < BUSY_TIMEOUT_MS / 1000 + 0.5


async def test_commits_on_the_loop_are_checkpointed_by_the_writers_thread(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In WAL mode the file itself grows only when a checkpoint copies the log into it."""
    monkeypatch.setattr(storage.database, "_CHECKPOINT_EVERY", 3)
    await database.checkpoint()
    async with database.transaction() as connection:
        await connection.execute("CREATE TABLE filler (text TEXT)")
    before = database.path.stat().st_size
    for _ in range(2):  # with the CREATE, the third commit since the last checkpoint
        await database.execute("INSERT INTO filler VALUES (?)", ("x" * 50_000,))
    after = database.path.stat().st_size
    assert after > before + 50_000
    for _ in range(2):
        await database.execute("INSERT INTO filler VALUES (?)", ("x" * 50_000,))
    assert database.path.stat().st_size == after  # two commits: not yet
