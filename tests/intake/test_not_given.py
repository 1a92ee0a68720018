"""What the owner skipped reads "미입력" / "not given" in /my and /status, never "없음" / "none".

"어려움 정도: 없음 / 비용: 없음" reads as "no difficulty, no cost": a claim the owner never made.
"""

from __future__ import annotations

import pytest

from domain.submissions import NewSubmission, ReportContent, Visibility
from sandbox.emulator import ScriptedUser
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_EN, PROBLEM_KO, agreed_user, answer_until_review, label

SKIPPED = {
    "ko": ("<b>어려움 정도</b>: 미입력", "<b>비용</b>: 미입력", "<b>회사 정보</b>: 미입력"),
    "en": ("<b>Impact</b>: not given", "<b>Cost</b>: not given", "<b>Company</b>: not given"),
}
EVIDENCE = {"ko": "<b>증빙 자료</b>: 미입력", "en": "<b>Evidence</b>: not given"}
NONE = {"ko": ": 없음", "en": ": none"}


async def _sent_quickly(sotong: BotHarness, language: str) -> tuple[ScriptedUser, str]:
    """An owner who sent a report by the quick path (topic and problem only), and its code."""
    owner = await agreed_user(sotong, "민수", language=language)
    await owner.send("/feedback")
    await owner.tap(callback_data="fb:cat:other")
    await owner.send(PROBLEM_KO if language == "ko" else PROBLEM_EN)
    await owner.tap(label(language, "feedback.button.submit_now"))
    receipt = next(m.text for m in owner.replies() if m.text and "SV-" in m.text)
    return owner, next(word for word in receipt.split() if word.startswith("SV-"))


def _html(owner: ScriptedUser) -> str:
    reply = owner.reply()
    return reply.html or reply.text or ""


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_skipped_fields_read_not_given_in_my_and_status(
    sotong: BotHarness, language: str
) -> None:
    owner, code = await _sent_quickly(sotong, language)
    await owner.send(f"/status {code}")
    shown = {"/status": _html(owner)}
    await owner.send("/my")
    await owner.tap(code)
    shown["/my"] = _html(owner)
    for where, text in shown.items():
        for line in (*SKIPPED[language], EVIDENCE[language]):
            assert line in text, f"{where}: {line!r} missing from\n{text}"
        assert NONE[language] not in text, f"{where} still says none:\n{text}"


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_given_fields_still_read_as_given(sotong: BotHarness, language: str) -> None:
    """A region alone shows as the company; the lines still skipped stay "not given"."""
    owner = await agreed_user(sotong, "민수", language=language)
    new = NewSubmission(
        user_id=owner.id,
        visibility=Visibility.ANONYMOUS,
        submitter_name=None,
        submitter_username=None,
        content=ReportContent(
            category_id="other",
            problem=PROBLEM_KO,
            impact=4,
            region_id="seoul",
        ),
        language=language,
        attachments=(),
    )
    stored = await sotong.repositories.submissions.create(new, year=2026, now=sotong.clock.now())
    await owner.send(f"/status {stored.receipt_code}")
    text = _html(owner)
    assert ("<b>어려움 정도</b>: 4/5" if language == "ko" else "<b>Impact</b>: 4/5") in text
    assert ("<b>회사 정보</b>: 서울" if language == "ko" else "<b>Company</b>: Seoul") in text
    assert SKIPPED[language][1] in text and EVIDENCE[language] in text


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_the_draft_review_says_not_given_for_skipped_fields(
    sotong: BotHarness, language: str
) -> None:
    owner = await agreed_user(sotong, "민수", language=language)
    await answer_until_review(owner, language)
    review = _html(owner)
    given = "미입력" if language == "ko" else "not given"
    assert given in review, review
    assert NONE[language] not in review, review
