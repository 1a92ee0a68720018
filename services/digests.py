"""Digest composition: what a subscriber gets, grouped, rendered and split.

Changes are grouped meetings → bills → announcements, rendered in the subscriber's language
and split into parts Telegram accepts (4096 characters).

Rendering goes through the message catalog like every other text; nothing here is Telegram's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from domain.announcements import Announcement
from domain.bills import Bill, BillStageEntry
from domain.content import ContentChange, ContentEvent, ItemKind
from domain.meetings import Meeting
from messages import Markup, format_date, format_datetime, t
from messages.length import TEXT_LIMIT, split_blocks, truncate

__all__ = [
    "ContentSnapshot",
    "DigestEntry",
    "bill_line",
    "compose",
    "meeting_line",
    "render_digest",
]

_ANNOUNCEMENT_PREVIEW = 300
# Which change of one meeting a digest reports when several happened since the last one: a
# new meeting stays "new" (shown as it is now) unless it was cancelled or held meanwhile.
_MEETING_WEIGHT = {
    ContentChange.CREATED: 0,
    ContentChange.UPDATED: 1,
    ContentChange.STAGE: 1,
    ContentChange.HELD: 2,
    ContentChange.CANCELLED: 3,
}


@dataclass(frozen=True, slots=True)
class DigestEntry:
    """One item in a digest and what happened to it; for a bill, the stages reached."""

    kind: ItemKind
    item_id: int
    change: ContentChange
    stage_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ContentSnapshot:
    """The items a round of digests mentions, loaded once for every subscriber."""

    meetings: dict[int, Meeting] = field(default_factory=dict)
    bills: dict[int, Bill] = field(default_factory=dict)
    announcements: dict[int, Announcement] = field(default_factory=dict)

    def categories(self, kind: ItemKind, item_id: int) -> frozenset[str] | None:
        """An item's categories, or None when the item no longer exists."""
        source: dict[int, Meeting] | dict[int, Bill] | dict[int, Announcement]
        if kind is ItemKind.MEETING:
            source = self.meetings
        elif kind is ItemKind.BILL:
            source = self.bills
        else:
            source = self.announcements
        item = source.get(item_id)
        return None if item is None else item.categories


def compose(events: Iterable[ContentEvent]) -> tuple[DigestEntry, ...]:
    """Fold a subscriber's events into one entry per item.

    A meeting keeps the change that matters most, a bill every stage, an announcement one entry.
    """
    meetings: dict[int, ContentChange] = {}
    bills: dict[int, tuple[ContentChange, list[int]]] = {}
    announcements: dict[int, ContentChange] = {}
    for event in events:
        if event.kind is ItemKind.MEETING:
            previous = meetings.get(event.item_id)
            if (
                previous is None
                or event.change in (ContentChange.CANCELLED, ContentChange.HELD)
                or (
                    previous is not ContentChange.CREATED
                    and _MEETING_WEIGHT[event.change] >= _MEETING_WEIGHT[previous]
                )
            ):
                meetings[event.item_id] = event.change
        elif event.kind is ItemKind.BILL:
            change, stages = bills.get(event.item_id, (event.change, []))
            if event.change is ContentChange.STAGE and event.stage_id is not None:
                stages.append(event.stage_id)
            if change is not ContentChange.CREATED:
                change = event.change
            bills[event.item_id] = (change, stages)
        else:
            announcements.setdefault(event.item_id, event.change)
    return (
        *(DigestEntry(ItemKind.MEETING, item, change) for item, change in meetings.items()),
        *(
            DigestEntry(ItemKind.BILL, item, change, tuple(stages))
            for item, (change, stages) in bills.items()
        ),
        *(
            DigestEntry(ItemKind.ANNOUNCEMENT, item, change)
            for item, change in announcements.items()
        ),
    )


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


def _stage_text(entry: BillStageEntry, language: str, zone: ZoneInfo) -> Markup:
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
        stage=_stage_text(current, language, zone) if current else t(language, "bills.no_stage"),
    )


def _entry_block(
    entry: DigestEntry, snapshot: ContentSnapshot, language: str, zone: ZoneInfo
) -> Markup | None:
    if entry.kind is ItemKind.MEETING:
        meeting = snapshot.meetings.get(entry.item_id)
        if meeting is None:
            return None
        line = meeting_line(meeting, language, zone)
        if entry.change is ContentChange.HELD and meeting.outcome:
            line = t(
                language, "digest.with_outcome", line=line, outcome=meeting.outcome.get(language)
            )
        return t(language, f"digest.change.{entry.change.value}", line=line)
    if entry.kind is ItemKind.BILL:
        bill = snapshot.bills.get(entry.item_id)
        if bill is None:
            return None
        stages = [stage for stage in bill.stages if stage.id in entry.stage_ids]
        if not stages:
            return t(
                language,
                f"digest.change.{entry.change.value}",
                line=bill_line(bill, language, zone),
            )
        moved = Markup(", ".join(_stage_text(stage, language, zone) for stage in stages))
        return t(language, "digest.bill_moved", name=bill.name.get(language), stages=moved)
    announcement = snapshot.announcements.get(entry.item_id)
    if announcement is None:
        return None
    body = announcement.body.get(language)
    body = truncate(body, _ANNOUNCEMENT_PREVIEW)
    return t(language, "digest.announcement", title=announcement.title.get(language), body=body)


def render_digest(
    entries: Sequence[DigestEntry],
    snapshot: ContentSnapshot,
    language: str,
    zone: ZoneInfo,
    *,
    heading: Markup,
    limit: int = TEXT_LIMIT,
) -> tuple[str, ...]:
    """The digest as message parts, or nothing when every item has since vanished.

    Heading, then the sections in their fixed order, then the footer line that goes with the
    change-or-stop buttons.
    """
    blocks: list[str] = [heading]
    found = False
    for kind, section in (
        (ItemKind.MEETING, "digest.section.meetings"),
        (ItemKind.BILL, "digest.section.bills"),
        (ItemKind.ANNOUNCEMENT, "digest.section.announcements"),
    ):
        rendered = [
            block
            for entry in _sorted(entries, kind, snapshot)
            if (block := _entry_block(entry, snapshot, language, zone)) is not None
        ]
        if rendered:
            found = True
            blocks.append(t(language, section))
            blocks.extend(rendered)
    if not found:
        return ()
    blocks.append(t(language, "digest.footer"))
    return split_blocks(blocks, limit)


def _sorted(
    entries: Sequence[DigestEntry], kind: ItemKind, snapshot: ContentSnapshot
) -> list[DigestEntry]:
    chosen = [entry for entry in entries if entry.kind is kind]
    if kind is ItemKind.MEETING:
        chosen = [entry for entry in chosen if entry.item_id in snapshot.meetings]
        return sorted(chosen, key=lambda entry: snapshot.meetings[entry.item_id].starts_at)
    return sorted(chosen, key=lambda entry: entry.item_id)
