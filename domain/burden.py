"""The burden added up: per law or rule and per category, in hours and won, kept apart by period.

Owners give a cost as an amount or a range, in hours or won, per day, week, month or year, or
once (domain/amounts.py). A range counts as its midpoint. Recurring costs are brought to a month
(a year is 12 months, a week 52/12 of a month, a day 365/12 of a month: calendar days, as the
owner did not say working days); one-off costs are never mixed with monthly ones. A figure an
owner did not give adds nothing: it is not a zero burden, and medians are over those who gave it.

Law names are folded onto one line per law and article: "저작권법 제35조의5", "저작권법 35조의5"
and "copyright act art. 35-5" all become "저작권법 제35조의5", through the alias table
(`law_aliases`, editable with `python -m bot import`) that maps a folded name to its canonical
one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from statistics import median

from domain.amounts import Cost, CostPeriod, CostUnit

__all__ = [
    "COST_KINDS",
    "MEDIAN_KINDS",
    "PER_MONTH",
    "BurdenEntry",
    "BurdenLine",
    "BurdenTable",
    "BurdenTally",
    "KeptSums",
    "fold_law_name",
    "kept_line",
    "known_law",
    "law_line",
    "monthly",
    "ranked",
    "yearly",
    "yearly_factor",
]

PER_MONTH: Mapping[CostPeriod, Fraction] = {
    CostPeriod.DAY: Fraction(365, 12),
    CostPeriod.WEEK: Fraction(52, 12),
    CostPeriod.MONTH: Fraction(1),
    CostPeriod.YEAR: Fraction(1, 12),
}

# Numbers start only where a digit run starts and are taken whole (possessive), so a long run
# of digits or spaces is read once, not once per position.
_ARTICLE = re.compile(
    r"(?:제\s*+)?(?<!\d)(\d++)\s*+조(?:\s*+의\s*+(\d++))?"
    r"|(?:\barticles?\b|\barts?\b\.?|§)\s*+(\d++)(?:\s*+(?:-|–|의)\s*+(\d++))?",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[,;/·]|\band\b| 및 ")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|（[^）]*）")


def monthly(cost: Cost) -> Fraction | None:
    """A recurring cost per month (its midpoint); None for a one-off cost."""
    factor = PER_MONTH.get(cost.period)
    return None if factor is None else cost.midpoint * factor


def yearly_factor(period: CostPeriod) -> Fraction:
    """A cost's weight over a year, so a recurring cost and a one-off purchase rank together.

    A recurring cost counts a year of it (PER_MONTH times 12); a one-off cost counts once.
    """
    factor = PER_MONTH.get(period)
    return Fraction(1) if factor is None else factor * 12


def yearly(cost: Cost) -> Fraction:
    """What "highest cost" ranks by: the exact middle of the range over a year."""
    return Fraction(cost.low + cost.high, 2) * yearly_factor(cost.period)


def fold_law_name(name: str) -> str:
    """The alias key: NFKC, lower case, letters and digits only ("AI 기본법" gives "ai기본법")."""
    text = unicodedata.normalize("NFKC", name).lower()
    return "".join(char for char in text if char.isalnum())


def law_line(text: str | None, aliases: Mapping[str, str]) -> str | None:
    """The one line a law text belongs to: canonical name and article; None when none given.

    Only the first law named counts, so a submission adds to one line and totals stay honest.
    A name that merely starts with a known one ("AI 기본법 투명성 의무") joins that law's line.
    """
    if text is None or not text.strip():
        return None
    match = _ARTICLE.search(text)
    name_part = _BRACKETS.sub("", text[: match.start()] if match else text)
    name_part = _SEPARATORS.split(name_part, maxsplit=1)[0].strip(" .,-:")
    if not name_part:
        return None
    name = _canonical(name_part, aliases)
    if match is None:
        return name
    number, sub = (match[1], match[2]) if match[1] else (match[3], match[4])
    return f"{name} 제{int(number)}조" + (f"의{int(sub)}" if sub else "")


def known_law(text: str | None, aliases: Mapping[str, str]) -> str | None:
    """The canonical name of the known law the text starts with; None for any other text.

    What another owner may be shown of a report's law field: a name from the alias table,
    never the text itself ("저작권법 - 김대표 010-…" shows as "저작권법", "김대표" as nothing).
    """
    if text is None:
        return None
    folded = fold_law_name(text)
    known = [key for key in aliases if key and folded.startswith(key)]
    return aliases[max(known, key=len)] if known else None


def _canonical(name: str, aliases: Mapping[str, str]) -> str:
    """The alias whose folded form is the name's, or its longest prefix; else the name itself."""
    folded = fold_law_name(name)
    if folded in aliases:
        return aliases[folded]
    prefixes = [key for key in aliases if key and folded.startswith(key)]
    if prefixes:
        return aliases[max(prefixes, key=len)]
    return " ".join(name.split())


@dataclass(frozen=True, slots=True)
class BurdenEntry:
    """One submission as the tally reads it."""

    law_or_rule: str | None
    category: str | None
    supporters: int
    hours: Cost | None
    won: Cost | None


@dataclass(frozen=True, slots=True)
class BurdenLine:
    """One line of the league table; totals and medians are None where nobody gave a figure."""

    label: str | None
    submissions: int
    supporters: int
    hours_per_month: float | None
    hours_per_month_median: float | None
    won_per_month: float | None
    won_per_month_median: float | None
    won_one_off: float | None
    won_one_off_median: float | None
    hours_one_off: float | None

    def as_json(self) -> dict[str, object]:
        """The documented JSON object of one line (see BurdenTable.as_json)."""
        return {
            "label": self.label,
            "submissions": self.submissions,
            "supporters": self.supporters,
            "hours_per_month": {
                "total": self.hours_per_month,
                "median": self.hours_per_month_median,
            },
            "won_per_month": {"total": self.won_per_month, "median": self.won_per_month_median},
            "won_one_off": {"total": self.won_one_off, "median": self.won_one_off_median},
            "hours_one_off": {"total": self.hours_one_off},
        }


def _total(values: list[Fraction]) -> float | None:
    return None if not values else round(float(sum(values)), 1)


def _median(values: list[Fraction]) -> float | None:
    return None if not values else round(float(median(values)), 1)


@dataclass(slots=True)
class _Bucket:
    submissions: int = 0
    supporters: int = 0
    hours_month: list[Fraction] = field(default_factory=list)
    won_month: list[Fraction] = field(default_factory=list)
    won_once: list[Fraction] = field(default_factory=list)
    hours_once: list[Fraction] = field(default_factory=list)

    def add(self, entry: BurdenEntry) -> None:
        self.submissions += 1
        self.supporters += entry.supporters
        for cost, recurring, once in (
            (entry.hours, self.hours_month, self.hours_once),
            (entry.won, self.won_month, self.won_once),
        ):
            if cost is None:
                continue
            per_month = monthly(cost)
            if per_month is None:
                once.append(Fraction(cost.midpoint))
            else:
                recurring.append(per_month)

    def line(self, label: str | None) -> BurdenLine:
        return BurdenLine(
            label=label,
            submissions=self.submissions,
            supporters=self.supporters,
            hours_per_month=_total(self.hours_month),
            hours_per_month_median=_median(self.hours_month),
            won_per_month=_total(self.won_month),
            won_per_month_median=_median(self.won_month),
            won_one_off=_total(self.won_once),
            won_one_off_median=_median(self.won_once),
            hours_one_off=_total(self.hours_once),
        )


def _weight(line: BurdenLine) -> tuple[float, float, int, int]:
    return (
        line.won_per_month or 0.0,
        line.hours_per_month or 0.0,
        line.supporters,
        line.submissions,
    )


@dataclass(frozen=True, slots=True)
class BurdenTable:
    """The league table: heaviest first (won a month, then hours, then support).

    The line without a law or category comes last: it is no single rule to act on.
    """

    total: BurdenLine
    by_law: tuple[BurdenLine, ...]
    by_category: tuple[BurdenLine, ...]

    def as_json(self) -> dict[str, object]:
        """`{"total": line, "by_law": [line...], "by_category": [line...]}`.

        A line is `{"label", "submissions", "supporters", "hours_per_month": {"total",
        "median"}, "won_per_month": {"total", "median"}, "won_one_off": {"total", "median"},
        "hours_one_off": {"total"}}`; label null means no law given (by_law) or no category.
        """
        return {
            "total": self.total.as_json(),
            "by_law": [line.as_json() for line in self.by_law],
            "by_category": [line.as_json() for line in self.by_category],
        }


COST_KINDS = ("hours_month", "won_month", "won_once", "hours_once")
"""The costs storage keeps sums of: recurring hours and won a month, one-off won and hours."""

MEDIAN_KINDS = ("hours_month", "won_month", "won_once")
"""The costs a line gives a median of."""

_PER_KEY = {"hours_month": Fraction(1, 12), "won_month": Fraction(1, 12)}
"""A recurring cost's key is twelve times its monthly figure (whole units, exact sums)."""


@dataclass(frozen=True, slots=True)
class KeptSums:
    """A line's figures as storage keeps them, in whole keys (see `kept_key`)."""

    submissions: int
    supporters: int
    counts: Mapping[str, int]
    sums: Mapping[str, int]

    def __add__(self, other: KeptSums) -> KeptSums:
        return KeptSums(
            self.submissions + other.submissions,
            self.supporters + other.supporters,
            {kind: self.counts[kind] + other.counts[kind] for kind in COST_KINDS},
            {kind: self.sums[kind] + other.sums[kind] for kind in COST_KINDS},
        )

    @classmethod
    def zero(cls) -> KeptSums:
        """Nothing counted yet."""
        return cls(0, 0, dict.fromkeys(COST_KINDS, 0), dict.fromkeys(COST_KINDS, 0))


def kept_key(cost: Cost) -> tuple[str, int]:
    """The kind and whole key storage keeps for a cost: 12x monthly, or the one-off midpoint.

    The same figures as `monthly` and `Cost.midpoint`, scaled so a sum of keys is exact.
    """
    unit = "hours" if cost.unit is CostUnit.HOURS else "won"
    per_month = monthly(cost)
    if per_month is None:
        return f"{unit}_once", cost.midpoint
    return f"{unit}_month", int(per_month * 12)


def _figure(kind: str, key: Fraction) -> Fraction:
    return key * _PER_KEY.get(kind, Fraction(1))


def kept_line(label: str | None, sums: KeptSums, middles: Mapping[str, list[int]]) -> BurdenLine:
    """A league-table line from kept sums and the middle key(s) of each median's cost."""

    def total(kind: str) -> float | None:
        if not sums.counts[kind]:
            return None
        return round(float(_figure(kind, Fraction(sums.sums[kind]))), 1)

    def middle(kind: str) -> float | None:
        keys = middles.get(kind, [])
        return _median([_figure(kind, Fraction(key)) for key in keys])

    return BurdenLine(
        label=label,
        submissions=sums.submissions,
        supporters=sums.supporters,
        hours_per_month=total("hours_month"),
        hours_per_month_median=middle("hours_month"),
        won_per_month=total("won_month"),
        won_per_month_median=middle("won_month"),
        won_one_off=total("won_once"),
        won_one_off_median=middle("won_once"),
        hours_one_off=total("hours_once"),
    )


def ranked(lines: Iterable[BurdenLine]) -> tuple[BurdenLine, ...]:
    """Heaviest first (won a month, then hours, then support); the unnamed line last.

    Lines of equal weight come in label order, however they were read.
    """
    lines = list(lines)
    named = sorted((line for line in lines if line.label is not None), key=lambda x: x.label or "")
    unnamed = [line for line in lines if line.label is None]
    return (*sorted(named, key=_weight, reverse=True), *unnamed)


class BurdenTally:
    """Adds submissions up as they stream past (the export writers feed it row by row)."""

    def __init__(self, aliases: Mapping[str, str]) -> None:
        self._aliases = aliases
        self._total = _Bucket()
        self._laws: dict[str | None, _Bucket] = {}
        self._categories: dict[str | None, _Bucket] = {}

    def add(self, entry: BurdenEntry) -> None:
        """Count one submission on the total, its law's line and its category's line."""
        self._total.add(entry)
        law = law_line(entry.law_or_rule, self._aliases)
        self._laws.setdefault(law, _Bucket()).add(entry)
        self._categories.setdefault(entry.category, _Bucket()).add(entry)

    def extend(self, entries: Iterable[BurdenEntry]) -> BurdenTally:
        """Add many; returns the tally for chaining."""
        for entry in entries:
            self.add(entry)
        return self

    def table(self) -> BurdenTable:
        """The league table as it stands."""

        def lines(buckets: dict[str | None, _Bucket]) -> tuple[BurdenLine, ...]:
            return ranked(bucket.line(label) for label, bucket in buckets.items())

        return BurdenTable(self._total.line(None), lines(self._laws), lines(self._categories))
