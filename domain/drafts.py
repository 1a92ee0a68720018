"""A submission being written, step by step, and the company profile remembered between them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from domain.amounts import Cost
from domain.submissions import Attachment, SubmissionDetails, Visibility

__all__ = ["FEEDBACK_FLOW", "CompanyProfile", "Draft", "DraftStep"]

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
class Draft:
    """Answers so far; `editing` means the next answer returns to the review screen.

    A draft with `amends` set holds details an owner adds to a report already submitted: its
    review saves them onto that submission instead of making a new one.
    """

    user_id: int
    step: DraftStep
    editing: bool
    category_id: str | None
    problem: str | None
    law_or_rule: str | None
    law_unsure: bool
    proposal: str | None
    impact: int | None
    hours_cost: Cost | None
    won_cost: Cost | None
    attachments: tuple[Attachment, ...]
    region_id: str | None
    company_size_id: str | None
    industry_id: str | None
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
            category_id=None,
            problem=None,
            law_or_rule=None,
            law_unsure=False,
            proposal=None,
            impact=None,
            hours_cost=None,
            won_cost=None,
            attachments=(),
            region_id=None,
            company_size_id=None,
            industry_id=None,
            visibility=None,
            language=language,
            started_at=now,
            updated_at=now,
        )

    @property
    def profile(self) -> CompanyProfile:
        """The company part of the draft."""
        return CompanyProfile(self.region_id, self.company_size_id, self.industry_id)

    @property
    def details(self) -> SubmissionDetails:
        """What the draft adds to a sent report (when it `amends` one)."""
        return SubmissionDetails(
            law_or_rule=self.law_or_rule,
            law_unsure=self.law_unsure,
            proposal=self.proposal,
            impact=self.impact,
            hours_cost=self.hours_cost,
            won_cost=self.won_cost,
            region_id=self.region_id,
            company_size_id=self.company_size_id,
            industry_id=self.industry_id,
            attachments=self.attachments,
        )

    @property
    def is_blank(self) -> bool:
        """Nothing answered yet: no need to offer "continue"."""
        return self.category_id is None and self.problem is None
