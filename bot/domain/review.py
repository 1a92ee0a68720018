"""Administrators moving submissions through the status model, answering and merging.

The service validates; storage writes each step with its history event and audit entry in one
transaction; the caller tells the submitters (see `ReviewOutcome.notify`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.domain.clock import Clock
from bot.domain.receipts import parse_receipt_code
from bot.domain.submissions import (
    MAX_TEXT_LENGTH,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
)

if TYPE_CHECKING:
    from storage.merges import MergeRepository
    from storage.submissions import SubmissionRepository

__all__ = [
    "ALLOWED_MOVES",
    "MAX_MINISTRY_LENGTH",
    "MAX_REASON_LENGTH",
    "AlreadyMergedError",
    "EmptyTextError",
    "MergeCounts",
    "MergeOutcome",
    "MoveNotAllowedError",
    "NotAReceiptCodeError",
    "PendingInput",
    "ReviewAction",
    "ReviewError",
    "ReviewOutcome",
    "ReviewService",
    "SameSubmissionError",
    "SubmissionMissingError",
    "TextTooLongError",
]

MAX_MINISTRY_LENGTH = 100
MAX_REASON_LENGTH = 1000

S = SubmissionStatus
ALLOWED_MOVES: dict[SubmissionStatus, frozenset[SubmissionStatus]] = {
    S.RECEIVED: frozenset({S.IN_REVIEW, S.FORWARDED, S.ANSWERED, S.CLOSED, S.REJECTED}),
    S.IN_REVIEW: frozenset({S.FORWARDED, S.ANSWERED, S.CLOSED, S.REJECTED}),
    S.FORWARDED: frozenset({S.IN_REVIEW, S.ANSWERED, S.CLOSED, S.REJECTED}),
    S.ANSWERED: frozenset({S.ANSWERED, S.IN_REVIEW, S.CLOSED}),
    S.CLOSED: frozenset({S.IN_REVIEW}),
    S.REJECTED: frozenset({S.IN_REVIEW}),
}
"""Where each status may go; answering an answered submission replaces the answer."""


class ReviewAction(StrEnum):
    """Actions that need the administrator to type something first."""

    FORWARD = "forward"
    ANSWER = "answer"
    REJECT = "reject"
    DUPLICATE = "duplicate"


@dataclass(frozen=True, slots=True)
class PendingInput:
    """The administrator was asked to type something for this submission."""

    action: ReviewAction
    submission_id: int
    asked_at: datetime


class ReviewError(Exception):
    """A review action was refused; the subclass says why."""


class SubmissionMissingError(ReviewError):
    """No such submission (deleted, or a forged button)."""


class MoveNotAllowedError(ReviewError):
    """The status model does not allow this move from the current status."""

    def __init__(self, current: SubmissionStatus, wanted: SubmissionStatus) -> None:
        super().__init__(f"cannot move from {current} to {wanted}")
        self.current = current
        self.wanted = wanted


class EmptyTextError(ReviewError):
    """The administrator sent no text where some was needed."""


class TextTooLongError(ReviewError):
    """The text is longer than the submitter's message could carry."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"at most {limit} characters")
        self.limit = limit


class NotAReceiptCodeError(ReviewError):
    """What was typed is not a receipt code, or no submission has it."""


class SameSubmissionError(ReviewError):
    """A submission cannot be a duplicate of itself."""


class AlreadyMergedError(ReviewError):
    """One of the two is already merged into another submission."""


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """The submission after the change, and the history event the submitter should hear of."""

    submission: Submission
    event: SubmissionEvent


@dataclass(frozen=True, slots=True)
class MergeCounts:
    """How the original's support changed."""

    added_supporters: int
    supporters: int


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """Both sides of a merge, so each submitter can be told."""

    duplicate: Submission
    original: Submission
    counts: MergeCounts


def _clean(text: str, limit: int) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise EmptyTextError("empty text")
    if len(cleaned) > limit:
        raise TextTooLongError(limit)
    return cleaned


class ReviewService:
    """The administrators' actions on submissions."""

    def __init__(
        self, submissions: SubmissionRepository, merges: MergeRepository, clock: Clock
    ) -> None:
        self._submissions = submissions
        self._merges = merges
        self._clock = clock

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

    async def _move(
        self,
        submission_id: int,
        status: SubmissionStatus,
        *,
        actor_id: int,
        note: str | None = None,
        forwarded_to: str | None = None,
    ) -> ReviewOutcome:
        await self._checked(submission_id, status)
        event = await self._submissions.change_status(
            submission_id,
            status,
            actor_id=actor_id,
            note=note,
            now=self._clock.now(),
            forwarded_to=forwarded_to,
        )
        return ReviewOutcome(await self._get(submission_id), event)

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
        await self._checked(submission_id, S.ANSWERED)
        event = await self._submissions.set_answer(
            submission_id, answer, actor_id=actor_id, now=self._clock.now()
        )
        return ReviewOutcome(await self._get(submission_id), event)

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
        counts = await self._merges.merge(
            duplicate.id,
            original.id,
            actor_id=actor_id,
            note=original.receipt_code,
            now=self._clock.now(),
        )
        return MergeOutcome(
            duplicate=await self._get(duplicate.id),
            original=await self._get(original.id),
            counts=counts,
        )
