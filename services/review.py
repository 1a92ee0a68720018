"""Administrators moving submissions, answering and merging, over storage."""

from __future__ import annotations

from domain.clock import Clock
from domain.receipts import parse_receipt_code
from domain.review import (
    ALLOWED_MOVES,
    MAX_MINISTRY_LENGTH,
    MAX_REASON_LENGTH,
    AlreadyMergedError,
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
    SubmissionStatus,
)
from storage.merges import MergeRepository
from storage.submissions import SubmissionRepository

__all__ = ["ReviewService"]


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
