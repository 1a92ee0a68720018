"""Just enough image sniffing to answer ``sendPhoto`` like Telegram: type check and dimensions."""

from __future__ import annotations

import struct

__all__ = ["DEFAULT_PHOTO_SIZE", "image_size", "is_image"]

DEFAULT_PHOTO_SIZE = (800, 600)
"""Dimensions reported when an image's header cannot be read cheaply."""

_JPEG_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE})


def is_image(data: bytes) -> bool:
    """Tell whether ``data`` starts like a PNG, JPEG, GIF or WebP file (what Telegram accepts)."""
    return data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")) or (
        data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    )


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker in _JPEG_SOF:
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return width, height
        (segment,) = struct.unpack(">H", data[index + 2 : index + 4])
        index += 2 + segment
    return None


def image_size(data: bytes) -> tuple[int, int]:
    """Read width and height from a PNG, GIF or JPEG header, else return a sane default."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data.startswith((b"GIF87a", b"GIF89a")) and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return width, height
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data) or DEFAULT_PHOTO_SIZE
    return DEFAULT_PHOTO_SIZE
