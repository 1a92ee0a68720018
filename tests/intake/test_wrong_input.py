"""Wrong input at every step gets a short hint and loses nothing; /cancel keeps the draft."""

from __future__ import annotations

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.drafts import DraftStep
from sandbox.emulator import ScriptedUser
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_KO, agreed_user, label

HINTS = {
    "ko": {
        "category": "분야 버튼 중 하나를",
        "problem": "문제를 글로 적어",
        "ready": "‘지금 보내기’나",
        "law": "관련 법·규정을 글로",
        "proposal": "제안을 글로",
        "impact": "1부터 5까지",
        "cost": "‘월 300만원’, ‘주 5시간’처럼",
        "cost_hours": "한 달은 744시간까지",
        "attachments": "문서나 사진을 보내거나",
        "region": "지역 버튼을",
        "size": "규모 버튼을",
        "industry": "업종 버튼을",
        "visibility": "‘실명’이나 ‘익명’을 누르거나",
        "review": "고칠 항목 버튼이나",
    },
    "en": {
        "category": "tap one of the topic buttons",
        "problem": "type the problem as a text message",
        "ready": "“Submit now” or",
        "law": "type the law or rule",
        "proposal": "type your proposal",
        "impact": "from 1 to 5",
        "cost": "“3 million won a month”",
        "cost_hours": "a month has 744 at most",
        "attachments": "send a document or photo",
        "region": "tap a region",
        "size": "tap a company size",
        "industry": "tap an industry",
        "visibility": "“Named” or “Anonymous”",
        "review": "tap a field to change",
    },
}


async def _expect_hint(user: ScriptedUser, expected: str, step: str) -> None:
    reply = user.reply()
    assert expected in (reply.text or ""), (step, reply.text)


async def _poke(
    sotong: BotHarness, user: ScriptedUser, language: str, step: str, *, text_ok: bool
) -> None:
    """Sticker, photo (unless files are wanted), text (unless text is wanted), a command."""
    expected = HINTS[language][step]
    draft_before = await sotong.services.drafts.get(user.id)
    await user.send_sticker()
    await _expect_hint(user, expected, step)
    if step != "attachments":
        await user.upload_photo(b"not-wanted")
        await _expect_hint(user, expected, step)
    if not text_ok:
        await user.send("아무 말이나 / anything")
        await _expect_hint(user, expected, step)
    await user.send("/help")  # a command parks the question; /feedback offers to continue
    assert "/feedback" in (user.reply().text or "")
    assert await sotong.services.forms.open_question(user.id) is None
    await user.send("/feedback")
    if draft_before is not None and not draft_before.is_blank:
        await user.tap(callback_data="fb:continue")
    draft_after = await sotong.services.drafts.get(user.id)
    assert draft_after == draft_before, step
    assert draft_after is not None and draft_after.step == DraftStep(step)


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_every_step_explains_what_it_expects(sotong: BotHarness, language: str) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    await user.send("/feedback")
    await _poke(sotong, user, language, "category", text_ok=True)
    await user.tap(callback_data="fb:cat:ai_copyright")
    await _poke(sotong, user, language, "problem", text_ok=True)
    await user.send(PROBLEM_KO)
    await _poke(sotong, user, language, "ready", text_ok=True)
    await user.tap(callback_data="fb:more")
    await _poke(sotong, user, language, "law", text_ok=True)
    await user.tap(callback_data="fb:skip:law")
    await _poke(sotong, user, language, "proposal", text_ok=True)
    await user.tap(callback_data="fb:skip:proposal")
    await _poke(sotong, user, language, "impact", text_ok=False)
    await user.tap(callback_data="fb:impact:1")
    await _poke(sotong, user, language, "cost", text_ok=False)
    await user.tap(callback_data="fb:cost:hours")
    await _poke(sotong, user, language, "cost_hours", text_ok=True)
    await user.send("한 달 내내")
    await _expect_hint(user, HINTS[language]["cost_hours"], "cost_hours")
    await user.send("월 10")
    await user.tap(callback_data="fb:next:cost")
    await _poke(sotong, user, language, "attachments", text_ok=False)
    await user.tap(callback_data="fb:next:attachments")
    await _poke(sotong, user, language, "region", text_ok=False)
    await user.tap(callback_data="fb:region:seoul")
    await _poke(sotong, user, language, "size", text_ok=False)
    await user.tap(callback_data="fb:size:small")
    await _poke(sotong, user, language, "industry", text_ok=False)
    await user.tap(callback_data="fb:skip:industry")
    await _poke(sotong, user, language, "review", text_ok=False)
    await user.tap(callback_data="fb:edit:visibility")
    await _poke(sotong, user, language, "visibility", text_ok=False)
    await user.tap(callback_data="fb:vis:named")
    await user.tap(callback_data="fb:submit")
    stored = await sotong.services.submissions.get_by_code("SV-2026-000001")
    assert stored is not None
    assert stored.content.hours_cost == Cost(CostUnit.HOURS, CostPeriod.MONTH, 10, 10)


async def test_a_button_from_an_earlier_question_re_asks_the_open_one(sotong: BotHarness) -> None:
    user = await agreed_user(sotong)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:ai_copyright")
    await user.send(PROBLEM_KO)
    await user.tap(callback_data="fb:more")
    law_question = user.reply()
    await user.send("저작권법 제35조의5")
    # The law question's Skip is still on screen; it must not skip the proposal now asked.
    await user.tap(callback_data="fb:skip:law", message_id=law_question.message_id)
    toast = user.last_toast
    assert toast is not None and "마지막 질문에 답해 주세요" in (toast.text or "")
    assert "어떻게 바뀌면 좋을까요?" in (user.reply().text or "")
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None and draft.step is DraftStep.PROPOSAL
    assert draft.content.law_or_rule == "저작권법 제35조의5" and draft.content.proposal is None


@pytest.mark.parametrize(
    ("language", "short", "long"),
    [
        ("ko", "최소 10자가 필요해요 (지금 6자)", "최대 3,500자까지"),
        ("en", "you wrote 6", "the limit is 3,500"),
    ],
)
async def test_problem_length_limits_keep_the_text(
    sotong: BotHarness, language: str, short: str, long: str
) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:other")
    await user.send("너무 짧아요")
    assert short in (user.reply().text or "")
    too_long = "규제 때문에 힘듭니다. " * 300
    await user.send(too_long)
    replies = user.replies()
    assert long in (replies[0].text or "")
    assert replies[1].text == too_long.strip() or replies[1].text == too_long
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None and draft.step is DraftStep.PROBLEM and draft.content.problem is None
    await user.send(too_long[:3500])
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None and draft.step is DraftStep.READY


async def test_sixth_attachment_is_refused_with_the_limit(sotong: BotHarness) -> None:
    user = await agreed_user(sotong)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:other")
    await user.send(PROBLEM_KO)
    await user.tap(callback_data="fb:more")
    await user.tap(callback_data="fb:skip:law")
    await user.tap(callback_data="fb:skip:proposal")
    await user.tap(callback_data="fb:impact:1")
    await user.tap(callback_data="fb:next:cost")
    for index in range(5):
        await user.upload_document(f"file {index}".encode(), f"doc{index}.txt")
    assert "(5/5)" in (user.reply().text or "")
    await user.upload_document(b"one too many", "doc5.txt")
    assert "5개까지 받을 수 있어요" in (user.reply().text or "")
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None and len(draft.attachments) == 5


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_cancel_keeps_the_draft_and_feedback_offers_to_continue(
    sotong: BotHarness, language: str
) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:ai_skills")
    await user.send(PROBLEM_KO)
    await user.send("/cancel")
    assert ("저장되어 있으니" if language == "ko" else "saved") in (user.reply().text or "")
    await user.send("hello")  # outside the flow now: the general fallback answers
    draft = await sotong.services.drafts.get(user.id)
    assert (
        draft is not None and draft.content.problem == PROBLEM_KO and draft.step is DraftStep.READY
    )

    await user.send("/feedback")
    offer = user.reply()
    assert ("이어서 쓰시겠어요" if language == "ko" else "Continue where you left off") in (
        offer.text or ""
    )
    assert ("AI 인력·교육" if language == "ko" else "AI skills, hiring and training") in (
        offer.text or ""
    )
    await user.send_sticker()  # no question is open while the offer is shown: not an answer
    assert await sotong.services.drafts.get(user.id) == draft
    await user.tap(label(language, "feedback.button.continue"), message_id=offer.message_id)
    assert ("이대로 보낼 수 있어요" if language == "ko" else "Ready to send") in (
        user.reply().text or ""
    )

    await user.send("/cancel")
    await user.send("/feedback")
    await user.tap(label(language, "feedback.button.restart"))
    assert ("어떤 분야인가요?" if language == "ko" else "What is it about?") in (
        user.reply().text or ""
    )
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None and draft.content.problem is None and draft.content.category_id is None
