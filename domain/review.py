"""Administrators moving submissions through the status model, answering and merging.

The service validates and composes the submitters' notices; storage writes each step with its
history event, audit entry and queued notices in one transaction, conditional on the status the
service saw, so a concurrent change refuses the write instead of being overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.submissions import (
    MAX_TEXT_LENGTH,
    Submission,
    SubmissionEvent,
    SubmissionStatus,
)

__all__ = [
    "ALLOWED_MOVES",
    "MAX_MINISTRY_LENGTH",
    "MAX_REASON_LENGTH",
    "MERGED_STATUS",
    "AlreadyMergedError",
    "ChangedMeanwhileError",
    "EmptyTextError",
    "MergeCounts",
    "MergeOutcome",
    "MoveNotAllowedError",
    "NotAReceiptCodeError",
    "PendingInput",
    "ReviewAction",
    "ReviewError",
    "ReviewOutcome",
    "SameSubmissionError",
    "SubmissionMissingError",
    "TextTooLongError",
    "checked_answer",
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


class ChangedMeanwhileError(ReviewError):
    """Someone else changed the submission between reading it and this write; nothing was done."""

    def __init__(self, current: SubmissionStatus, *, merged: bool = False) -> None:
        super().__init__(f"changed meanwhile: now {current}{' (merged)' if merged else ''}")
        self.current = current
        self.merged = merged


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


MERGED_STATUS = SubmissionStatus.CLOSED
"""What a duplicate becomes once merged into the original: closed, with no reply of its own."""


class AlreadyMergedError(ReviewError):
    """One of the two is already merged into another submission."""


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """The submission after the change, its history event, and when the submitter's notice goes.

    `notice_at` is None when nobody can be told (the submitter erased their data or blocked the
    bot); later than the change when quiet hours hold the notice back. For an anonymous
    submission it is set either way: whether its owner can be reached is not for the
    administrator to learn.
    """

    submission: Submission
    event: SubmissionEvent
    notice_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class MergeCounts:
    """How the original's support changed."""

    added_supporters: int
    supporters: int


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """Both sides of a merge, so each submitter can be told.

    `notices` counts the sides whose submitter is told (one owner of both sides counts twice),
    and is None when either side is anonymous: then no figure about the submitters is shown.
    """

    duplicate: Submission
    original: Submission
    counts: MergeCounts
    notices: int | None = 0


def checked_answer(text: str) -> str:
    """The answer as it will be stored and sent: trimmed, not empty, within the limit."""
    return _clean(text, MAX_TEXT_LENGTH)


def _clean(text: str, limit: int) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise EmptyTextError("empty text")
    if len(cleaned) > limit:
        raise TextTooLongError(limit)
    return cleaned
