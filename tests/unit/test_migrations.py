"""Migrations: fresh, repeated, failing and too new, on real SQLite files."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from storage.database import Database
from storage.errors import MigrationError, MigrationOrderError, SchemaTooNewError
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


# What each release that added migrations shipped, oldest first (git log -- storage/migrations):
# a database in the field holds one of these sets, upgraded release by release or in one jump.
RELEASED: list[tuple[str, set[int]]] = [
    ("d111d79", {1, 2, 3}),
    ("f0b6d7e", {4, 5, 6, 8, 9}),
    ("a14e2e8", {16}),
    ("aefdd3f", {10}),
    ("b384422", {20}),
    ("a94b545", {23}),
    ("4eb6bb0", {24}),
    ("bb7abfa", {25}),
    ("1622537", {26}),
    ("9fa4ec8", {14}),
    ("8157370", {18}),
    ("ab49b19", {12}),
    ("977669a", {27}),
]


def _shipped(release: int) -> list[Migration]:
    """The steps a database had after upgrading to the given release (an index in RELEASED)."""
    versions = set().union(*(added for _, added in RELEASED[: release + 1]))
    return [migration for migration in discover_migrations() if migration.version in versions]


def _schema(path: Path) -> list[tuple[str, str, str, str]]:
    """sqlite_master with whitespace folded, and which steps are recorded: what must agree."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        versions = [row[0] for row in connection.execute("SELECT version FROM schema_migrations")]
    folded = sorted(
        (kind, name, table, " ".join((sql or "").split())) for kind, name, table, sql in rows
    )
    return [*folded, ("versions", str(sorted(versions)), "", "")]


@pytest.fixture(scope="module")
def fresh_schema(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, str, str]]:
    path = tmp_path_factory.mktemp("fresh") / "sotong.db"
    asyncio.run(_open_and_close(path, discover_migrations()))
    return _schema(path)


def test_the_released_history_holds_each_step_once_and_new_ones_come_above_it() -> None:
    released = [version for _, added in RELEASED for version in sorted(added)]
    known = [migration.version for migration in discover_migrations()]
    assert len(released) == len(set(released)) and set(released) <= set(known)
    assert all(version > max(released) for version in set(known) - set(released))


@pytest.mark.parametrize("version", [m.version for m in discover_migrations()][:-1])
async def test_upgrading_from_each_earlier_schema_matches_a_fresh_one(
    tmp_path: Path, version: int, fresh_schema: list[tuple[str, str, str, str]]
) -> None:
    path = tmp_path / "sotong.db"
    every = discover_migrations()
    await (await Database.open(path, [m for m in every if m.version <= version])).close()
    await (await Database.open(path)).close()
    assert _schema(path) == fresh_schema


@pytest.mark.parametrize("start", range(len(RELEASED)), ids=[commit for commit, _ in RELEASED])
async def test_databases_from_every_release_upgrade_to_the_fresh_schema(
    tmp_path: Path, start: int, fresh_schema: list[tuple[str, str, str, str]]
) -> None:
    step_by_step, one_jump = tmp_path / "steps.db", tmp_path / "jump.db"
    await (await Database.open(step_by_step, _shipped(start))).close()
    for release in range(start + 1, len(RELEASED)):
        await (await Database.open(step_by_step, _shipped(release))).close()
    await (await Database.open(step_by_step)).close()
    await (await Database.open(one_jump, _shipped(start))).close()
    await (await Database.open(one_jump)).close()
    assert _schema(step_by_step) == fresh_schema
    assert _schema(one_jump) == fresh_schema


async def test_a_step_numbered_below_an_applied_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sotong.db"
    first, third = Migration(1, "first", "CREATE TABLE a (x);"), Migration(3, "third", "SELECT 1;")
    await (await Database.open(path, [first, third])).close()
    second = Migration(2, "second", "CREATE TABLE b (x);")
    fourth = Migration(4, "fourth", "CREATE TABLE d (x);")
    with pytest.raises(MigrationOrderError, match="0002_second is numbered below 0003") as caught:
        await Database.open(path, [first, second, third, fourth])
    assert (caught.value.version, caught.value.highest) == (2, 3)
    assert _versions(path) == [1, 3]
    with sqlite3.connect(path) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert not {"b", "d"} & names


async def test_only_the_steps_released_late_may_still_come_late(tmp_path: Path) -> None:
    every = discover_migrations()
    before_0012 = tmp_path / "before_0012.db"
    await (await Database.open(before_0012, _shipped(len(RELEASED) - 3))).close()
    await (await Database.open(before_0012)).close()
    assert _versions(before_0012) == [m.version for m in every]
    # No release shipped 0027 without 0018: a database holding 0027 had 0018 before it.
    without_0018 = tmp_path / "without_0018.db"
    released = _shipped(len(RELEASED) - 1)
    await (await Database.open(without_0018, [m for m in released if m.version != 18])).close()
    with pytest.raises(MigrationOrderError, match="0018_offer_signing_key"):
        await Database.open(without_0018)
    without_0023 = tmp_path / "without_0023.db"
    await (await Database.open(without_0023, [m for m in released if m.version != 23])).close()
    with pytest.raises(MigrationOrderError, match="0023_answer_deadlines"):
        await Database.open(without_0023)


def test_the_command_line_refuses_in_one_line_with_exit_status_4(tmp_path: Path) -> None:
    path = tmp_path / "sotong.db"
    released = _shipped(len(RELEASED) - 1)
    asyncio.run(_open_and_close(path, [m for m in released if m.version != 23]))
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "export",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "x.csv"),
        ],
        cwd=Path(__file__).resolve().parents[2],
        env={"PATH": os.environ["PATH"], "DATABASE_PATH": str(path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert process.returncode == 4, process.stderr
    assert process.stderr.splitlines() == [
        "sotong: migration 0023_answer_deadlines is numbered below 0027, which this database "
        "already has; nothing was applied: number the step above 0027"
    ]


async def _open_and_close(path: Path, migrations: list[Migration]) -> None:
    await (await Database.open(path, migrations)).close()
