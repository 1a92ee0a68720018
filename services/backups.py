"""Backups: named by the local time they were taken, verified, and rotated."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from domain.clock import Clock
from storage.backup import RestoreReport, backup_database, make_private_folder, restore_database
from storage.database import Database
from storage.erasure import ErasureRepository, read_erasure_log

__all__ = ["BackupResult", "BackupService", "RestoreResult"]

logger = logging.getLogger("sotong.backup")

_PREFIX = "sotong-"


@dataclass(frozen=True, slots=True)
class BackupResult:
    """One verified copy and the old ones rotation removed."""

    path: Path
    size: int
    removed: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """A restore, and how many people erased since the copy was taken were erased again."""

    report: RestoreReport
    erased_again: int


class BackupService:
    """Takes copies of one database into one folder and keeps the newest `keep` of them."""

    def __init__(
        self, database_path: Path, backup_dir: Path, keep: int, clock: Clock, zone: ZoneInfo
    ) -> None:
        self._database = database_path
        self._folder = backup_dir
        self._keep = keep
        self._clock = clock
        self._zone = zone

    def _stamp(self) -> str:
        return self._clock.now().astimezone(self._zone).strftime("%Y%m%d-%H%M%S")

    def default_target(self) -> Path:
        """Where a backup taken now goes when no path is given."""
        return self._folder / f"{_PREFIX}{self._stamp()}.db"

    def take(self, target: Path | None = None) -> BackupResult:
        """Copy and verify (blocking: call it from a worker thread inside the bot)."""
        if target is None:
            make_private_folder(self._folder)
        path = target or self.default_target()
        size = backup_database(self._database, path)
        return BackupResult(path, size)

    def rotate(self) -> tuple[Path, ...]:
        """Delete the oldest daily backups beyond `keep`; names sort by time."""
        backups = sorted(self._folder.glob(f"{_PREFIX}*.db"))
        removed = tuple(backups[: max(len(backups) - self._keep, 0)])
        for path in removed:
            path.unlink(missing_ok=True)
        return removed

    async def nightly(self) -> BackupResult:
        """The daily backup into the backup folder, then rotation, off the event loop."""

        def work() -> BackupResult:
            result = self.take()
            return BackupResult(result.path, result.size, self.rotate())

        result = await asyncio.to_thread(work)
        logger.info(
            "backup written: %s (%d bytes); %d old backup(s) removed",
            result.path,
            result.size,
            len(result.removed),
        )
        return result

    def restore(self, source: Path) -> RestoreReport:
        """Replace the database with a verified copy, keeping the current one aside."""
        return restore_database(
            source, self._database, aside_suffix=f"before-restore-{self._stamp()}"
        )

    async def restore_keeping_erasures(self, source: Path) -> RestoreResult:
        """Restore, then erase again whoever the replaced database says was erased since.

        A copy taken before someone used /deletemydata still holds them; the replaced
        database's erasure log (storage/erasure.py) names them without naming them.
        """
        report = await asyncio.to_thread(self.restore, source)
        log = None if report.kept_aside is None else read_erasure_log(report.kept_aside)
        if log is None:
            return RestoreResult(report, 0)
        database = await Database.open(self._database)
        try:
            erased = await ErasureRepository(database).reapply(log, now=self._clock.now())
        finally:
            await database.close()
        if erased:
            logger.info("restore: %d erasure(s) made after the backup applied again", erased)
        return RestoreResult(report, erased)
