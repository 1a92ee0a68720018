"""Storage faults a test can cause: another process's lock, a full disk, a read-only writer."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from storage.connection import Connection


@contextlib.contextmanager
def locked_by_another_process(path: Path) -> Iterator[None]:
    """Hold SQLite's write lock from a second connection, as a backup or a script would."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        yield
        connection.execute("ROLLBACK")
    finally:
        connection.close()


@contextlib.contextmanager
def small_filesystem(where: Path, size: str = "4m") -> Iterator[Path]:
    """A tmpfs of `size` mounted at `where`; skips the test where mounting is not allowed."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root (CI runs as root)")
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"this platform cannot mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@contextlib.contextmanager
def disk_full(folder: Path) -> Iterator[None]:
    """Fill the filesystem holding `folder` to the last byte, then free it again."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as file:
        for chunk in (b"\0" * 65536, b"\0"):
            with contextlib.suppress(OSError):
                while file.write(chunk):
                    pass
    try:
        yield
    finally:
        filler.unlink()


@contextlib.contextmanager
def opened_read_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """While inside, SQLite hands out only read-only connections, even to write with.

    That is what SQLite silently does with a file it may not write (a permission, a read-only
    mount). Root ignores file permissions, and a mount in use cannot be remounted read-only,
    so the test takes this path into the connection factory instead.
    """
    real_open = Connection.open

    async def read_only(path: str, pragmas: Sequence[str], *, on_the_loop: bool) -> Connection:
        return await real_open(f"file:{path}?mode=ro", pragmas, on_the_loop=on_the_loop)

    with monkeypatch.context() as patch:
        patch.setattr(Connection, "open", read_only)
        yield
