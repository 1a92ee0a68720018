"""Ordered, named schema steps, each applied in the same transaction as the row recording it."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType

from storage.connection import Connection
from storage.errors import MigrationError, MigrationOrderError, SchemaTooNewError

__all__ = [
    "LATE_STEPS",
    "MIGRATIONS_DIR",
    "Migration",
    "apply_migrations",
    "check_order",
    "discover_migrations",
]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

LATE_STEPS: Mapping[int, int] = MappingProxyType({10: 16, 12: 26, 14: 26, 18: 26})
"""Steps released after a higher number, each with the highest version a database could hold then.

From the git history: 0010 came after 0016 (a14e2e8, aefdd3f); 0014, 0018 and 0012 came after
0026 (9fa4ec8, 8157370, ab49b19). Databases upgraded across those releases applied them late,
and still may; no other step may ever be applied after a higher one. Never add to this table:
a new step takes a number above every released one.
"""


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step; `version` orders it and `name` says what it is for."""

    version: int
    name: str
    sql: str


def discover_migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Read the step files in version order; two files with one version is a packaging bug."""
    migrations: dict[int, Migration] = {}
    for path in sorted(directory.glob("*.sql")):
        match = _FILE_NAME.match(path.name)
        if match is None:
            raise MigrationError(f"{path.name}: migration files are named NNNN_name.sql")
        version = int(match[1])
        if version in migrations:
            raise MigrationError(f"{path.name}: version {version:04d} is used twice")
        migrations[version] = Migration(version, match[2], path.read_text(encoding="utf-8"))
    return [migrations[version] for version in sorted(migrations)]


def _statements(script: str) -> list[str]:
    """Split a script so each statement can run inside our own transaction.

    `executescript` would commit first and defeat the one-transaction-per-step rule.
    """
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip().strip(";").strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise MigrationError(f"unterminated SQL statement: {buffer.strip()[:60]}")
    return statements


def check_order(applied: set[int], pending: list[Migration]) -> None:
    """Refuse a pending step numbered below one already applied, unless it was released late.

    Applying it would give this database a history that a fresh one never has, so the two could
    end with different schemas; the release that numbered it so is the bug.
    """
    highest = max(applied, default=0)
    for migration in pending:
        if migration.version < highest and LATE_STEPS.get(migration.version, 0) < highest:
            raise MigrationOrderError(migration.version, migration.name, highest)


async def apply_migrations(connection: Connection, migrations: list[Migration]) -> list[Migration]:
    """Apply pending steps in order and return them; a rerun applies nothing."""
    await connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    async with connection.execute("SELECT version FROM schema_migrations") as cursor:
        done = {int(row[0]) for row in await cursor.fetchall()}
    known = {migration.version for migration in migrations}
    unknown = done - known
    if unknown:
        raise SchemaTooNewError(max(unknown), max(known, default=0))
    pending = [migration for migration in migrations if migration.version not in done]
    check_order(done, pending)
    applied = []
    for migration in pending:
        await connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(migration.sql):
                await connection.execute(statement)
            await connection.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC).isoformat()),
            )
        except sqlite3.Error as exc:
            await connection.execute("ROLLBACK")
            raise MigrationError(
                f"migration {migration.version:04d}_{migration.name} failed and was rolled "
                f"back: {exc}"
            ) from exc
        await connection.execute("COMMIT")
        applied.append(migration)
    return applied
