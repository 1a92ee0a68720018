"""Ordered, named schema steps, each applied in the same transaction as the row recording it."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from storage.errors import MigrationError, SchemaTooNewError

__all__ = ["MIGRATIONS_DIR", "Migration", "apply_migrations", "discover_migrations"]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_FILE_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


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


async def apply_migrations(
    connection: aiosqlite.Connection, migrations: list[Migration]
) -> list[Migration]:
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
    applied = []
    for migration in migrations:
        if migration.version in done:
            continue
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
