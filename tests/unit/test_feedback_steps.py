"""The feedback flow's rules, as pure functions over a draft."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from domain.drafts import Draft, DraftStep
from domain.feedback_steps import (
    COMPANY_STEPS,
    MAIN_ORDER,
    SKIPPABLE_STEPS,
    first_missing,
    next_step,
    resolve,
)
from domain.submissions import Visibility

NOW = datetime(2026, 11, 29, tzinfo=UTC)
BLANK = Draft(
    user_id=1,
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
    language="ko",
    started_at=NOW,
    updated_at=NOW,
)
COMPLETE = dataclasses.replace(
    BLANK,
    category_id="other",
    problem="규제 때문에 힘들어요.",
    impact=3,
    visibility=Visibility.ANONYMOUS,
)


def test_the_guided_path_runs_in_order_to_the_review() -> None:
    step = DraftStep.CATEGORY
    walked = [step]
    while step is not DraftStep.REVIEW:
        step = next_step(BLANK, step)
        walked.append(step)
    assert walked == [*MAIN_ORDER, DraftStep.REVIEW]


def test_company_questions_run_together_then_visibility() -> None:
    assert [next_step(BLANK, step) for step in COMPANY_STEPS] == [
        DraftStep.SIZE,
        DraftStep.INDUSTRY,
        DraftStep.VISIBILITY,
    ]


def test_cost_figures_return_to_the_cost_screen_even_while_editing() -> None:
    editing = dataclasses.replace(COMPLETE, editing=True)
    assert next_step(editing, DraftStep.COST_HOURS) is DraftStep.COST
    assert next_step(editing, DraftStep.COST_WON) is DraftStep.COST


@pytest.mark.parametrize("step", [DraftStep.PROBLEM, DraftStep.LAW, DraftStep.INDUSTRY])
def test_editing_returns_to_the_review(step: DraftStep) -> None:
    assert next_step(dataclasses.replace(COMPLETE, editing=True), step) is DraftStep.REVIEW


def test_editing_the_region_still_asks_size_and_industry() -> None:
    editing = dataclasses.replace(COMPLETE, editing=True)
    assert next_step(editing, DraftStep.REGION) is DraftStep.SIZE


@pytest.mark.parametrize(
    ("field", "step"),
    [
        ("category_id", DraftStep.CATEGORY),
        ("problem", DraftStep.PROBLEM),
        ("impact", DraftStep.IMPACT),
        ("visibility", DraftStep.VISIBILITY),
    ],
)
def test_each_required_answer_is_named_by_its_step(field: str, step: DraftStep) -> None:
    assert first_missing(COMPLETE) is None
    assert first_missing(dataclasses.replace(COMPLETE, **{field: None})) is step


def test_required_steps_are_never_skippable() -> None:
    required = {DraftStep.CATEGORY, DraftStep.PROBLEM, DraftStep.IMPACT, DraftStep.VISIBILITY}
    assert not required & SKIPPABLE_STEPS


def test_profile_without_a_remembered_one_asks_the_region() -> None:
    assert resolve(BLANK, DraftStep.PROFILE, has_profile=False, has_similar=False) == (
        DraftStep.REGION,
        False,
    )
    assert resolve(BLANK, DraftStep.PROFILE, has_profile=True, has_similar=False) == (
        DraftStep.PROFILE,
        False,
    )


def test_similar_without_matches_goes_to_the_review() -> None:
    assert resolve(COMPLETE, DraftStep.SIMILAR, has_profile=False, has_similar=False) == (
        DraftStep.REVIEW,
        True,
    )
    assert resolve(COMPLETE, DraftStep.SIMILAR, has_profile=False, has_similar=True) == (
        DraftStep.SIMILAR,
        False,
    )


def test_the_review_asks_the_first_missing_answer_and_ends_editing() -> None:
    editing = dataclasses.replace(COMPLETE, impact=None, editing=True)
    assert resolve(editing, DraftStep.REVIEW, has_profile=False, has_similar=False) == (
        DraftStep.IMPACT,
        False,
    )
