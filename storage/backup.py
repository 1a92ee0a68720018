"""Consistent copies of the database file, and putting one back.

SQLite's online backup API copies every page inside one read transaction, so the copy is the
database as of one instant even while the bot keeps writing (in WAL mode readers never block
the writer). Every copy is checked with `PRAGMA integrity_check` before it counts.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from storage.errors import StorageError
from storage.health import inspect_database_file
from storage.lock import database_lock

__all__ = [
    "BackupError",
    "RestoreReport",
    "backup_database",
    "make_private_folder",
    "restore_database",
    "verify_copy",
]

_SIDE_FILES = ("", "-wal", "-shm")


class BackupError(StorageError):
    """A copy could not be made, or a file offered for restoring is not a sound Sotong database."""


@dataclass(frozen=True, slots=True)
class RestoreReport:
    """Where the restored data came from and where the replaced database was put aside."""

    source: Path
    database: Path
    kept_aside: Path | None
    schema_version: int


def verify_copy(path: Path) -> int:
    """Check a copy is a whole Sotong database this code can run; return its schema version.

    Raises:
        BackupError: naming what is wrong with it.

    """
    try:
        inspection = inspect_database_file(path)
    except FileNotFoundError:
        raise BackupError(f"{path}: no such file") from None
    except sqlite3.Error as exc:
        raise BackupError(f"{path}: not an SQLite database ({exc})") from None
    if not inspection.whole:
        raise BackupError(f"{path}: integrity check failed: {inspection.integrity}")
    if not inspection.applied:
        raise BackupError(f"{path}: not a Sotong database (no schema_migrations table)")
    if inspection.unknown:
        raise BackupError(
            f"{path}: made by a newer Sotong (schema version {max(inspection.unknown)}); "
            "upgrade before restoring it"
        )
    return max(inspection.applied)


def make_private_folder(folder: Path) -> None:
    """Create the backup folder readable by the bot's user only, and make an existing one so."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)


def _private_empty_file(path: Path) -> None:
    """Create `path` empty with mode 0600 before SQLite writes a person's data into it."""
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def backup_database(source: Path, target: Path) -> int:
    """Copy `source` to `target` through the online backup API, verify it, return its size.

    The copy is written beside the target first and renamed only once verified, so a target
    path never holds half a backup.

    Raises:
        BackupError: when the source is missing or the copy fails its check.

    """
    if not source.is_file():
        raise BackupError(f"{source}: no database to back up")
    if not target.parent.exists():
        make_private_folder(target.parent)
    partial = target.with_name(target.name + ".partial")
    # A backup holds every person's data: readable by the bot's user only, like exports.
    _private_empty_file(partial)
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        reader.execute("PRAGMA busy_timeout = 5000")
        writer = sqlite3.connect(partial)
        try:
            reader.backup(writer)
            # A self-contained file: no WAL beside it to lose when it is copied elsewhere.
            writer.execute("PRAGMA journal_mode = DELETE")
        finally:
            writer.close()
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"backup of {source} failed: {exc}") from None
    finally:
        reader.close()
    try:
        verify_copy(partial)
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return target.stat().st_size


def restore_database(source: Path, database: Path, *, aside_suffix: str) -> RestoreReport:
    """Put a verified copy in place of `database`, keeping the current one (and its WAL) aside.

    Refuses while a bot holds the database's lock.

    Raises:
        DatabaseInUseError: a bot is running on `database`.
        BackupError: `source` is not a sound Sotong database.

    """
    with database_lock(database):
        version = verify_copy(source)
        incoming = database.with_name(database.name + ".restoring")
        _private_empty_file(incoming)
        shutil.copyfile(source, incoming)
        with incoming.open("rb") as handle:
            os.fsync(handle.fileno())
        aside: Path | None = None
        if database.exists():
            aside = database.with_name(f"{database.name}.{aside_suffix}")
            for suffix in _SIDE_FILES:
                current = Path(f"{database}{suffix}")
                if current.exists():
                    os.replace(current, Path(f"{aside}{suffix}"))
        os.replace(incoming, database)
    return RestoreReport(source, database, aside, version)
