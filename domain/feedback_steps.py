"""The feedback flow's rules: which step follows which, what may be skipped, what is required.

Pure functions over a draft, so the order lives in one place and the handlers, the intake
service and the tests all read it from here.
"""

from __future__ import annotations

from domain.drafts import Draft, DraftStep

__all__ = [
    "COMPANY_STEPS",
    "EDITABLE_STEPS",
    "MAIN_ORDER",
    "SKIPPABLE_STEPS",
    "first_missing",
    "next_step",
    "resolve",
]

MAIN_ORDER = (
    DraftStep.CATEGORY,
    DraftStep.PROBLEM,
    DraftStep.LAW,
    DraftStep.PROPOSAL,
    DraftStep.IMPACT,
    DraftStep.COST,
    DraftStep.ATTACHMENTS,
    DraftStep.PROFILE,
    DraftStep.VISIBILITY,
    DraftStep.SIMILAR,
)
"""The guided path; the review follows the last of them."""

COMPANY_STEPS = (DraftStep.REGION, DraftStep.SIZE, DraftStep.INDUSTRY)
"""The company section asked one by one when no earlier profile can be offered back."""

SKIPPABLE_STEPS = frozenset(
    {
        DraftStep.LAW,
        DraftStep.PROPOSAL,
        DraftStep.COST,
        DraftStep.ATTACHMENTS,
        DraftStep.PROFILE,
        *COMPANY_STEPS,
    }
)
"""Steps whose answer is optional."""

EDITABLE_STEPS = (
    DraftStep.CATEGORY,
    DraftStep.PROBLEM,
    DraftStep.LAW,
    DraftStep.PROPOSAL,
    DraftStep.IMPACT,
    DraftStep.COST,
    DraftStep.ATTACHMENTS,
    DraftStep.REGION,
    DraftStep.VISIBILITY,
)
"""Fields the review offers to change, in the order it lists them."""

_REQUIRED = (
    (DraftStep.CATEGORY, "category_id"),
    (DraftStep.PROBLEM, "problem"),
    (DraftStep.IMPACT, "impact"),
    (DraftStep.VISIBILITY, "visibility"),
)


def first_missing(draft: Draft) -> DraftStep | None:
    """The first required step still unanswered, or None when the draft can be submitted."""
    for step, field in _REQUIRED:
        if getattr(draft, field) is None:
            return step
    return None


def next_step(draft: Draft, answered: DraftStep) -> DraftStep:
    """The step after an answered one; while editing, back to the review.

    The cost figures return to the cost screen and the company questions run together even
    while editing, since each is part of one screen or one section.
    """
    if answered in (DraftStep.COST_HOURS, DraftStep.COST_WON):
        return DraftStep.COST
    if answered in COMPANY_STEPS[:-1]:
        return COMPANY_STEPS[COMPANY_STEPS.index(answered) + 1]
    if draft.editing:
        return DraftStep.REVIEW
    if answered is DraftStep.INDUSTRY:
        return DraftStep.VISIBILITY
    position = MAIN_ORDER.index(answered) + 1
    return MAIN_ORDER[position] if position < len(MAIN_ORDER) else DraftStep.REVIEW


def resolve(
    draft: Draft, step: DraftStep, *, has_profile: bool, has_similar: bool
) -> tuple[DraftStep, bool]:
    """The step actually asked when the flow wants `step`, and whether the draft is editing.

    A remembered profile is offered back as one question, else the company is asked piece by
    piece; similar submissions are shown only when there are some; the review is reached only
    with every required answer, else the first missing one is asked (and editing ends).
    """
    editing = draft.editing
    if step is DraftStep.PROFILE and not has_profile:
        step = DraftStep.REGION
    if step is DraftStep.SIMILAR and not has_similar:
        step = DraftStep.REVIEW
    if step is DraftStep.REVIEW:
        missing = first_missing(draft)
        if missing is not None:
            return missing, False
        return step, True
    return step, editing
