"""The feedback flow's rules: which step follows which, what may be skipped, what is required.

Pure functions over a draft, so the order lives in one place and the handlers, the intake
service and the tests all read it from here.

Two questions (the topic and the problem) make a report: then the "ready" screen offers to
submit at once, with the visibility the owner used last time (anonymous the first time). The
details (law, proposal, impact, cost, evidence, company) are a guided path that starts from
that screen, or from a report already submitted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from domain.drafts import COMPANY_STEPS, CompanyProfile, Draft, DraftStep
from domain.submissions import Visibility

__all__ = [
    "AMENDABLE_STEPS",
    "COMPANY_STEPS",
    "DETAIL_STEPS",
    "EDITABLE_STEPS",
    "MAIN_ORDER",
    "QUICK_STEPS",
    "SKIPPABLE_STEPS",
    "TAPPED_STEPS",
    "Pick",
    "Tap",
    "after_typing",
    "choose",
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


class Pick(StrEnum):
    """What a button of the flow says, whatever channel draws it."""

    CHOOSE = "choose"
    """One of the step's values: a topic, a level, a region, named or anonymous."""
    SKIP = "skip"
    NEXT = "next"
    """Keep what the screen holds and go on (the cost, the evidence)."""
    CLEAR = "clear"
    """Drop what the screen holds and ask it again (the cost, the evidence)."""
    HOURS = "hours"
    WON = "won"
    BACK = "back"
    """Leave a cost figure unchanged: back to the cost screen."""
    UNSURE = "unsure"
    SAME = "same"
    """The company profile of the last report again."""
    CHANGE = "change"
    REVIEW = "review"
    """Leave the field being edited unchanged: back to the review."""
    DETAILS = "details"
    OWN = "own"
    """After supporting a similar report: back to the owner's own, on the ready screen."""
    EDIT = "edit"
    """A field of the review to change; its step is the value."""


@dataclass(frozen=True, slots=True)
class Tap:
    """A button answer (or its label typed): what it says and the value it carries."""

    pick: Pick
    value: str | None = None
    """The value chosen (`Pick.CHOOSE`: None for a choice no longer offered), or the field."""


Chosen = tuple[Draft, DraftStep]
"""The draft holding a button answer, and the step the flow wants next (before `resolve`)."""


def _after(draft: Draft, answered: DraftStep) -> Chosen:
    return draft, next_step(draft, answered)


def _category(draft: Draft, _: DraftStep, tap: Tap, __: CompanyProfile | None) -> Chosen:
    if tap.value is None:  # a topic no longer offered: ask again
        return draft, DraftStep.CATEGORY
    chosen = draft.with_category(tap.value)
    if chosen.content.problem is not None and not chosen.editing:
        return _after(chosen, DraftStep.PROBLEM)  # the problem came first: go on after it
    return _after(chosen, DraftStep.CATEGORY)


def _law(draft: Draft, step: DraftStep, tap: Tap, _: CompanyProfile | None) -> Chosen:
    return _after(draft.with_law(None, unsure=tap.pick is Pick.UNSURE), step)


def _proposal(draft: Draft, step: DraftStep, _: Tap, __: CompanyProfile | None) -> Chosen:
    return _after(draft.with_proposal(None), step)


def _impact(draft: Draft, step: DraftStep, tap: Tap, _: CompanyProfile | None) -> Chosen:
    level = None if tap.pick is Pick.SKIP or tap.value is None else int(tap.value)
    return _after(draft.with_impact(level), step)


def _cost(draft: Draft, step: DraftStep, tap: Tap, _: CompanyProfile | None) -> Chosen:
    if tap.pick is Pick.HOURS:
        return draft, DraftStep.COST_HOURS
    if tap.pick is Pick.WON:
        return draft, DraftStep.COST_WON
    if tap.pick is Pick.CLEAR:
        return draft.without_cost(), DraftStep.COST
    return _after(draft, step)


def _cost_figure(draft: Draft, _: DraftStep, __: Tap, ___: CompanyProfile | None) -> Chosen:
    return draft, DraftStep.COST


def _attachments(draft: Draft, step: DraftStep, tap: Tap, _: CompanyProfile | None) -> Chosen:
    if tap.pick is Pick.CLEAR:
        return draft.without_attachments(), DraftStep.ATTACHMENTS
    return _after(draft, step)


def _profile(draft: Draft, _: DraftStep, tap: Tap, remembered: CompanyProfile | None) -> Chosen:
    if tap.pick is Pick.CHANGE:
        return draft, DraftStep.REGION
    profile = (remembered if tap.pick is Pick.SAME else None) or CompanyProfile()
    # The whole profile is answered at once, so go on as after its last question.
    return _after(draft.with_profile(profile), DraftStep.INDUSTRY)


def _company(draft: Draft, step: DraftStep, tap: Tap, _: CompanyProfile | None) -> Chosen:
    if tap.pick is Pick.SKIP:  # one skip leaves the rest of the section unanswered
        return _after(draft.skipping_company(step), DraftStep.INDUSTRY)
    return _after(draft.with_company(step, tap.value), step)


def _visibility(draft: Draft, step: DraftStep, tap: Tap, _: CompanyProfile | None) -> Chosen:
    assert tap.value is not None
    chosen = draft.with_visibility(Visibility(tap.value))
    if step is DraftStep.READY:  # changed on the ready screen, which stays
        return chosen, DraftStep.READY
    return _after(chosen, step)


def _ready(draft: Draft, step: DraftStep, tap: Tap, remembered: CompanyProfile | None) -> Chosen:
    if tap.pick is Pick.CHOOSE:
        return _visibility(draft, step, tap, remembered)
    if tap.pick is Pick.DETAILS:
        return _after(draft, step)
    return draft, DraftStep.READY


def _review(draft: Draft, _: DraftStep, tap: Tap, __: CompanyProfile | None) -> Chosen:
    editable = EDITABLE_STEPS if draft.amends is None else AMENDABLE_STEPS
    return draft, next((step for step in editable if step == tap.value), DraftStep.REVIEW)


_TAPPED: dict[DraftStep, Callable[[Draft, DraftStep, Tap, CompanyProfile | None], Chosen]] = {
    DraftStep.CATEGORY: _category,
    DraftStep.LAW: _law,
    DraftStep.PROPOSAL: _proposal,
    DraftStep.IMPACT: _impact,
    DraftStep.COST: _cost,
    DraftStep.COST_HOURS: _cost_figure,
    DraftStep.COST_WON: _cost_figure,
    DraftStep.ATTACHMENTS: _attachments,
    DraftStep.PROFILE: _profile,
    DraftStep.REGION: _company,
    DraftStep.SIZE: _company,
    DraftStep.INDUSTRY: _company,
    DraftStep.VISIBILITY: _visibility,
    DraftStep.READY: _ready,
    DraftStep.REVIEW: _review,
}
"""The steps a button answers, and how each stores the answer and chooses what follows."""
TAPPED_STEPS = frozenset(_TAPPED)


def choose(
    draft: Draft, step: DraftStep, tap: Tap, remembered: CompanyProfile | None = None
) -> Chosen:
    """The draft holding a button answer at `step`, and the step the flow wants next.

    `remembered` is the company offered back, for "same as last time". "Back to the review"
    leaves any field unchanged.

    Raises:
        ValueError: the step takes no button answer.

    """
    if tap.pick is Pick.REVIEW:
        return draft, DraftStep.REVIEW
    chosen = _TAPPED.get(step)
    if chosen is None:
        raise ValueError(f"{step} takes no button answer")
    return chosen(draft, step, tap, remembered)
