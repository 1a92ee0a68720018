"""What an owner reads in Telegram when a report of theirs, or one they support, moves.

The Telegram words of `services.notices.OwnerNotices`: HTML from the catalog in the recipient's
language and a button to the report's details. The services call it inside the use case, so
each notice is composed in the transaction of the change it tells of.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from domain import callback_data as cb
from domain.delivery import Buttons, QueuedMessage
from domain.follow_up import FollowUpResult
from domain.review import MergeCounts
from domain.submissions import Recipient, SubmissionStatus
from handlers.deadline_texts import day_text
from handlers.queued_buttons import queued_button
from messages import Markup, format_datetime, t
from messages.length import TEXT_LIMIT, truncate, visible_length
from services.notices import LaterDate, MergeSide, StatusChange

__all__ = ["ANSWER_LIMIT", "OwnerNoticeTexts", "status_change_text"]

ANSWER_LIMIT = 3500
_NOTE_LIMIT = 500


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


def _open(language: str, submission_id: int) -> Buttons:
    """A button to the report's details."""
    return ((queued_button(language, "feedback.button.open", cb.MyOpen(submission_id, 0)),),)


def _follow_up_buttons(language: str, submission_id: int) -> Buttons:
    def verdict(result: FollowUpResult) -> tuple[str, str]:
        return queued_button(
            language,
            f"follow_up.result.{result}",
            cb.FollowUpVerdict(submission_id, result.value),
        )

    return (
        (verdict(FollowUpResult.GONE), verdict(FollowUpResult.SMALLER)),
        (verdict(FollowUpResult.UNCHANGED), verdict(FollowUpResult.WORSE)),
    )


def _status(
    recipient: Recipient, change: StatusChange, lead: str, not_before: datetime
) -> QueuedMessage:
    language = recipient.language
    text = status_change_text(
        language,
        change.code,
        change.status,
        note=change.note,
        forwarded_to=change.forwarded_to,
        answer=change.answer,
        lead=lead,
    )
    buttons = _open(language, change.submission_id)
    return QueuedMessage(recipient.user_id, (text,), buttons, not_before)


class OwnerNoticeTexts:
    """Owners' notices as Telegram HTML with buttons; dates in the configured zone."""

    def __init__(self, zone: ZoneInfo) -> None:
        self._zone = zone

    def status_changed(
        self, recipient: Recipient, change: StatusChange, *, not_before: datetime
    ) -> QueuedMessage:
        """The queued notice of a status change or answer, with a button to the details."""
        return _status(recipient, change, "feedback.notify.status", not_before)

    def supported_status_changed(
        self, recipient: Recipient, change: StatusChange, *, not_before: datetime
    ) -> QueuedMessage:
        """The supporter's notice: the submitter's words under a supporter's first line."""
        return _status(recipient, change, "supporters.notify.status", not_before)

    def merged(
        self,
        recipient: Recipient,
        sides: tuple[MergeSide, ...],
        codes: tuple[str, str],
        counts: MergeCounts,
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """One part per side the recipient owns, in one message, without buttons."""
        duplicate, original = codes
        parts = tuple(
            t(
                recipient.language,
                f"admin_inbox.notify.merged_{side}",
                duplicate=duplicate,
                original=original,
                added=counts.added_supporters,
                total=counts.supporters,
            )
            for side in sides
        )
        return QueuedMessage(recipient.user_id, parts, (), not_before)

    def supported_merged(
        self,
        recipient: Recipient,
        codes: tuple[str, str],
        original_id: int,
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """The supporter is sent to the original, which their support now counts for."""
        language = recipient.language
        duplicate, original = codes
        text = t(language, "supporters.notify.merged", duplicate=duplicate, original=original)
        return QueuedMessage(recipient.user_id, (text,), _open(language, original_id), not_before)

    def extended(
        self, recipient: Recipient, later: LaterDate, *, not_before: datetime
    ) -> QueuedMessage:
        """The later date in the reader's way of writing dates, and the reason."""
        return self._later("deadline.notify.extended", recipient, later, not_before)

    def supported_extended(
        self, recipient: Recipient, later: LaterDate, *, not_before: datetime
    ) -> QueuedMessage:
        """The same, under a supporter's first line."""
        return self._later("supporters.notify.extended", recipient, later, not_before)

    def _later(
        self, key: str, recipient: Recipient, later: LaterDate, not_before: datetime
    ) -> QueuedMessage:
        language = recipient.language
        text = t(
            language,
            key,
            code=later.code,
            date=day_text(later.expected_on, language, self._zone),
            reason=later.reason,
        )
        buttons = _open(language, later.submission_id)
        return QueuedMessage(recipient.user_id, (text,), buttons, not_before)

    def draft_reminder(
        self, user_id: int, language: str, started_at: datetime, *, not_before: datetime
    ) -> QueuedMessage:
        """The reminder, with the day the draft was started and a button to continue it."""
        started = format_datetime(started_at, language, self._zone)
        text = t(language, "feedback.reminder", started=started)
        buttons: Buttons = ((queued_button(language, "feedback.button.continue", cb.FB_RESUME),),)
        return QueuedMessage(user_id, (text,), buttons, not_before)

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
        """The question with its four verdicts as buttons, two to a row."""
        text = t(language, "follow_up.question", code=code, days=days)
        buttons = _follow_up_buttons(language, submission_id)
        return QueuedMessage(user_id, (text,), buttons, not_before)
