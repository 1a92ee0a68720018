"""The feedback flow's rules: which step follows which, what may be skipped, what is required.

Pure functions over a draft, so the order lives in one place and the handlers, the intake
service and the tests all read it from here.

Two questions (the topic and the problem) make a report: then the "ready" screen offers to
submit at once, with the visibility the owner used last time (anonymous the first time). The
details (law, proposal, impact, cost, evidence, company) are a guided path that starts from
that screen, or from a report already submitted.
"""

from __future__ import annotations

from domain.drafts import COMPANY_STEPS, Draft, DraftStep

__all__ = [
    "AMENDABLE_STEPS",
    "COMPANY_STEPS",
    "DETAIL_STEPS",
    "EDITABLE_STEPS",
    "MAIN_ORDER",
    "QUICK_STEPS",
    "SKIPPABLE_STEPS",
    "after_typing",
    "first_missing",
    "next_step",
    "progress",
    "resolve",
]

MAIN_ORDER = (
    DraftStep.CATEGORY,
    DraftStep.PROBLEM,
    DraftStep.READY,
    DraftStep.LAW,
    DraftStep.PROPOSAL,
    DraftStep.IMPACT,
    DraftStep.COST,
    DraftStep.ATTACHMENTS,
    DraftStep.PROFILE,
)
"""The guided path; "add details" on the ready screen goes on past it, the review follows."""

QUICK_STEPS = (DraftStep.CATEGORY, DraftStep.PROBLEM)
"""The questions every report answers before it can be submitted."""

DETAIL_STEPS = (
    DraftStep.LAW,
    DraftStep.PROPOSAL,
    DraftStep.IMPACT,
    DraftStep.COST,
    DraftStep.ATTACHMENTS,
)
"""The optional details before the company section, in the order they are asked."""

SKIPPABLE_STEPS = frozenset(
    {
        DraftStep.LAW,
        DraftStep.PROPOSAL,
        DraftStep.IMPACT,
        DraftStep.COST,
        DraftStep.ATTACHMENTS,
        DraftStep.PROFILE,
        *COMPANY_STEPS,
    }
)
"""Steps whose answer is optional; one skip in the company section skips what is left of it."""

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

AMENDABLE_STEPS = (
    DraftStep.LAW,
    DraftStep.PROPOSAL,
    DraftStep.IMPACT,
    DraftStep.COST,
    DraftStep.ATTACHMENTS,
    DraftStep.REGION,
)
"""Fields an owner may add to a submitted report: its topic, text and visibility stay as sent."""


def first_missing(draft: Draft) -> DraftStep | None:
    """The first required step still unanswered, or None when the draft can be submitted."""
    required = (
        (DraftStep.CATEGORY, draft.content.category_id),
        (DraftStep.PROBLEM, draft.content.problem),
        (DraftStep.VISIBILITY, draft.visibility),
    )
    return next((step for step, answer in required if answer is None), None)


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
    if answered in MAIN_ORDER[:-1]:
        return MAIN_ORDER[MAIN_ORDER.index(answered) + 1]
    return DraftStep.REVIEW


def progress(step: DraftStep, *, has_profile: bool, editing: bool) -> tuple[int, int] | None:
    """Where a question stands on its path ("3/8"), counting only screens that will be shown.

    The two questions of a report count on their own; the details count with the company
    section as one screen when a profile is offered back and three when it is asked piece by
    piece. While editing from the review there is no path, so no count.
    """
    if editing:
        return None
    if step in QUICK_STEPS:
        return QUICK_STEPS.index(step) + 1, len(QUICK_STEPS)
    company = (DraftStep.PROFILE,) if has_profile else COMPANY_STEPS
    details = (*DETAIL_STEPS, *company)
    if step in details:
        return details.index(step) + 1, len(details)
    if step in COMPANY_STEPS:
        # "Change" on an offered profile: the section grows to its three questions.
        return len(DETAIL_STEPS) + 1 + COMPANY_STEPS.index(step), len(DETAIL_STEPS) + 3
    return None


def resolve(draft: Draft, step: DraftStep, *, has_profile: bool) -> tuple[DraftStep, bool]:
    """The step actually asked when the flow wants `step`, and whether the draft is editing.

    A remembered profile is offered back as one question, else the company is asked piece by
    piece; the review is reached only with every required answer, else the first missing one
    is asked (and editing ends).
    """
    editing = draft.editing
    if step is DraftStep.PROFILE and not has_profile:
        step = DraftStep.REGION
    if step is DraftStep.REVIEW:
        missing = first_missing(draft)
        if missing is not None:
            return missing, False
        return step, True
    return step, editing


def after_typing(draft: Draft, answered: DraftStep) -> DraftStep:
    """Where a typed answer leads: the ready and cost screens stay, to take more."""
    if answered in (DraftStep.READY, DraftStep.COST):
        return answered
    return next_step(draft, answered)
