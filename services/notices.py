"""What a submitter reads when their submission moves, is answered, merged or left as a draft.

Composed here, in the recipient's language, so the notice can be queued in the same transaction
as the change; the outbox sender delivers it later, whatever happens to Telegram meanwhile. Sent
whatever the user's subscription settings: closing the loop is the point of the product.
"""

from __future__ import annotations

import html
from datetime import datetime
from zoneinfo import ZoneInfo

from domain import callback_data as cb
from domain.delivery import Buttons, QueuedMessage
from domain.review import MergeCounts
from domain.submissions import Recipient, SubmissionStatus
from messages import Markup, format_datetime, t
from messages.length import TEXT_LIMIT, truncate, visible_length

__all__ = [
    "ANSWER_LIMIT",
    "draft_reminder",
    "merge_messages",
    "status_change_message",
    "status_change_text",
]

ANSWER_LIMIT = 3500
_NOTE_LIMIT = 500


def _label(language: str, key: str) -> str:
    """A button label: plain text, as Telegram shows labels without HTML."""
    return html.unescape(t(language, key))


def status_change_text(
    language: str,
    code: str,
    status: SubmissionStatus,
    *,
    note: str | None = None,
    forwarded_to: str | None = None,
    answer: str | None = None,
    lead: str = "feedback.notify.status",
) -> Markup:
    """The message for one change: the new status, the ministry, the note, the answer.

    `lead` is the first line's key: a supporter reads a different one from the submitter.
    """
    parts = [
        t(
            language,
            lead,
            code=code,
            status=t(language, f"feedback.status.{status}"),
        )
    ]
    if status is SubmissionStatus.FORWARDED and forwarded_to:
        parts.append(t(language, "feedback.notify.forwarded_to", ministry=forwarded_to))
    if note:
        # A rejection's note is its reason, and owners are told so in those words.
        note_key = (
            "status.reject_reason"
            if status is SubmissionStatus.REJECTED
            else "feedback.notify.note"
        )
        parts.append(t(language, note_key, note=note[:_NOTE_LIMIT]))
    footer = t(language, "feedback.notify.footer", code=code)
    if status is SubmissionStatus.ANSWERED and answer:
        # The answer takes what the rest leaves of one message; /status shows it whole.
        frame = t(language, "feedback.notify.answer", answer="")
        used = visible_length("\n\n".join([*parts, str(frame), footer])) + 2 * len("\n\n")
        fitted = truncate(answer[:ANSWER_LIMIT], TEXT_LIMIT - used)
        parts.append(t(language, "feedback.notify.answer", answer=fitted))
    parts.append(footer)
    return Markup("\n\n".join(parts))


def status_change_message(
    recipient: Recipient,
    submission_id: int,
    code: str,
    status: SubmissionStatus,
    *,
    not_before: datetime,
    note: str | None = None,
    forwarded_to: str | None = None,
    answer: str | None = None,
) -> QueuedMessage:
    """The queued notice of a status change or answer, with a button to the details."""
    language = recipient.language
    buttons: Buttons = (
        ((_label(language, "feedback.button.open"), cb.MyOpen(submission_id, 0).encode()),),
    )
    text = status_change_text(
        language, code, status, note=note, forwarded_to=forwarded_to, answer=answer
    )
    return QueuedMessage(recipient.user_id, (text,), buttons, not_before)


def merge_messages(
    duplicate: tuple[str, Recipient | None],
    original: tuple[str, Recipient | None],
    counts: MergeCounts,
    *,
    not_before: datetime,
) -> tuple[QueuedMessage, ...]:
    """Both submitters hear of a merge, each in their own language; one person once, in two parts.

    `duplicate` and `original` pair each receipt code with who to tell (None: nobody to tell).
    """
    texts: dict[int, list[str]] = {}
    for (_, recipient), key in (
        (duplicate, "admin_inbox.notify.merged_duplicate"),
        (original, "admin_inbox.notify.merged_original"),
    ):
        if recipient is None or recipient.blocked:
            continue
        texts.setdefault(recipient.user_id, []).append(
            t(
                recipient.language,
                key,
                duplicate=duplicate[0],
                original=original[0],
                added=counts.added_supporters,
                total=counts.supporters,
            )
        )
    return tuple(
        QueuedMessage(user_id, tuple(parts), (), not_before) for user_id, parts in texts.items()
    )


def draft_reminder(
    user_id: int, language: str, started_at: datetime, zone: ZoneInfo, *, not_before: datetime
) -> QueuedMessage:
    """The one gentle reminder of a draft left alone, with a button to continue it."""
    text = t(language, "feedback.reminder", started=format_datetime(started_at, language, zone))
    buttons: Buttons = (((_label(language, "feedback.button.continue"), cb.FB_RESUME.encode()),),)
    return QueuedMessage(user_id, (text,), buttons, not_before)
