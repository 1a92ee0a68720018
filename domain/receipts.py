"""Receipt codes such as SV-2026-000123: a yearly sequence people can read out on the phone."""

from __future__ import annotations

import re

__all__ = ["format_receipt_code", "parse_receipt_code"]

_LOOSE = re.compile(r"sv-?(\d{4})-?(\d{1,6})", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_LONGEST_TYPED = 40
"""Longer than any code with spaces people put in; nothing longer is looked at."""


def format_receipt_code(year: int, number: int) -> str:
    """The canonical form stored and shown."""
    if not 1 <= number <= 999_999:
        raise ValueError(f"receipt number {number} does not fit six digits")
    return f"SV-{year:04d}-{number:06d}"


def parse_receipt_code(text: str) -> str | None:
    """Accept what people type (lower case, missing zeros or dashes); None if it is no code."""
    # Spaces go first, in one linear pass: a pattern with `\s*-?\s*` between the parts tried
    # every split of a long run of spaces and took a minute on crafted input.
    if len(text) > _LONGEST_TYPED:
        return None
    match = _LOOSE.fullmatch(_SPACE.sub("", text))
    if match is None:
        return None
    number = int(match[2])
    if number == 0:
        return None
    return format_receipt_code(int(match[1]), number)
