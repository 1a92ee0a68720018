"""The ready screen's similar reports: found for Korean, shown with nothing another owner typed."""

from __future__ import annotations

import pytest

from tests.fixtures.app import BotHarness
from tests.intake.flow import PERSON, agreed_user, answer_until_ready, label, ready_beside_planted


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_another_owners_law_shows_as_its_canonical_name_and_never_as_typed(
    sotong: BotHarness, language: str
) -> None:
    ready = (await ready_beside_planted(sotong, language=language)).reply()
    text = ready.text or ""
    for typed in PERSON:
        assert typed not in text, f"{typed!r} typed by another owner was shown"
    assert label(language, "feedback.similar_law", law="저작권법") in text
    assert label(language, "feedback.similar_term.copyright") in text
    labels = [[caption for caption, _ in row] for row in ready.keyboard]
    assert labels[0] == [label(language, "feedback.button.submit_now")]
    assert labels[1] == [label(language, "feedback.button.me_too_numbered", number=1)], (
        "support sits below Submit now, out of a habitual tap's way"
    )


async def test_an_unknown_law_is_not_shown_at_all(sotong: BotHarness) -> None:
    other = await ready_beside_planted(sotong, law="김대표 010-1234-5678", proposal="연락 주세요")
    text = other.reply().text or ""
    assert "비슷한 의견이 이미 있어요" in text
    assert "⚖️" not in text and "김대표" not in text and "010" not in text


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_short_draft_finds_the_long_report_about_the_same_question(
    sotong: BotHarness, language: str
) -> None:
    """Issue 20: scored 0.148 against a 0.18 threshold, the long stored text diluting it."""
    owner = await agreed_user(sotong, "민수")
    await answer_until_ready(
        owner,
        category="ai_basic_act",
        problem=(
            "AI 기본법 시행을 앞두고 저희 서비스가 고영향 AI에 해당하는지 판단 기준이 "
            "불분명합니다. 채용 추천 기능이 있는데 이게 고영향인지 아닌지 과기정통부 고시가 "
            "아직 없어서 준비를 못 하고 있어요. 기준이 없으니 법무 비용만 계속 나가고 출시 "
            "일정도 못 잡고 있습니다. 중소기업은 대형 로펌 자문을 받을 여력도 없어요. 업종별 "
            "예시라도 먼저 공개해 주시면 좋겠습니다."
        ),
        anonymous=True,
    )
    await owner.tap(callback_data="fb:submit")
    other = await agreed_user(sotong, "지영", language=language)
    await answer_until_ready(
        other,
        category="ai_basic_act",
        problem="AI 기본법 고영향 AI 판단 기준이 불분명해서 우리 제품이 대상인지 알 수가 없어요",
    )
    assert label(language, "feedback.button.me_too_numbered", number=1) in str(
        other.reply().keyboard
    )
    assert label(language, "feedback.similar_term.high_impact") in (other.reply().text or "")
