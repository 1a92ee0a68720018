"""Named storage failures; only the command line and the Telegram edge turn them into messages."""

from __future__ import annotations

import sqlite3
from enum import StrEnum
from pathlib import Path

from domain.unavailable import TemporarilyUnavailableError

__all__ = [
    "DatabaseUnusableError",
    "MigrationError",
    "MigrationOrderError",
    "SchemaTooNewError",
    "StorageError",
    "StorageFault",
    "StorageUnavailableError",
    "broken_file_problem",
    "classify",
]


class StorageError(Exception):
    """Base of every failure raised by `storage`."""


class SchemaTooNewError(StorageError):
    """The database was migrated by a newer Sotong; running older code on it could corrupt it."""

    def __init__(self, database_version: int, code_version: int) -> None:
        super().__init__(
            f"the database has schema version {database_version}, which this version of Sotong "
            f"does not know (it knows up to {code_version}): upgrade Sotong or use another "
            "DATABASE_PATH"
        )
        self.database_version = database_version
        self.code_version = code_version


class MigrationError(StorageError):
    """A migration step failed; it was rolled back and stays pending."""


class MigrationOrderError(MigrationError):
    """A pending step is numbered below one this database already has: nothing was applied.

    A fresh database would apply it before the higher step, this one after: their schemas could
    differ, so the release must number the step above every released one.
    """

    def __init__(self, version: int, name: str, highest: int) -> None:
        super().__init__(
            f"migration {version:04d}_{name} is numbered below {highest:04d}, which this "
            f"database already has; nothing was applied: number the step above {highest:04d}"
        )
        self.version = version
        self.highest = highest


class StorageFault(StrEnum):
    """Passing conditions of the disk or of another process; each clears without a restart."""

    LOCKED = "locked"
    """Another process held the write lock past the busy timeout and every retry."""
    FULL = "full"
    """The disk (or the filesystem holding the database) has no space left."""
    READ_ONLY = "read_only"
    """The file or its filesystem refuses writes."""
    IO = "io"
    """The operating system reported an I/O error."""


class StorageUnavailableError(StorageError, TemporarilyUnavailableError):
    """A write or read failed for a passing reason: the person may simply try again later."""

    def __init__(self, fault: StorageFault, detail: str) -> None:
        super().__init__(f"the database is unavailable ({fault}): {detail}")
        self.fault = fault


class DatabaseUnusableError(StorageError):
    """The file at DATABASE_PATH is not a usable SQLite database: start-up must stop."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


# SQLite's primary result codes (https://sqlite.org/rescode.html); extended codes keep them in
# their low byte.
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
_FAULTS = {
    _BUSY: StorageFault.LOCKED,
    _LOCKED: StorageFault.LOCKED,
    _FULL: StorageFault.FULL,
    _READONLY: StorageFault.READ_ONLY,
    _IOERR: StorageFault.IO,
    _CANTOPEN: StorageFault.IO,
}
_BROKEN = {
    _CORRUPT: "the file is corrupt (SQLite found a malformed database image)",
    _NOTADB: "the file is not an SQLite database (wrong header, or encrypted)",
}


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def classify(error: sqlite3.Error) -> StorageFault | None:
    """The passing fault behind a SQLite error, or None when it is a bug or a broken file."""
    code = _primary_code(error)
    return None if code is None else _FAULTS.get(code)


def broken_file_problem(error: sqlite3.Error) -> str | None:
    """What is wrong with the file, in words, when SQLite says it is corrupt or not a database."""
    code = _primary_code(error)
    return None if code is None else _BROKEN.get(code)
