"""What /stats shows: counts along each dimension, weekly flow, top open, time to answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

__all__ = ["RankedSubmission", "StatsOverview", "median", "middle_ranks", "week_starts"]


@dataclass(frozen=True, slots=True)
class RankedSubmission:
    """An open submission in the "most supported" list; no identity, only what it is about."""

    id: int
    receipt_code: str
    category_id: str
    problem: str
    status: str
    supporters: int


@dataclass(frozen=True, slots=True)
class StatsOverview:
    """Everything /stats renders; ids are resolved to names by whoever displays it."""

    total: int
    by_status: list[tuple[str | None, int]]
    by_category: list[tuple[str | None, int]]
    by_region: list[tuple[str | None, int]]
    by_size: list[tuple[str | None, int]]
    weeks: list[date]
    per_week: list[int]
    per_week_by_category: dict[str, list[int]]
    most_supported: list[RankedSubmission]
    answered: int
    median_time_to_answer: timedelta | None


def median(values: list[timedelta]) -> timedelta | None:
    """The middle delay (mean of the two middle ones for an even count); None for no data.

    A median, not a mean: one submission left for months must not hide a quick routine.
    """
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def middle_ranks(count: int) -> tuple[int, int]:
    """Where the median sits among `count` sorted values: (first rank from 0, how many).

    One value for an odd count, the two to average for an even one, none for no values; so a
    sorted index gives the median by reading only those rows.
    """
    if count == 0:
        return 0, 0
    if count % 2:
        return (count - 1) // 2, 1
    return count // 2 - 1, 2


def week_starts(now: datetime, zone: ZoneInfo, count: int) -> list[date]:
    """The Mondays of the last `count` weeks in the bot's zone, oldest first, this week last."""
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=offset) for offset in range(count - 1, -1, -1)]
