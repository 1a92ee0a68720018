"""A submission being written, step by step, and the company profile remembered between them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.amounts import Cost, CostUnit
from domain.cost_answers import PeriodMissingError, answer_cost, needs_period
from domain.evidence import EvidenceRules, check_evidence
from domain.intake import AttachmentLimitError, IntakeError, checked_text
from domain.submissions import (
    MAX_ATTACHMENTS,
    MAX_LAW_LENGTH,
    MAX_TEXT_LENGTH,
    MIN_PROBLEM_LENGTH,
    Attachment,
    ReportContent,
    Visibility,
)

__all__ = [
    "COMPANY_STEPS",
    "FEEDBACK_FLOW",
    "TYPED_STEPS",
    "CompanyProfile",
    "Draft",
    "DraftIncompleteError",
    "DraftStep",
    "Remembered",
]

FEEDBACK_FLOW = "feedback"
"""The flow name under which a draft's step is kept among the inputs in progress."""


class DraftStep(StrEnum):
    """The question a draft is waiting for; saved so `/feedback` can resume exactly there."""

    CATEGORY = "category"
    PROBLEM = "problem"
    LAW = "law"
    PROPOSAL = "proposal"
    IMPACT = "impact"
    COST = "cost"
    COST_HOURS = "cost_hours"
    COST_WON = "cost_won"
    ATTACHMENTS = "attachments"
    PROFILE = "profile"
    REGION = "region"
    SIZE = "size"
    INDUSTRY = "industry"
    READY = "ready"
    VISIBILITY = "visibility"
    REVIEW = "review"


COMPANY_STEPS = (DraftStep.REGION, DraftStep.SIZE, DraftStep.INDUSTRY)
"""The company questions, asked together in this order."""


class DraftIncompleteError(IntakeError):
    """A required answer is missing; `step` is where to ask for it."""

    def __init__(self, step: DraftStep) -> None:
        super().__init__(f"the draft still needs {step}")
        self.step = step


@dataclass(frozen=True, slots=True)
class CompanyProfile:
    """Region, size and industry: all optional, offered back as "same as last time"."""

    region_id: str | None = None
    company_size_id: str | None = None
    industry_id: str | None = None

    @property
    def is_empty(self) -> bool:
        """Nothing worth offering back."""
        return self.region_id is None and self.company_size_id is None and self.industry_id is None


@dataclass(frozen=True, slots=True)
class Remembered:
    """What an owner's earlier reports offer back: their company and how they last sent one."""

    profile: CompanyProfile | None = None
    """None when there is nothing worth offering back."""
    visibility: Visibility | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    """Answers so far; `editing` means the next answer returns to the review screen.

    A draft with `amends` set holds details an owner adds to a report already submitted: its
    review saves them onto that submission instead of making a new one.
    """

    user_id: int
    step: DraftStep
    editing: bool
    content: ReportContent
    attachments: tuple[Attachment, ...]
    visibility: Visibility | None
    language: str
    started_at: datetime
    updated_at: datetime
    reminded_at: datetime | None = None
    amends: int | None = None

    @classmethod
    def blank(cls, user_id: int, language: str, now: datetime) -> Draft:
        """A draft with nothing answered yet, waiting for the topic."""
        return cls(
            user_id=user_id,
            step=DraftStep.CATEGORY,
            editing=False,
            content=ReportContent(),
            attachments=(),
            visibility=None,
            language=language,
            started_at=now,
            updated_at=now,
        )

    def answer(self, step: DraftStep, raw: str) -> Draft:
        """The draft holding what was typed at `step`, checked as that step requires.

        Raises:
            TextLengthError: a text too short or too long for the step.
            AmountError: not one cost, or more than its period holds.
            ValueError: the step is answered by a button, not by typing.

        """
        answer = _TYPED.get(step)
        if answer is None:
            raise ValueError(f"{step} takes no typed answer")
        return answer(self, raw)

    def _revised(self, **changes: object) -> Draft:
        content = dataclasses.replace(self.content, **changes)  # type: ignore[arg-type]
        return dataclasses.replace(self, content=content)

    def with_category(self, category_id: str) -> Draft:
        """The topic (already checked against the reference list)."""
        return self._revised(category_id=category_id)

    def with_problem(self, text: str) -> Draft:
        """The problem in the owner's words, 10 to 3,500 characters."""
        return self._revised(problem=checked_text(text, MIN_PROBLEM_LENGTH, MAX_TEXT_LENGTH))

    def with_more_problem(self, text: str) -> Draft:
        """Text typed at the ready screen is more of the problem ("I forgot to say...").

        Kept, within the problem's limit, rather than dropped for not being a button.
        """
        added = checked_text(text, 1, MAX_TEXT_LENGTH)
        problem = self.content.problem
        return self.with_problem(f"{problem}\n\n{added}" if problem else added)

    def with_law(self, text: str | None, *, unsure: bool = False) -> Draft:
        """The law or rule concerned, "not sure", or nothing."""
        law = None if text is None else checked_text(text, 1, MAX_LAW_LENGTH)
        return self._revised(law_or_rule=law, law_unsure=unsure and law is None)

    def with_proposal(self, text: str | None) -> Draft:
        """What the owner proposes, or nothing."""
        proposal = None if text is None else checked_text(text, 1, MAX_TEXT_LENGTH)
        return self._revised(proposal=proposal)

    def with_impact(self, impact: int | None) -> Draft:
        """How badly it hurts, 1 (a little) to 5 (threatens the business), or nothing."""
        if impact is not None and not 1 <= impact <= 5:
            raise ValueError(f"impact {impact} is not on the five-step scale")
        return self._revised(impact=impact)

    def with_cost(self, text: str, unit: CostUnit | None = None) -> Draft:
        """A cost as the owner said it ("월 300만원 정도", "1억2천", "연 2억", "한 번에 300만원").

        `unit` is what the owner chose to give (after "⏱ 시간" or "₩ 금액"); a unit in the text
        wins. Hours and won each keep their own figure. A period not said is never assumed:

        Raises:
            PeriodMissingError: the text said no period; it carries the reading to complete.
            AmountError: not one cost, or more than its period holds.

        """
        reading = answer_cost(text, unit)
        if needs_period(reading):
            raise PeriodMissingError(reading)
        cost = reading.cost()
        assert cost is not None
        return self.with_known_cost(cost)

    def with_known_cost(self, cost: Cost) -> Draft:
        """A cost whose unit and period are both known (a period tapped after the figure)."""
        if cost.unit is CostUnit.HOURS:
            return self._revised(hours_cost=cost)
        return self._revised(won_cost=cost)

    def without_cost(self) -> Draft:
        """Both cost figures dropped."""
        return self._revised(hours_cost=None, won_cost=None)

    def with_attachment(self, attachment: Attachment, rules: EvidenceRules) -> Draft:
        """One more piece of evidence; the same file twice counts once.

        Raises:
            EvidenceRefusedError: the file is not on the evidence allow-list or too large.
            AttachmentLimitError: the draft already holds as many files as a submission takes.

        """
        if attachment.kind == "photo":
            # Telegram re-encodes every photo as JPEG, whatever the sender's file was.
            check_evidence(None, "image/jpeg", attachment.file_size, rules)
        else:
            check_evidence(attachment.file_name, attachment.mime_type, attachment.file_size, rules)
        if any(item.file_unique_id == attachment.file_unique_id for item in self.attachments):
            return self
        if len(self.attachments) >= MAX_ATTACHMENTS:
            raise AttachmentLimitError(MAX_ATTACHMENTS)
        return dataclasses.replace(self, attachments=(*self.attachments, attachment))

    def without_attachments(self) -> Draft:
        """Every attachment dropped, to send them again."""
        return dataclasses.replace(self, attachments=())

    def with_profile(self, profile: CompanyProfile) -> Draft:
        """A whole company profile at once ("same as last time", or "skip")."""
        return self._revised(
            region_id=profile.region_id,
            company_size_id=profile.company_size_id,
            industry_id=profile.industry_id,
        )

    def skipping_company(self, at: DraftStep) -> Draft:
        """The company questions from `at` on left unanswered; earlier answers stay."""
        left = COMPANY_STEPS[COMPANY_STEPS.index(at) :]
        content = self.content
        return self._revised(
            region_id=None if DraftStep.REGION in left else content.region_id,
            company_size_id=None if DraftStep.SIZE in left else content.company_size_id,
            industry_id=None,
        )

    def with_company(self, step: DraftStep, choice_id: str | None) -> Draft:
        """The region, size or industry (by its company step), or none."""
        field = {
            DraftStep.REGION: "region_id",
            DraftStep.SIZE: "company_size_id",
            DraftStep.INDUSTRY: "industry_id",
        }[step]
        return self._revised(**{field: choice_id})

    def with_visibility(self, visibility: Visibility) -> Draft:
        """Named or anonymous."""
        return dataclasses.replace(self, visibility=visibility)

    @property
    def profile(self) -> CompanyProfile:
        """The company part of the draft."""
        content = self.content
        return CompanyProfile(content.region_id, content.company_size_id, content.industry_id)

    @property
    def is_blank(self) -> bool:
        """Nothing answered yet: no need to offer "continue"."""
        return self.content.category_id is None and self.content.problem is None


_TYPED: dict[DraftStep, Callable[[Draft, str], Draft]] = {
    DraftStep.PROBLEM: Draft.with_problem,
    DraftStep.READY: Draft.with_more_problem,
    DraftStep.LAW: Draft.with_law,
    DraftStep.PROPOSAL: Draft.with_proposal,
    DraftStep.COST: Draft.with_cost,
    DraftStep.COST_HOURS: lambda draft, text: draft.with_cost(text, CostUnit.HOURS),
    DraftStep.COST_WON: lambda draft, text: draft.with_cost(text, CostUnit.WON),
}
"""The steps a typed text answers, and how each stores it."""
TYPED_STEPS = frozenset(_TYPED)
