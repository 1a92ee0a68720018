"""Backups taken while the bot writes are consistent, and restore puts one back safely."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from domain.clock import FrozenClock
from services.backups import BackupService
from storage.backup import BackupError, backup_database, verify_copy
from storage.database import Database
from storage.erasure import ErasureRepository
from storage.lock import DatabaseInUseError
from storage.users import UserRepository
from tests.admin.support import submit
from tests.fixtures.app import START, TEST_TOKEN, BotHarness
from tests.intake.flow import agreed_user, label

SEOUL = ZoneInfo("Asia/Seoul")

WRITES = 400


@pytest.fixture
def settings_overrides(tmp_path: Path) -> dict[str, Any]:
    return {"backup_dir": tmp_path / "backups"}


def _audit_ids(path: Path) -> list[int]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT id FROM audit_log ORDER BY id")]
    finally:
        connection.close()


async def _write(sotong: BotHarness, count: int, copies: list[Path] | None = None) -> None:
    """Write `count` rows; with `copies`, pause halfway until two backups ran, however slow."""
    for number in range(count):
        if copies is not None and number == count // 2:
            while len(copies) < 2:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
        await sotong.repositories.audit.record(
            at=sotong.clock.now(), actor_id=1, action="test.write", details={"n": number}
        )


async def test_backups_under_writes_are_consistent_and_restore_loses_nothing(
    sotong: BotHarness, tmp_path: Path
) -> None:
    copies: list[Path] = []
    writer = asyncio.create_task(_write(sotong, WRITES, copies))
    while not writer.done():
        target = tmp_path / "backups" / f"during-{len(copies)}.db"
        await asyncio.to_thread(sotong.services.backups.take, target)
        copies.append(target)
    await writer
    final = (await asyncio.to_thread(sotong.services.backups.take)).path
    assert len(copies) >= 2
    for copy in [*copies, final]:
        verify_copy(copy)
        ids = _audit_ids(copy)
        # A prefix of the writes, never a torn one: no gaps.
        assert ids == list(range(1, len(ids) + 1))
    assert len(_audit_ids(final)) == WRITES

    # A running bot's database cannot be restored over.
    with pytest.raises(DatabaseInUseError, match="stop the bot first"):
        sotong.services.backups.restore(final)

    fresh = tmp_path / "fresh" / "sotong.db"
    report = BackupService(
        fresh, tmp_path / "fresh-backups", 14, sotong.clock, sotong.settings.zone
    ).restore(final)
    assert report.kept_aside is None
    restored = await Database.open(fresh)
    try:
        rows = await restored.fetch_all("SELECT id, action, details FROM audit_log ORDER BY id")
    finally:
        await restored.close()
    live = await sotong.wiring.database.fetch_all(
        "SELECT id, action, details FROM audit_log ORDER BY id"
    )
    assert [tuple(row) for row in rows] == [tuple(row) for row in live]


async def test_restore_keeps_the_current_database_aside(sotong: BotHarness, tmp_path: Path) -> None:
    early = (await asyncio.to_thread(sotong.services.backups.take)).path
    await _write(sotong, 5)
    await sotong.stop()
    database = sotong.settings.database_path
    service = BackupService(database, tmp_path / "b", 14, sotong.clock, sotong.settings.zone)
    report = service.restore(early)
    assert report.kept_aside is not None
    assert len(_audit_ids(report.kept_aside)) == 5
    assert _audit_ids(database) == []
    await sotong.start()


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"not a database at all" * 100, "not an SQLite database"),
        (None, "no such file"),
    ],
)
async def test_restore_refuses_a_file_that_is_not_a_sound_backup(
    tmp_path: Path, content: bytes | None, error: str
) -> None:
    source = tmp_path / "offered.db"
    if content is not None:
        source.write_bytes(content)
    service = BackupService(tmp_path / "live.db", tmp_path, 14, FrozenClock(START), SEOUL)
    with pytest.raises(BackupError, match=error):
        service.restore(source)


async def test_restore_refuses_a_database_from_a_newer_sotong(tmp_path: Path) -> None:
    source = tmp_path / "newer.db"
    database = await Database.open(source)
    await database.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'x')"
    )
    await database.close()
    service = BackupService(tmp_path / "live.db", tmp_path, 14, FrozenClock(START), SEOUL)
    with pytest.raises(BackupError, match="newer Sotong"):
        service.restore(source)


def test_the_command_line_backs_up_and_restores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "data" / "sotong.db"
    monkeypatch.setenv("BOT_TOKEN", TEST_TOKEN)
    monkeypatch.setenv("DATABASE_PATH", str(database))
    monkeypatch.setenv("BACKUP_DIR", str(tmp_path / "backups"))
    database.parent.mkdir()
    connection = sqlite3.connect(database)
    connection.execute(
        "CREATE TABLE schema_migrations (version INTEGER, name TEXT, applied_at TEXT)"
    )
    connection.execute("INSERT INTO schema_migrations VALUES (1, 'foundation', 'x')")
    connection.commit()
    connection.close()
    out = tmp_path / "copy.db"
    assert main(["backup", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert str(out) in printed and "bytes" in printed
    assert main(["restore", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "restored" in printed and "before-restore-" in printed
    assert main(["restore", str(tmp_path / "missing.db")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_backups_from_the_command_line_are_readable_by_the_bot_user_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "data" / "sotong.db"
    backups = tmp_path / "backups"
    backups.mkdir(mode=0o755)
    backups.chmod(0o755)
    monkeypatch.setenv("BOT_TOKEN", TEST_TOKEN)
    monkeypatch.setenv("DATABASE_PATH", str(database))
    monkeypatch.setenv("BACKUP_DIR", str(backups))
    previous = os.umask(0o022)
    try:
        database.parent.mkdir()
        sqlite3.connect(database).close()
        _mark_as_sotong(database)
        assert main(["backup"]) == 0
        assert main(["backup", "--out", str(tmp_path / "elsewhere" / "copy.db")]) == 0
    finally:
        os.umask(previous)
    [taken] = backups.glob("sotong-*.db")
    assert stat.S_IMODE(taken.stat().st_mode) == 0o600
    assert stat.S_IMODE(backups.stat().st_mode) == 0o700
    elsewhere = tmp_path / "elsewhere"
    assert stat.S_IMODE((elsewhere / "copy.db").stat().st_mode) == 0o600
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o700


def _mark_as_sotong(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TABLE schema_migrations (version INTEGER, name TEXT, applied_at TEXT)"
    )
    connection.execute("INSERT INTO schema_migrations VALUES (1, 'foundation', 'x')")
    connection.commit()
    connection.close()


async def test_a_restore_erases_again_whoever_was_erased_after_the_backup(
    sotong: BotHarness, tmp_path: Path
) -> None:
    erased = await agreed_user(sotong, "Erasedzq", username="erased_zq")
    kept = await agreed_user(sotong, "Keptzq", username="kept_zq")
    await submit(sotong, erased.id, name="Erasedzq", username="erased_zq")
    await submit(sotong, kept.id, name="Keptzq", username="kept_zq")
    before = (await asyncio.to_thread(sotong.services.backups.take)).path
    await erased.send("/deletemydata")
    await erased.tap(label("ko", "deletion.button.confirm"))
    await sotong.stop()

    database = sotong.settings.database_path
    service = BackupService(database, tmp_path / "b", 14, sotong.clock, sotong.settings.zone)
    result = await service.restore_keeping_erasures(before)
    assert result.erased_again == 1
    assert b"Erasedzq" not in database.read_bytes()
    restored = await Database.open(database)
    try:
        users = await restored.fetch_all("SELECT id FROM users ORDER BY id")
        names = await restored.fetch_all("SELECT submitter_name FROM submissions ORDER BY id")
        logged = await restored.fetch_value("SELECT count(*) FROM erasures")
    finally:
        await restored.close()
    assert kept.id in {row["id"] for row in users}
    assert erased.id not in {row["id"] for row in users}
    assert [row["submitter_name"] for row in names] == [None, "Keptzq"]
    # The log came along: restoring an even older copy later would erase them again too.
    assert logged == 1
    await sotong.start()


async def test_a_restore_keeps_someone_who_came_back_after_erasing(tmp_path: Path) -> None:
    live = tmp_path / "live" / "sotong.db"
    database = await Database.open(live)
    users = UserRepository(database)
    await users.touch(42, "ko", START)
    await ErasureRepository(database).erase_user(42, now=START + timedelta(hours=1))
    await users.touch(42, "en", START + timedelta(hours=2))
    await database.close()
    copy = tmp_path / "copy.db"
    backup_database(live, copy)

    clock = FrozenClock(START + timedelta(hours=3))
    result = await BackupService(live, tmp_path / "b", 14, clock, SEOUL).restore_keeping_erasures(
        copy
    )
    assert result.erased_again == 0
    restored = await Database.open(live)
    try:
        assert await restored.fetch_value("SELECT language FROM users WHERE id = 42") == "en"
    finally:
        await restored.close()
