"""Policy councils, SOS Talks and other meetings subscribers want to know about in advance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from domain.content import LocalizedText

__all__ = [
    "DAY_REMINDER_LEAD",
    "HOUR_REMINDER_LEAD",
    "LISTED_AFTER_END",
    "OPEN_MEETING_STATUSES",
    "Meeting",
    "MeetingDraft",
    "MeetingKind",
    "MeetingNotFoundError",
    "MeetingStatus",
    "MeetingValidationError",
    "reminder_due",
]


class MeetingKind(StrEnum):
    """The meeting formats Korean SME policy uses."""

    POLICY_COUNCIL = "policy_council"
    SOS_TALK = "sos_talk"
    ADVISORY_GROUP = "advisory_group"
    ROUNDTABLE = "roundtable"
    OTHER = "other"


class MeetingStatus(StrEnum):
    """Where a meeting stands; a held meeting may carry an outcome summary."""

    SCHEDULED = "scheduled"
    CHANGED = "changed"
    CANCELLED = "cancelled"
    HELD = "held"


OPEN_MEETING_STATUSES = frozenset({MeetingStatus.SCHEDULED, MeetingStatus.CHANGED})
"""A meeting in these is still going to take place: reminders for it make sense."""

LISTED_AFTER_END = timedelta(hours=3)
"""How long a meeting stays in the upcoming list after it ends (or starts, with no end given),
so one in progress, or just over, can still be found."""


DAY_REMINDER_LEAD = timedelta(days=1)
HOUR_REMINDER_LEAD = timedelta(hours=1)
"""A meeting's reminders open this long before its start: a day before, then an hour before."""


def reminder_due(
    starts_at: datetime, now: datetime, *, day_sent: bool, hour_sent: bool
) -> str | None:
    """Which reminder is due now, "day" or "hour", or None.

    Once the hour-before window is open the day-before reminder is no longer useful, so only
    the hour-before one can be due; a meeting already started gets neither.
    """
    if not now < starts_at <= now + DAY_REMINDER_LEAD:
        return None
    if starts_at - now <= HOUR_REMINDER_LEAD:
        return None if hour_sent else "hour"
    return None if day_sent else "day"


class MeetingNotFoundError(LookupError):
    """No meeting has this id (a stale or forged button)."""


class MeetingValidationError(ValueError):
    """A meeting's fields contradict each other; `field` names the one to fix."""

    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(f"{field_name}: {reason}")
        self.field = field_name
        self.reason = reason


@dataclass(frozen=True, slots=True)
class MeetingDraft:
    """A meeting as an administrator or an import file describes it, before it has an id."""

    kind: MeetingKind
    title: LocalizedText
    starts_at: datetime
    ends_at: datetime | None = None
    organizer: LocalizedText = field(default_factory=LocalizedText)
    place: LocalizedText = field(default_factory=LocalizedText)
    online_url: str | None = None
    agenda: LocalizedText = field(default_factory=LocalizedText)
    status: MeetingStatus = MeetingStatus.SCHEDULED
    outcome: LocalizedText = field(default_factory=LocalizedText)
    categories: frozenset[str] = frozenset()
    key: str | None = None

    def validate(self) -> None:
        """Refuse what the database would refuse, with the field to blame."""
        if not self.title:
            raise MeetingValidationError("title", "a title in Korean or English is required")
        if self.starts_at.tzinfo is None:
            raise MeetingValidationError("starts_at", "the time needs a zone")
        if self.ends_at is not None and self.ends_at < self.starts_at:
            raise MeetingValidationError("ends_at", "the meeting cannot end before it starts")
        if self.online_url is not None and not self.online_url.startswith(("http://", "https://")):
            raise MeetingValidationError("online_url", "an http:// or https:// link is required")


@dataclass(frozen=True, slots=True)
class Meeting:
    """A stored meeting."""

    id: int
    kind: MeetingKind
    title: LocalizedText
    starts_at: datetime
    ends_at: datetime | None
    organizer: LocalizedText
    place: LocalizedText
    online_url: str | None
    agenda: LocalizedText
    status: MeetingStatus
    outcome: LocalizedText
    categories: frozenset[str]
    created_at: datetime
    updated_at: datetime
    key: str | None = None

    @property
    def is_open(self) -> bool:
        """Whether the meeting is still going to take place (reminders make sense)."""
        return self.status in OPEN_MEETING_STATUSES

    def is_upcoming(self, now: datetime) -> bool:
        """Whether the upcoming list shows it: not held, nor long over (LISTED_AFTER_END)."""
        ends = self.ends_at or self.starts_at
        return self.status is not MeetingStatus.HELD and ends >= now - LISTED_AFTER_END

    def draft(self) -> MeetingDraft:
        """The editable fields, for an edit that changes one of them."""
        return MeetingDraft(
            kind=self.kind,
            title=self.title,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            organizer=self.organizer,
            place=self.place,
            online_url=self.online_url,
            agenda=self.agenda,
            status=self.status,
            outcome=self.outcome,
            categories=self.categories,
            key=self.key,
        )
