"""Migrations: fresh, repeated, failing and too new, on real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage.database import Database
from storage.errors import MigrationError, SchemaTooNewError
from storage.migrations import Migration, discover_migrations


def _versions(path: Path) -> list[int]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT version FROM schema_migrations")]


async def test_fresh_database_gets_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "sotong.db"
    database = await Database.open(path)
    await database.close()
    assert _versions(path) == [m.version for m in discover_migrations()]
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"users", "inputs_in_progress", "categories", "audit_log"} <= tables


async def test_opening_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sotong.db"
    await (await Database.open(path)).close()
    with sqlite3.connect(path) as connection:
        before = connection.execute("SELECT version, applied_at FROM schema_migrations").fetchall()
    await (await Database.open(path)).close()
    with sqlite3.connect(path) as connection:
        after = connection.execute("SELECT version, applied_at FROM schema_migrations").fetchall()
    assert before == after


async def test_a_failing_step_rolls_back_and_stays_pending(tmp_path: Path) -> None:
    path = tmp_path / "sotong.db"
    good = Migration(1, "first", "CREATE TABLE a (x INTEGER);")
    bad = Migration(2, "broken", "CREATE TABLE b (x INTEGER);\nINSERT INTO missing VALUES (1);")
    with pytest.raises(MigrationError, match="0002_broken failed and was rolled back"):
        await Database.open(path, [good, bad])
    assert _versions(path) == [1]
    with sqlite3.connect(path) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "b" not in names
    fixed = Migration(2, "broken", "CREATE TABLE b (x INTEGER);")
    await (await Database.open(path, [good, fixed])).close()
    assert _versions(path) == [1, 2]


async def test_a_database_newer_than_the_code_refuses_to_open(tmp_path: Path) -> None:
    path = tmp_path / "sotong.db"
    await (await Database.open(path)).close()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', '')"
        )
    with pytest.raises(SchemaTooNewError, match=r"schema version 9999"):
        await Database.open(path)


def test_discovery_refuses_badly_named_and_duplicate_files(tmp_path: Path) -> None:
    (tmp_path / "0001_one.sql").write_text("SELECT 1;")
    (tmp_path / "0001_again.sql").write_text("SELECT 1;")
    with pytest.raises(MigrationError, match="used twice"):
        discover_migrations(tmp_path)
    (tmp_path / "0001_again.sql").unlink()
    (tmp_path / "two.sql").write_text("SELECT 1;")
    with pytest.raises(MigrationError, match=r"NNNN_name\.sql"):
        discover_migrations(tmp_path)


async def test_close_can_be_called_twice(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "sotong.db")
    await database.close()
    await database.close()


async def test_a_failed_transaction_leaves_no_trace(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "sotong.db")

    async def write_then_fail() -> None:
        async with database.transaction() as connection:
            await connection.execute(
                "INSERT INTO audit_log (at, actor_id, action) VALUES ('t', 1, 'x')"
            )
            raise RuntimeError

    try:
        with pytest.raises(RuntimeError):
            await write_then_fail()
        assert await database.fetch_value("SELECT COUNT(*) FROM audit_log") == 0
    finally:
        await database.close()
