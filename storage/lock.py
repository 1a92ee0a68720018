"""One running bot per database file, and no restore under a running bot.

The bot holds an exclusive `flock` on `<database>.lock` while it runs; the kernel drops it when
the process ends, however it ends, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from storage.errors import StorageError

__all__ = ["DatabaseInUseError", "database_lock", "lock_path"]


class DatabaseInUseError(StorageError):
    """Another process (a running bot) holds the database's lock."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"the database {path} is in use by a running bot (it holds {lock_path(path)}): "
            "stop the bot first"
        )


def lock_path(database_path: Path) -> Path:
    """The lock file beside the database."""
    return database_path.with_name(database_path.name + ".lock")


@contextlib.contextmanager
def database_lock(database_path: Path) -> Iterator[None]:
    """Hold the database's lock for the block, or raise DatabaseInUseError at once."""
    path = lock_path(database_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DatabaseInUseError(database_path) from None
        try:
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)
