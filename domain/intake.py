"""The rules of taking in feedback: consent, limits, validation, similarity, support, submit.

Free of Telegram: a handler turns a message into a call here and an exception into a hint.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from domain.amounts import Cost, CostPeriod, CostUnit, read_cost
from domain.burden import known_law
from domain.similarity import key_terms
from domain.submissions import Submission, SubmissionStatus
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
    "cost_ceiling",
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
SIMILAR_CANDIDATES = 60
"""How many of the index's best candidates are scored: the cost of a ready screen stays flat.

Sixty, not twenty: the index ranks by shared pieces, not by the syllable pairs the score
counts, and among thousands of reports made of the topic's same sentences (bench/similarity.py)
twenty left one draft of four without the reports it shares most with."""
SIMILAR_WINDOW = 1000
"""How many of a topic's newest open reports the index looks through for them."""


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
    """An open report like the draft, as another owner may see it: nothing its owner typed.

    Its topic, status and support, the canonical name of a known law it names (`known_law`)
    and key terms from a fixed vocabulary (`key_terms`): enough to judge whether it is the same
    problem, and nothing that could carry a name, a company or a phone number.
    """

    submission_id: int
    category_id: str
    status: SubmissionStatus
    supporters: int
    law: str | None
    terms: tuple[str, ...]
    score: float

    @classmethod
    def of(
        cls, submission: Submission, score: float, aliases: Mapping[str, str]
    ) -> SimilarSubmission:
        """What of `submission` may be shown to someone who did not write it."""
        return cls(
            submission.id,
            submission.category_id,
            submission.status,
            submission.supporters_count,
            known_law(submission.content.law_or_rule, aliases),
            key_terms(f"{submission.problem} {submission.content.proposal or ''}"),
            score,
        )


def checked_text(text: str, minimum: int, maximum: int) -> str:
    """The trimmed text; against the minimum only what shows on screen counts (and spaces).

    Twelve zero-width spaces or Hangul fillers are as empty as no text at all.
    """
    cleaned = text.strip()
    shown = len(shown_text(cleaned)) if visible_characters(cleaned) else 0
    if shown < minimum or len(cleaned) > maximum:
        raise TextLengthError(len(cleaned) if len(cleaned) > maximum else shown, minimum, maximum)
    return cleaned


def cost_ceiling(unit: CostUnit, period: CostPeriod | None) -> int:
    """The most a cost can be: any sum of won, no more hours than the period holds.

    With the period not known yet, hours are bounded by the longest (a one-off job).
    """
    if unit is CostUnit.WON:
        return MAX_COST_WON
    return MAX_HOURS[CostPeriod.ONE_OFF if period is None else period]


def checked_cost(text: str, unit: CostUnit | None, period: CostPeriod = CostPeriod.MONTH) -> Cost:
    """Read a cost as typed; `unit` and `period` fill in what the text leaves out.

    The question being answered supplies them: after "⏱ 시간" a bare number is hours. With no
    unit from the text, the question or the amount's size ("연 2억"), the text is refused.
    Callers that can ask for a missing period use `domain.cost_answers` instead.
    """
    reading = read_cost(text, unit)
    if reading is None:
        raise AmountError(cost_ceiling(unit or CostUnit.HOURS, period))
    chosen_period = reading.period or period
    maximum = cost_ceiling(reading.unit, chosen_period)
    if reading.high > maximum:
        raise AmountError(maximum)
    return reading.with_period(chosen_period)
