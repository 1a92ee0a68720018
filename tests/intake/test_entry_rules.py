"""Entering /feedback: consent first, the daily limit, and a restart in the middle of the flow."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_EN, agreed_user, label, submit_one


@pytest.mark.parametrize(
    ("language", "why"),
    [("ko", "먼저 개인정보 수집·이용에 동의해 주셔야 해요"), ("en", "you need to agree")],
)
async def test_without_consent_the_flow_explains_and_offers_consent(
    sotong: BotHarness, language: str, why: str
) -> None:
    user = sotong.user("민수", language_code=language)
    await user.send("/start")
    await user.tap(callback_data=f"start:lang:{language}")
    await user.tap(label(language, "privacy.button.decline"))
    await user.send("/feedback")
    explanation = user.reply()
    assert why in (explanation.text or "")
    assert explanation.buttons == [
        label(language, "privacy.button.agree"),
        label(language, "privacy.button.decline"),
    ]
    assert await sotong.services.drafts.get(user.id) is None
    await user.tap(label(language, "privacy.button.agree"))
    await user.send("/feedback")
    assert ("어떤 분야인가요?" if language == "ko" else "What is it about?") in (
        user.reply().text or ""
    )


async def test_a_user_who_never_started_is_asked_for_consent(sotong: BotHarness) -> None:
    user = sotong.user("Jane", language_code="en")
    await user.send("/feedback")
    explanation = user.reply()
    assert "you need to agree" in (explanation.text or "")
    assert explanation.buttons == ["✅ I agree", "I do not agree"]
    await user.tap("✅ I agree")
    await user.send("/feedback")
    assert "What is it about?" in (user.reply().text or "")


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    return {"submission_daily_limit": 2}


@pytest.mark.parametrize(("language", "limit"), [("ko", "2건까지"), ("en", "up to 2 submissions")])
async def test_daily_limit_is_explained_and_lifts_the_next_day(
    sotong: BotHarness, language: str, limit: str
) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    await submit_one(user, language)
    await submit_one(user, language, category="funding")
    await user.send("/feedback")
    assert limit in (user.reply().text or "")
    assert await sotong.services.drafts.get(user.id) is None
    sotong.clock.advance(timedelta(days=1))
    code = await submit_one(user, language)
    assert code == "SV-2026-000003"


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_restart_in_the_middle_of_the_flow_loses_nothing(
    sotong: BotHarness, language: str
) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:data_access")
    await user.send(PROBLEM_EN)
    await user.tap(callback_data="fb:vis:named")
    await user.tap(callback_data="fb:more")
    await user.send("개인정보보호법")
    await sotong.restart()
    # The proposal question, asked before the restart.
    await user.tap(callback_data="fb:skip:proposal")
    await user.tap(callback_data="fb:impact:3")
    await sotong.restart()
    await user.tap(callback_data="fb:cost:won")
    await user.send("월 500000")
    await user.tap(callback_data="fb:next:cost")
    await user.tap(callback_data="fb:next:attachments")
    await user.tap(callback_data="fb:skip:region")
    await sotong.restart()
    await user.tap(callback_data="fb:submit")
    stored = await sotong.services.submissions.get_by_code("SV-2026-000001")
    assert stored is not None
    assert stored.problem == PROBLEM_EN and stored.content.law_or_rule == "개인정보보호법"
    assert stored.content.impact == 3
    assert stored.content.won_cost == Cost(CostUnit.WON, CostPeriod.MONTH, 500_000, 500_000)
    assert await sotong.services.drafts.get(user.id) is None
