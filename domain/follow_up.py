"""Did it help? The owner's verdict some months after their submission was resolved.

A submission counts as resolved when it got the official answer, or when a bill it is linked
to was promulgated. The owner then says whether the burden is gone, smaller, unchanged or
worse, and may add a note with the new cost ("월 5시간, 30만원").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.amounts import parse_amount

__all__ = [
    "MAX_NOTE_LENGTH",
    "FollowUpDue",
    "FollowUpResult",
    "FollowUpSummary",
    "NewCost",
    "parse_new_cost",
]

MAX_NOTE_LENGTH = 1000

_HOURS = re.compile(
    r"(\d[\d,.]*\s*(?:억|천만|백만|만|천)?)\s*(?:시간|hours?\b|hrs?\b|h\b)", re.IGNORECASE
)
_WON = re.compile(
    r"(?:₩\s*)?(\d[\d,.]*\s*(?:억|천만|백만|만|천)?(?:\s*\d[\d,.]*\s*(?:천만|백만|만|천)?)*)\s*"
    r"(?:원|won|krw)",
    re.IGNORECASE,
)
_WON_SIGN = re.compile(r"₩\s*(\d[\d,]*)")


class FollowUpResult(StrEnum):
    """How the burden changed since the submission was resolved."""

    GONE = "gone"
    SMALLER = "smaller"
    UNCHANGED = "unchanged"
    WORSE = "worse"


@dataclass(frozen=True, slots=True)
class FollowUpDue:
    """A resolved submission whose owner is due the question; for delivery only."""

    submission_id: int
    receipt_code: str
    user_id: int
    language: str
    resolved_at: datetime


@dataclass(frozen=True, slots=True)
class NewCost:
    """The monthly cost an owner reports now; None where they named none."""

    hours_per_month: int | None
    won: int | None


def parse_new_cost(text: str) -> NewCost:
    """Pick hours and won out of a free note ("이제 월 5시간, 30만원 정도예요")."""
    hours = won = None
    if (match := _HOURS.search(text)) is not None:
        hours = parse_amount(match[1])
    if (match := _WON.search(text)) is not None or (match := _WON_SIGN.search(text)) is not None:
        won = parse_amount(match[1])
    return NewCost(hours, won)


@dataclass(frozen=True, slots=True)
class FollowUpSummary:
    """What /stats and exports say about follow-ups: questions asked and answers per result."""

    asked: int
    results: Mapping[FollowUpResult, int]

    @property
    def answered(self) -> int:
        """Owners who answered."""
        return sum(self.results.values())

    def share(self, result: FollowUpResult) -> float | None:
        """The share of answers with this result, or None before any answer."""
        return None if self.answered == 0 else self.results.get(result, 0) / self.answered
