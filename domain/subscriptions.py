"""Subscriptions: what a user wants to hear, how often, and when their next digest is due.

The due-decision is pure: it takes the subscription, the zone and "now", so tests move a clock
instead of waiting for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from domain.content import ItemKind

__all__ = [
    "BillScope",
    "Frequency",
    "QuietHours",
    "Subscription",
    "SubscriptionChoice",
    "next_digest_at",
]


class Frequency(StrEnum):
    """How often a subscriber hears from Sotong."""

    IMMEDIATE = "immediate"
    DAILY = "daily"
    WEEKLY = "weekly"


class BillScope(StrEnum):
    """Which bills' stages reach a subscriber."""

    NONE = "none"
    ALL = "all"
    FOLLOWED = "followed"


@dataclass(frozen=True, slots=True)
class SubscriptionChoice:
    """What the user picked in /subscribe, before it is stored."""

    meetings: bool = True
    bills: BillScope = BillScope.ALL
    announcements: bool = True
    frequency: Frequency = Frequency.DAILY
    hour: int = 9
    weekday: int = 0
    categories: frozenset[str] = frozenset()

    @property
    def wants_anything(self) -> bool:
        """Whether at least one kind of content is chosen."""
        return self.meetings or self.announcements or self.bills is not BillScope.NONE


@dataclass(frozen=True, slots=True)
class Subscription:
    """A stored subscription; `event_cursor` is the last change its digests covered."""

    user_id: int
    choice: SubscriptionChoice
    active: bool
    event_cursor: int
    next_due_at: datetime | None
    language: str = "ko"

    def wants(
        self, kind: ItemKind, categories: frozenset[str], *, item_id: int, followed: frozenset[int]
    ) -> bool:
        """Whether an item of this kind and these categories belongs in this user's digest.

        An item linked to no category concerns everyone; a followed bill always counts.
        """
        choice = self.choice
        if kind is ItemKind.BILL:
            if choice.bills is BillScope.NONE:
                return False
            if choice.bills is BillScope.FOLLOWED:
                return item_id in followed
            if item_id in followed:
                return True
        elif (kind is ItemKind.MEETING and not choice.meetings) or (
            kind is ItemKind.ANNOUNCEMENT and not choice.announcements
        ):
            return False
        if not choice.categories or not categories:
            return True
        return bool(choice.categories & categories)


def next_digest_at(
    frequency: Frequency, hour: int, weekday: int, zone: ZoneInfo, after: datetime
) -> datetime | None:
    """The first digest slot strictly after `after`, in UTC; None for immediate delivery.

    Arithmetic happens on the local wall clock, so a digest stays at its hour in any zone.
    """
    if frequency is Frequency.IMMEDIATE:
        return None
    local = after.astimezone(zone)
    candidate = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if frequency is Frequency.WEEKLY:
        candidate += timedelta(days=(weekday - candidate.weekday()) % 7)
        step = timedelta(days=7)
    else:
        step = timedelta(days=1)
    while candidate <= local:
        candidate += step
    return candidate.astimezone(UTC)


_QUIET = re.compile(r"^\s*(\d{1,2})\s*-\s*(\d{1,2})\s*$")


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Local hours in which nothing but a requested hour-before reminder is sent.

    `start` == `end` means no quiet hours. The window may cross midnight (22-08).
    """

    start: int
    end: int

    @classmethod
    def parse(cls, text: str) -> QuietHours:
        """Read "22-08"; an empty text or "off" switches quiet hours off."""
        if text.strip().lower() in ("", "off", "none"):
            return cls(0, 0)
        match = _QUIET.match(text)
        if match is None or not all(0 <= int(part) <= 23 for part in match.groups()):
            raise ValueError("hours like 22-08 (from 22:00 to 08:00), or off")
        return cls(int(match[1]), int(match[2]))

    def contains(self, hour: int) -> bool:
        """Whether a local hour falls in the window."""
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= hour < self.end
        return hour >= self.start or hour < self.end

    def release_at(self, moment: datetime, zone: ZoneInfo) -> datetime:
        """The moment itself, or the end of the quiet window it falls in (in UTC)."""
        local = moment.astimezone(zone)
        if not self.contains(local.hour):
            return moment.astimezone(UTC)
        release = local.replace(hour=self.end, minute=0, second=0, microsecond=0)
        if release <= local:
            release += timedelta(days=1)
        return release.astimezone(UTC)
