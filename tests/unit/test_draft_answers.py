"""The draft decides: a typed answer is checked and stored by `Draft.answer`, with no I/O."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.drafts import TYPED_STEPS, Draft, DraftStep
from domain.feedback_steps import after_typing
from domain.intake import AmountError, TextLengthError

NOW = datetime(2026, 12, 1, tzinfo=UTC)
PROBLEM = "규제 기준이 불분명해서 제품 출시가 석 달째 밀리고 있어요."
BLANK = Draft.blank(1, "ko", NOW).with_category("ai_basic")


def test_the_typed_steps_are_the_ones_that_ask_for_text() -> None:
    assert {
        DraftStep.PROBLEM,
        DraftStep.READY,
        DraftStep.LAW,
        DraftStep.PROPOSAL,
        DraftStep.COST,
        DraftStep.COST_HOURS,
        DraftStep.COST_WON,
    } == TYPED_STEPS


def test_each_typed_answer_lands_in_its_own_field() -> None:
    draft = BLANK.answer(DraftStep.PROBLEM, f"  {PROBLEM}  ")
    draft = draft.answer(DraftStep.READY, "해외 기업은 이미 출시했어요.")
    draft = draft.answer(DraftStep.LAW, "인공지능 기본법")
    draft = draft.answer(DraftStep.PROPOSAL, "고영향 판단 기준을 고시로 정해 주세요.")
    draft = draft.answer(DraftStep.COST_HOURS, "주 5시간")
    draft = draft.answer(DraftStep.COST, "한 번에 300만원")
    content = draft.content
    assert content.problem == f"{PROBLEM}\n\n해외 기업은 이미 출시했어요."
    assert content.law_or_rule == "인공지능 기본법" and not content.law_unsure
    assert content.proposal == "고영향 판단 기준을 고시로 정해 주세요."
    assert content.hours_cost == Cost(CostUnit.HOURS, CostPeriod.WEEK, 5, 5)
    assert content.won_cost == Cost(CostUnit.WON, CostPeriod.ONE_OFF, 3_000_000, 3_000_000)
    assert BLANK.content.problem is None


def test_a_refused_answer_raises_and_leaves_the_draft_as_it_was() -> None:
    with pytest.raises(TextLengthError):
        BLANK.answer(DraftStep.PROBLEM, "짧아요")
    with pytest.raises(AmountError):
        BLANK.answer(DraftStep.COST_HOURS, "많이")
    assert BLANK.content.problem is None and BLANK.content.hours_cost is None


def test_a_step_answered_by_a_button_takes_no_text() -> None:
    with pytest.raises(ValueError, match="takes no typed answer"):
        BLANK.answer(DraftStep.IMPACT, "4")


def test_the_ready_and_cost_screens_stay_after_a_typed_answer() -> None:
    assert after_typing(BLANK, DraftStep.READY) is DraftStep.READY
    assert after_typing(BLANK, DraftStep.COST) is DraftStep.COST
    assert after_typing(BLANK, DraftStep.COST_WON) is DraftStep.COST
    assert after_typing(BLANK, DraftStep.PROBLEM) is DraftStep.READY
    assert after_typing(BLANK, DraftStep.LAW) is DraftStep.PROPOSAL
