"""What an owner reads in the outbox, worded by the channel through `OwnerNotices`.

Their report moved, was answered, merged or put off, a report they support did the same, a
draft waits, or the follow-up question. The services decide who is told what, and compose it in
the recipient's language inside the use case, so the notice is queued in the same transaction
as the change; the outbox sender delivers it later, whatever happens to the channel meanwhile.
Each channel implements the port (Telegram's in `handlers/notice_texts.py`), so the services
build no text, markup or button data of any channel. Sent whatever the user's subscription
settings: closing the loop is the point of the product.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, Protocol

from domain.delivery import QueuedMessage
from domain.review import MergeCounts
from domain.submissions import Recipient, SubmissionStatus

__all__ = ["LaterDate", "MergeSide", "OwnerNotices", "StatusChange", "merge_messages"]

MergeSide = Literal["duplicate", "original"]
"""Which side of a merge a report was: folded into the other, or kept."""


@dataclass(frozen=True, slots=True)
class StatusChange:
    """What a status notice tells: which report, its new status and what came with it.

    `note` is an administrator's note (a rejection's reason): only the submitter reads it.
    """

    submission_id: int
    code: str
    status: SubmissionStatus
    forwarded_to: str | None = None
    note: str | None = None
    answer: str | None = None


@dataclass(frozen=True, slots=True)
class LaterDate:
    """An answer put off: which report, the day it is now expected, and why."""

    submission_id: int
    code: str
    expected_on: date
    reason: str


class OwnerNotices(Protocol):
    """Words one owner's notice, in their language, as the queued message their channel sends."""

    def status_changed(
        self, recipient: Recipient, change: StatusChange, *, not_before: datetime
    ) -> QueuedMessage:
        """The submitter's notice of a status change or of the official answer."""
        ...

    def supported_status_changed(
        self, recipient: Recipient, change: StatusChange, *, not_before: datetime
    ) -> QueuedMessage:
        """A supporter's notice of the same; `change` carries no note."""
        ...

    def merged(
        self,
        recipient: Recipient,
        sides: tuple[MergeSide, ...],
        codes: tuple[str, str],
        counts: MergeCounts,
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """A submitter hears of a merge, once for each side that is theirs (duplicate first).

        `codes` are the duplicate's and the original's receipt codes.
        """
        ...

    def supported_merged(
        self,
        recipient: Recipient,
        codes: tuple[str, str],
        original_id: int,
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """A supporter of the duplicate hears that their support now counts for the original."""
        ...

    def extended(
        self, recipient: Recipient, later: LaterDate, *, not_before: datetime
    ) -> QueuedMessage:
        """The submitter hears that the answer will come later, when and why."""
        ...

    def supported_extended(
        self, recipient: Recipient, later: LaterDate, *, not_before: datetime
    ) -> QueuedMessage:
        """A supporter hears the same as the submitter, in a supporter's words."""
        ...

    def draft_reminder(
        self, user_id: int, language: str, started_at: datetime, *, not_before: datetime
    ) -> QueuedMessage:
        """The one gentle reminder of a draft left alone, with a way to continue it."""
        ...

    def follow_up_question(
        self,
        user_id: int,
        language: str,
        submission_id: int,
        code: str,
        days: int,
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """Did it help? Asked `days` after the report was resolved, with the four verdicts."""
        ...


def merge_messages(
    notices: OwnerNotices,
    duplicate: tuple[str, Recipient | None],
    original: tuple[str, Recipient | None],
    counts: MergeCounts,
    *,
    not_before: datetime,
) -> tuple[QueuedMessage, ...]:
    """Both submitters hear of a merge, each in their own language; one person once, in two parts.

    `duplicate` and `original` pair each receipt code with who to tell (None: nobody to tell).
    """
    sides: dict[int, tuple[Recipient, list[MergeSide]]] = {}
    pairs: tuple[tuple[Recipient | None, MergeSide], ...] = (
        (duplicate[1], "duplicate"),
        (original[1], "original"),
    )
    for recipient, side in pairs:
        if recipient is None or recipient.blocked:
            continue
        sides.setdefault(recipient.user_id, (recipient, []))[1].append(side)
    codes = (duplicate[0], original[0])
    return tuple(
        notices.merged(recipient, tuple(told), codes, counts, not_before=not_before)
        for recipient, told in sides.values()
    )
