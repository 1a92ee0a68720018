"""What administrators do to policy content in chat: add, edit, cancel, mark held, publish.

Every change goes through a repository that records the audit entry and the change event in
the same transaction; the scheduler picks the events up for digests and notices.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from domain.announcements import Announcement, AnnouncementDraft
from domain.bills import Bill, BillDraft, BillStageEntry
from domain.clock import Clock
from domain.content import ContentChange, LocalizedText
from domain.meetings import Meeting, MeetingDraft, MeetingStatus, MeetingValidationError
from domain.typed_dates import parse_typed_clock, parse_typed_moment
from storage.announcements import AnnouncementRepository
from storage.bills import BillRepository
from storage.meetings import MeetingRepository

__all__ = [
    "MEETING_TEXT_FIELDS",
    "ContentAdminService",
    "MeetingStateError",
    "parse_local_date",
    "parse_local_time",
]

MEETING_TEXT_FIELDS = ("title", "organizer", "place", "agenda")
"""Meeting fields an administrator edits as text in their language."""

_LOGISTICS = ("starts_at", "ends_at", "place", "online_url")


def parse_local_time(
    text: str, zone: ZoneInfo, *, today: date, same_day_as: datetime | None = None
) -> datetime:
    """Read a day and time an administrator typed, on the local clock.

    "12월 15일 오후 2시", "next Tuesday 2pm" and "2026-12-03 14:00" all do: see
    `domain.typed_dates`.

    With `same_day_as`, a bare time ("16:00", "오후 4시") means that time on the same local day
    (a meeting's end). Raises ValueError for anything else, a day without a time included.
    """
    if same_day_as is not None:
        try:
            clock_time = parse_typed_clock(text)
        except ValueError:
            pass
        else:
            return datetime.combine(same_day_as.astimezone(zone).date(), clock_time, tzinfo=zone)
    moment = parse_typed_moment(text, today)
    if moment.clock is None:
        raise ValueError(f"a day without a time: {text!r}")
    return datetime.combine(moment.day, moment.clock, tzinfo=zone)


def parse_local_date(text: str) -> date:
    """Read a day an administrator typed, like 2026-11-20. Raises ValueError otherwise."""
    cleaned = text.strip()
    for pattern in ("%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d"):
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")


class MeetingStateError(ValueError):
    """The meeting cannot take this change in its current status (e.g. cancelling a held one)."""


class ContentAdminService:
    """Administrative changes to meetings, bills and announcements, with the clock for "now"."""

    def __init__(
        self,
        meetings: MeetingRepository,
        bills: BillRepository,
        announcements: AnnouncementRepository,
        clock: Clock,
    ) -> None:
        self._meetings = meetings
        self._bills = bills
        self._announcements = announcements
        self._clock = clock

    async def add_meeting(self, draft: MeetingDraft, *, actor_id: int) -> Meeting:
        """Publish a new meeting."""
        return await self._meetings.create(draft, actor_id=actor_id, now=self._clock.now())

    async def edit_meeting(
        self,
        meeting_id: int,
        field_name: str,
        value: str | datetime | None,
        *,
        language: str,
        actor_id: int,
    ) -> Meeting:
        """Change one field; moving the time or the place marks the meeting "changed".

        Text fields are stored in the administrator's language, leaving the other untouched.
        """
        meeting = await self._meetings.get(meeting_id)
        if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.HELD):
            raise MeetingStateError(meeting.status.value)
        draft = meeting.draft()
        changes: dict[str, Any] = {}
        if field_name in MEETING_TEXT_FIELDS and not isinstance(value, datetime):
            current: LocalizedText = getattr(draft, field_name)
            changes[field_name] = current.with_language(language, value)
        elif (field_name in ("starts_at", "ends_at") and not isinstance(value, str)) or (
            field_name == "online_url" and not isinstance(value, datetime)
        ):
            changes[field_name] = value
        else:
            raise MeetingValidationError(field_name, "this field cannot be edited")
        draft = replace(draft, **changes)
        if field_name in _LOGISTICS and draft.status is MeetingStatus.SCHEDULED:
            draft = replace(draft, status=MeetingStatus.CHANGED)
        return await self._meetings.change(
            meeting_id,
            draft,
            change=ContentChange.UPDATED,
            actor_id=actor_id,
            action="meeting.edit",
            details={"field": field_name},
            now=self._clock.now(),
        )

    async def cancel_meeting(self, meeting_id: int, *, actor_id: int) -> Meeting:
        """Cancel a meeting that has not taken place; reminder holders are told."""
        meeting = await self._meetings.get(meeting_id)
        if not meeting.is_open:
            raise MeetingStateError(meeting.status.value)
        return await self._meetings.change(
            meeting_id,
            replace(meeting.draft(), status=MeetingStatus.CANCELLED),
            change=ContentChange.CANCELLED,
            actor_id=actor_id,
            action="meeting.cancel",
            now=self._clock.now(),
        )

    async def mark_held(
        self, meeting_id: int, outcome: str | None, *, language: str, actor_id: int
    ) -> Meeting:
        """Record that a meeting took place, with an optional outcome summary."""
        meeting = await self._meetings.get(meeting_id)
        if meeting.status is MeetingStatus.CANCELLED:
            raise MeetingStateError(meeting.status.value)
        draft = replace(
            meeting.draft(),
            status=MeetingStatus.HELD,
            outcome=meeting.outcome.with_language(language, outcome),
        )
        return await self._meetings.change(
            meeting_id,
            draft,
            change=ContentChange.HELD,
            actor_id=actor_id,
            action="meeting.held",
            now=self._clock.now(),
        )

    async def add_bill(self, draft: BillDraft, *, actor_id: int) -> Bill:
        """Start tracking a bill."""
        return await self._bills.create(draft, actor_id=actor_id, now=self._clock.now())

    async def add_stage(self, bill_id: int, entry: BillStageEntry, *, actor_id: int) -> Bill:
        """Record a stage a bill reached."""
        return await self._bills.add_stage(bill_id, entry, actor_id=actor_id, now=self._clock.now())

    async def announce(self, draft: AnnouncementDraft, *, actor_id: int) -> Announcement:
        """Publish an announcement to subscribers."""
        return await self._announcements.publish(draft, actor_id=actor_id, now=self._clock.now())
