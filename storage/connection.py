"""The write connections: SQLite called on the event loop itself, or on a thread of its own.

A statement on this bot's small, indexed rows takes a few microseconds. Handing it to a worker
thread and back (what aiosqlite does for every statement, fetch, `BEGIN` and `COMMIT`) costs
about 65 microseconds of CPU on an idle machine and more under load, where the two threads
also trade the GIL: measured with `bench/intake.py`, the hand-offs were more than half of the
bot's CPU per update. Writes already queue behind one lock (`storage.database`), so running
them on the loop takes no concurrency away from them.

What would block the loop stays off it: the connection on the loop never fsyncs (WAL with
`synchronous = NORMAL`, checkpoints left to the thread) and never sleeps in SQLite's busy
handler (`busy_timeout = 0`: `Database` waits for another process's lock with the loop's own
sleeps). Commits that must reach the disk at once, and writes whose size grows with the
number of people or reports, run on the thread (`Database.transaction`).

The interface is aiosqlite's, as far as `storage/` uses it, so a repository is written once
for both places and reads as it did.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Coroutine, Generator, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

__all__ = ["Connection", "Cursor"]

Row = sqlite3.Row
Parameters = Sequence[Any] | Mapping[str, Any]
"""Values for a statement's `?` marks, or for its `:name` ones."""
T = TypeVar("T")


class Cursor:
    """A statement's cursor; its fetches run where its connection runs."""

    __slots__ = ("_call", "_cursor")

    def __init__(self, cursor: sqlite3.Cursor, call: Callable[..., Coroutine[Any, Any, Any]]):
        self._cursor = cursor
        self._call = call

    @property
    def rowcount(self) -> int:
        """Rows the statement changed (-1 for a query)."""
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        """The row id of the row an INSERT added."""
        return self._cursor.lastrowid

    async def fetchone(self) -> Row | None:
        """The next row, or None."""
        row: Row | None = await self._call(self._cursor.fetchone)
        return row

    async def fetchall(self) -> list[Row]:
        """Every remaining row."""
        rows: list[Row] = await self._call(self._cursor.fetchall)
        return rows

    async def close(self) -> None:
        """Release the statement."""
        await self._call(self._cursor.close)


class _Statement:
    """What `Connection.execute` returns: awaited for its cursor, or entered to close it after."""

    __slots__ = ("_cursor", "_started")

    def __init__(self, started: Coroutine[Any, Any, Cursor]) -> None:
        self._started = started
        self._cursor: Cursor | None = None

    def __await__(self) -> Generator[Any, None, Cursor]:
        return self._started.__await__()

    async def __aenter__(self) -> Cursor:
        self._cursor = await self._started
        return self._cursor

    async def __aexit__(self, *_: object) -> None:
        if self._cursor is not None:
            await self._cursor.close()


class Connection:
    """One SQLite connection, called on the loop (`worker=None`) or on its one worker thread."""

    def __init__(self, connection: sqlite3.Connection, worker: ThreadPoolExecutor | None) -> None:
        self._connection = connection
        self._worker = worker

    @classmethod
    async def open(cls, path: str, pragmas: Sequence[str], *, on_the_loop: bool) -> Connection:
        """Connect (`path` may be a `file:` URI), set the pragmas, and close again if that fails.

        On a thread, the connection is made in that thread: sqlite3 allows a connection only
        in the thread that made it.
        """

        def connect() -> sqlite3.Connection:
            connection = sqlite3.connect(path, uri=True, isolation_level=None)
            try:
                connection.row_factory = sqlite3.Row
                for pragma in pragmas:
                    connection.execute(f"PRAGMA {pragma}").close()
            except BaseException:
                connection.close()
                raise
            return connection

        if on_the_loop:
            return cls(connect(), None)
        worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sotong-sqlite")
        try:
            made = await asyncio.get_running_loop().run_in_executor(worker, connect)
        except BaseException:
            worker.shutdown(wait=True)
            raise
        return cls(made, worker)

    async def _call(self, function: Callable[..., T], *arguments: Any) -> T:
        if self._worker is None:
            return function(*arguments)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, partial(function, *arguments))

    def _cursor(self, sql: str, parameters: Parameters) -> Cursor:
        return Cursor(self._connection.execute(sql, parameters), self._call)

    async def _execute(self, sql: str, parameters: Parameters) -> Cursor:
        return await self._call(self._cursor, sql, parameters)

    def execute(self, sql: str, parameters: Parameters = ()) -> _Statement:
        """Run one statement; await it for its cursor, or `async with` it to close the cursor."""
        return _Statement(self._execute(sql, parameters))

    def _fetchall(self, sql: str, parameters: Parameters) -> list[Row]:
        return self._connection.execute(sql, parameters).fetchall()

    async def execute_fetchall(self, sql: str, parameters: Parameters = ()) -> list[Row]:
        """Run one statement and return all its rows (one call, one hop on a thread)."""
        return await self._call(self._fetchall, sql, parameters)

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Cursor:
        return Cursor(self._connection.executemany(sql, rows), self._call)

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Cursor:
        """Run one statement once per row."""
        return await self._call(self._executemany, sql, rows)

    @property
    def total_changes(self) -> int:
        """Rows changed since the connection opened: the difference counts a block's changes."""
        return self._connection.total_changes

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open (SQLite may have rolled one back by itself)."""
        return self._connection.in_transaction

    async def close(self) -> None:
        """Close the connection, then end its thread."""
        try:
            await self._call(self._connection.close)
        finally:
            if self._worker is not None:
                self._worker.shutdown(wait=True)
