"""The /stats use case: reads storage, returns a StatsOverview."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.stats import StatsOverview, median, middle_ranks, week_starts
from storage.admin_stats import StatsRepository

__all__ = ["StatsService"]


class StatsService:
    """Builds the overview from storage's kept tallies and bounded reads."""

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
        starts = [datetime.combine(week, time(), tzinfo=self._zone) for week in weeks]
        per_category = await repository.per_week(starts)
        per_week = [sum(column) for column in zip(*(c for _, c, _ in per_category), strict=True)]
        answered = await repository.answered()
        rank, count = middle_ranks(answered)
        return StatsOverview(
            total=await repository.total(),
            by_status=await repository.counts_by("status"),
            by_category=await repository.counts_by("category_id"),
            by_region=await repository.counts_by("region_id"),
            by_size=await repository.counts_by("company_size_id"),
            weeks=weeks,
            per_week=per_week or [0] * len(weeks),
            per_week_by_category={
                category: counts
                for category, counts, _ in sorted(
                    per_category, key=lambda item: (-sum(item[1]), item[2])
                )
            },
            most_supported=await repository.most_supported_open(top),
            answered=answered,
            median_time_to_answer=median(await repository.answer_delays_at(rank, count)),
        )
