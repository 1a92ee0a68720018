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
    progress,
    resolve,
)
from domain.submissions import ReportContent, Visibility

NOW = datetime(2026, 11, 29, tzinfo=UTC)
BLANK = Draft.blank(1, "ko", NOW)
COMPLETE = dataclasses.replace(
    BLANK,
    content=ReportContent(category_id="other", problem="규제 때문에 힘들어요.", impact=3),
    visibility=Visibility.ANONYMOUS,
)


def test_the_guided_path_runs_in_order_to_the_review() -> None:
    step = DraftStep.CATEGORY
    walked = [step]
    while step is not DraftStep.REVIEW:
        step = next_step(BLANK, step)
        walked.append(step)
    assert walked == [*MAIN_ORDER, DraftStep.REVIEW]


def test_company_questions_run_together_then_the_review() -> None:
    assert [next_step(BLANK, step) for step in COMPANY_STEPS] == [
        DraftStep.SIZE,
        DraftStep.INDUSTRY,
        DraftStep.REVIEW,
    ]


def test_a_report_is_ready_after_its_topic_and_problem() -> None:
    assert next_step(BLANK, DraftStep.PROBLEM) is DraftStep.READY
    assert next_step(BLANK, DraftStep.READY) is DraftStep.LAW


def test_the_cost_figures_return_to_the_cost_screen_even_while_editing() -> None:
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
        ("visibility", DraftStep.VISIBILITY),
    ],
)
def test_each_required_answer_is_named_by_its_step(field: str, step: DraftStep) -> None:
    assert first_missing(COMPLETE) is None
    if field == "visibility":
        incomplete = dataclasses.replace(COMPLETE, visibility=None)
    else:
        content = dataclasses.replace(COMPLETE.content, **{field: None})
        incomplete = dataclasses.replace(COMPLETE, content=content)
    assert first_missing(incomplete) is step


def test_only_the_topic_problem_and_visibility_are_required() -> None:
    bare = dataclasses.replace(COMPLETE, content=dataclasses.replace(COMPLETE.content, impact=None))
    assert first_missing(bare) is None
    required = {DraftStep.CATEGORY, DraftStep.PROBLEM, DraftStep.VISIBILITY}
    assert not required & SKIPPABLE_STEPS


def test_profile_without_a_remembered_one_asks_the_region() -> None:
    assert resolve(BLANK, DraftStep.PROFILE, has_profile=False) == (DraftStep.REGION, False)
    assert resolve(BLANK, DraftStep.PROFILE, has_profile=True) == (DraftStep.PROFILE, False)


def test_the_review_asks_the_first_missing_answer_and_ends_editing() -> None:
    editing = dataclasses.replace(COMPLETE, visibility=None, editing=True)
    assert resolve(editing, DraftStep.REVIEW, has_profile=False) == (DraftStep.VISIBILITY, False)


@pytest.mark.parametrize(
    ("step", "has_profile", "expected"),
    [
        (DraftStep.CATEGORY, False, (1, 2)),
        (DraftStep.PROBLEM, True, (2, 2)),
        (DraftStep.LAW, True, (1, 6)),
        (DraftStep.LAW, False, (1, 8)),
        (DraftStep.ATTACHMENTS, False, (5, 8)),
        (DraftStep.PROFILE, True, (6, 6)),
        (DraftStep.REGION, False, (6, 8)),
        (DraftStep.INDUSTRY, False, (8, 8)),
        (DraftStep.SIZE, True, (7, 8)),
        (DraftStep.READY, False, None),
        (DraftStep.REVIEW, False, None),
        (DraftStep.COST_HOURS, False, None),
    ],
)
def test_the_counter_counts_the_screens_that_will_be_shown(
    step: DraftStep, has_profile: bool, expected: tuple[int, int] | None
) -> None:
    assert progress(step, has_profile=has_profile, editing=False) == expected


def test_the_counter_walks_the_details_to_its_total() -> None:
    for has_profile in (False, True):
        step = DraftStep.LAW
        counted = []
        while step is not DraftStep.REVIEW:
            resolved, _ = resolve(BLANK, step, has_profile=has_profile)
            place = progress(resolved, has_profile=has_profile, editing=False)
            assert place is not None
            counted.append(place)
            step = next_step(BLANK, resolved)
        total = counted[0][1]
        assert counted == [(n, total) for n in range(1, total + 1)]


def test_no_counter_while_editing() -> None:
    assert progress(DraftStep.LAW, has_profile=False, editing=True) is None
