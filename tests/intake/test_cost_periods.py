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


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_bare_number_after_choosing_won_is_won(sotong: BotHarness, language: str) -> None:
    owner = await _at_cost(sotong, language)
    await owner.tap(callback_data="fb:cost:won")
    await owner.send("300")
    assert HOW_OFTEN[language] in (owner.reply().text or "").lower()
    once = label(language, "cost.period.one_off", amount="").strip()
    await owner.tap(next(text for text in owner.buttons() if once in text))
    assert await _won(sotong, owner) == Cost(CostUnit.WON, CostPeriod.ONE_OFF, 300, 300)


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
