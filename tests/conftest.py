"""Shared set-up: tests run against the emulator over real HTTP and a real SQLite file."""

import logging
import os
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

os.environ.setdefault("PTB_TIMEDELTA", "1")

from storage.database import Database

pytest_plugins = ["tests.fixtures.emulator", "tests.fixtures.app"]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """Tests that run the command line in-process reconfigure logging; undo it after each."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    levels = {name: logging.getLogger(name).level for name in ("httpx", "telegram", "sotong")}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, previous in levels.items():
        logging.getLogger(name).setLevel(previous)


@pytest.fixture(autouse=True)
async def _close_databases(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[None]:
    """Close every database a test opened, even when the test failed halfway.

    aiosqlite's worker threads are not daemons: one connection left open keeps the pytest
    process alive after the last test, which would stall CI instead of failing it.
    """
    opened: list[Database] = []
    original = Database.open.__func__  # type: ignore[attr-defined]

    async def tracking_open(cls: type[Database], *args: Any, **kwargs: Any) -> Database:
        database: Database = await original(cls, *args, **kwargs)
        opened.append(database)
        return database

    monkeypatch.setattr(Database, "open", classmethod(tracking_open))
    yield
    for database in opened:
        await database.close()
