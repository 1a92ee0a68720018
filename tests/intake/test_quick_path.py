"""Issue 12.1: from /feedback to a receipt in a few actions, details before or after submitting.

Every action is counted as a person makes it (a message typed or a button tapped), and each
one gets exactly one message back, new or edited.
"""

from __future__ import annotations

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.submissions import SubmissionStatus, Visibility
from sandbox.emulator import ChatMessage, ScriptedUser
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_EN, PROBLEM_KO, agreed_user, label

QUICK_PATH_LIMIT = 6

TEXTS = {
    "ko": {
        "topic": "AI 학습데이터·저작권 (TDM)",
        "problem": PROBLEM_KO,
        "ready": "이대로 보낼 수 있어요",
        "anonymous": "🕶 익명으로 보내요",
        "receipt": "접수됐어요",
        "details_title": "에 자세히 덧붙이기",
        "saved": "에 덧붙였어요",
    },
    "en": {
        "topic": "AI training data and copyright (TDM)",
        "problem": PROBLEM_EN,
        "ready": "Ready to send",
        "anonymous": "🕶 Sent anonymously",
        "receipt": "Received.",
        "details_title": "Adding details to",
        "saved": "Added to",
    },
}


class CountedUser:
    """A scripted user whose every action is counted and must get exactly one reply."""

    def __init__(self, user: ScriptedUser) -> None:
        self.user = user
        self.actions = 0

    def _one_reply(self, what: str) -> str:
        self.actions += 1
        replies = self.user.replies()
        assert len(replies) == 1, (what, [reply.text for reply in replies])
        return replies[0].text or ""

    async def send(self, text: str) -> str:
        await self.user.send(text)
        return self._one_reply(text)

    async def tap(self, button: str) -> str:
        await self.user.tap(button)
        return self._one_reply(button)


async def _sent_quickly(sotong: BotHarness) -> tuple[ScriptedUser, ChatMessage]:
    """An owner who sent one report by the quick path, and its receipt."""
    owner = await agreed_user(sotong, "민수")
    await owner.send("/feedback")
    await owner.tap(callback_data="fb:cat:other")
    await owner.send(PROBLEM_KO)
    await owner.tap(callback_data="fb:submit")
    return owner, owner.reply()


def _code(text: str) -> str:
    return next(word for word in text.split() if word.startswith("SV-"))


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_the_quick_path_takes_four_actions_from_feedback_to_a_receipt(
    sotong: BotHarness, language: str
) -> None:
    texts = TEXTS[language]
    owner = CountedUser(await agreed_user(sotong, "민수", language=language))
    assert "1/2" in await owner.send("/feedback")
    assert "2/2" in await owner.tap(texts["topic"])
    ready = await owner.send(texts["problem"])
    assert texts["ready"] in ready and texts["anonymous"] in ready
    assert texts["problem"][:20] in ready, "the report is summed up in one line"
    receipt = await owner.tap(label(language, "feedback.button.submit_now"))
    assert texts["receipt"] in receipt
    assert owner.actions == 4 <= QUICK_PATH_LIMIT

    stored = await sotong.services.submissions.get_by_code(_code(receipt))
    assert stored is not None and stored.status is SubmissionStatus.RECEIVED
    assert stored.visibility is Visibility.ANONYMOUS and stored.submitter is None
    assert stored.problem == texts["problem"] and stored.content.impact is None
    assert (
        stored.content.law_or_rule is None
        and stored.content.hours_cost is None
        and stored.content.won_cost is None
    )
    assert label(language, "feedback.button.add_details_later") in owner.user.reply().buttons
    assert await sotong.services.drafts.get(owner.user.id) is None


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_the_full_path_asks_every_detail_with_a_truthful_counter(
    sotong: BotHarness, language: str
) -> None:
    texts = TEXTS[language]
    owner = CountedUser(await agreed_user(sotong, "민수", language=language, username="minsu"))
    await owner.send("/feedback")
    await owner.tap(texts["topic"])
    await owner.send(texts["problem"])
    await owner.tap(label(language, "feedback.button.make_named"))
    counters = [await owner.tap(label(language, "feedback.button.add_details"))]
    counters.append(await owner.send("저작권법 제35조의5"))
    counters.append(await owner.send("TDM 면책 조항을 명확히 해 주세요."))
    counters.append(await owner.tap(label(language, "feedback.button.impact.4")))
    await owner.send("월 300만원 정도" if language == "ko" else "3 million won a month")
    counters.append(await owner.tap(label(language, "feedback.button.next")))
    await owner.user.upload_document(b"%PDF-1.4 quote", "quote.pdf", mime_type="application/pdf")
    owner.actions += 1
    counters.append(await owner.tap(label(language, "feedback.button.next")))
    await owner.user.tap(callback_data="fb:region:seoul")
    owner.actions += 1
    counters.append(owner.user.reply().text or "")
    await owner.user.tap(callback_data="fb:size:small")
    owner.actions += 1
    counters.append(owner.user.reply().text or "")
    await owner.user.tap(callback_data="fb:industry:ict")
    owner.actions += 1
    for number, shown in enumerate(counters[:8], start=1):
        assert f"➕ {number}/8 " in shown, (number, shown)
    review = owner.user.reply().text or ""
    assert "/8" not in review
    receipt = await owner.tap(label(language, "feedback.button.submit"))
    assert owner.actions == 16
    stored = await sotong.services.submissions.get_by_code(_code(receipt))
    assert stored is not None and stored.visibility is Visibility.NAMED
    assert stored.content.law_or_rule == "저작권법 제35조의5" and stored.content.impact == 4
    assert stored.content.won_cost == Cost(CostUnit.WON, CostPeriod.MONTH, 3_000_000, 3_000_000)
    assert (
        stored.content.region_id,
        stored.content.company_size_id,
        stored.content.industry_id,
    ) == (
        "seoul",
        "small",
        "ict",
    )
    assert len(await sotong.services.submissions.attachments(stored.id)) == 1


async def test_one_skip_skips_the_whole_company_section(sotong: BotHarness) -> None:
    owner = await agreed_user(sotong, "민수")
    await owner.send("/feedback")
    await owner.tap(callback_data="fb:cat:other")
    await owner.send(PROBLEM_KO)
    await owner.tap(callback_data="fb:more")
    for data in ("fb:skip:law", "fb:skip:proposal", "fb:skip:impact"):
        await owner.tap(callback_data=data)
    await owner.tap(callback_data="fb:next:cost")
    await owner.tap(callback_data="fb:next:attachments")
    await owner.tap(callback_data="fb:region:busan")
    await owner.tap("회사 정보 건너뛰기 ➡️")
    review = owner.reply().text or ""
    assert "제출 전 확인해 주세요" in review and "부산" in review
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.region_id == "busan"
    assert (
        draft.content.company_size_id is None
        and draft.content.industry_id is None
        and draft.content.impact is None
    )


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_details_are_added_to_the_report_after_submitting(
    sotong: BotHarness, language: str
) -> None:
    texts = TEXTS[language]
    owner = CountedUser(await agreed_user(sotong, "민수", language=language))
    await owner.send("/feedback")
    await owner.tap(texts["topic"])
    await owner.send(texts["problem"])
    code = _code(await owner.tap(label(language, "feedback.button.submit_now")))

    receipt = owner.user.reply()
    review = await owner.tap(label(language, "feedback.button.add_details_later"))
    assert texts["details_title"] in review and code in review
    assert owner.user.reply().message_id != receipt.message_id, "the receipt stays in the chat"
    assert code in (sotong.emulator.message(owner.user.id, receipt.message_id).text or "")
    buttons = owner.user.reply().buttons
    assert label(language, "feedback.button.edit.problem") not in buttons
    assert label(language, "feedback.button.edit.visibility") not in buttons
    await owner.tap(label(language, "feedback.button.edit.law"))
    assert texts["details_title"] in await owner.send("농지법 시행령")
    await owner.tap(label(language, "feedback.button.edit.impact"))
    await owner.tap(label(language, "feedback.button.impact.5"))
    await owner.tap(label(language, "feedback.button.edit.cost"))
    await owner.send("한 번에 300만원" if language == "ko" else "3 million won once")
    await owner.tap(label(language, "feedback.button.next"))
    saved = await owner.tap(label(language, "feedback.button.save_details"))
    assert texts["saved"] in saved and code in saved

    stored = await sotong.services.submissions.get_by_code(code)
    assert (
        stored is not None
        and stored.content.law_or_rule == "농지법 시행령"
        and stored.content.impact == 5
    )
    assert stored.content.won_cost == Cost(CostUnit.WON, CostPeriod.ONE_OFF, 3_000_000, 3_000_000)
    assert stored.problem == texts["problem"] and stored.visibility is Visibility.ANONYMOUS
    assert await sotong.services.submissions.count_for_owner(owner.user.id) == 1
    assert await sotong.services.drafts.get(owner.user.id) is None


async def test_details_can_be_added_from_my_while_the_report_is_open(sotong: BotHarness) -> None:
    owner, receipt = await _sent_quickly(sotong)
    await owner.send("/my")
    await owner.tap(callback_data="my:open:1:0")
    more = label("ko", "feedback.button.add_details_later")
    assert more in owner.reply().buttons
    await owner.tap(more)
    assert "SV-2026-000001에 자세히 덧붙이기" in (owner.reply().text or "")
    await owner.tap(label("ko", "feedback.button.drop_details"))
    assert "보낸 의견은 그대로 남아요" in (owner.reply().text or "")
    await owner.tap(label("ko", "feedback.button.discard_yes"))
    assert "보낸 의견은 그대로예요" in (owner.reply().text or "")

    await sotong.repositories.submissions.change_status(
        1, SubmissionStatus.CLOSED, actor_id=1, note=None, now=sotong.clock.now()
    )
    await owner.tap(more, message_id=receipt.message_id)
    assert "더 덧붙일 수 없어요" in (owner.reply().text or "")
    assert await sotong.services.drafts.get(owner.id) is None
    await owner.send("/my")
    await owner.tap(callback_data="my:open:1:0")
    assert more not in owner.reply().buttons


async def test_adding_details_never_overwrites_an_unfinished_report(sotong: BotHarness) -> None:
    owner, receipt = await _sent_quickly(sotong)
    await owner.send("/feedback")
    await owner.tap(callback_data="fb:cat:funding")
    await owner.send("지원사업 서류가 너무 많아서 신청을 포기했습니다.")
    await owner.tap(label("ko", "feedback.button.add_details_later"), message_id=receipt.message_id)
    assert "작성 중인 의견이 있어요" in (owner.reply().text or "")
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.amends is None and draft.content.category_id == "funding"
    await owner.tap(label("ko", "feedback.button.continue"))
    assert "이대로 보낼 수 있어요" in (owner.reply().text or "")


async def test_text_typed_at_the_ready_screen_is_added_to_the_problem(sotong: BotHarness) -> None:
    owner = CountedUser(await agreed_user(sotong, "민수"))
    await owner.send("/feedback")
    await owner.tap(TEXTS["ko"]["topic"])
    await owner.send(PROBLEM_KO)
    ready = await owner.send("그리고 해외 기업은 이미 학습에 쓰고 있어요.")
    assert TEXTS["ko"]["ready"] in ready
    draft = await sotong.services.drafts.get(owner.user.id)
    assert draft is not None
    assert draft.content.problem == f"{PROBLEM_KO}\n\n그리고 해외 기업은 이미 학습에 쓰고 있어요."
    await owner.tap(label("ko", "feedback.button.submit_now"))
    stored = await sotong.services.submissions.get(1)
    assert stored is not None and stored.content.problem == draft.content.problem
