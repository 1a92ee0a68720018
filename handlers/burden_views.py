"""How the burden reads: one line of totals, and the league table's compact top lines."""

from __future__ import annotations

from domain.burden import BurdenLine
from messages import Markup, format_number, t
from messages.costs import won_figure

__all__ = ["burden_parts", "burden_summary", "figure", "won"]


def figure(lang: str, value: float | None) -> str:
    """A total or median as people read it: whole numbers, digits grouped; a dash for none."""
    return "–" if value is None else format_number(round(value), lang)


def won(lang: str, value: float | None) -> str:
    """An amount of won in 만/억 (Korean) or millions (English); a dash for none."""
    return "–" if value is None else won_figure(lang, round(value))


def burden_parts(lang: str, line: BurdenLine) -> Markup:
    """The figures given, each a labelled total and median: hours a month, won a month, one-off."""
    parts = [
        t(lang, key, total=shown(lang, total), median=shown(lang, middle))
        for key, total, middle, shown in (
            ("burden.hours", line.hours_per_month, line.hours_per_month_median, figure),
            ("burden.won", line.won_per_month, line.won_per_month_median, won),
            ("burden.once", line.won_one_off, line.won_one_off_median, won),
        )
        if total is not None
    ]
    return Markup(" · ".join(parts)) if parts else t(lang, "burden.none")


def burden_summary(lang: str, line: BurdenLine) -> Markup:
    """Hours a month, won a month and one-off won, each a total and a median, kept apart."""
    return t(lang, "burden.summary", parts=burden_parts(lang, line))
