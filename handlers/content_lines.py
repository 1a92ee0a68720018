"""A meeting or a bill in a line or two, as lists, digests, reminders and notices show them."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from domain.bills import Bill, BillStageEntry
from domain.meetings import Meeting
from messages import Markup, format_date, format_datetime, t

__all__ = ["bill_line", "meeting_line", "stage_text"]


def meeting_line(meeting: Meeting, language: str, zone: ZoneInfo) -> Markup:
    """A meeting in two lines: title and kind, then when and where."""
    place = meeting.place.get(language) or (
        t(language, "meetings.online") if meeting.online_url else ""
    )
    return t(
        language,
        "meetings.line",
        title=meeting.title.get(language),
        kind=t(language, f"meetings.kind.{meeting.kind.value}"),
        when=format_datetime(meeting.starts_at, language, zone),
        place=place or t(language, "meetings.place_unknown"),
    )


def stage_text(entry: BillStageEntry, language: str, zone: ZoneInfo) -> Markup:
    """A stage a bill reached and the day it did."""
    on_date = datetime(entry.on_date.year, entry.on_date.month, entry.on_date.day, 12, tzinfo=zone)
    return t(
        language,
        "bills.stage_line",
        stage=t(language, f"bills.stage.{entry.stage.value}"),
        date=format_date(on_date, language, zone),
    )


def bill_line(bill: Bill, language: str, zone: ZoneInfo) -> Markup:
    """A bill and where it stands now."""
    current = bill.current_stage
    return t(
        language,
        "bills.line",
        name=bill.name.get(language),
        stage=stage_text(current, language, zone) if current else t(language, "bills.no_stage"),
    )
