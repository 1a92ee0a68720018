"""The /stats use case: reads storage, returns a StatsOverview."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.stats import StatsOverview, median, week_starts
from storage.admin_stats import StatsRepository

__all__ = ["StatsService"]


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
