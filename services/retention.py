"""The daily retention purge: personal data goes once the notice's period has passed."""

from __future__ import annotations

import logging
from datetime import datetime, time
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.retention import RetentionRule
from storage.database import Database
from storage.retention import PurgeCounts, RetentionRepository

__all__ = ["RetentionService"]

logger = logging.getLogger("sotong.retention")


class RetentionService:
    """Applies the notice's rule to closed submissions and to submitters who left with them.

    A closed submission past its period is anonymised: no owner, no name, no evidence files,
    no supporters' ids; its text stays as a record nobody can trace, as the notice says. A
    submitter also loses their contact details, company profile, draft and conversation
    state once every submission of theirs is past its period and they have not been back
    since (a later visit starts the period again, as continued use does).
    """

    def __init__(
        self,
        repository: RetentionRepository,
        database: Database,
        rule: RetentionRule,
        clock: Clock,
        zone: ZoneInfo,
    ) -> None:
        self._repository = repository
        self._database = database
        self._rule = rule
        self._clock = clock
        self._zone = zone

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
        owners = {candidate.user_id for candidate in expired if candidate.user_id is not None}
        leaving = {
            activity.user_id
            for activity in await self._repository.activity(owners)
            if all(
                closed is not None
                and self._rule.has_expired(closed.astimezone(self._zone).date(), today)
                for closed in activity.closings
            )
            and self._rule.has_expired(activity.last_seen_at.astimezone(self._zone).date(), today)
        }
        counts = await self._repository.purge(
            [candidate.submission_id for candidate in expired], leaving, now=now
        )
        if counts.total:
            await self._database.checkpoint()
        logger.info("retention purge: %s", counts)
        return counts
