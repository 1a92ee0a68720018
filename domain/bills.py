"""Bills before the National Assembly and the stages they pass, which followers hear of."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from domain.content import LocalizedText

__all__ = [
    "Bill",
    "BillDraft",
    "BillNotFoundError",
    "BillStage",
    "BillStageEntry",
    "BillValidationError",
]


class BillStage(StrEnum):
    """국회 의안 처리 단계, in their order, then the five ways a bill ends without becoming law."""

    SUBMITTED = "submitted"
    REFERRED = "referred"
    COMMITTEE_REVIEW = "committee_review"
    JUDICIARY_REVIEW = "judiciary_review"
    PLENARY_PASSED = "plenary_passed"
    SENT_TO_GOVERNMENT = "sent_to_government"
    PROMULGATED = "promulgated"
    IN_FORCE = "in_force"
    MERGED = "merged"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"
    REJECTED = "rejected"
    DISCARDED = "discarded"

    @property
    def is_final(self) -> bool:
        """Whether nothing follows this stage."""
        return self in (
            BillStage.IN_FORCE,
            BillStage.MERGED,
            BillStage.EXPIRED,
            BillStage.WITHDRAWN,
            BillStage.REJECTED,
            BillStage.DISCARDED,
        )

    @property
    def order(self) -> int:
        """Position in the procedure, for sorting a history recorded out of order."""
        return list(BillStage).index(self)


_ENDED = frozenset(
    {
        BillStage.MERGED,
        BillStage.EXPIRED,
        BillStage.WITHDRAWN,
        BillStage.REJECTED,
        BillStage.DISCARDED,
    }
)


class BillNotFoundError(LookupError):
    """No bill has this id (a stale or forged button)."""


class BillValidationError(ValueError):
    """A bill's fields are unusable; `field` names the one to fix."""

    def __init__(self, field_name: str, reason: str) -> None:
        super().__init__(f"{field_name}: {reason}")
        self.field = field_name
        self.reason = reason


@dataclass(frozen=True, slots=True)
class BillStageEntry:
    """One stage a bill reached, on a day, with an optional note."""

    stage: BillStage
    on_date: date
    note: LocalizedText = field(default_factory=LocalizedText)
    id: int | None = None


@dataclass(frozen=True, slots=True)
class BillDraft:
    """A bill as an administrator or an import file describes it."""

    name: LocalizedText
    bill_number: str | None = None
    sponsor: LocalizedText = field(default_factory=LocalizedText)
    committee: LocalizedText = field(default_factory=LocalizedText)
    summary: LocalizedText = field(default_factory=LocalizedText)
    stages: tuple[BillStageEntry, ...] = ()
    categories: frozenset[str] = frozenset()
    key: str | None = None

    def validate(self) -> None:
        """Refuse a bill without a name or with a stage listed twice."""
        if not self.name:
            raise BillValidationError("name", "a name in Korean or English is required")
        seen = [entry.stage for entry in self.stages]
        if len(seen) != len(set(seen)):
            raise BillValidationError("stages", "each stage may appear once")


@dataclass(frozen=True, slots=True)
class Bill:
    """A stored bill with its stage history, oldest first."""

    id: int
    name: LocalizedText
    bill_number: str | None
    sponsor: LocalizedText
    committee: LocalizedText
    summary: LocalizedText
    stages: tuple[BillStageEntry, ...]
    categories: frozenset[str]
    created_at: datetime
    updated_at: datetime
    key: str | None = None

    @property
    def current_stage(self) -> BillStageEntry | None:
        """The furthest stage reached, or None for a bill with no history yet."""
        if not self.stages:
            return None
        return max(self.stages, key=lambda entry: (entry.on_date, entry.stage.order))

    @property
    def is_current(self) -> bool:
        """Whether the bill is still moving (listed under /bills)."""
        stage = self.current_stage
        return stage is None or stage.stage not in _ENDED
