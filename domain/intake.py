"""The rules of taking in feedback: consent, limits, validation, similarity, support, submit.

Free of Telegram: a handler turns a message into a call here and an exception into a hint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from domain.amounts import Cost, CostPeriod, CostUnit, parse_cost
from domain.submissions import (
    Submission,
)
from domain.text import shown_text, visible_characters

__all__ = [
    "DRAFT_REMINDER_AFTER",
    "MAX_COST_HOURS",
    "MAX_COST_WON",
    "MAX_HOURS",
    "AmountError",
    "AttachmentLimitError",
    "ConsentRequiredError",
    "DailyLimitReachedError",
    "DetailsClosedError",
    "IntakeError",
    "SimilarSubmission",
    "SupportError",
    "TextLengthError",
    "checked_cost",
    "checked_text",
]

DRAFT_REMINDER_AFTER = timedelta(hours=24)
MAX_COST_WON = 10_000_000_000_000
MAX_HOURS = {
    CostPeriod.DAY: 24,
    CostPeriod.WEEK: 168,
    CostPeriod.MONTH: 744,
    CostPeriod.YEAR: 8_784,
    CostPeriod.ONE_OFF: 100_000,
}
"""No period holds more hours than it has; a one-off job of more than 100,000 hours is a typo."""
MAX_COST_HOURS = MAX_HOURS[CostPeriod.MONTH]
SIMILAR_LIMIT = 3


class IntakeError(Exception):
    """Base of the intake rules' refusals; each says what the user can do instead."""


class ConsentRequiredError(IntakeError):
    """The user has not agreed to the current privacy notice, so nothing may be stored."""


class DailyLimitReachedError(IntakeError):
    """Too many submissions today; protects administrators from floods."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"daily limit of {limit} submissions reached")
        self.limit = limit


class TextLengthError(IntakeError):
    """A text is shorter or longer than the step allows."""

    def __init__(self, length: int, minimum: int, maximum: int) -> None:
        super().__init__(f"text of {length} characters, allowed {minimum}..{maximum}")
        self.length = length
        self.minimum = minimum
        self.maximum = maximum

    @property
    def too_long(self) -> bool:
        """Whether the text must be shortened (rather than extended)."""
        return self.length > self.maximum


class AmountError(IntakeError):
    """Not one cost, or more than its period can hold; `maximum` is the ceiling that applied."""

    def __init__(self, maximum: int) -> None:
        super().__init__(f"expected one amount from 0 to {maximum}")
        self.maximum = maximum


class AttachmentLimitError(IntakeError):
    """More evidence than a submission takes."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"at most {limit} attachments")
        self.limit = limit


class DetailsClosedError(IntakeError):
    """Details can be added only to the owner's own report while it is still open."""


class SupportError(IntakeError):
    """A "me too" that cannot count."""

    def __init__(
        self, reason: Literal["missing", "own", "already", "closed", "not_offered"]
    ) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SimilarSubmission:
    """An open submission like the draft, with the shared words that explain why."""

    submission: Submission
    score: float
    shared: tuple[str, ...]


def checked_text(text: str, minimum: int, maximum: int) -> str:
    """The trimmed text; against the minimum only what shows on screen counts (and spaces).

    Twelve zero-width spaces or Hangul fillers are as empty as no text at all.
    """
    cleaned = text.strip()
    shown = len(shown_text(cleaned)) if visible_characters(cleaned) else 0
    if shown < minimum or len(cleaned) > maximum:
        raise TextLengthError(len(cleaned) if len(cleaned) > maximum else shown, minimum, maximum)
    return cleaned


def checked_cost(text: str, unit: CostUnit | None, period: CostPeriod = CostPeriod.MONTH) -> Cost:
    """Read a cost as typed; `unit` and `period` fill in what the text leaves out.

    The question being answered supplies them: the cost step asks about a month, and after
    "⏱ 시간" a bare number is hours. With no unit either way, the text is refused.
    """
    parsed = parse_cost(text)
    chosen_unit = unit if parsed is None or parsed.unit is None else parsed.unit
    chosen_period = period if parsed is None or parsed.period is None else parsed.period
    maximum = MAX_COST_WON if chosen_unit is CostUnit.WON else MAX_HOURS[chosen_period]
    if parsed is None or chosen_unit is None or parsed.high > maximum:
        raise AmountError(maximum)
    return Cost(chosen_unit, chosen_period, parsed.low, parsed.high)
