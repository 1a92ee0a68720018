"""Receipt codes such as SV-2026-000123: a yearly sequence people can read out on the phone."""

from __future__ import annotations

import re

__all__ = ["format_receipt_code", "parse_receipt_code"]

_LOOSE = re.compile(r"^\s*sv\s*-?\s*(\d{4})\s*-?\s*(\d{1,6})\s*$", re.IGNORECASE)


def format_receipt_code(year: int, number: int) -> str:
    """The canonical form stored and shown."""
    if not 1 <= number <= 999_999:
        raise ValueError(f"receipt number {number} does not fit six digits")
    return f"SV-{year:04d}-{number:06d}"


def parse_receipt_code(text: str) -> str | None:
    """Accept what people type (lower case, missing zeros or dashes); None if it is no code."""
    match = _LOOSE.match(text)
    if match is None:
        return None
    number = int(match[2])
    if number == 0:
        return None
    return format_receipt_code(int(match[1]), number)
