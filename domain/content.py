"""What meetings, bills and announcements share: texts in two languages, kinds, and changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

__all__ = ["ContentChange", "ContentEvent", "ItemKind", "LocalizedText", "localized"]


@dataclass(frozen=True, slots=True)
class LocalizedText:
    """A text in Korean, English, both or neither; readers get the other language as a fallback."""

    ko: str | None = None
    en: str | None = None

    def get(self, language: str) -> str:
        """The text in a language, else in the other one, else empty."""
        first, second = (self.en, self.ko) if language == "en" else (self.ko, self.en)
        return first or second or ""

    def __bool__(self) -> bool:
        return bool(self.ko or self.en)

    def with_language(self, language: str, value: str | None) -> LocalizedText:
        """A copy with one language replaced, as an administrator typing in that language edits."""
        if language == "en":
            return LocalizedText(self.ko, value)
        return LocalizedText(value, self.en)


def localized(language: str, value: str | None) -> LocalizedText:
    """A text known in one language only."""
    return LocalizedText().with_language(language, value)


class ItemKind(StrEnum):
    """The three kinds of policy content, in the order digests list them."""

    MEETING = "meeting"
    BILL = "bill"
    ANNOUNCEMENT = "announcement"


class ContentChange(StrEnum):
    """What happened to an item; subscribers hear of each."""

    CREATED = "created"
    UPDATED = "updated"
    CANCELLED = "cancelled"
    HELD = "held"
    STAGE = "stage"


@dataclass(frozen=True, slots=True)
class ContentEvent:
    """One change in the feed digests read, in id order."""

    id: int
    at: datetime
    kind: ItemKind
    item_id: int
    change: ContentChange
    stage_id: int | None = None
