"""Administrators moving submissions, answering and merging, over storage.

Each action reads the submission, checks the status model, composes the submitter's notice in
their language, and hands storage one conditional write that also queues the notice: the change
and its notice are committed together or not at all, and a change made meanwhile by another
administrator refuses the write (`ChangedMeanwhileError`) instead of being overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.delivery import Notice
from domain.receipts import parse_receipt_code
from domain.review import (
    ALLOWED_MOVES,
    MAX_MINISTRY_LENGTH,
    MAX_REASON_LENGTH,
    AlreadyMergedError,
    MergeCounts,
    MergeOutcome,
    MoveNotAllowedError,
    NotAReceiptCodeError,
    ReviewOutcome,
    S,
    SameSubmissionError,
    SubmissionMissingError,
    _clean,
)
from domain.submissions import (
    MAX_TEXT_LENGTH,
    Submission,
    SubmissionNotFoundError,
    SubmissionStatus,
)
from domain.subscriptions import QuietHours
from services.notices import OwnerNotices, StatusChange, merge_messages
from services.supporter_notices import merge_notice, status_notice
from storage.merges import MergeRepository
from storage.submissions import SubmissionRepository

__all__ = ["ReviewService"]


class ReviewService:
    """The administrators' actions on submissions."""

    def __init__(
        self,
        submissions: SubmissionRepository,
        merges: MergeRepository,
        clock: Clock,
        *,
        notices: OwnerNotices,
        zone: ZoneInfo,
        quiet_hours: QuietHours,
        on_queued: Callable[[], None],
        tell_submitters: bool = True,
    ) -> None:
        """`tell_submitters=False` replays history (the sandbox's demo data) without notices."""
        self._submissions = submissions
        self._merges = merges
        self._clock = clock
        self._notices = notices
        self._zone = zone
        self._quiet = quiet_hours
        self._on_queued = on_queued
        self._tell = tell_submitters

    async def _get(self, submission_id: int) -> Submission:
        # A submitter who erased their data leaves the submission anonymised, not gone: its
        # substance can still be reviewed and answered, only nobody can be told.
        submission = await self._submissions.get(submission_id)
        if submission is None:
            raise SubmissionMissingError(str(submission_id))
        return submission

    async def _checked(self, submission_id: int, wanted: SubmissionStatus) -> Submission:
        submission = await self._get(submission_id)
        if submission.merged_into is not None or wanted not in ALLOWED_MOVES[submission.status]:
            raise MoveNotAllowedError(submission.status, wanted)
        return submission

    def _release(self, now: datetime) -> datetime:
        """When a notice about a submission may go: now, or when quiet hours end."""
        return self._quiet.release_at(now, self._zone)

    async def _status_notice(
        self, submission: Submission, change: StatusChange, topic: str, release: datetime
    ) -> Notice | None:
        if not self._tell:
            return None
        recipient = await self._submissions.recipient(submission.id)
        if recipient is None or recipient.blocked:
            # An anonymous submitter's notice is recorded even when it cannot go, so nothing an
            # administrator sees (the reply, /delivery) says whether its owner is reachable.
            return Notice(topic, (), private=True) if submission.is_anonymous else None
        message = self._notices.status_changed(recipient, change, not_before=release)
        return Notice(topic, (message,), private=submission.is_anonymous)

    async def _move(
        self,
        submission_id: int,
        status: SubmissionStatus,
        *,
        actor_id: int,
        note: str | None = None,
        forwarded_to: str | None = None,
    ) -> ReviewOutcome:
        submission = await self._checked(submission_id, status)
        now = self._clock.now()
        release = self._release(now)
        change = StatusChange(
            submission.id,
            submission.receipt_code,
            status,
            forwarded_to=forwarded_to or submission.forwarded_to,
            note=note,
        )
        notice = await self._status_notice(submission, change, "status", release)
        supporters = (
            status_notice(self._notices, change, not_before=release) if self._tell else None
        )
        try:
            event = await self._submissions.change_status(
                submission_id,
                status,
                actor_id=actor_id,
                note=note,
                now=now,
                forwarded_to=forwarded_to,
                expected=submission.status,
                notice=notice,
                supporters=supporters,
            )
        except SubmissionNotFoundError as error:
            raise SubmissionMissingError(str(submission_id)) from error
        if notice is not None or supporters is not None:
            self._on_queued()
        return ReviewOutcome(
            await self._get(submission_id), event, release if notice is not None else None
        )

    async def start_review(self, submission_id: int, *, actor_id: int) -> ReviewOutcome:
        """Someone is looking at it: the submitter learns it is being read."""
        return await self._move(submission_id, S.IN_REVIEW, actor_id=actor_id)

    async def close(self, submission_id: int, *, actor_id: int) -> ReviewOutcome:
        """Nothing more will happen to it."""
        return await self._move(submission_id, S.CLOSED, actor_id=actor_id)

    async def forward(self, submission_id: int, ministry: str, *, actor_id: int) -> ReviewOutcome:
        """Passed to a ministry, named as the administrator typed it (stored on the submission)."""
        name = _clean(ministry, MAX_MINISTRY_LENGTH)
        return await self._move(submission_id, S.FORWARDED, actor_id=actor_id, forwarded_to=name)

    async def reject(self, submission_id: int, reason: str, *, actor_id: int) -> ReviewOutcome:
        """Refused, with the reason the submitter will read."""
        return await self._move(
            submission_id, S.REJECTED, actor_id=actor_id, note=_clean(reason, MAX_REASON_LENGTH)
        )

    async def answer(self, submission_id: int, text: str, *, actor_id: int) -> ReviewOutcome:
        """The official answer, stored and sent exactly as the administrator wrote it."""
        answer = _clean(text, MAX_TEXT_LENGTH)
        submission = await self._checked(submission_id, S.ANSWERED)
        now = self._clock.now()
        release = self._release(now)
        change = StatusChange(
            submission.id,
            submission.receipt_code,
            S.ANSWERED,
            forwarded_to=submission.forwarded_to,
            answer=answer,
        )
        notice = await self._status_notice(submission, change, "answer", release)
        supporters = (
            status_notice(self._notices, change, not_before=release) if self._tell else None
        )
        try:
            event = await self._submissions.set_answer(
                submission_id,
                answer,
                actor_id=actor_id,
                now=now,
                expected=submission.status,
                notice=notice,
                supporters=supporters,
            )
        except SubmissionNotFoundError as error:
            raise SubmissionMissingError(str(submission_id)) from error
        if notice is not None or supporters is not None:
            self._on_queued()
        return ReviewOutcome(
            await self._get(submission_id), event, release if notice is not None else None
        )

    async def mark_duplicate(
        self, submission_id: int, original_code: str, *, actor_id: int
    ) -> MergeOutcome:
        """Fold a submission into the one it repeats; its supporters and submitter move over."""
        duplicate = await self._get(submission_id)
        code = parse_receipt_code(original_code)
        original = await self._submissions.get_by_code(code) if code else None
        if original is None:
            raise NotAReceiptCodeError(original_code.strip()[:40])
        if original.id == duplicate.id:
            raise SameSubmissionError(duplicate.receipt_code)
        if duplicate.merged_into is not None or original.merged_into is not None:
            raise AlreadyMergedError(duplicate.receipt_code)
        now = self._clock.now()
        release = self._release(now)
        sides = (
            (duplicate.receipt_code, await self._submissions.recipient(duplicate.id)),
            (original.receipt_code, await self._submissions.recipient(original.id)),
        )
        private = duplicate.is_anonymous or original.is_anonymous
        queued = 0

        def notice(counts: MergeCounts) -> Notice:
            nonlocal queued
            messages = merge_messages(self._notices, *sides, counts, not_before=release)
            queued = len(messages)
            return Notice("merge", messages, private=private)

        reachable = any(r is not None and not r.blocked for _, r in sides)
        counts = await self._merges.merge(
            duplicate.id,
            original.id,
            actor_id=actor_id,
            note=original.receipt_code,
            now=now,
            notice=notice if self._tell and (reachable or private) else None,
            supporters=(
                merge_notice(
                    self._notices,
                    (duplicate.receipt_code, original.receipt_code),
                    original.id,
                    not_before=release,
                )
                if self._tell
                else None
            ),
        )
        if queued or self._tell:
            self._on_queued()
        # Counted per side told, never per person: two sides with one owner count as two.
        told = sum(r is not None and not r.blocked for _, r in sides) if self._tell else 0
        return MergeOutcome(
            duplicate=await self._get(duplicate.id),
            original=await self._get(original.id),
            counts=counts,
            notices=None if private else told,
        )
