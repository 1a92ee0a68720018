"""The one owner of the SQLite file: a write path serialised by a lock, and a separate reader.

Where each statement runs (`storage.connection` says why): ordinary writes, and the reads
inside a unit of work, on the event loop itself; commits that must reach the disk at once and
writes that grow with the number of people or reports on the writer's own thread; snapshot
reads on aiosqlite's reader thread; searches and exports on threads of their own.

Durability (README, "Reliability"): WAL, with `synchronous = FULL` for the commits that must
outlive a power cut on their own (`transaction(durable=True)`: the update journal, which holds
everything people send before Telegram forgets it) and `NORMAL` for the rest. WAL recovery
keeps an unbroken prefix of commits, so a `NORMAL` commit lost with the disk's cache takes
every later commit with it, the update's "handled" mark included: the journal then replays the
update, and its effects are made again. An fsync costs about 5 ms on this machine's disk
against 0.01 ms without; `FULL` on every commit took the intake bench from 367 to 321
updates a second (README, "Reliability"). Lock contention with
another process (a backup, the command line) waits `busy_timeout` per attempt, a bounded number
of attempts, then fails in words.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import threading
from collections import deque
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterable,
    Iterator,
    Sequence,
)
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from storage.connection import Connection
from storage.errors import (
    DatabaseUnusableError,
    StorageFault,
    StorageUnavailableError,
    broken_file_problem,
    classify,
)
from storage.migrations import MIGRATIONS_DIR, Migration, apply_migrations, discover_migrations

__all__ = ["BUSY_TIMEOUT_MS", "LOCK_ATTEMPTS", "Database", "Row", "UnitOfWork"]

Row = sqlite3.Row
T = TypeVar("T")

BUSY_TIMEOUT_MS = 1000
"""How long SQLite itself waits for another process's write lock, per attempt."""
LOCK_ATTEMPTS = 3
"""Attempts at taking the write lock before a write fails as "locked" (about 3.6 s in all)."""
_SEARCH_NICENESS = 10
"""How far the search thread steps back for the event loop (`nice` levels, 0 to 19)."""
_LOCK_BACKOFF_SECONDS = 0.2
_CHECKPOINT_EVERY = 250
"""Commits on the loop's connection between checkpoints: about SQLite's automatic 1000 pages."""


def _busy_handler_waits(total_ms: int) -> tuple[float, ...]:
    """The sleeps (seconds) SQLite's own busy handler takes within `total_ms`, in order."""
    steps = (1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50)
    waits: list[int] = []
    while sum(waits) < total_ms:
        step = steps[len(waits)] if len(waits) < len(steps) else 100
        waits.append(min(step, total_ms - sum(waits)))
    return tuple(wait / 1000 for wait in waits)


_BUSY_WAITS = _busy_handler_waits(BUSY_TIMEOUT_MS)


def _lock_waits(attempts: int, on_the_loop: bool) -> Iterator[float]:
    """The sleeps between tries at a locked write, in order; when they run out, it fails.

    Each attempt, on the loop, polls on SQLite's own schedule (on a thread SQLite's busy
    handler waits inside the call); between attempts the pause grows.
    """
    for number in range(1, attempts + 1):
        if on_the_loop:
            yield from _BUSY_WAITS
        if number < attempts:
            yield _LOCK_BACKOFF_SECONDS * number


_REOPEN_AFTER = frozenset({StorageFault.READ_ONLY, StorageFault.IO})
_SQLITE_HEADER = b"SQLite format 3\x00"
_HEADER_SIZE = 100

logger = logging.getLogger("sotong.storage")


async def _connect_reader(path: Path) -> aiosqlite.Connection:
    """Open a read-only connection on aiosqlite's thread, closing it again if configuring fails.

    An aiosqlite connection runs its own non-daemon thread: one left open on a failed start
    keeps the process alive after it meant to exit.
    """
    connection = await aiosqlite.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    try:
        connection.row_factory = sqlite3.Row
        await connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await connection.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        await connection.close()
        raise
    return connection


_WRITER_PRAGMAS = (
    "foreign_keys = ON",
    "journal_mode = WAL",
    # Deleted and overwritten content is zeroed, so erased personal data is not left
    # in free pages; `checkpoint` then empties the WAL that still holds the old pages.
    "secure_delete = ON",
)


async def _connect_writer(path: Path) -> Connection:
    """The write connection on the loop: it never sleeps in SQLite and never fsyncs.

    Its checkpoints (which fsync) run on the thread writer instead (`Database._committed`).
    """
    return await Connection.open(
        str(path),
        ("busy_timeout = 0", *_WRITER_PRAGMAS, "synchronous = NORMAL", "wal_autocheckpoint = 0"),
        on_the_loop=True,
    )


async def _connect_thread_writer(path: Path) -> Connection:
    """The write connection on its own thread: every commit on the disk when it returns."""
    return await Connection.open(
        str(path),
        (f"busy_timeout = {BUSY_TIMEOUT_MS}", *_WRITER_PRAGMAS, "synchronous = FULL"),
        on_the_loop=False,
    )


async def _connect_all(path: Path) -> tuple[Connection, Connection, aiosqlite.Connection]:
    """The loop's writer, the thread writer and the reader; none left open if one fails.

    The thread writer comes first: it creates the file and puts it in WAL mode.
    """
    opened: list[Connection | aiosqlite.Connection] = []
    try:
        thread_writer = await _connect_thread_writer(path)
        opened.append(thread_writer)
        writer = await _connect_writer(path)
        opened.append(writer)
        reader = await _connect_reader(path)
    except BaseException:
        for connection in reversed(opened):
            await connection.close()
        raise
    return writer, thread_writer, reader


def _check_file(path: Path) -> bool:
    """Refuse what SQLite would silently turn into a new database; False if there is no file."""
    if not path.exists():
        return False
    size = path.stat().st_size
    if path.is_dir():
        raise DatabaseUnusableError(path, "is a directory, not a database file")
    if size == 0:
        raise DatabaseUnusableError(
            path,
            "the file is empty (0 bytes), so it holds no data; restore a backup, or delete "
            "it to start a new database",
        )
    with path.open("rb") as file:
        header = file.read(_HEADER_SIZE)
    if not header.startswith(_SQLITE_HEADER):
        raise DatabaseUnusableError(path, "the file is not an SQLite database (wrong header)")
    if len(header) < _HEADER_SIZE:
        raise DatabaseUnusableError(path, f"the file is truncated ({size} bytes, no full header)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    expected = page_size * page_count
    # The size in the header counts only when SQLite marked it valid for the current version.
    size_is_valid = header[92:96] == header[24:28]
    if size_is_valid and page_count and size < expected:
        raise DatabaseUnusableError(
            path, f"the file is truncated ({size} bytes, its header says {expected})"
        )
    return True


def _unusable(path: Path, error: sqlite3.Error) -> DatabaseUnusableError | None:
    """Why start-up cannot use the file, in words, or None for a bug."""
    problem = broken_file_problem(error)
    if problem is None and classify(error) is not None:
        problem = f"cannot be opened ({error}; a read-only or full disk, or no permission?)"
    return None if problem is None else DatabaseUnusableError(path, problem)


def _unavailable(error: sqlite3.Error) -> StorageUnavailableError | None:
    fault = classify(error)
    return None if fault is None else StorageUnavailableError(fault, str(error))


class _WriteLock:
    """The write connection's lock: first come, first served, except for a lane that goes first.

    The update journal's "handled" marks take that lane: the time between a reply leaving
    and its mark landing is the window in which a crash makes the update run again, and an
    ordinary lock would queue the mark behind every other user's pending write.
    """

    def __init__(self) -> None:
        self._locked = False
        self._urgent: deque[asyncio.Future[None]] = deque()
        self._ordinary: deque[asyncio.Future[None]] = deque()

    @asynccontextmanager
    async def held(self, *, urgent: bool = False) -> AsyncIterator[None]:
        """Hold the lock for the block."""
        await self._acquire(urgent=urgent)
        try:
            yield
        finally:
            self._release()

    async def _acquire(self, *, urgent: bool) -> None:
        if not self._locked:
            self._locked = True
            return
        waiter = asyncio.get_running_loop().create_future()
        (self._urgent if urgent else self._ordinary).append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self._release()  # handed over just as it was cancelled: pass it on
            raise

    def _release(self) -> None:
        """Hand the lock to the next waiter (urgent ones first), or free it."""
        for queue in (self._urgent, self._ordinary):
            while queue:
                waiter = queue.popleft()
                if not waiter.done():
                    waiter.set_result(None)
                    return
        self._locked = False


def _yield_to_the_loop() -> None:
    """Lower the calling thread's CPU priority, where the system allows it (Linux, per thread).

    On a busy machine the event loop then gets the CPU first and a search waits, not /help.
    """
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), _SEARCH_NICENESS)


class _SearchThread:
    """One worker thread owning one read-only connection, opened at the first search.

    A connection that failed is dropped, so the next search opens a fresh one (as the shared
    connections are reopened after a fault).
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="sotong-search", initializer=_yield_to_the_loop
        )
        self._connection: sqlite3.Connection | None = None

    def _fetch(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> list[list[Row]]:
        if self._connection is None:
            connection = sqlite3.connect(
                f"file:{self._path}?mode=ro", uri=True, isolation_level=None
            )
            connection.row_factory = sqlite3.Row
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._connection = connection
        try:
            connection = self._connection
            return [list(connection.execute(sql, values).fetchall()) for sql, values in queries]
        except sqlite3.Error:
            self._close()
            raise

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def fetch_all(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> list[list[Row]]:
        """Every row of each query, read in the search thread in one trip to it."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._fetch, queries)

    async def close(self) -> None:
        """Close the connection in its own thread, then end the thread."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._executor, self._close)
        self._executor.shutdown(wait=True)


class UnitOfWork:
    """One user action's transaction, opened by the service and joined by its repositories.

    What is read through it sees the action's own writes and holds the write lock, so a draft
    read, decided on and written back cannot change in between; and the reads travel with the
    writes, in one call (`Database.unit_of_work`), instead of each being a call of its own.
    Services only pass it along: only `storage/` reaches its connection.
    """

    __slots__ = ("connection",)

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    async def fetch_one(self, sql: str, parameters: Sequence[Any] = ()) -> Row | None:
        """Read one row inside the transaction."""
        rows = await self.fetch_all(sql, parameters)
        return next(iter(rows), None)

    async def fetch_all(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        """Read every row of a small result inside the transaction."""
        return await self.connection.execute_fetchall(sql, parameters)


class Database:
    """Serialises writes through one lock so every repository write is one transaction.

    Two connections write, one at a time under that lock: one on the event loop for the
    ordinary writes, one on its own thread for commits that must reach the disk at once and
    for large writes (`transaction`). Reads go through a third connection: in WAL mode they
    never see another coroutine's half-finished transaction and never wait for the write lock.
    A passing fault (locked, full, read-only) surfaces as `StorageUnavailableError`; after a
    read-only or I/O fault the connections are reopened at the next use, because SQLite
    silently opens a file it may not write read-only and would stay so after the permissions
    are fixed.
    """

    def __init__(
        self,
        path: Path,
        writer: Connection,
        thread_writer: Connection,
        reader: aiosqlite.Connection,
    ) -> None:
        self.path = path
        self._writer = writer
        self._thread_writer = thread_writer
        self._reader = reader
        self._write_lock = _WriteLock()
        self._searches = _SearchThread(path)
        self._commits_since_checkpoint = 0
        self._reopen = False
        self._closed = False

    @classmethod
    async def open(cls, path: Path, migrations: list[Migration] | None = None) -> Database:
        """Open (creating the folder and file), check, migrate, then hand out the database.

        Raises:
            DatabaseUnusableError: the file is empty, truncated, corrupt or not SQLite.

        """
        path.parent.mkdir(parents=True, exist_ok=True)
        if _check_file(path):
            await _check_integrity(path)
        try:
            writer, thread_writer, reader = await _connect_all(path)
        except sqlite3.Error as exc:
            raise _unusable(path, exc) or exc from exc
        database = cls(path, writer, thread_writer, reader)
        try:
            await apply_migrations(
                thread_writer,
                migrations if migrations is not None else discover_migrations(MIGRATIONS_DIR),
            )
        except BaseException as exc:
            await database.close()
            if isinstance(exc, sqlite3.Error):
                raise _unusable(path, exc) or exc from exc
            raise
        return database

    async def close(self) -> None:
        """Close every connection; safe to call twice, as shutdown paths often do."""
        if self._closed:
            return
        self._closed = True
        await self._searches.close()
        await self._reader.close()
        await self._writer.close()
        await self._thread_writer.close()

    async def _heal(self) -> None:
        """Reopen the connections after a read-only or I/O fault (under the write lock)."""
        if not self._reopen:
            return
        try:
            connections = await _connect_all(self.path)
        except sqlite3.Error as exc:
            raise _unavailable(exc) or exc from exc
        old = (self._writer, self._thread_writer, self._reader)
        self._writer, self._thread_writer, self._reader = connections
        self._reopen = False
        # aiosqlite closes after the queries already queued, so a read in flight finishes.
        for connection in old:
            with contextlib.suppress(sqlite3.Error):
                await connection.close()
        logger.info("the database connections were reopened after a storage fault")

    def _fault(self, error: sqlite3.Error) -> StorageUnavailableError | None:
        unavailable = _unavailable(error)
        if unavailable is not None and unavailable.fault in _REOPEN_AFTER:
            self._reopen = True
        return unavailable

    async def _with_lock_retries(
        self,
        attempt: Callable[[], Awaitable[T]],
        attempts: int | None = None,
        *,
        on_the_loop: bool = True,
    ) -> T:
        """Run `attempt` under the write lock, retrying a bounded number of times while locked.

        Each attempt waits up to `BUSY_TIMEOUT_MS` for another process's lock: on a thread,
        SQLite's busy handler does the waiting; on the loop, which it must not put to sleep,
        these short sleeps do, on the same schedule.
        """
        waits = _lock_waits(LOCK_ATTEMPTS if attempts is None else attempts, on_the_loop)
        while True:
            try:
                await self._heal()
                return await attempt()
            except sqlite3.Error as exc:
                fault = self._fault(exc)
                if fault is None:
                    raise
                wait = next(waits, None) if fault.fault is StorageFault.LOCKED else None
                if wait is None:
                    raise fault from exc
            await asyncio.sleep(wait)

    @staticmethod
    async def _rollback(connection: Connection) -> None:
        """Roll back what is open; SQLite may already have done so itself (disk full)."""
        if connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                await connection.execute("ROLLBACK")

    @asynccontextmanager
    async def transaction(
        self,
        *,
        durable: bool = False,
        large: bool = False,
        attempts: int | None = None,
        urgent: bool = False,
    ) -> AsyncIterator[Connection]:
        """Run a block of writes atomically; nothing outside `storage` opens one.

        `durable` commits with `synchronous = FULL`: on the disk, with everything committed
        before it, when this returns, even if the machine loses power right after.
        `large` is for a block whose work grows with the number of people or reports (a
        retention purge, a broadcast): on the loop it would hold up everybody's replies.
        Both run on the thread writer; the rest on the loop (see `storage.connection`).
        `attempts` bounds the waits for another process's lock (default `LOCK_ATTEMPTS`).
        `urgent` takes the lock before every ordinary write already waiting (see `_WriteLock`).
        """
        on_the_loop = not (durable or large)
        async with self._write_lock.held(urgent=urgent):
            connection = self._writer

            async def begin() -> None:
                nonlocal connection
                connection = self._writer if on_the_loop else self._thread_writer
                await connection.execute("BEGIN IMMEDIATE")

            await self._with_lock_retries(begin, attempts, on_the_loop=on_the_loop)
            try:
                yield connection
                await connection.execute("COMMIT")
            except sqlite3.Error as exc:
                await self._rollback(connection)
                raise self._fault(exc) or exc from exc
            except BaseException:
                await self._rollback(connection)
                raise
            if on_the_loop:
                await self._committed()

    async def _committed(self) -> None:
        """Count a commit on the loop's connection, and checkpoint when enough have gathered.

        That connection leaves checkpoints (which fsync) to the thread writer, as SQLite's
        automatic checkpoint would do them on the committing connection. Called under the
        write lock, so no transaction is open on either writer. A checkpoint that fails is
        only postponed: the commit before it stands, and the log is copied at the next one.
        """
        self._commits_since_checkpoint += 1
        if self._commits_since_checkpoint < _CHECKPOINT_EVERY:
            return
        self._commits_since_checkpoint = 0
        try:
            await self._thread_writer.execute_fetchall("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error as exc:
            self._fault(exc)
            logger.warning("a checkpoint of the write-ahead log failed: %s", exc)

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[UnitOfWork]:
        """One transaction for one user action, for repositories to join (see `UnitOfWork`)."""
        async with self.transaction() as connection:
            yield UnitOfWork(connection)

    async def execute(
        self, sql: str, parameters: Sequence[Any] = (), *, urgent: bool = False
    ) -> int:
        """Run one write statement and return the affected row count.

        A single statement is atomic in SQLite by itself, so it runs in autocommit mode,
        without `BEGIN` and `COMMIT`. The lock still keeps it out of another coroutine's open
        transaction on the same connection; `urgent` takes it before every ordinary write
        already waiting. A write statement has run to its end when `execute` returns, so a
        refusal (a full disk, say) is raised here, not at a later fetch.
        """

        async def attempt() -> int:
            cursor = await self._writer.execute(sql, parameters)
            return cursor.rowcount

        async with self._write_lock.held(urgent=urgent):
            changed = await self._with_lock_retries(attempt)
            await self._committed()
            return changed

    async def checkpoint(self) -> bool:
        """Copy the WAL into the file and truncate it; True when it completed.

        After an erasure the old page images, personal data included, live on in the WAL
        until this runs; readers never hold a snapshot for long, so waiting for them is short.
        It waits on the thread writer, whose busy handler may sleep.
        """
        async with self._write_lock.held():
            rows = await self._thread_writer.execute_fetchall("PRAGMA wal_checkpoint(TRUNCATE)")
        busy = next(iter(rows))[0]
        return int(busy) == 0

    async def fetch_one(self, sql: str, parameters: Sequence[Any] = ()) -> Row | None:
        """Read one row from a committed snapshot."""
        rows = await self.fetch_all(sql, parameters)
        return next(iter(rows), None)

    async def fetch_all(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        """Read every row of a small result from a committed snapshot, in one round trip."""
        try:
            return list(await self._reader.execute_fetchall(sql, parameters))
        except sqlite3.Error as exc:
            raise self._fault(exc) or exc from exc

    async def fetch_value(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        """Read the first column of the first row, or None."""
        row = await self.fetch_one(sql, parameters)
        return None if row is None else row[0]

    async def search(self, *queries: tuple[str, Sequence[Any]]) -> list[list[Row]]:
        """Read a search's rows on the search connection, one search at a time.

        Each query's rows, in order: what the search's result needs besides (a small table it
        is read against) comes in the same trip to the search thread.

        The shared reader serves everybody's reads one after another, and a search that takes
        tens of milliseconds on a large database (the similar-report lookup) would hold all of
        them up. Searches run instead on their own read-only connection in one worker thread:
        SQLite works without the GIL, and with one search at a time at most one core goes to
        them, so the event loop keeps answering everybody else while owners wait their turn.
        """
        try:
            return await self._searches.fetch_all(queries)
        except sqlite3.Error as exc:
            raise self._fault(exc) or exc from exc

    def read_batches(
        self, sql: str, parameters: Sequence[Any] = (), *, batch: int = 5000
    ) -> Generator[list[tuple[Any, ...]], None, None]:
        """Yield batches of plain tuples from a private read-only connection, synchronously.

        Exports run whole in one worker thread, reading and formatting there, so the event loop
        keeps serving every other user meanwhile. The stdlib connection is therefore opened on
        the first `next()` and closed in the same thread: sqlite3 refuses cross-thread use, so
        create and consume the generator in one thread and close it there. Tuples, not
        `sqlite3.Row`: building a Row per record cost more than formatting it into the export.
        """
        connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor = connection.execute(sql, parameters)
            while chunk := cursor.fetchmany(batch):
                yield chunk
        finally:
            connection.close()

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Write many rows of one shape in a single transaction, on the thread writer."""
        async with self.transaction(large=True) as connection:
            await connection.executemany(sql, rows)


async def _check_integrity(path: Path) -> None:
    """Read every page once, so a damaged file stops start-up instead of a later write.

    Read-only, before anything else opens the file: a broken file is left exactly as found,
    for whoever restores it.
    """
    try:
        connection = await _connect_reader(path)
        try:
            async with connection.execute("PRAGMA quick_check") as cursor:
                result = [row[0] for row in await cursor.fetchall()]
        finally:
            await connection.close()
    except sqlite3.Error as exc:
        raise _unusable(path, exc) or exc from exc
    if result != ["ok"]:
        lines = [
            line.strip()
            for row in result
            for line in row.splitlines()
            if line.strip() and not line.startswith("***")
        ]
        first = lines[0] if lines else "integrity check failed"
        more = f"; {len(lines) - 1} more problem(s)" if len(lines) > 1 else ""
        raise DatabaseUnusableError(path, f"the file is corrupt ({first}{more})")
