"""Typed answers at button steps, end to end: "4 · 심각" or "서울특별시" answers like the tap.

A text naming no button is refused with the hint alone, one reply per message: the question
above keeps its buttons, so four tries leave one keyboard, not five.
"""

from __future__ import annotations

import pytest

from sandbox.emulator import ScriptedUser
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_KO, agreed_user, at_impact, label


def _keyboards(owner: ScriptedUser) -> int:
    return sum(
        1
        for message in owner.transcript
        if message.sender == "bot"
        and not message.deleted
        and any(data == "fb:impact:1" for row in message.keyboard for _, data in row)
    )


@pytest.mark.parametrize(
    ("language", "typed", "level"),
    [
        ("ko", "4", 4),
        ("ko", "심각", 4),
        ("ko", "4 · 심각", 4),
        ("en", "Serious", 4),
        ("en", "2", 2),
    ],
)
async def test_a_typed_severity_answers_the_step(
    sotong: BotHarness, language: str, typed: str, level: int
) -> None:
    owner = await at_impact(sotong, language)
    await owner.send(typed)
    assert len(owner.replies()) == 1
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.impact == level
    assert str(draft.step) == "cost"


@pytest.mark.parametrize(
    ("language", "typed"), [("ko", "서울특별시"), ("ko", "서울"), ("en", "Seoul")]
)
async def test_a_typed_region_answers_the_step(
    sotong: BotHarness, language: str, typed: str
) -> None:
    owner = await at_impact(sotong, language)
    await owner.tap(callback_data="fb:impact:3")
    await owner.tap(callback_data="fb:next:cost")
    await owner.tap(callback_data="fb:next:attachments")
    await owner.send(typed)
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.region_id == "seoul"
    assert str(draft.step) == "size"
    await owner.send("소기업" if language == "ko" else "Small enterprise")
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.company_size_id == "small"


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_refusals_do_not_stack_keyboards(sotong: BotHarness, language: str) -> None:
    owner = await at_impact(sotong, language)
    before = _keyboards(owner)
    for attempt in ("아주 많이", "보통 이상", "음...", "10"):
        await owner.send(attempt)
        replies = owner.replies()
        assert len(replies) == 1, attempt
        assert not replies[0].inline_keyboard, attempt
    assert _keyboards(owner) == before == 1
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.impact is None and str(draft.step) == "impact"


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_problem_typed_at_the_topic_is_kept(sotong: BotHarness, language: str) -> None:
    owner = await agreed_user(sotong, "민수", language=language)
    await owner.send("/feedback")
    await owner.send(PROBLEM_KO)
    replies = owner.replies()
    assert len(replies) == 1
    assert label(language, "feedback.problem_kept") in (replies[0].text or "")
    assert any(data == "fb:cat:ai_copyright" for row in replies[0].keyboard for _, data in row)
    await owner.tap(callback_data="fb:cat:ai_copyright")
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.problem == PROBLEM_KO
    assert draft.content.category_id == "ai_copyright" and str(draft.step) == "ready"


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_questions_and_refusals_say_the_answer_may_be_typed(
    sotong: BotHarness, language: str
) -> None:
    """Where a typed answer is taken, neither the question nor the refusal says only "tap"."""
    says_type = {"ko": "적어 주세요", "en": "type"}[language]
    owner = await at_impact(sotong, language)
    assert says_type in (owner.transcript[-1].text or "")
    await owner.send("아주 많이")
    assert says_type in (owner.reply().text or "")
    await owner.send("4")
    await owner.tap(callback_data="fb:next:cost")
    await owner.tap(callback_data="fb:next:attachments")
    assert says_type in (owner.transcript[-1].text or "")
    await owner.send("Tokyo")
    refusal = owner.reply().text or ""
    assert says_type in refusal
    assert label(language, "feedback.hint.region") in refusal
