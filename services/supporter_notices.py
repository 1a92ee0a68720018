"""What a supporter reads when a submission they support moves, is answered, merged or put off.

Composed per supporter, in their language, by storage inside the transaction of the change (see
`domain.supporters`). The texts carry what any owner may see of someone else's submission: the
receipt code, the status, the ministry, the official answer, the dates; never an administrator's
note, nothing its author typed and nothing about who they are.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from domain import callback_data as cb
from domain.delivery import Buttons, QueuedMessage
from domain.submissions import Recipient, SubmissionStatus
from domain.supporters import SupporterNotice
from messages import t
from services.notices import status_change_text

__all__ = ["extension_notice", "merge_notice", "status_notice"]


def _open(language: str, submission_id: int) -> Buttons:
    label = html.unescape(t(language, "feedback.button.open"))
    return (((label, cb.MyOpen(submission_id, 0).encode()),),)


def status_notice(
    submission_id: int,
    code: str,
    status: SubmissionStatus,
    *,
    not_before: datetime,
    forwarded_to: str | None = None,
    answer: str | None = None,
) -> SupporterNotice:
    """The supporters' notice of a status change or of the official answer."""

    def compose(recipient: Recipient) -> QueuedMessage:
        language = recipient.language
        text = status_change_text(
            language,
            code,
            status,
            forwarded_to=forwarded_to,
            answer=answer,
            lead="supporters.notify.status",
        )
        return QueuedMessage(recipient.user_id, (text,), _open(language, submission_id), not_before)

    return SupporterNotice("answer" if answer else "status", compose)


def merge_notice(
    duplicate_code: str, original_id: int, original_code: str, *, not_before: datetime
) -> SupporterNotice:
    """The duplicate's supporters hear that their support now counts for the original."""

    def compose(recipient: Recipient) -> QueuedMessage:
        language = recipient.language
        text = t(
            language, "supporters.notify.merged", duplicate=duplicate_code, original=original_code
        )
        return QueuedMessage(recipient.user_id, (text,), _open(language, original_id), not_before)

    return SupporterNotice("merge", compose)


def extension_notice(
    submission_id: int,
    code: str,
    reason: str,
    *,
    date_in: Callable[[str], str],
    not_before: datetime,
) -> SupporterNotice:
    """The supporters hear that the answer will come later, when and why, as the owner does.

    `date_in` writes the new date in a reader's language.
    """

    def compose(recipient: Recipient) -> QueuedMessage:
        language = recipient.language
        text = t(
            language,
            "supporters.notify.extended",
            code=code,
            date=date_in(language),
            reason=reason,
        )
        return QueuedMessage(recipient.user_id, (text,), _open(language, submission_id), not_before)

    return SupporterNotice("extended", compose)
