"""Crafted text at the intake steps: invisible, reversed, NUL and absurdly long numbers."""

from __future__ import annotations

import pytest

from domain.amounts import CostUnit
from domain.intake import (
    AmountError,
    TextLengthError,
    checked_cost,
    checked_text,
)
from domain.text import UnsafeTextError, clean_text, visible_characters
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_KO, agreed_user, label


def test_clean_text_normalises_and_strips_invisible_and_bidi_controls() -> None:
    decomposed = "\u1112\u1161\u11ab"  # 한 as three jamo
    assert clean_text(decomposed) == "한"
    assert clean_text("a\u200bb\u202ec\u2066d\u200fe\ufeff") == "abcde"
    assert clean_text("line\r\nnext\x07") == "line\nnext"
    family = "👨\u200d👩\u200d👧"
    assert clean_text(family) == family
    with pytest.raises(UnsafeTextError):
        clean_text("abc\x00def")


def test_blank_lookalikes_are_not_visible() -> None:
    assert visible_characters("\u200b" * 12) == 0
    assert visible_characters("\u3164" * 12 + "\u2800" * 3 + " \t") == 0
    assert visible_characters("규제 🙂") == 3


def test_invisible_text_is_too_short_for_a_problem() -> None:
    with pytest.raises(TextLengthError):
        checked_text("\u3164" * 40, 10, 3500)
    assert (
        checked_text("  규제가 너무 복잡해서 어렵습니다  ", 10, 3500)
        == "규제가 너무 복잡해서 어렵습니다"
    )


@pytest.mark.parametrize("typed", ["9" * 400, "1" + "0" * 400 + "시간", "9" * 30 + "억"])
def test_absurd_amounts_are_refused_without_overflow(typed: str) -> None:
    with pytest.raises(AmountError):
        checked_cost(typed, CostUnit.HOURS)


async def test_twelve_zero_width_spaces_are_no_problem_text(sotong: BotHarness) -> None:
    user = await agreed_user(sotong)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:ai_copyright")
    await user.send("\u200b" * 12)
    assert "조금 더 자세히 적어 주세요" in (user.reply().text or "")
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None and draft.content.problem is None
    await user.send("\u202e" + PROBLEM_KO + "\u200b")
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None and draft.content.problem == PROBLEM_KO


async def test_nul_is_refused_and_the_draft_is_kept(sotong: BotHarness) -> None:
    user = await agreed_user(sotong)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:ai_copyright")
    await user.send(PROBLEM_KO)
    await user.tap(callback_data="fb:more")
    before = await sotong.services.drafts.get(user.id)
    await user.send("저작권법\x00 제35조의5")
    assert "NUL" in (user.reply().text or "")
    assert await sotong.services.drafts.get(user.id) == before
    await user.send("저작권법 제35조의5")
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None and draft.content.law_or_rule == "저작권법 제35조의5"


async def test_cost_hours_of_four_hundred_nines_get_a_hint(sotong: BotHarness) -> None:
    user = await agreed_user(sotong)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:ai_copyright")
    await user.send(PROBLEM_KO)
    await user.tap(callback_data="fb:more")
    await user.tap(label("ko", "feedback.button.skip"))
    await user.tap(label("ko", "feedback.button.skip"))
    await user.tap(callback_data="fb:impact:3")
    await user.tap("⏱ 시간")
    await user.send("9" * 400)
    assert "744시간까지" in (user.reply().text or "")
