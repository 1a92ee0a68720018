"""Answer deadlines: when a submission is due an answer, and whether it got one in time.

Korea's regulatory petition channel gives the ministry 14 days; Sotong promises the same by
default. Days are calendar days in the configured zone: a submission received on the 21st with
14 days is due by the end of the 5th. "Answered" means the owner got a reasoned reply: the
official answer, or a rejection with its reason (the first of either counts). Closing without
either, or merging into another submission, is not an answer, and such submissions leave the
deadline lists and the on-time rate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from domain.typed_dates import split_leading_moment

__all__ = [
    "ADMIN_DIGEST_HOUR",
    "DUE_SOON_DAYS",
    "MAX_EXTENSION_REASON",
    "DeadlineItem",
    "DeadlineSummary",
    "ExpectedDateError",
    "Extension",
    "MinistryDeadlines",
    "answered_on_time",
    "by_ministry",
    "due_date",
    "local_day",
    "parse_extension",
    "reply_edge",
]

ADMIN_DIGEST_HOUR = 9
"""Local hour from which the administrators' daily deadline message goes out."""

DUE_SOON_DAYS = 2
"""The daily message lists what falls due today and in the next this-many days."""

MAX_EXTENSION_REASON = 500


class ExpectedDateError(ValueError):
    """A new expected date that cannot be recorded; `reason` says which rule it broke."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The calendar day of an instant in the configured zone."""
    return moment.astimezone(zone).date()


def due_date(received_at: datetime, zone: ZoneInfo, days: int) -> date:
    """The last day an answer is on time: `days` calendar days after the day of receipt."""
    return local_day(received_at, zone) + timedelta(days=days)


def answered_on_time(due_on: date, replied_at: datetime, zone: ZoneInfo) -> bool:
    """Whether the reply came on or before the due day (an extension does not move it)."""
    return local_day(replied_at, zone) <= due_on


def reply_edge(due_on: date, zone: ZoneInfo) -> datetime:
    """The first instant after the due day: a reply before it is on time (answered_on_time).

    Midnight starting the next day in the zone; the instant a reply is compared with in SQL.
    """
    return datetime.combine(due_on + timedelta(days=1), time(), tzinfo=zone)


@dataclass(frozen=True, slots=True)
class DeadlineItem:
    """An open submission in a deadline list; no identity, only what staff need to act."""

    submission_id: int
    receipt_code: str
    category_id: str
    due_on: date
    expected_on: date | None
    forwarded_to: str | None = None
    """The ministry it was forwarded to, as the administrator typed it; None before that."""

    @property
    def effective_on(self) -> date:
        """The day staff now aim for: the announced later date, else the original one."""
        return self.expected_on or self.due_on

    def days_left(self, today: date) -> int:
        """Days until the effective date; negative once it has passed."""
        return (self.effective_on - today).days


@dataclass(frozen=True, slots=True)
class MinistryDeadlines:
    """What one ministry (None: not forwarded yet) holds past or near its answer date."""

    ministry: str | None
    overdue: tuple[DeadlineItem, ...]
    soon: tuple[DeadlineItem, ...]


def by_ministry(items: Iterable[DeadlineItem], today: date) -> list[MinistryDeadlines]:
    """Group by ministry, the most overdue first; what no ministry holds yet comes last.

    Names are grouped as typed, spaces folded, so "고용노동부 " and "고용노동부" are one.
    """
    groups: dict[str | None, list[DeadlineItem]] = {}
    for item in items:
        name = " ".join(item.forwarded_to.split()) if item.forwarded_to else None
        groups.setdefault(name or None, []).append(item)
    found = [
        MinistryDeadlines(
            ministry,
            tuple(item for item in group if item.days_left(today) < 0),
            tuple(item for item in group if item.days_left(today) >= 0),
        )
        for ministry, group in groups.items()
    ]
    return sorted(
        found, key=lambda g: (g.ministry is None, -len(g.overdue), -len(g.soon), g.ministry or "")
    )


@dataclass(frozen=True, slots=True)
class DeadlineSummary:
    """What /stats shows about deadlines.

    `judged` counts the submissions whose outcome is known: answered, or past due without an
    answer (those count as late). Open submissions still within their time are not judged yet.
    """

    judged: int
    on_time: int
    answered: int

    @property
    def on_time_rate(self) -> float | None:
        """The share answered on time among those judged, or None before any is."""
        return None if self.judged == 0 else self.on_time / self.judged


@dataclass(frozen=True, slots=True)
class Extension:
    """A later expected date for an answer, and why, as the owner will read it."""

    expected_on: date
    reason: str


def parse_extension(text: str, today: date) -> Extension:
    """Read "<date> reason": the date as administrators type it (see `domain.typed_dates`).

    "2026-12-10", "12월 10일", "다음 주 화요일", "Dec 10" all do; a time of day after the date is
    allowed and ignored, since an answer is due on a day. The date must be after today.
    """
    try:
        moment, rest = split_leading_moment(text, today)
    except ValueError:
        raise ExpectedDateError("format") from None
    reason = " ".join(rest.split())
    if not reason:
        raise ExpectedDateError("format")
    expected = moment.day
    if expected <= today:
        raise ExpectedDateError("past")
    if len(reason) > MAX_EXTENSION_REASON:
        raise ExpectedDateError("too_long")
    return Extension(expected, reason)
