"""Reading the amounts busy owners type: "1,200,000", "120만원", "1억 2천만", "40시간", "40h"."""

from __future__ import annotations

import re

__all__ = ["parse_amount"]

_UNITS = {"억": 100_000_000, "천만": 10_000_000, "백만": 1_000_000, "만": 10_000, "천": 1_000}
_NOISE = re.compile(
    r"(원|won|krw|₩|시간|hours?|hrs?|h|per\s*month|a\s*month|/\s*month|/\s*월|매월|월|약|about|,|\s)",
    re.IGNORECASE,
)
_PIECE = re.compile(r"(\d+(?:\.\d+)?)(억|천만|백만|만|천)?")


def parse_amount(text: str) -> int | None:
    """A non-negative whole amount, or None when the text is not one."""
    compact = _NOISE.sub("", text.strip())
    if not compact:
        return None
    total = 0.0
    position = 0
    previous_unit: int | None = None
    while position < len(compact):
        match = _PIECE.match(compact, position)
        if match is None:
            return None
        unit = _UNITS[match[2]] if match[2] else 1
        if previous_unit is not None and unit >= previous_unit:
            return None
        if unit == 1 and "." in match[1]:
            return None
        total += float(match[1]) * unit
        previous_unit = unit
        position = match.end()
    return round(total)
