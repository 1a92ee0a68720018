"""Every edit path from the review screen, in both languages; discard with confirmation."""

from __future__ import annotations

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.submissions import Visibility
from tests.fixtures.app import BotHarness
from tests.intake.flow import agreed_user, answer_until_review, label

LANGUAGES = ["ko", "en"]


def _review_title(language: str) -> str:
    return "제출 전 확인해 주세요" if language == "ko" else "Please check before submitting"


@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_field_can_be_edited_from_the_review(sotong: BotHarness, language: str) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    await answer_until_review(user, language)
    title = _review_title(language)

    await user.tap(callback_data="fb:edit:category")
    await user.tap(callback_data="fb:cat:kiosk_access")
    assert title in (user.reply().text or "")

    await user.tap(callback_data="fb:edit:problem")
    assert "AI 학습데이터로 쓸 저작물마다" in (user.reply().text or ""), "current text shown"
    await user.send("키오스크 배리어프리 기준을 맞추려면 기기를 모두 바꿔야 합니다.")
    assert "기기를 모두 바꿔야" in (user.reply().text or "")

    await user.tap(callback_data="fb:edit:law")
    await user.send("장애인차별금지법 시행령")
    await user.tap(callback_data="fb:edit:proposal")
    await user.send("소상공인 유예 기간을 주세요.")
    await user.tap(callback_data="fb:edit:impact")
    await user.tap(callback_data="fb:impact:5")
    await user.tap(callback_data="fb:edit:cost")
    await user.tap(callback_data="fb:cost:won")
    await user.send("월 3,000,000")
    await user.tap(callback_data="fb:next:cost")
    assert title in (user.reply().text or "")
    await user.tap(callback_data="fb:edit:attachments")
    await user.upload_document(b"%PDF-1.4 quote", "quote.pdf", mime_type="application/pdf")
    await user.tap(callback_data="fb:next:attachments")
    await user.tap(callback_data="fb:edit:region")
    await user.tap(callback_data="fb:region:jeju")
    await user.tap(callback_data="fb:size:startup")
    await user.tap(callback_data="fb:skip:industry")
    await user.tap(callback_data="fb:edit:visibility")
    await user.tap(callback_data="fb:vis:anonymous")

    review = user.reply().text or ""
    assert title in review
    ko = language == "ko"
    for expected in (
        "키오스크 접근성(배리어프리) 기준"
        if ko
        else "Kiosk accessibility (barrier-free) standards",
        "장애인차별금지법 시행령",
        "소상공인 유예 기간",
        label(language, "feedback.button.impact.5"),
        "월 300만원" if ko else "₩3,000,000 a month",
        "1개" if ko else "1 file(s)",
        "제주 · 스타트업" if ko else "Jeju · Startup",
        "익명" if ko else "anonymous",
    ):
        assert expected in review, expected

    await user.tap(callback_data="fb:submit")
    stored = await sotong.services.submissions.get_by_code("SV-2026-000001")
    assert stored is not None
    assert stored.category_id == "kiosk_access" and stored.content.impact == 5
    assert stored.content.won_cost == Cost(CostUnit.WON, CostPeriod.MONTH, 3_000_000, 3_000_000)
    assert stored.content.hours_cost is None
    assert (
        stored.content.region_id,
        stored.content.company_size_id,
        stored.content.industry_id,
    ) == (
        "jeju",
        "startup",
        None,
    )
    assert stored.visibility is Visibility.ANONYMOUS and stored.submitter is None


@pytest.mark.parametrize("language", LANGUAGES)
async def test_back_leaves_a_field_unchanged_and_cost_can_be_cleared(
    sotong: BotHarness, language: str
) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    await answer_until_review(user, language)
    before = user.reply().text
    for step in ("category", "problem", "law", "proposal", "impact", "visibility"):
        await user.tap(callback_data=f"fb:edit:{step}")
        await user.tap(label(language, "feedback.button.back"))
        assert user.reply().text == before, step
    await user.tap(callback_data="fb:edit:cost")
    await user.tap(callback_data="fb:cost:hours")
    await user.tap(label(language, "feedback.button.back"))
    await user.tap(callback_data="fb:cost:hours")
    await user.send("월 12")
    await user.tap(label(language, "feedback.button.cost_clear"))
    await user.tap(callback_data="fb:next:cost")
    assert user.reply().text == before
    await user.tap(callback_data="fb:edit:attachments")
    await user.upload_photo(b"photo-1")
    await user.tap(label(language, "feedback.button.attachments_clear"))
    await user.tap(callback_data="fb:next:attachments")
    assert user.reply().text == before


@pytest.mark.parametrize("language", LANGUAGES)
async def test_discard_asks_first_and_can_go_back(sotong: BotHarness, language: str) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    await answer_until_review(user, language)
    review = user.reply()
    await user.tap(label(language, "feedback.button.discard"))
    confirm = user.reply()
    assert confirm.message_id == review.message_id
    assert ("되돌릴 수 없어요" if language == "ko" else "cannot be undone") in (confirm.text or "")
    await user.tap(label(language, "feedback.button.discard_no"))
    assert user.reply().text == review.text
    await user.tap(label(language, "feedback.button.discard"))
    await user.tap(label(language, "feedback.button.discard_yes"))
    assert ("초안을 버렸어요" if language == "ko" else "Draft discarded") in (
        user.reply().text or ""
    )
    assert await sotong.services.drafts.get(user.id) is None
    assert await sotong.services.submissions.count_for_owner(user.id) == 0
