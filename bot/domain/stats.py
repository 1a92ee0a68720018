"""What /stats shows: counts along each dimension, weekly flow, top open, time to answer."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain.clock import Clock

if TYPE_CHECKING:
    from storage.admin_stats import StatsRepository

__all__ = ["RankedSubmission", "StatsOverview", "StatsService", "median", "week_starts"]


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


def week_starts(now: datetime, zone: ZoneInfo, count: int) -> list[date]:
    """The Mondays of the last `count` weeks in the bot's zone, oldest first, this week last."""
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=offset) for offset in range(count - 1, -1, -1)]


class StatsService:
    """Builds the overview from storage's aggregate queries."""

    def __init__(
        self, repository: StatsRepository, clock: Clock, zone: ZoneInfo, *, weeks: int = 8
    ) -> None:
        self._repository = repository
        self._clock = clock
        self._zone = zone
        self._weeks = weeks

    async def overview(self, *, top: int = 5) -> StatsOverview:
        """Read every figure once; weeks run Monday to Sunday in the bot's zone."""
        repository = self._repository
        weeks = week_starts(self._clock.now(), self._zone, self._weeks)
        since = datetime.combine(weeks[0], time(), tzinfo=self._zone)
        per_week: Counter[date] = Counter()
        per_category: dict[str, Counter[date]] = {}
        for created_at, category_id in await repository.created_since(since):
            local = created_at.astimezone(self._zone).date()
            week = local - timedelta(days=local.weekday())
            per_week[week] += 1
            per_category.setdefault(category_id, Counter())[week] += 1
        delays = await repository.answer_delays()
        return StatsOverview(
            total=await repository.total(),
            by_status=await repository.counts_by("status"),
            by_category=await repository.counts_by("category_id"),
            by_region=await repository.counts_by("region_id"),
            by_size=await repository.counts_by("company_size_id"),
            weeks=weeks,
            per_week=[per_week[week] for week in weeks],
            per_week_by_category={
                category: [counts[week] for week in weeks]
                for category, counts in sorted(
                    per_category.items(), key=lambda item: -sum(item[1].values())
                )
            },
            most_supported=await repository.most_supported_open(top),
            answered=len(delays),
            median_time_to_answer=median(delays),
        )
