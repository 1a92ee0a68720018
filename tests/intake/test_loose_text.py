"""Text typed outside a flow is kept for a report, never met with "I didn't understand that".

After a command or a menu tap parks a report, the next text answers its open question; with no
report, a text long enough to be a problem is kept as one and the topic asked (one tap).
"""

from __future__ import annotations

import pytest

from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_EN, PROBLEM_KO, agreed_user, label

LOOSE = {
    "ko": "안녕하세요 화장품 표시 규제 때문에 너무 힘든데 어디에 말해야 할지 모르겠어요",
    "en": "Hello, the cosmetics labelling rules are making my small shop's life very hard",
}
NOT_UNDERSTOOD = {"ko": "이해하지 못했어요", "en": "didn't understand"}


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_text_outside_a_flow_is_offered_as_a_report(
    sotong: BotHarness, language: str
) -> None:
    owner = await agreed_user(sotong, "민수", language=language)
    await owner.send(LOOSE[language])
    replies = owner.replies()
    assert len(replies) == 1
    assert NOT_UNDERSTOOD[language] not in (replies[0].text or "")
    assert label(language, "feedback.offer_report") in (replies[0].text or "")
    await owner.tap(callback_data="fb:cat:other")
    await owner.tap(label(language, "feedback.button.submit_now"))
    stored = await sotong.services.submissions.get_by_code("SV-2026-000001")
    assert stored is not None and stored.content.problem == LOOSE[language]


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("interruption", ["/my", "/help", "menu"])
async def test_text_after_an_interruption_reaches_the_open_question(
    sotong: BotHarness, language: str, interruption: str
) -> None:
    owner = await agreed_user(sotong, "민수", language=language)
    await owner.send("/feedback")
    await owner.tap(callback_data="fb:cat:ai_copyright")
    if interruption == "menu":
        await owner.send("/help")
        await owner.tap(callback_data="menu:meetings")
    else:
        await owner.send(interruption)
    problem = PROBLEM_KO if language == "ko" else PROBLEM_EN
    await owner.send(problem)
    assert NOT_UNDERSTOOD[language] not in (owner.reply().text or "")
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.problem == problem
    assert str(draft.step) == "ready"
