"""How answer deadlines read: on the receipt, in /my and /status, on the admins' cards and list."""

from __future__ import annotations

from domain.deadlines import DeadlineSummary
from domain.follow_up import FollowUpResult, FollowUpSummary
from domain.submissions import Submission, SubmissionStatus
from handlers.context import SotongContext
from handlers.deadline_texts import day_text, days_left_text
from messages import Markup, format_number, t

__all__ = [
    "deadline_sections",
    "deadline_text",
    "detail_line",
    "due_line",
    "follow_up_line",
    "follow_up_text",
    "inbox_line",
]


def due_line(context: SotongContext, submission: Submission) -> Markup:
    """The receipt's promise: the due day and the number of days it stands for."""
    deadlines = context.services.deadlines
    due = submission.due_on or deadlines.due_on(submission.created_at)
    return t(
        context.lang,
        "deadline.receipt",
        date=day_text(due, context.lang, context.services.zone),
        days=deadlines.days,
    )


async def detail_line(context: SotongContext, submission: Submission) -> Markup | None:
    """The due day in a submission's details, with a later date and its reason when one was set."""
    if submission.due_on is None:
        return None
    lang = context.lang
    zone = context.services.zone
    due = day_text(submission.due_on, lang, zone)
    if not submission.is_open:
        if submission.status in (SubmissionStatus.ANSWERED, SubmissionStatus.REJECTED):
            return t(lang, "deadline.detail_replied", date=due)
        return t(lang, "deadline.detail", date=due)
    if submission.expected_on is not None:
        reason = await context.services.due_dates.latest_reason(submission.id)
        return t(
            lang,
            "deadline.detail_expected",
            due=due,
            date=day_text(submission.expected_on, lang, zone),
            reason=reason or "",
        )
    return t(lang, "deadline.detail", date=due)


def inbox_line(context: SotongContext, submission: Submission) -> Markup | None:
    """Days left (or overdue) for an open submission, on its inbox line; None once it is closed.

    Only the count: the day itself is on the card, and the list keeps each entry to three lines.
    """
    if submission.due_on is None or not submission.is_open or submission.merged_into is not None:
        return None
    effective = submission.expected_on or submission.due_on
    left = (effective - context.services.deadlines.today()).days
    return t(context.lang, "deadline.inbox_line", left=days_left_text(context.lang, left))


async def deadline_sections(context: SotongContext, submission: Submission) -> list[Markup]:
    """The admins' card: the due day, and for an open one how to announce a later date."""
    line = await detail_line(context, submission)
    if line is None:
        return []
    if not submission.is_open or submission.merged_into is not None:
        return [line]
    hint = t(context.lang, "deadline.card_hint", code=submission.receipt_code)
    return [Markup(f"{line}\n{hint}")]


def deadline_text(lang: str, summary: DeadlineSummary) -> Markup:
    """/stats' deadline line: the share answered on time.

    Only that: the time to answer is /stats' own line, one median for one fact.
    """
    rate = summary.on_time_rate
    if rate is None:
        return t(lang, "deadline.stats_none")
    return t(
        lang,
        "deadline.stats",
        rate=f"{round(rate * 100)}%",
        on_time=summary.on_time,
        judged=summary.judged,
    )


def follow_up_text(lang: str, summary: FollowUpSummary) -> Markup:
    """/stats' "did it help?" line: the share of answers per result."""
    if summary.asked == 0:
        return t(lang, "follow_up.stats_none")

    def share(result: FollowUpResult) -> str:
        value = summary.share(result)
        return "–" if value is None else f"{round(value * 100)}%"

    return t(
        lang,
        "follow_up.stats",
        gone=share(FollowUpResult.GONE),
        smaller=share(FollowUpResult.SMALLER),
        unchanged=share(FollowUpResult.UNCHANGED),
        worse=share(FollowUpResult.WORSE),
        answered=summary.answered,
        asked=summary.asked,
    )


async def follow_up_line(context: SotongContext, submission_id: int) -> Markup | None:
    """What the owner said when asked "did it help?", with the note and new cost; or None."""
    answer = await context.services.follow_up_answers.answer_of(submission_id)
    if answer is None:
        return None
    lang = context.lang
    extras = []
    if answer.hours_per_month is not None:
        extras.append(t(lang, "follow_up.hours", hours=format_number(answer.hours_per_month, lang)))
    if answer.won is not None:
        extras.append(t(lang, "follow_up.won", won=format_number(answer.won, lang)))
    return t(
        lang,
        "follow_up.card",
        result=t(lang, f"follow_up.result.{answer.result}"),
        cost=Markup(", ".join(extras)) if extras else "–",
        note=answer.note or "–",
    )
