"""Answer deadlines as use cases: due days at receipt, the admins' daily list, later dates, stats.

Everything for someone other than the acting administrator (the daily list, the owner's notice
of a later date) is queued in the outbox in the same transaction as the change behind it,
worded by the channel: `DeadlineLists` here, `OwnerNotices` for the owner and supporters.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.deadlines import (
    ADMIN_DIGEST_HOUR,
    DUE_SOON_DAYS,
    DeadlineItem,
    DeadlineSummary,
    ExpectedDateError,
    Extension,
    MinistryDeadlines,
    by_ministry,
    due_date,
    local_day,
    parse_extension,
    reply_edge,
)
from domain.delivery import QueuedMessage
from domain.receipts import parse_receipt_code
from domain.reference import Choice
from domain.submissions import Submission
from domain.subscriptions import QuietHours
from services.notices import LaterDate, OwnerNotices
from services.supporter_notices import extension_notice
from storage.deadlines import DeadlineRepository
from storage.reference import ReferenceQueries
from storage.submissions import SubmissionRepository

__all__ = ["DeadlineLists", "DeadlineService", "ExtendOutcome", "UnknownSubmissionError"]

logger = logging.getLogger("sotong.deadlines")

_DIGEST_JOB = "deadline_digest"


class UnknownSubmissionError(LookupError):
    """No open submission has this receipt code."""


@dataclass(frozen=True, slots=True)
class ExtendOutcome:
    """A recorded later date: the submission, the new date, and whether its owner is told."""

    submission: Submission
    extension: Extension
    owner_told: bool


class DeadlineLists(Protocol):
    """Words the administrators' daily list, in one administrator's language."""

    def daily(
        self,
        admin_id: int,
        language: str,
        today: date,
        items: Sequence[DeadlineItem],
        categories: Sequence[Choice],
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """The reports overdue or due soon on `today`, with the topic names of `categories`."""
        ...


class DeadlineService:
    """Due days, the daily deadline message, announced later dates, and the on-time figures."""

    def __init__(
        self,
        repository: DeadlineRepository,
        submissions: SubmissionRepository,
        reference: ReferenceQueries,
        clock: Clock,
        *,
        lists: DeadlineLists,
        notices: OwnerNotices,
        zone: ZoneInfo,
        days: int,
        admin_ids: frozenset[int],
        quiet: QuietHours,
        on_queued: Callable[[], None],
    ) -> None:
        self._repository = repository
        self._submissions = submissions
        self._reference = reference
        self._clock = clock
        self._lists = lists
        self._notices = notices
        self._zone = zone
        self._days = days
        self._admin_ids = admin_ids
        self._quiet = quiet
        self._on_queued = on_queued

    @property
    def zone(self) -> ZoneInfo:
        """The zone whose calendar days the deadlines count."""
        return self._zone

    @property
    def days(self) -> int:
        """ANSWER_DEADLINE_DAYS, for texts that state the promise."""
        return self._days

    def today(self) -> date:
        """The current calendar day in the configured zone."""
        return local_day(self._clock.now(), self._zone)

    def due_on(self, received_at: datetime) -> date:
        """The due day of a submission received at this instant."""
        return due_date(received_at, self._zone, self._days)

    async def fill_missing(self) -> int:
        """Give submissions stored before deadlines existed their due day (at start-up)."""
        filled = await self._repository.fill_missing(self.due_on)
        if filled:
            logger.info("gave %d earlier submissions their due day", filled)
        return filled

    async def summary(self) -> DeadlineSummary:
        """The on-time rate, for /stats: replies before their due day's edge, out of those judged.

        Read from the kept tallies and one index range per due day, never every report.
        """
        repository = self._repository
        answered = await repository.replied()
        span = await repository.replied_due_days()
        on_time = 0
        if span is not None:
            first, last = span
            days = (first + timedelta(days=n) for n in range((last - first).days + 1))
            on_time = await repository.replied_before(
                {day: reply_edge(day, self._zone) for day in days}
            )
        judged = answered + await repository.open_past_due(self.today())
        return DeadlineSummary(judged, on_time, answered)

    async def by_ministry(self) -> tuple[date, list[MinistryDeadlines]]:
        """Today, and the daily list's submissions grouped by the ministry each went to."""
        today = self.today()
        items = await self._repository.open_due_by(today + timedelta(days=DUE_SOON_DAYS))
        return today, by_ministry(items, today)

    async def daily(self) -> int:
        """From ADMIN_DIGEST_HOUR local time, once a day: queue each admin's deadline list.

        Nothing is sent on a day with nothing due or overdue, but the day still counts as done.
        """
        now = self._clock.now()
        local = now.astimezone(self._zone)
        today = local.date()
        if local.hour < ADMIN_DIGEST_HOUR or await self._repository.has_run(_DIGEST_JOB, today):
            return 0
        items = await self._repository.open_due_by(today + timedelta(days=DUE_SOON_DAYS))
        messages = []
        if items:
            categories = await self._reference.categories()
            release = self._quiet.release_at(now, self._zone)
            for admin_id, language in await self._repository.languages(self._admin_ids):
                messages.append(
                    self._lists.daily(
                        admin_id, language, today, items, categories, not_before=release
                    )
                )
        queued = await self._repository.run_daily(
            _DIGEST_JOB,
            today,
            key=f"{_DIGEST_JOB}:{today.isoformat()}",
            kind="notice",
            messages=messages,
            now=now,
        )
        if queued:
            self._on_queued()
        return queued

    async def extend(self, text: str, *, actor_id: int) -> ExtendOutcome:
        """Record "CODE YYYY-MM-DD reason": a later expected date, told to the owner."""
        code_part, _, rest = text.strip().partition(" ")
        code = parse_receipt_code(code_part)
        submission = await self._submissions.get_by_code(code) if code else None
        if submission is None or not submission.is_open or submission.merged_into is not None:
            raise UnknownSubmissionError(code_part[:40])
        extension = parse_extension(rest, self.today())
        if submission.due_on is not None and extension.expected_on <= submission.due_on:
            raise ExpectedDateError("not_later")
        recipient = await self._submissions.recipient(submission.id)
        release = self._quiet.release_at(self._clock.now(), self._zone)
        later = LaterDate(
            submission.id, submission.receipt_code, extension.expected_on, extension.reason
        )
        notice = None
        if recipient is not None and not recipient.blocked:
            notice = self._notices.extended(recipient, later, not_before=release)
        await self._repository.extend(
            submission.id,
            extension.expected_on,
            extension.reason,
            actor_id=actor_id,
            now=self._clock.now(),
            notice=notice,
            private=submission.is_anonymous,
            supporters=extension_notice(self._notices, later, not_before=release),
        )
        # Supporters may have been queued even when the owner was not; waking the sender costs
        # nothing and says nothing to the administrator.
        self._on_queued()
        updated = await self._submissions.get(submission.id)
        assert updated is not None
        return ExtendOutcome(updated, extension, notice is not None)
