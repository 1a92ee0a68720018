"""A button answer, as the feedback flow's table of steps reads it: what is stored, what follows."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.drafts import CompanyProfile, Draft, DraftStep
from domain.feedback_steps import TAPPED_STEPS, Pick, Tap, choose
from domain.submissions import ReportContent, Visibility

NOW = datetime(2026, 11, 29, tzinfo=UTC)
BLANK = Draft.blank(1, "ko", NOW)
DESCRIBED = dataclasses.replace(
    BLANK, content=ReportContent(category_id="other", problem="규제 때문에 힘들어요.")
)
COST = Cost(CostUnit.WON, CostPeriod.MONTH, 3_000_000, 3_000_000)


def test_a_topic_asks_the_problem_or_goes_on_after_a_problem_typed_first() -> None:
    draft, step = choose(BLANK, DraftStep.CATEGORY, Tap(Pick.CHOOSE, "funding"))
    assert (draft.content.category_id, step) == ("funding", DraftStep.PROBLEM)
    early = dataclasses.replace(BLANK, content=ReportContent(problem="규제 때문에 힘들어요."))
    draft, step = choose(early, DraftStep.CATEGORY, Tap(Pick.CHOOSE, "funding"))
    assert (draft.content.category_id, step) == ("funding", DraftStep.READY)


def test_a_topic_no_longer_offered_stores_nothing_and_asks_again() -> None:
    assert choose(BLANK, DraftStep.CATEGORY, Tap(Pick.CHOOSE)) == (BLANK, DraftStep.CATEGORY)


def test_not_sure_and_skip_both_leave_the_law_empty() -> None:
    unsure, step = choose(DESCRIBED, DraftStep.LAW, Tap(Pick.UNSURE))
    assert unsure.content.law_unsure and step is DraftStep.PROPOSAL
    skipped, _ = choose(unsure, DraftStep.LAW, Tap(Pick.SKIP))
    assert not skipped.content.law_unsure and skipped.content.law_or_rule is None


def test_an_impact_level_or_none() -> None:
    rated, step = choose(DESCRIBED, DraftStep.IMPACT, Tap(Pick.CHOOSE, "4"))
    assert (rated.content.impact, step) == (4, DraftStep.COST)
    skipped, _ = choose(rated, DraftStep.IMPACT, Tap(Pick.SKIP))
    assert skipped.content.impact is None


@pytest.mark.parametrize(
    ("pick", "step"),
    [
        (Pick.HOURS, DraftStep.COST_HOURS),
        (Pick.WON, DraftStep.COST_WON),
        (Pick.NEXT, DraftStep.ATTACHMENTS),
    ],
)
def test_the_cost_screen_asks_a_figure_or_goes_on_keeping_the_cost(
    pick: Pick, step: DraftStep
) -> None:
    costed = DESCRIBED.with_known_cost(COST)
    assert choose(costed, DraftStep.COST, Tap(pick)) == (costed, step)


def test_clearing_the_cost_drops_both_figures_and_shows_the_cost_screen() -> None:
    cleared, step = choose(DESCRIBED.with_known_cost(COST), DraftStep.COST, Tap(Pick.CLEAR))
    assert cleared.content.won_cost is None and step is DraftStep.COST
    back, step = choose(DESCRIBED, DraftStep.COST_WON, Tap(Pick.BACK))
    assert (back, step) == (DESCRIBED, DraftStep.COST)


def test_same_as_last_time_takes_the_remembered_company_and_skip_takes_none() -> None:
    remembered = CompanyProfile("seoul", "small", "ict")
    same, step = choose(DESCRIBED, DraftStep.PROFILE, Tap(Pick.SAME), remembered)
    assert same.profile == remembered and step is DraftStep.REVIEW
    skipped, _ = choose(same, DraftStep.PROFILE, Tap(Pick.SKIP), remembered)
    assert skipped.profile == CompanyProfile()
    assert choose(DESCRIBED, DraftStep.PROFILE, Tap(Pick.CHANGE))[1] is DraftStep.REGION


def test_one_company_skip_leaves_the_rest_of_the_section_and_keeps_earlier_answers() -> None:
    sized, step = choose(DESCRIBED, DraftStep.REGION, Tap(Pick.CHOOSE, "seoul"))
    assert step is DraftStep.SIZE
    skipped, step = choose(sized, DraftStep.SIZE, Tap(Pick.SKIP))
    assert skipped.profile == CompanyProfile("seoul") and step is DraftStep.REVIEW


def test_visibility_on_the_ready_screen_keeps_the_ready_screen() -> None:
    named, step = choose(DESCRIBED, DraftStep.READY, Tap(Pick.CHOOSE, "named"))
    assert (named.visibility, step) == (Visibility.NAMED, DraftStep.READY)
    assert choose(DESCRIBED, DraftStep.READY, Tap(Pick.DETAILS))[1] is DraftStep.LAW
    assert choose(DESCRIBED, DraftStep.READY, Tap(Pick.OWN))[1] is DraftStep.READY
    asked, step = choose(DESCRIBED, DraftStep.VISIBILITY, Tap(Pick.CHOOSE, "anonymous"))
    assert (asked.visibility, step) == (Visibility.ANONYMOUS, DraftStep.REVIEW)


def test_the_review_opens_only_a_field_its_draft_may_change() -> None:
    assert choose(DESCRIBED, DraftStep.REVIEW, Tap(Pick.EDIT, "problem"))[1] is DraftStep.PROBLEM
    amending = dataclasses.replace(DESCRIBED, amends=7)
    assert choose(amending, DraftStep.REVIEW, Tap(Pick.EDIT, "problem"))[1] is DraftStep.REVIEW
    assert choose(amending, DraftStep.REVIEW, Tap(Pick.EDIT, "law"))[1] is DraftStep.LAW


def test_back_to_the_review_changes_nothing_from_any_step() -> None:
    editing = dataclasses.replace(DESCRIBED, editing=True)
    for step in (DraftStep.CATEGORY, DraftStep.PROBLEM, DraftStep.IMPACT):
        assert choose(editing, step, Tap(Pick.REVIEW)) == (editing, DraftStep.REVIEW)


def test_only_the_steps_with_buttons_take_a_button_answer() -> None:
    assert DraftStep.PROBLEM not in TAPPED_STEPS
    with pytest.raises(ValueError, match="takes no button answer"):
        choose(DESCRIBED, DraftStep.PROBLEM, Tap(Pick.SKIP))
