"""Making an export fit Telegram's upload limit: zip it, and split the archive if still too big."""

from __future__ import annotations

import asyncio
import zipfile
from pathlib import Path

from domain.export.model import Packaging

__all__ = ["TELEGRAM_UPLOAD_LIMIT", "fit_for_upload"]

TELEGRAM_UPLOAD_LIMIT = 50 * 1024 * 1024
_CHUNK = 1024 * 1024


def _zip(path: Path) -> Path:
    archive = path.with_name(path.name + ".zip")
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.write(path, arcname=path.name)
    path.unlink()
    return archive


def _split(path: Path, limit: int) -> tuple[Path, ...]:
    """Cut into numbered parts that `cat` or 7-Zip joins back together."""
    parts: list[Path] = []
    with path.open("rb") as source:
        while True:
            part = path.with_name(f"{path.name}.{len(parts) + 1:03d}")
            written = 0
            with part.open("wb") as target:
                while written < limit and (block := source.read(min(_CHUNK, limit - written))):
                    target.write(block)
                    written += len(block)
            if written == 0:
                part.unlink()
                break
            parts.append(part)
            if written < limit:
                break
    path.unlink()
    return tuple(parts)


def _fit(path: Path, limit: int) -> tuple[tuple[Path, ...], Packaging]:
    if path.stat().st_size <= limit:
        return (path,), Packaging.PLAIN
    archive = _zip(path)
    if archive.stat().st_size <= limit:
        return (archive,), Packaging.ZIPPED
    return _split(archive, limit), Packaging.SPLIT


async def fit_for_upload(
    path: Path, limit: int = TELEGRAM_UPLOAD_LIMIT
) -> tuple[tuple[Path, ...], Packaging]:
    """Return the files to send; compression runs in a thread so the bot keeps answering."""
    if limit <= 0:
        raise ValueError("the upload limit must be positive")
    return await asyncio.to_thread(_fit, path, limit)
