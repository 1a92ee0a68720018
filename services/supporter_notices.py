"""What a supporter reads when a submission they support moves, is answered, merged or put off.

Composed per supporter, in their language, by storage inside the transaction of the change (see
`domain.supporters`), through the channel's `OwnerNotices`. The notices carry what any owner may
see of someone else's submission: the receipt code, the status, the ministry, the official
answer, the dates; never an administrator's note, nothing its author typed and nothing about
who they are.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from domain.delivery import QueuedMessage
from domain.submissions import Recipient
from domain.supporters import SupporterNotice
from services.notices import LaterDate, OwnerNotices, StatusChange

__all__ = ["extension_notice", "merge_notice", "status_notice"]


def status_notice(
    notices: OwnerNotices, change: StatusChange, *, not_before: datetime
) -> SupporterNotice:
    """The supporters' notice of a status change or of the official answer."""
    told = replace(change, note=None)

    def compose(recipient: Recipient) -> QueuedMessage:
        return notices.supported_status_changed(recipient, told, not_before=not_before)

    return SupporterNotice("answer" if change.answer else "status", compose)


def merge_notice(
    notices: OwnerNotices, codes: tuple[str, str], original_id: int, *, not_before: datetime
) -> SupporterNotice:
    """The duplicate's supporters hear that their support now counts for the original."""

    def compose(recipient: Recipient) -> QueuedMessage:
        return notices.supported_merged(recipient, codes, original_id, not_before=not_before)

    return SupporterNotice("merge", compose)


def extension_notice(
    notices: OwnerNotices, later: LaterDate, *, not_before: datetime
) -> SupporterNotice:
    """The supporters hear that the answer will come later, when and why, as the owner does."""

    def compose(recipient: Recipient) -> QueuedMessage:
        return notices.supported_extended(recipient, later, not_before=not_before)

    return SupporterNotice("extended", compose)
