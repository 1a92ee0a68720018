"""/feedback end to end, in both languages: every step, the review, the receipt."""

from __future__ import annotations

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.submissions import SubmissionStatus, Visibility
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_EN, PROBLEM_KO, agreed_user, label


async def test_korean_owner_goes_from_feedback_to_a_receipt(sotong: BotHarness) -> None:
    user = await agreed_user(sotong, "민수", username="minsu")
    await user.tap("📝 의견 보내기")
    ask = user.reply()
    assert "어떤 분야인가요?" in (ask.text or "")
    assert "AI 학습데이터·저작권 (TDM)" in ask.buttons
    assert len(ask.buttons) == 11

    await user.tap("AI 학습데이터·저작권 (TDM)")
    assert "2/2 어떤 점이 어려우신가요?" in (user.reply().text or "")
    await user.send(PROBLEM_KO)
    ready = user.reply()
    assert "이대로 보낼 수 있어요" in (ready.text or "")
    assert "🕶 익명으로 보내요" in (ready.text or ""), "a first report is anonymous by default"
    await user.tap("👤 이름 밝히기")
    assert "👤 이름을 밝혀 보내요" in (user.reply().text or "")
    await user.tap("➕ 자세히 쓰기")
    assert "➕ 1/8 관련된 법이나 규정" in (user.reply().text or "")
    await user.send("저작권법 제35조의5")
    assert "어떻게 바뀌면 좋을까요?" in (user.reply().text or "")
    await user.send("TDM 면책 조항을 명확히 해 주세요.")
    impact = user.reply()
    assert "얼마나 큰 어려움" in (impact.text or "")
    await user.tap("4 · 심각")
    assert "비용으로 따지면요?" in (user.reply().text or "")
    await user.tap("⏱ 시간")
    await user.send("월 40")
    assert "⏱ 시간: 월 40시간" in (user.reply().text or "")
    await user.send("한 번에 120만원 정도")  # typed straight at the cost question
    assert "₩ 금액: 한 번에 120만원" in (user.reply().text or "")
    await user.tap("다음 ➡️")
    assert "증빙 자료가 있나요?" in (user.reply().text or "")
    await user.upload_document(b"%PDF-1.4 evidence", "견적서.pdf", mime_type="application/pdf")
    assert "받았어요: 견적서.pdf (1/5)" in (user.reply().text or "")
    await user.upload_photo(b"\x89PNG fake photo bytes")
    assert "(2/5)" in (user.reply().text or "")
    await user.tap("다음 ➡️")
    assert "➕ 6/8 회사 정보" in (user.reply().text or "")
    assert "회사는 어느 지역에 있나요?" in (user.reply().text or "")
    await user.tap("서울")
    assert "➕ 7/8 회사 정보" in (user.reply().text or "")
    await user.tap("소기업")
    assert "➕ 8/8 회사 정보" in (user.reply().text or "")
    await user.tap("정보통신·소프트웨어")
    review = user.reply()
    text = review.text or ""
    assert "제출 전 확인해 주세요" in text
    for expected in (
        "AI 학습데이터·저작권 (TDM)",
        PROBLEM_KO,
        "저작권법 제35조의5",
        "TDM 면책 조항",
        "4 · 심각",
        "월 40시간 · 한 번에 120만원",
        "2개",
        "서울 · 소기업 · 정보통신·소프트웨어",
        "실명",
    ):
        assert expected in text, expected
    assert "✅ 제출" in review.buttons and "🗑 버리기" in review.buttons

    await user.tap("✅ 제출")
    receipt = next(m for m in user.replies() if m.text and "접수됐어요" in m.text)
    assert "SV-2026-000001" in (receipt.text or "")
    assert "다음 단계" in (receipt.text or "")
    # One reply: the receipt carries the menu; no second message follows it.
    assert receipt.message_id == user.reply().message_id
    assert "📝 의견 보내기" in receipt.buttons

    stored = await sotong.services.submissions.get_by_code("SV-2026-000001")
    assert stored is not None
    assert stored.status is SubmissionStatus.RECEIVED
    assert stored.visibility is Visibility.NAMED
    assert stored.submitter is not None and stored.submitter.username == "minsu"
    assert (stored.category_id, stored.content.impact) == ("ai_copyright", 4)
    assert stored.content.hours_cost == Cost(CostUnit.HOURS, CostPeriod.MONTH, 40, 40)
    assert stored.content.won_cost == Cost(CostUnit.WON, CostPeriod.ONE_OFF, 1_200_000, 1_200_000)
    assert (
        stored.content.region_id,
        stored.content.company_size_id,
        stored.content.industry_id,
    ) == (
        "seoul",
        "small",
        "ict",
    )
    attachments = await sotong.services.submissions.attachments(stored.id)
    assert [(a.kind, a.file_name) for a in attachments] == [
        ("document", "견적서.pdf"),
        ("photo", None),
    ]
    assert attachments[0].mime_type == "application/pdf" and attachments[0].file_size
    assert await sotong.services.drafts.get(user.id) is None


async def test_english_owner_submits_anonymously_with_optional_steps_skipped(
    sotong: BotHarness,
) -> None:
    user = await agreed_user(sotong, "Jane", language="en")
    await user.send("/feedback")
    assert "What is it about?" in (user.reply().text or "")
    await user.tap("Funding and support programmes")
    await user.send(PROBLEM_EN)
    assert "🕶 Sent anonymously" in (user.reply().text or "")
    await user.tap("➕ Add details")
    await user.tap("🤔 Not sure")
    await user.tap("Skip ➡️")
    await user.tap("5 · Threatens the business")
    await user.tap("Next ➡️")
    await user.tap("Next ➡️")
    assert "Where is the company?" in (user.reply().text or "")
    await user.tap("Skip company details ➡️")
    review = user.reply().text or ""
    assert "Please check before submitting" in review
    assert "Law or rule: not sure" in review
    assert "Proposal: not given" in review
    assert "Company: not given" in review
    assert "Visibility: anonymous" in review
    await user.tap("✅ Submit")
    receipt = next(m for m in user.replies() if m.text and "Received." in m.text)
    assert "Receipt code: SV-2026-000001" in (receipt.text or "")
    assert "What happens next" in (receipt.text or "")
    stored = await sotong.services.submissions.get_by_code("SV-2026-000001")
    assert stored is not None
    assert stored.submitter is None and stored.content.law_unsure and stored.language == "en"


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_company_profile_is_offered_back_next_time(sotong: BotHarness, language: str) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:funding")
    await user.send(PROBLEM_KO)
    await user.tap(callback_data="fb:vis:named")
    await user.tap(callback_data="fb:more")
    await user.tap(callback_data="fb:skip:law")
    await user.tap(callback_data="fb:skip:proposal")
    await user.tap(callback_data="fb:impact:2")
    await user.tap(callback_data="fb:next:cost")
    await user.tap(callback_data="fb:next:attachments")
    await user.tap(callback_data="fb:region:busan")
    await user.tap(callback_data="fb:size:micro")
    await user.tap(callback_data="fb:industry:manufacturing")
    await user.tap(callback_data="fb:submit")

    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:computing")
    await user.send("농지에 소형 데이터센터를 둘 수 없어 서버를 외부에 맡깁니다.")
    named = "👤 이름을 밝혀 보내요" if language == "ko" else "👤 Sent with your name"
    assert named in (user.reply().text or ""), "the visibility used last time is the default"
    await user.tap(callback_data="fb:more")
    assert "➕ 1/6 " in (user.reply().text or ""), "the company is one screen when offered back"
    await user.tap(callback_data="fb:skip:law")
    await user.tap(callback_data="fb:skip:proposal")
    await user.tap(callback_data="fb:impact:2")
    await user.tap(callback_data="fb:next:cost")
    await user.tap(callback_data="fb:next:attachments")
    offer = user.reply().text or ""
    expected = (
        "부산 · 소상공인 · 제조업" if language == "ko" else "Busan · Micro business · Manufacturing"
    )
    assert expected in offer
    await user.tap(label(language, "feedback.button.profile_same"))
    assert expected in (user.reply().text or "")
    await user.tap(callback_data="fb:submit")
    second = await sotong.services.submissions.get_by_code("SV-2026-000002")
    assert second is not None and second.content.region_id == "busan"


@pytest.mark.parametrize(
    ("language", "typed", "shown", "stored"),
    [
        ("en", "about 2 million won a year", "₩ Money: ₩2,000,000 a year", ("won", "year")),
        ("en", "5 hours a week", "⏱ Time: 5 hours a week", ("hours", "week")),
        ("ko", "월 300만원 정도", "₩ 금액: 월 300만원", ("won", "month")),
        ("ko", "한 번에 300만원", "₩ 금액: 한 번에 300만원", ("won", "one_off")),
        ("ko", "월 200~300만원", "₩ 금액: 월 200만~300만원", ("won", "month")),
    ],
)
async def test_the_cost_is_typed_as_people_say_it_and_said_back(
    sotong: BotHarness, language: str, typed: str, shown: str, stored: tuple[str, str]
) -> None:
    user = await agreed_user(sotong, "Ana", language=language)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:kiosk_access")
    await user.send(PROBLEM_EN)
    await user.tap(callback_data="fb:more")
    await user.tap(callback_data="fb:skip:law")
    await user.tap(callback_data="fb:skip:proposal")
    await user.tap(callback_data="fb:impact:3")
    question = user.reply().text or ""
    assert ("월 300만원 정도" if language == "ko" else "3 million won a month") in question
    await user.send(typed)
    assert shown in (user.reply().text or "")
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None and draft.step.value == "cost"
    cost = draft.content.won_cost if stored[0] == "won" else draft.content.hours_cost
    assert cost is not None and (cost.unit.value, cost.period.value) == stored


async def test_a_bare_number_at_the_cost_question_asks_for_its_unit(sotong: BotHarness) -> None:
    user = await agreed_user(sotong, "민수")
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:kiosk_access")
    await user.send(PROBLEM_KO)
    await user.tap(callback_data="fb:more")
    await user.tap(callback_data="fb:skip:law")
    await user.tap(callback_data="fb:skip:proposal")
    await user.tap(callback_data="fb:impact:3")
    await user.send("40")
    assert "시간이나 원을 붙여" in (user.reply().text or "")
    await user.tap("⏱ 시간")
    await user.send("월 40")
    assert "⏱ 시간: 월 40시간" in (user.reply().text or "")
