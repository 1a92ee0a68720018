"""Reading submissions: an owner's own and supported ones, the administrators' inbox."""

from __future__ import annotations

from domain.submissions import (
    Attachment,
    Recipient,
    Submission,
    SubmissionEvent,
    SubmissionFilter,
)
from domain.supporters import MyItem
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

    async def supported(self, submission_id: int, user_id: int) -> Submission | None:
        """Someone else's submission this user supports; None otherwise.

        The caller shows a supporter only what any owner may see of another's submission.
        """
        submission = await self._submissions.get(submission_id)
        if (
            submission is None
            or await self._submissions.is_owner(submission.id, user_id)
            or not await self._submissions.has_supported(submission.id, user_id)
        ):
            return None
        return submission

    async def supported_by_code(self, receipt_code: str, user_id: int) -> Submission | None:
        """As `supported`, looked up by receipt code (/status)."""
        submission = await self._submissions.get_by_code(receipt_code)
        return None if submission is None else await self.supported(submission.id, user_id)

    async def count_for_person(self, user_id: int) -> int:
        """How many lines /my has: the user's own submissions and those they support."""
        return await self._submissions.count_for_owner(
            user_id
        ) + await self._submissions.count_supported(user_id)

    async def page_for_person(self, user_id: int, *, limit: int, offset: int) -> list[MyItem]:
        """One page of /my: the user's own submissions, newest first, then those they support.

        Their own come first because those are the ones they act on (add details, answer the
        follow-up); supported ones follow, the latest support first, each marked as such.
        """
        own_total = await self._submissions.count_for_owner(user_id)
        own = (
            await self._submissions.list_for_owner(user_id, limit=limit, offset=offset)
            if offset < own_total
            else []
        )
        items = [MyItem(submission, supported=False) for submission in own]
        room = limit - len(items)
        if room > 0:
            supported = await self._submissions.list_supported(
                user_id, limit=room, offset=max(0, offset - own_total)
            )
            items.extend(MyItem(submission, supported=True) for submission in supported)
        return items

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
