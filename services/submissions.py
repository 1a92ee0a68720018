"""Reading submissions: a submitter's own list and details, the administrators' inbox."""

from __future__ import annotations

from domain.submissions import (
    Attachment,
    Recipient,
    Submission,
    SubmissionEvent,
    SubmissionFilter,
)
from storage.submissions import SubmissionRepository

__all__ = ["SubmissionQueries"]


class SubmissionQueries:
    """Read-only views of submissions; every change goes through intake or review."""

    def __init__(self, submissions: SubmissionRepository) -> None:
        self._submissions = submissions

    async def get(self, submission_id: int) -> Submission | None:
        """One submission, or None (a stale or forged button)."""
        return await self._submissions.get(submission_id)

    async def get_by_code(self, receipt_code: str) -> Submission | None:
        """One submission by its canonical receipt code, or None."""
        return await self._submissions.get_by_code(receipt_code)

    async def owned(self, submission_id: int, user_id: int) -> Submission | None:
        """The submission if this user made it; None otherwise, so others learn nothing."""
        submission = await self._submissions.get(submission_id)
        if submission is None or not await self._submissions.is_owner(submission.id, user_id):
            return None
        return submission

    async def owned_by_code(self, receipt_code: str, user_id: int) -> Submission | None:
        """As `owned`, looked up by receipt code (/status)."""
        submission = await self._submissions.get_by_code(receipt_code)
        if submission is None or not await self._submissions.is_owner(submission.id, user_id):
            return None
        return submission

    async def count_for_owner(self, user_id: int) -> int:
        """How many submissions the user made."""
        return await self._submissions.count_for_owner(user_id)

    async def list_for_owner(self, user_id: int, *, limit: int, offset: int) -> list[Submission]:
        """One page of the user's own submissions, newest first."""
        return await self._submissions.list_for_owner(user_id, limit=limit, offset=offset)

    async def count_filtered(self, filter_: SubmissionFilter | None = None) -> int:
        """How many submissions the inbox filter matches."""
        return await self._submissions.count_filtered(filter_)

    async def list_filtered(
        self, filter_: SubmissionFilter | None = None, *, limit: int = 20, offset: int = 0
    ) -> list[Submission]:
        """One page of the administrators' inbox."""
        return await self._submissions.list_filtered(filter_, limit=limit, offset=offset)

    async def events(self, submission_id: int) -> list[SubmissionEvent]:
        """The status history, oldest first."""
        return await self._submissions.events(submission_id)

    async def attachments(self, submission_id: int) -> list[Attachment]:
        """The evidence, in the order it was sent."""
        return await self._submissions.attachments(submission_id)

    async def recipient(self, submission_id: int) -> Recipient | None:
        """Who hears about this submission, or None once they erased their data."""
        return await self._submissions.recipient(submission_id)
