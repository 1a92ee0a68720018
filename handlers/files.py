"""Reading a file someone sent: its bytes from Telegram, never more than a limit."""

from __future__ import annotations

from telegram import Bot
from telegram.error import BadRequest

__all__ = ["download"]

_READ_TIMEOUT = 30.0
"""Seconds to read a file of up to 20 MB (the most a bot may download)."""


async def download(bot: Bot, file_id: str, limit: int) -> bytes | None:
    """The file's bytes, or None when it is larger than `limit` bytes.

    The size `getFile` reports is checked before anything is read (and Telegram lets a bot
    download 20 MB at most, and says "file is too big" beyond), then the bytes that arrived.
    """
    try:
        file = await bot.get_file(file_id)
    except BadRequest as exc:
        if "too big" in exc.message.lower():
            return None
        raise
    if file.file_size is not None and file.file_size > limit:
        return None
    content = bytes(await file.download_as_bytearray(read_timeout=_READ_TIMEOUT))
    return None if len(content) > limit else content
