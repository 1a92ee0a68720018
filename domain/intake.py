"""The rules of taking in feedback: consent, limits, validation, similarity, support, submit.

Free of Telegram: a handler turns a message into a call here and an exception into a hint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from domain.amounts import parse_amount
from domain.drafts import DraftStep
from domain.submissions import (
    Submission,
)
from domain.text import shown_text, visible_characters

__all__ = [
    "DRAFT_REMINDER_AFTER",
    "MAX_COST_HOURS",
    "MAX_COST_WON",
    "AmountError",
    "AttachmentLimitError",
    "ConsentRequiredError",
    "DailyLimitReachedError",
    "DraftIncompleteError",
    "IntakeError",
    "SimilarSubmission",
    "SupportError",
    "TextLengthError",
]

DRAFT_REMINDER_AFTER = timedelta(hours=24)
MAX_COST_HOURS = 744
MAX_COST_WON = 10_000_000_000_000
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
    """Not a number, or outside what makes sense for the field."""

    def __init__(self, maximum: int) -> None:
        super().__init__(f"expected a whole number from 0 to {maximum}")
        self.maximum = maximum


class AttachmentLimitError(IntakeError):
    """More evidence than a submission takes."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"at most {limit} attachments")
        self.limit = limit


class DraftIncompleteError(IntakeError):
    """A required answer is missing; `step` is where to ask for it."""

    def __init__(self, step: DraftStep) -> None:
        super().__init__(f"the draft still needs {step}")
        self.step = step


class SupportError(IntakeError):
    """A "me too" that cannot count."""

    def __init__(self, reason: Literal["missing", "own", "already", "closed"]) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SimilarSubmission:
    """An open submission like the draft, with the shared words that explain why."""

    submission: Submission
    score: float
    shared: tuple[str, ...]


_MAX_AMOUNT_TEXT = 64
"""Longer than any amount a person writes; keeps hostile input away from the number parser."""


def _checked_text(text: str, minimum: int, maximum: int) -> str:
    """The trimmed text; against the minimum only what shows on screen counts (and spaces).

    Twelve zero-width spaces or Hangul fillers are as empty as no text at all.
    """
    cleaned = text.strip()
    shown = len(shown_text(cleaned)) if visible_characters(cleaned) else 0
    if shown < minimum or len(cleaned) > maximum:
        raise TextLengthError(len(cleaned) if len(cleaned) > maximum else shown, minimum, maximum)
    return cleaned


def _checked_amount(text: str, maximum: int) -> int:
    """A whole number from 0 to `maximum`, whatever the text (400 nines included)."""
    if len(text) > _MAX_AMOUNT_TEXT:
        raise AmountError(maximum)
    try:
        value = parse_amount(text)
    except (OverflowError, ValueError):
        raise AmountError(maximum) from None
    if value is None or not 0 <= value <= maximum:
        raise AmountError(maximum)
    return value
