"""The daily retention purge: personal data goes once the notice's period has passed."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.retention import RetentionRule
from storage.database import Database
from storage.retention import PurgeBounds, PurgeCounts, RetentionRepository

__all__ = ["RetentionService"]

logger = logging.getLogger("sotong.retention")


class RetentionService:
    """Applies the notice's rule to finished submissions and to people who left.

    A submission answered, closed or rejected past its period is anonymised: no owner, no
    name, no evidence files, no supporters' ids, no follow-up note, no delivered message
    pairing its code with a recipient; its text stays as a record nobody can trace, as the
    notice says. A person also loses their contact details, company profile, draft,
    conversation state and delivered messages once every submission of theirs is past its
    period and they have not been back for as long (a later visit starts the period again, as
    continued use does); someone who never submitted is judged by their last visit alone.
    Rows older than the period go whoever they belong to, and erasure records go once every
    backup is newer than them (`erasure_days`).
    """

    def __init__(
        self,
        repository: RetentionRepository,
        database: Database,
        rule: RetentionRule,
        clock: Clock,
        zone: ZoneInfo,
        *,
        erasure_days: int,
    ) -> None:
        self._repository = repository
        self._database = database
        self._rule = rule
        self._clock = clock
        self._zone = zone
        self._erasure_days = erasure_days

    async def run(self) -> PurgeCounts:
        """One pass; always leaves one audit entry with its counts, even when nothing went."""
        now = self._clock.now()
        today = now.astimezone(self._zone).date()
        bound = self._rule.query_bound(today)
        expired = [
            candidate
            for candidate in await self._repository.candidates(
                datetime.combine(bound, time(), tzinfo=self._zone)
            )
            if self._rule.has_expired(candidate.closed_at.astimezone(self._zone).date(), today)
        ]
        first_kept = datetime.combine(self._rule.first_kept_day(today), time(), tzinfo=self._zone)
        leaving = {
            activity.user_id
            for activity in await self._repository.inactive(first_kept)
            if all(
                closed is not None
                and self._rule.has_expired(closed.astimezone(self._zone).date(), today)
                for closed in activity.closings
            )
            and self._rule.has_expired(activity.last_seen_at.astimezone(self._zone).date(), today)
        }
        bounds = PurgeBounds(first_kept, now - timedelta(days=self._erasure_days))
        counts = await self._repository.purge(
            [candidate.submission_id for candidate in expired], leaving, bounds=bounds, now=now
        )
        if counts.total:
            await self._database.checkpoint()
        logger.info("retention purge: %s", counts)
        return counts
