"""Telling a submitter, in their own language, that their submission moved or was answered.

Sent whatever the user's subscription settings: closing the loop is the point of the product.
Administrators' handlers call `notify_status_change` right after a repository change.
"""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.error import Forbidden

from domain.submissions import Submission, SubmissionEvent, SubmissionStatus
from handlers.feedback_views import status_label
from handlers.ui import button, keyboard
from messages import Markup, t
from messages.length import TEXT_LIMIT, truncate, visible_length
from services.container import Services

__all__ = ["notify_status_change", "status_change_text"]

logger = logging.getLogger("sotong.notifications")

_ANSWER_LIMIT = 3500


def status_change_text(language: str, submission: Submission, event: SubmissionEvent) -> Markup:
    """The message for one change: the new status, the ministry, the note, the answer."""
    parts = [
        t(
            language,
            "feedback.notify.status",
            code=submission.receipt_code,
            status=status_label(language, event.status),
        )
    ]
    if event.status is SubmissionStatus.FORWARDED and submission.forwarded_to:
        parts.append(t(language, "feedback.notify.forwarded_to", ministry=submission.forwarded_to))
    if event.note:
        parts.append(t(language, "feedback.notify.note", note=event.note[:500]))
    footer = t(language, "feedback.notify.footer", code=submission.receipt_code)
    if event.status is SubmissionStatus.ANSWERED and submission.answer_text:
        # The answer takes what the rest leaves of one message; /status shows it whole.
        frame = t(language, "feedback.notify.answer", answer="")
        used = visible_length("\n\n".join([*parts, str(frame), footer])) + 2 * len("\n\n")
        answer = truncate(submission.answer_text[:_ANSWER_LIMIT], TEXT_LIMIT - used)
        parts.append(t(language, "feedback.notify.answer", answer=answer))
    parts.append(footer)
    return Markup("\n\n".join(parts))


async def notify_status_change(
    bot: Bot, services: Services, submission: Submission, event: SubmissionEvent
) -> bool:
    """Push one change to the submitter; True when it was delivered.

    Pass the submission as it is after the change (re-read it), so an answer or ministry is in
    it. Nothing is sent when the submitter erased their data or blocked the bot; a block found
    while sending is recorded so nobody keeps trying.
    """
    recipient = await services.submissions.recipient(submission.id)
    if recipient is None or recipient.blocked:
        return False
    language = recipient.language
    try:
        await bot.send_message(
            recipient.user_id,
            status_change_text(language, submission, event),
            reply_markup=keyboard(
                [[button(language, "feedback.button.open", f"my:open:{submission.id}:0")]]
            ),
        )
    except Forbidden:
        logger.info("status change not delivered: the submitter blocked the bot")
        await services.accounts.blocked(recipient.user_id)
        return False
    return True
