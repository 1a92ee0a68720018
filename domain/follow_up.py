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

from domain.amounts import parse_cost
from domain.bills import BillStage
from domain.submissions import SubmissionStatus

__all__ = [
    "MAX_NOTE_LENGTH",
    "RESOLVING_STAGE",
    "RESOLVING_STATUS",
    "FollowUpAnswer",
    "FollowUpDue",
    "FollowUpResult",
    "FollowUpSummary",
    "NewCost",
    "parse_new_cost",
]

MAX_NOTE_LENGTH = 1000

RESOLVING_STATUS = SubmissionStatus.ANSWERED
"""The status that resolves a submission: the official answer (a rejection does not)."""

RESOLVING_STAGE = BillStage.PROMULGATED
"""The stage of a linked bill that resolves a submission."""

_WORDS = re.compile(r"[\s;]+|,(?!\d)")
_HOUR_WORDS = ("시간", "hours", "hour", "hrs", "hr")
_WON_WORDS = ("원", "won", "krw", "₩")
_SUFFIXES = (*_HOUR_WORDS, "원", "won", "krw")
_WINDOW = 3
"""Words read together at most: "1억 2천만원" is three words."""


def _through_unit(word: str) -> str:
    """The word cut after its unit, so a particle after it does not spoil it ("5시간정도")."""
    lower = word.lower()
    ends = [lower.find(unit) + len(unit) for unit in _SUFFIXES if unit in lower]
    return word[: min(ends)] if ends else word


def _unit(word: str) -> str | None:
    lower = word.lower()
    if any(unit in lower for unit in _HOUR_WORDS) or (lower[:1].isdigit() and lower.endswith("h")):
        return "hours"
    if any(unit in lower for unit in _WON_WORDS):
        return "won"
    return None


class FollowUpResult(StrEnum):
    """How the burden changed since the submission was resolved."""

    GONE = "gone"
    SMALLER = "smaller"
    UNCHANGED = "unchanged"
    WORSE = "worse"


@dataclass(frozen=True, slots=True)
class FollowUpDue:
    """A resolved submission whose owner is due the question; for delivery only.

    `user_id` is None when an anonymous owner erased their data: the question is still recorded
    as asked (a `private` delivery with nothing to send), so neither /delivery nor the asked
    count in /stats tells whether an anonymous owner can be reached.
    """

    submission_id: int
    receipt_code: str
    user_id: int | None
    language: str
    resolved_at: datetime
    private: bool = False


@dataclass(frozen=True, slots=True)
class FollowUpAnswer:
    """One submission's verdict, note and new monthly cost, as its card and details show it."""

    result: FollowUpResult
    note: str | None
    hours_per_month: int | None
    won: int | None


@dataclass(frozen=True, slots=True)
class NewCost:
    """The monthly cost an owner reports now; None where they named none."""

    hours_per_month: int | None
    won: int | None


def _amount(piece: str) -> int | None:
    parsed = parse_cost(piece)
    return None if parsed is None else (parsed.low + parsed.high) // 2


def parse_new_cost(text: str) -> NewCost:
    """Pick hours and won a month out of a free note ("이제 월 5시간, 30만원 정도예요").

    The note is read word by word: a word naming a unit (시간, 원, hours, won, ₩) ends an
    amount, read by the intake's own reader with the words just before it that name no unit
    themselves, the longest reading first. The question asks for a month, so amounts count as
    monthly.
    """
    words = [word for word in _WORDS.split(text[:MAX_NOTE_LENGTH]) if word]
    found: dict[str, int] = {}
    for end, word in enumerate(words):
        unit = _unit(word)
        if unit is None or unit in found:
            continue
        for size in range(_WINDOW, 0, -1):
            start = end - size + 1
            if start < 0 or any(_unit(before) for before in words[start:end]):
                continue
            value = _amount(" ".join([*words[start:end], _through_unit(word)]))
            if value is not None:
                found[unit] = value
                break
    return NewCost(found.get("hours"), found.get("won"))


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
