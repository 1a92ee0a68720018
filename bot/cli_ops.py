"""`python -m bot check | backup | restore`: what an operator and a monitor run on the server."""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram import Bot
from telegram.error import TelegramError

from bot.config import ConfigurationError, Settings, load_settings
from bot.telegram_http import AiohttpRequest
from domain.clock import SystemClock
from services.backups import BackupService
from storage.health import inspect_database_file

__all__ = [
    "CheckResult",
    "add_ops_parsers",
    "backup_service",
    "report_invalid_configuration",
    "run_backup",
    "run_check",
    "run_checks",
    "run_restore",
]

EXIT_UNHEALTHY = 1
_MEGABYTE = 1024 * 1024


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One line of `check`'s report."""

    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        """`ok   name: detail` or `FAIL name: detail`, aligned for reading in a terminal."""
        return f"{'ok' if self.ok else 'FAIL':<4} {self.name}: {self.detail}"


def add_ops_parsers(subcommands: Any) -> None:
    """Declare check, backup and restore."""
    subcommands.add_parser(
        "check",
        help="check configuration, database, disk space and Telegram; exit 0 or 1",
        description=(
            "Check the configuration, the database (integrity, pending migrations), the free "
            "disk space beside it and Telegram (getMe). One line per check; exit status 0 when "
            "all pass, 1 otherwise. Safe to run while the bot runs, e.g. from a monitor."
        ),
    )
    backup = subcommands.add_parser(
        "backup",
        help="take a verified copy of the database, also while the bot runs",
        description=(
            "Copy DATABASE_PATH with SQLite's online backup API (consistent while the bot "
            "writes), verify the copy with PRAGMA integrity_check and print its path and size."
        ),
    )
    backup.add_argument(
        "--out",
        type=Path,
        help="where to write the copy (default: BACKUP_DIR/sotong-YYYYMMDD-HHMMSS.db)",
    )
    restore = subcommands.add_parser(
        "restore",
        help="replace the database with a backup (the bot must be stopped)",
        description=(
            "Check PATH (integrity, a Sotong schema this version knows), move the current "
            "database and its WAL aside as DATABASE_PATH.before-restore-STAMP, and put the copy "
            "in place. Refuses while the bot runs. Start the bot afterwards; newer migrations "
            "are applied then."
        ),
    )
    restore.add_argument("path", type=Path, help="the backup file to restore")


def backup_service(settings: Settings) -> BackupService:
    """The backup service for the configured database and folder."""
    return BackupService(
        settings.database_path,
        settings.backup_dir,
        settings.backup_keep,
        SystemClock(),
        settings.zone,
    )


def run_backup(arguments: argparse.Namespace, settings: Settings) -> int:
    """Take one backup and print where it went."""
    result = backup_service(settings).take(arguments.out)
    print(f"backup written: {result.path} ({result.size / _MEGABYTE:.1f} MB, {result.size} bytes)")
    return 0


def run_restore(arguments: argparse.Namespace, settings: Settings) -> int:
    """Restore one backup, erase again who was erased since, say where the old one was kept."""
    result = asyncio.run(backup_service(settings).restore_keeping_erasures(arguments.path))
    report = result.report
    print(
        f"restored {report.source} into {report.database} (schema version {report.schema_version})"
    )
    if report.kept_aside is not None:
        print(f"the previous database is kept as {report.kept_aside}")
        print(f"erasures made since the backup, applied again: {result.erased_again}")
    return 0


def _database_check(settings: Settings) -> CheckResult:
    path = settings.database_path
    try:
        inspection = inspect_database_file(path)
    except FileNotFoundError:
        return CheckResult("database", False, f"no database at {path}")
    except sqlite3.Error as exc:
        return CheckResult("database", False, f"{path} cannot be read: {exc}")
    if not inspection.whole:
        return CheckResult("database", False, f"integrity check failed: {inspection.integrity}")
    if inspection.unknown:
        return CheckResult(
            "database", False, f"schema version {max(inspection.unknown)} is newer than this code"
        )
    if inspection.out_of_order is not None:
        return CheckResult("database", False, inspection.out_of_order)
    if inspection.pending:
        versions = ", ".join(f"{version:04d}" for version in inspection.pending)
        return CheckResult(
            "database",
            False,
            f"{len(inspection.pending)} migration(s) pending ({versions}): restart the bot to "
            "apply them",
        )
    return CheckResult(
        "database", True, f"{path}: integrity ok, schema version {max(inspection.applied)}"
    )


def _disk_check(settings: Settings) -> CheckResult:
    folder = settings.database_path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    free = shutil.disk_usage(folder).free // _MEGABYTE
    detail = f"{free} MB free in {folder} (minimum {settings.min_free_disk_mb} MB)"
    return CheckResult("disk", free >= settings.min_free_disk_mb, detail)


async def _telegram_check(settings: Settings) -> CheckResult:
    bot = Bot(
        settings.token,
        base_url=settings.bot_api_base_url,
        base_file_url=settings.bot_api_file_url,
        request=AiohttpRequest(connection_pool_size=1),
        get_updates_request=AiohttpRequest(connection_pool_size=1),
    )
    try:
        async with bot:
            me = bot.bot
    except TelegramError as exc:
        return CheckResult("telegram", False, f"getMe failed: {exc}")
    return CheckResult("telegram", True, f"@{me.username} (id {me.id})")


async def run_checks(load: Callable[[], Settings] = load_settings) -> list[CheckResult]:
    """Every check in order; later ones are reported as not run when the settings fail."""
    try:
        settings = load()
    except ConfigurationError as exc:
        skipped = "not checked: the configuration is invalid"
        return [
            CheckResult("configuration", False, str(exc)),
            *(CheckResult(name, False, skipped) for name in ("database", "disk", "telegram")),
        ]
    mode = f"webhook at {settings.webhook_url}" if settings.webhook_url else "long polling"
    return [
        CheckResult("configuration", True, f"valid ({mode})"),
        await asyncio.to_thread(_database_check, settings),
        _disk_check(settings),
        await _telegram_check(settings),
    ]


def _report(results: list[CheckResult]) -> int:
    for result in results:
        print(result.line())
    return 0 if all(result.ok for result in results) else EXIT_UNHEALTHY


def run_check(_: argparse.Namespace, settings: Settings) -> int:
    """Print one line per check and return 0 when all pass, 1 otherwise."""
    return _report(asyncio.run(run_checks(lambda: settings)))


def report_invalid_configuration(error: ConfigurationError) -> int:
    """`check` with settings that do not load: the same report, the configuration failing."""

    def load() -> Settings:
        raise error

    return _report(asyncio.run(run_checks(load)))
