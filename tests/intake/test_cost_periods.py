"""Costs as owners say them, end to end: "1억2천", "연 2억", "300" after ₩; a period never assumed.

A figure without a period is asked "how often?" once, with one button per period carrying the
figure: one tap stores it. Nothing is stored as monthly unless the owner said or tapped so.
"""

from __future__ import annotations

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from sandbox.emulator import ScriptedUser
from tests.fixtures.app import BotHarness
from tests.intake.flow import at_impact, label

HOW_OFTEN = {"ko": "얼마나 자주", "en": "how often"}


async def _at_cost(sotong: BotHarness, language: str) -> ScriptedUser:
    owner = await at_impact(sotong, language)
    await owner.tap(callback_data="fb:impact:3")
    return owner


async def _won(sotong: BotHarness, owner: ScriptedUser) -> Cost | None:
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None
    return draft.content.won_cost


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_figure_with_its_period_is_stored_at_once(
    sotong: BotHarness, language: str
) -> None:
    owner = await _at_cost(sotong, language)
    await owner.send("연 2억")
    assert len(owner.replies()) == 1
    assert await _won(sotong, owner) == Cost(
        CostUnit.WON, CostPeriod.YEAR, 200_000_000, 200_000_000
    )


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_figure_without_a_period_asks_how_often_once(
    sotong: BotHarness, language: str
) -> None:
    owner = await _at_cost(sotong, language)
    await owner.send("1억2천")
    replies = owner.replies()
    assert len(replies) == 1
    assert HOW_OFTEN[language] in (replies[0].text or "").lower()
    assert await _won(sotong, owner) is None, "stored before the period was said"
    year = label(language, "cost.period.year", amount="")
    tapped = next(text for text in owner.buttons() if year.strip() in text)
    await owner.tap(tapped)
    assert len(owner.replies()) == 1
    assert await _won(sotong, owner) == Cost(
        CostUnit.WON, CostPeriod.YEAR, 120_000_000, 120_000_000
    )
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and str(draft.step) == "cost"


async def _typed_after_won(
    sotong: BotHarness, language: str, typed: str, *, interrupted: bool = False
) -> ScriptedUser:
    """₩ 금액 tapped, then `typed`; with `interrupted`, /help parks the report in between."""
    owner = await _at_cost(sotong, language)
    await owner.tap(callback_data="fb:cost:won")
    if interrupted:
        await owner.send("/help")
    await owner.send(typed)
    return owner


async def _tap_period(owner: ScriptedUser, language: str, period: str) -> None:
    shown = label(language, f"cost.period.{period}", amount="").strip()
    await owner.tap(next(text for text in owner.buttons() if shown in text))


SCALE = {
    "ko": ("300만원", "300원", "월 300만원", "월 300원"),
    "en": ("₩3,000,000", "₩300", "₩3,000,000 a month", "₩300 a month"),
}


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_bare_number_after_choosing_won_offers_man_or_won(
    sotong: BotHarness, language: str
) -> None:
    """A bare 300 after ₩ is most likely 300만원: asked with one tap each, not stored as 300원."""
    in_man, as_written, _, _ = SCALE[language]
    owner = await _typed_after_won(sotong, language, "300")
    replies = owner.replies()
    assert len(replies) == 1
    assert owner.buttons() == [in_man, as_written]
    assert await _won(sotong, owner) is None, "stored before the owner said which"
    await owner.tap(in_man)
    assert HOW_OFTEN[language] in (owner.reply().text or "").lower()
    await _tap_period(owner, language, "one_off")
    assert await _won(sotong, owner) == Cost(CostUnit.WON, CostPeriod.ONE_OFF, 3_000_000, 3_000_000)


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_the_won_as_written_is_one_tap_too(sotong: BotHarness, language: str) -> None:
    """A period said with the figure ("월 300") is on both buttons: the tap stores the cost."""
    _, _, monthly_in_man, monthly_as_written = SCALE[language]
    owner = await _typed_after_won(sotong, language, "월 300")
    assert owner.buttons() == [monthly_in_man, monthly_as_written]
    await owner.tap(monthly_as_written)
    assert await _won(sotong, owner) == Cost(CostUnit.WON, CostPeriod.MONTH, 300, 300)
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and str(draft.step) == "cost"


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_bare_number_after_an_interruption_is_asked_too(
    sotong: BotHarness, language: str
) -> None:
    """The report parked by /help: "300" still reaches the won question and is asked about."""
    in_man, as_written, _, _ = SCALE[language]
    owner = await _typed_after_won(sotong, language, "300", interrupted=True)
    assert owner.buttons() == [in_man, as_written]
    await owner.tap(as_written)
    await _tap_period(owner, language, "year")
    assert await _won(sotong, owner) == Cost(CostUnit.WON, CostPeriod.YEAR, 300, 300)


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_period_asked_after_an_interruption_takes_its_tap(
    sotong: BotHarness, language: str
) -> None:
    owner = await _typed_after_won(sotong, language, "1억", interrupted=True)
    assert HOW_OFTEN[language] in (owner.reply().text or "").lower()
    await _tap_period(owner, language, "year")
    assert await _won(sotong, owner) == Cost(
        CostUnit.WON, CostPeriod.YEAR, 100_000_000, 100_000_000
    )


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_won_said_with_the_figure_is_not_asked(sotong: BotHarness, language: str) -> None:
    owner = await _typed_after_won(sotong, language, "월 300원")
    assert await _won(sotong, owner) == Cost(CostUnit.WON, CostPeriod.MONTH, 300, 300)


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_the_cost_question_no_longer_promises_a_month(
    sotong: BotHarness, language: str
) -> None:
    owner = await _at_cost(sotong, language)
    shown = owner.transcript[-1].text or ""
    assert "한 달로 받아요" not in shown and "I take it as a month" not in shown
    await owner.tap(callback_data="fb:cost:won")
    shown = owner.reply().text or ""
    assert "기간이 없으면 한 달" not in shown and "a month unless" not in shown
