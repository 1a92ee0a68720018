"""What a subscriber gets: the changes since their last digest, one entry per item.

The dispatcher decides who hears of what and composes it while queuing, through the channel's
`PolicyNews` (Telegram's in `handlers/digest_texts.py`), which words the entries in the
reader's language and splits them into the parts its channel accepts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from domain.announcements import Announcement
from domain.bills import Bill
from domain.content import ContentChange, ContentEvent, ItemKind
from domain.delivery import QueuedMessage
from domain.meetings import Meeting
from domain.submissions import Recipient

__all__ = ["ContentSnapshot", "DigestEntry", "PolicyNews", "compose"]

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


class PolicyNews(Protocol):
    """Words the news of meetings, bills and announcements for one reader, in their language."""

    def digest(
        self,
        user_id: int,
        language: str,
        entries: Sequence[DigestEntry],
        snapshot: ContentSnapshot,
        *,
        slot: datetime | None,
        not_before: datetime,
    ) -> QueuedMessage | None:
        """The digest of `entries` with the ways to change or stop it.

        None when every item has since vanished. `slot` is the scheduled digest's; None for an
        immediate one.
        """
        ...

    def meeting_reminder(
        self, user_id: int, language: str, meeting: Meeting, which: str, *, not_before: datetime
    ) -> QueuedMessage:
        """The reminder a day ("day") or an hour ("hour") before a meeting."""
        ...

    def meeting_changed(
        self,
        user_id: int,
        language: str,
        meeting: Meeting,
        change: ContentChange,
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """A reminder holder hears that their meeting was updated or cancelled."""
        ...

    def related_meeting(
        self, recipient: Recipient, meeting: Meeting, *, not_before: datetime
    ) -> QueuedMessage:
        """A submitter hears of an open meeting on their report's topic, once."""
        ...

    def related_bill(
        self, recipient: Recipient, bill: Bill, *, not_before: datetime
    ) -> QueuedMessage:
        """A submitter hears that a bill on their report's topic moved, once."""
        ...
