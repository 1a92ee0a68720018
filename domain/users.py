"""Who talks to the bot, in which language, and what they agreed to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

__all__ = ["ConsentState", "ErasureReport", "User"]


class ConsentState(StrEnum):
    """Where a user stands with the privacy notice."""

    UNANSWERED = "unanswered"
    GRANTED = "granted"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class User:
    """A person known by their messenger id; names are kept only while consent stands."""

    id: int
    language: str
    language_chosen: bool
    consent_state: ConsentState
    consent_version: str | None
    consent_at: datetime | None
    display_name: str | None
    username: str | None
    first_seen_at: datetime
    last_seen_at: datetime
    blocked_at: datetime | None = None

    def has_consent(self, notice_version: str) -> bool:
        """Consent counts only for the notice the user actually saw."""
        return self.consent_state is ConsentState.GRANTED and self.consent_version == notice_version

    @property
    def has_answered(self) -> bool:
        """Whether the user has been through the notice at least once."""
        return self.consent_state is not ConsentState.UNANSWERED


@dataclass(frozen=True, slots=True)
class ErasureReport:
    """What was kept, so the user can be told exactly."""

    kept_receipt_codes: tuple[str, ...]
    kept_supports: int
    had_draft: bool
