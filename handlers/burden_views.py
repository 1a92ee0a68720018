"""How the burden reads: one line of totals, and the league table's compact top lines."""

from __future__ import annotations

from domain.burden import BurdenLine
from messages import Markup, format_number, t

__all__ = ["burden_parts", "burden_summary", "figure"]


def figure(lang: str, value: float | None) -> str:
    """A total or median as people read it: whole numbers, digits grouped; a dash for none."""
    return "–" if value is None else format_number(round(value), lang)


def burden_parts(lang: str, line: BurdenLine) -> Markup:
    """The figures given, each a total with its median: hours a month, won a month, one-off."""
    parts = [
        t(lang, key, total=figure(lang, total), median=figure(lang, middle))
        for key, total, middle in (
            ("burden.hours", line.hours_per_month, line.hours_per_month_median),
            ("burden.won", line.won_per_month, line.won_per_month_median),
            ("burden.once", line.won_one_off, line.won_one_off_median),
        )
        if total is not None
    ]
    return Markup(" · ".join(parts)) if parts else t(lang, "burden.none")


def burden_summary(lang: str, line: BurdenLine) -> Markup:
    """Hours a month, won a month and one-off won, each a total and a median, kept apart."""
    return t(lang, "burden.summary", parts=burden_parts(lang, line))
