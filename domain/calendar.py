"""A meeting as an iCalendar (.ics) file, so it lands in the subscriber's own calendar."""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Calendar, Event

from domain.meetings import Meeting, MeetingStatus

__all__ = ["DEFAULT_DURATION", "meeting_ics", "meeting_uid"]

DEFAULT_DURATION = timedelta(hours=2)
_PRODUCT = "-//Sotong//Policy calendar//KO"


def meeting_uid(meeting: Meeting) -> str:
    """A UID stable across edits, so a calendar updates the event instead of adding another."""
    return f"meeting-{meeting.id}@sotong"


def meeting_ics(meeting: Meeting, language: str, *, now: datetime) -> bytes:
    """The meeting as a one-event calendar in the reader's language.

    A cancelled meeting is exported with STATUS:CANCELLED so calendars strike it through; the
    sequence number grows with every edit so calendars accept the newer version.
    """
    calendar = Calendar()
    calendar.add("prodid", _PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if meeting.status is MeetingStatus.CANCELLED else "PUBLISH")
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", now)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at or meeting.starts_at + DEFAULT_DURATION)
    event.add("summary", meeting.title.get(language))
    event.add("sequence", int((meeting.updated_at - meeting.created_at).total_seconds()))
    event.add("status", "CANCELLED" if meeting.status is MeetingStatus.CANCELLED else "CONFIRMED")
    if meeting.place:
        event.add("location", meeting.place.get(language))
    elif meeting.online_url:
        event.add("location", meeting.online_url)
    if meeting.online_url:
        event.add("url", meeting.online_url)
    description = "\n\n".join(
        text
        for text in (
            meeting.organizer.get(language),
            meeting.agenda.get(language),
            meeting.online_url or "",
        )
        if text
    )
    if description:
        event.add("description", description)
    calendar.add_component(event)
    return bytes(calendar.to_ical())
