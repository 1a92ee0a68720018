"""Announcements: anything subscribers should hear that is neither a meeting nor a bill."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.content import LocalizedText

__all__ = ["Announcement", "AnnouncementDraft"]


@dataclass(frozen=True, slots=True)
class AnnouncementDraft:
    """An announcement before it is published."""

    title: LocalizedText
    body: LocalizedText
    categories: frozenset[str] = frozenset()
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Announcement:
    """A published announcement."""

    id: int
    title: LocalizedText
    body: LocalizedText
    published_at: datetime
    categories: frozenset[str]
    key: str | None = None
