"""What a monitor asks of the database: is it readable, is it whole, is its schema current."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from storage.database import Database
from storage.errors import MigrationOrderError
from storage.migrations import MIGRATIONS_DIR, check_order, discover_migrations

__all__ = ["DatabaseInspection", "LiveState", "inspect_database_file", "live_state"]


@dataclass(frozen=True, slots=True)
class LiveState:
    """The running bot's database as /healthz reports it."""

    schema_version: int
    outbox_pending: int


async def live_state(database: Database) -> LiveState:
    """Two cheap reads: they fail loudly if the file is gone or locked for good."""
    row = await database.fetch_one(
        "SELECT (SELECT coalesce(max(version), 0) FROM schema_migrations),"
        " (SELECT count(*) FROM outbox WHERE status = 'pending')"
    )
    assert row is not None
    return LiveState(schema_version=int(row[0]), outbox_pending=int(row[1]))


@dataclass(frozen=True, slots=True)
class DatabaseInspection:
    """`PRAGMA integrity_check`'s verdict and the schema versions applied and still pending."""

    integrity: str
    applied: frozenset[int]
    pending: tuple[int, ...]
    unknown: tuple[int, ...]
    out_of_order: str | None = None
    """Why the pending steps cannot be applied in order (`MigrationOrderError`), if they cannot."""

    @property
    def whole(self) -> bool:
        """Whether SQLite found nothing wrong."""
        return self.integrity == "ok"


def inspect_database_file(path: Path) -> DatabaseInspection:
    """Read-only look at a database file, never creating or migrating it.

    Raises:
        sqlite3.Error: when the file is not an SQLite database or cannot be read.
        FileNotFoundError: when there is no file at `path`.

    """
    if not path.is_file():
        raise FileNotFoundError(path)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    try:
        connection.execute("PRAGMA busy_timeout = 5000")
        verdicts = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        ).fetchone()
        applied = (
            frozenset(
                int(row[0]) for row in connection.execute("SELECT version FROM schema_migrations")
            )
            if has_table
            else frozenset()
        )
    finally:
        connection.close()
    migrations = discover_migrations(MIGRATIONS_DIR)
    known = [migration.version for migration in migrations]
    pending = [migration for migration in migrations if migration.version not in applied]
    try:
        check_order(set(applied), pending)
        out_of_order = None
    except MigrationOrderError as exc:
        out_of_order = str(exc)
    return DatabaseInspection(
        integrity="; ".join(verdicts[:3]),
        applied=applied,
        pending=tuple(migration.version for migration in pending),
        unknown=tuple(sorted(applied - set(known))),
        out_of_order=out_of_order,
    )
