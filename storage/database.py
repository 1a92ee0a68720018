"""The one owner of the SQLite file: a write path serialised by a lock, and a separate reader."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Generator, Iterable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

from storage.migrations import MIGRATIONS_DIR, Migration, apply_migrations, discover_migrations

__all__ = ["Database", "Row"]

Row = sqlite3.Row
_BUSY_TIMEOUT_MS = 5000


async def _connect(path: Path, *, read_only: bool = False) -> aiosqlite.Connection:
    if read_only:
        connection = await aiosqlite.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    else:
        connection = await aiosqlite.connect(path, isolation_level=None)
    connection.row_factory = sqlite3.Row
    await connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    await connection.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        await connection.execute("PRAGMA journal_mode = WAL")
        await connection.execute("PRAGMA synchronous = NORMAL")
        # Deleted and overwritten content is zeroed, so erased personal data is not left in
        # free pages; `checkpoint` then empties the WAL that still holds the old pages.
        await connection.execute("PRAGMA secure_delete = ON")
    return connection


class Database:
    """Serialises writes through one connection so every repository write is one transaction.

    Reads go through a second connection: in WAL mode they never see another coroutine's
    half-finished transaction and never wait for the write lock.
    """

    def __init__(
        self, path: Path, writer: aiosqlite.Connection, reader: aiosqlite.Connection
    ) -> None:
        self.path = path
        self._writer = writer
        self._reader = reader
        self._write_lock = asyncio.Lock()
        self._closed = False

    @classmethod
    async def open(cls, path: Path, migrations: list[Migration] | None = None) -> Database:
        """Open (creating the folder and file), migrate, then hand out the ready database."""
        path.parent.mkdir(parents=True, exist_ok=True)
        writer = await _connect(path)
        try:
            await apply_migrations(
                writer,
                migrations if migrations is not None else discover_migrations(MIGRATIONS_DIR),
            )
            reader = await _connect(path, read_only=True)
        except BaseException:
            await writer.close()
            raise
        return cls(path, writer, reader)

    async def close(self) -> None:
        """Close both connections; safe to call twice, as shutdown paths often do."""
        if self._closed:
            return
        self._closed = True
        await self._reader.close()
        await self._writer.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """Run a block of writes atomically; nothing outside `storage` opens one."""
        async with self._write_lock:
            await self._writer.execute("BEGIN IMMEDIATE")
            try:
                yield self._writer
            except BaseException:
                await self._writer.execute("ROLLBACK")
                raise
            await self._writer.execute("COMMIT")

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        """Run one write statement and return the affected row count.

        A single statement is atomic in SQLite by itself, so it runs in autocommit mode: one
        round trip to the database thread instead of three. The lock still keeps it out of
        another coroutine's open transaction on the same connection.
        """
        async with self._write_lock, self._writer.execute(sql, parameters) as cursor:
            return cursor.rowcount

    async def checkpoint(self) -> bool:
        """Copy the WAL into the file and truncate it; True when it completed.

        After an erasure the old page images, personal data included, live on in the WAL
        until this runs; readers never hold a snapshot for long, so waiting for them is short.
        """
        async with self._write_lock:
            rows = await self._writer.execute_fetchall("PRAGMA wal_checkpoint(TRUNCATE)")
        busy = next(iter(rows))[0]
        return int(busy) == 0

    async def fetch_one(self, sql: str, parameters: Sequence[Any] = ()) -> Row | None:
        """Read one row from a committed snapshot."""
        rows = await self._reader.execute_fetchall(sql, parameters)
        return next(iter(rows), None)

    async def fetch_all(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        """Read every row of a small result from a committed snapshot, in one round trip."""
        return list(await self._reader.execute_fetchall(sql, parameters))

    async def fetch_value(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        """Read the first column of the first row, or None."""
        row = await self.fetch_one(sql, parameters)
        return None if row is None else row[0]

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
            connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            cursor = connection.execute(sql, parameters)
            while chunk := cursor.fetchmany(batch):
                yield chunk
        finally:
            connection.close()

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Write many rows of one shape in a single transaction."""
        async with self.transaction() as connection:
            await connection.executemany(sql, rows)
