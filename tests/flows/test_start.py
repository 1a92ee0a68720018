"""/start end to end: language, privacy notice, consent, menu, and a restart in the middle."""

from __future__ import annotations

import pytest

from domain.users import ConsentState
from tests.fixtures.app import BotHarness


async def test_korean_newcomer_agrees_and_reaches_the_menu(sotong: BotHarness) -> None:
    user = sotong.user("민수", language_code="ko", username="minsu")
    await user.send("/start")
    picker = user.reply()
    assert "사용할 언어를 골라 주세요" in (picker.text or "")
    assert picker.buttons == ["한국어 ✓", "English"]

    await user.tap("한국어 ✓")
    notice = user.reply()
    assert "개인정보 수집·이용 및 제3자 제공 안내" in (notice.text or "")
    assert "3년" in (notice.text or "")
    assert notice.buttons == ["✅ 동의", "동의하지 않음"]
    assert user.transcript[-2].text == "언어: 한국어"

    await user.tap("✅ 동의")
    assert "무엇을 도와드릴까요?" in (user.reply().text or "")
    assert "동의해 주셔서 감사합니다" in " ".join(m.text or "" for m in user.replies())
    stored = await sotong.repositories.users.get(user.id)
    assert stored is not None
    assert stored.has_consent(sotong.services.privacy.notice_version)
    assert stored.display_name == "민수"
    assert stored.username == "minsu"
    assert stored.language == "ko"


async def test_english_client_gets_english_preselected_and_can_decline(sotong: BotHarness) -> None:
    user = sotong.user("Jane", language_code="en-GB", username="jane")
    await user.send("/start")
    picker = user.reply()
    assert "Please choose your language" in (picker.text or "")
    assert picker.buttons == ["한국어", "English ✓"]

    await user.tap("English ✓")
    assert "How we use and share your personal information" in (user.reply().text or "")

    await user.tap("I do not agree")
    texts = " ".join(m.text or "" for m in user.replies())
    assert "You did not agree" in texts
    assert "meetings and" in texts
    stored = await sotong.repositories.users.get(user.id)
    assert stored is not None
    assert stored.consent_state is ConsentState.DECLINED
    assert stored.display_name is None
    assert stored.username is None


async def test_choosing_the_other_language_switches_everything(sotong: BotHarness) -> None:
    user = sotong.user("Kim", language_code="ko")
    await user.send("/start")
    await user.tap("English")
    assert user.transcript[-2].text == "Language: English"
    assert "How we use and share your personal information" in (user.reply().text or "")
    assert user.commands[0]["description"] == "Get started"


async def test_wrong_input_during_start_gets_a_hint_and_keeps_the_step(sotong: BotHarness) -> None:
    user = sotong.user("민수")
    await user.send("/start")
    await user.send("안녕하세요")
    assert "버튼을 눌러 주세요" in (user.reply().text or "")
    await user.send_sticker()
    assert "버튼을 눌러 주세요" in (user.reply().text or "")
    await user.tap("한국어 ✓")
    await user.send("그냥 쓸게요")
    assert "동의" in (user.reply().text or "")
    await user.tap("✅ 동의")
    assert "무엇을 도와드릴까요?" in (user.reply().text or "")


async def test_restart_in_the_middle_of_start_resumes_where_the_user_was(
    sotong: BotHarness,
) -> None:
    user = sotong.user("민수")
    await user.send("/start")
    await user.tap("한국어 ✓")
    await sotong.restart()
    await user.send("무슨 말인지 모르겠어요")
    assert "위 안내를 읽고" in (user.reply().text or ""), "the step was forgotten"
    await user.tap("✅ 동의")
    assert "무엇을 도와드릴까요?" in (user.reply().text or "")


async def test_restart_while_choosing_language_resumes(sotong: BotHarness) -> None:
    user = sotong.user("민수")
    await user.send("/start")
    await sotong.restart()
    await user.tap("한국어 ✓")
    assert "개인정보 수집·이용 및 제3자 제공 안내" in (user.reply().text or "")


async def test_returning_user_gets_the_menu_straight_away(sotong: BotHarness) -> None:
    user = sotong.user("민수")
    await user.send("/start")
    await user.tap("한국어 ✓")
    await user.tap("✅ 동의")
    await user.send("/start")
    (welcome,) = user.replies()
    assert (welcome.text or "").startswith("다시 오셨네요, 반가워요!\n\n무엇을 도와드릴까요?")
    assert "📝 의견 보내기" in welcome.buttons


@pytest.mark.parametrize(
    ("language_code", "button", "expected"),
    [("ko", "한국어 ✓", "멈췄어요"), ("en", "English ✓", "Stopped")],
)
async def test_cancel_leaves_start(
    sotong: BotHarness, language_code: str, button: str, expected: str
) -> None:
    user = sotong.user("Lee", language_code=language_code)
    await user.send("/start")
    await user.tap(button)
    await user.send("/cancel")
    assert expected in (user.reply().text or "")
    await user.send("hello")
    assert user.replies()[0].text in {
        "이 메시지는 이해하지 못했어요. 아래 메뉴에서 골라 주세요.",
        "I didn't understand that. Please pick from the menu below.",
    }
