"""What owners type is never lost around an interruption, nor before they consented.

A command or a tap in the middle of a report parks it and its answer says how to come back;
text typed then reaches the open question, naming a button or typed, and a sentence the
question cannot take is offered back (one tap adds it to the problem). A sentence typed by
someone who has not agreed to the notice is answered with the notice: agreeing starts the
report with it, declining keeps nothing.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.drafts import DraftStep
from domain.inputs import HELD_TEXT
from sandbox.emulator import ScriptedUser
from tests.delivery.support import add_meeting
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_EN, PROBLEM_KO, agreed_user, at_impact, label

NOT_UNDERSTOOD = {"ko": "이해하지 못했어요", "en": "didn't understand"}
MORE = {
    "ko": "그리고 인증 한 건마다 300만원씩 들어서 매번 포기하게 돼요",
    "en": "And each certificate costs three million won, so we give up every time",
}
LOOSE = {
    "ko": "안녕하세요 화장품 표시 규제 때문에 너무 힘든데 어디에 말해야 할지 모르겠어요",
    "en": "Hello, the cosmetics labelling rules are making my small shop's life very hard",
}
PROBLEM = {"ko": PROBLEM_KO, "en": PROBLEM_EN}


def _text(user: ScriptedUser) -> str:
    return user.reply().text or ""


async def _at_ready(sotong: BotHarness, language: str) -> ScriptedUser:
    owner = await agreed_user(sotong, "민수", language=language)
    await owner.send("/feedback")
    await owner.tap(callback_data="fb:cat:ai_copyright")
    await owner.send(PROBLEM[language])
    return owner


async def _interrupt(owner: ScriptedUser, how: str) -> None:
    """Park the report: a command, a menu tap, or an older message's button."""
    if how.startswith("/"):
        await owner.send(how)
    else:
        await owner.tap(callback_data=how, message_id=_first_menu(owner))


def _first_menu(owner: ScriptedUser) -> int:
    """The menu shown when the owner agreed, long before the report: an older message."""
    return next(
        m.message_id
        for m in owner.transcript
        if m.sender == "bot" and any(d == "menu:my" for row in m.keyboard for _, d in row)
    )


# --------------------------------------------------------------------------- the way back


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("how", ["/my", "/help", "/meetings", "menu:meetings", "menu:subscribe"])
async def test_the_answer_to_an_interruption_says_how_to_come_back(
    sotong: BotHarness, language: str, how: str
) -> None:
    owner = await at_impact(sotong, language)
    await _interrupt(owner, how)
    replies = owner.replies()
    assert len(replies) == 1
    assert label(language, "kept.paused_note") in (replies[0].text or "")


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("old", ["meet:show", "sub:cats"])
async def test_an_older_messages_button_says_how_to_come_back_too(
    sotong: BotHarness, language: str, old: str
) -> None:
    owner = await agreed_user(sotong, "민수", language=language)
    meeting = await add_meeting(sotong, sotong.services.clock.now() + timedelta(days=5))
    await owner.send("/meetings")
    await owner.send("/subscribe")
    await owner.send("/feedback")
    await owner.tap(callback_data="fb:cat:ai_copyright")
    await owner.send(PROBLEM[language])
    await owner.tap(callback_data="fb:more")
    data = f"meet:show:{meeting.id}" if old == "meet:show" else old
    older = next(
        m.message_id
        for m in owner.transcript
        if m.sender == "bot" and any(d == data for row in m.keyboard for _, d in row)
    )
    await owner.tap(callback_data=data, message_id=older)
    replies = owner.replies()
    assert len(replies) == 1
    assert label(language, "kept.paused_note") in (replies[0].text or "")


async def test_the_reports_own_buttons_and_cancel_say_nothing_of_a_pause(
    sotong: BotHarness,
) -> None:
    owner = await at_impact(sotong, "ko")
    await owner.tap(callback_data="fb:impact:3")
    assert label("ko", "kept.paused_note") not in _text(owner)
    await owner.send("/cancel")
    assert label("ko", "kept.paused_note") not in _text(owner)


# --------------------------------------------------------------------------- button steps


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("typed", ["4", "label"])
async def test_a_button_named_after_an_interruption_answers_the_question(
    sotong: BotHarness, language: str, typed: str
) -> None:
    owner = await at_impact(sotong, language)
    await owner.send("/my")
    answer = "4" if typed == "4" else label(language, "feedback.button.impact.4")
    await owner.send(answer)
    assert NOT_UNDERSTOOD[language] not in _text(owner)
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.impact == 4
    assert draft.step is DraftStep.COST


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_region_named_after_a_menu_tap_is_stored(sotong: BotHarness, language: str) -> None:
    owner = await at_impact(sotong, language)
    await owner.tap(callback_data="fb:skip:impact")
    await owner.tap(callback_data="fb:next:cost")
    await owner.tap(callback_data="fb:next:attachments")
    await _interrupt(owner, "menu:meetings")
    await owner.send("서울특별시" if language == "ko" else "Seoul")
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.region_id == "seoul"
    assert draft.step is DraftStep.SIZE


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_sentence_at_a_button_step_is_offered_and_added(
    sotong: BotHarness, language: str
) -> None:
    owner = await at_impact(sotong, language)
    await owner.send("/help")
    await owner.send(MORE[language])
    replies = owner.replies()
    assert len(replies) == 1
    assert label(language, "kept.offer_add") in (replies[0].text or "")
    await owner.tap(label(language, "kept.button.add"))
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.problem == f"{PROBLEM_KO}\n\n{MORE[language]}"
    assert draft.step is DraftStep.IMPACT
    assert label(language, "kept.added") in _text(owner)
    await owner.send("4")  # the question is open again: the next text answers it
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.impact == 4


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_sentence_at_an_open_button_step_is_offered_and_added(
    sotong: BotHarness, language: str
) -> None:
    """No interruption: the severity is asked and a sentence is typed instead of a choice."""
    owner = await at_impact(sotong, language)
    await owner.send(MORE[language])
    replies = owner.replies()
    assert len(replies) == 1
    assert label(language, "kept.offer_add") in (replies[0].text or "")
    await owner.tap(label(language, "kept.button.add"))
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.problem == f"{PROBLEM_KO}\n\n{MORE[language]}"
    assert draft.step is DraftStep.IMPACT
    assert label(language, "kept.added") in _text(owner)
    await owner.send("4")
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.impact == 4


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_short_text_at_an_open_button_step_gets_the_hint(
    sotong: BotHarness, language: str
) -> None:
    owner = await at_impact(sotong, language)
    await owner.send("음")
    assert _text(owner) == label(language, "feedback.hint.impact")
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.problem == PROBLEM_KO


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("how", ["/my", "menu:meetings"])
async def test_a_sentence_at_the_ready_screen_is_offered_and_added(
    sotong: BotHarness, language: str, how: str
) -> None:
    owner = await _at_ready(sotong, language)
    await _interrupt(owner, how)
    await owner.send(MORE[language])
    assert NOT_UNDERSTOOD[language] not in _text(owner)
    await owner.tap(label(language, "kept.button.add"))
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.step is DraftStep.READY
    assert draft.content.problem == f"{PROBLEM[language]}\n\n{MORE[language]}"
    await owner.tap(callback_data="fb:submit")
    stored = await sotong.services.submissions.get_by_code("SV-2026-000001")
    assert stored is not None and MORE[language] in (stored.content.problem or "")


async def test_going_on_without_the_sentence_keeps_the_problem(sotong: BotHarness) -> None:
    owner = await _at_ready(sotong, "ko")
    await owner.send("/my")
    await owner.send(MORE["ko"])
    await owner.tap(label("ko", "kept.button.skip"))
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.problem == PROBLEM_KO
    assert draft.step is DraftStep.READY
    assert await sotong.services.forms.get(owner.id, HELD_TEXT) is None


async def test_an_older_offer_never_adds_a_newer_sentence(sotong: BotHarness) -> None:
    owner = await _at_ready(sotong, "ko")
    await owner.send("/my")
    await owner.send(MORE["ko"])
    older = owner.reply().message_id
    await owner.send("/help")
    newer = "그리고 담당 공무원마다 해석이 달라서 서류를 세 번이나 다시 냈어요"
    await owner.send(newer)
    await owner.tap(label("ko", "kept.button.add"), message_id=older)
    assert owner.last_toast is not None
    assert owner.last_toast.text == label("ko", "kept.offer_gone")
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.problem == PROBLEM_KO
    await owner.tap(label("ko", "kept.button.add"))
    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None and draft.content.problem == f"{PROBLEM_KO}\n\n{newer}"


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_short_text_at_a_button_step_asks_the_question_again(
    sotong: BotHarness, language: str
) -> None:
    owner = await at_impact(sotong, language)
    await owner.send("/my")
    await owner.send("음")
    reply = owner.reply()
    assert NOT_UNDERSTOOD[language] not in (reply.text or "")
    assert "fb:impact:4" in [data for row in reply.keyboard for _, data in row]
    question = await sotong.services.forms.open_question(owner.id)
    assert question is not None and question.step == "impact"


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_refused_figure_after_an_interruption_asks_again(
    sotong: BotHarness, language: str
) -> None:
    owner = await at_impact(sotong, language)
    await owner.tap(callback_data="fb:skip:impact")
    await owner.tap(callback_data="fb:cost:won")
    await owner.send("/my")
    await owner.send("많이요")
    assert NOT_UNDERSTOOD[language] not in _text(owner)
    question = await sotong.services.forms.open_question(owner.id)
    assert question is not None and question.step == "cost_won"


# --------------------------------------------------------------------------- consent first


async def _without_consent(sotong: BotHarness, language: str) -> ScriptedUser:
    """Someone who chose a language and did not agree to the notice."""
    user = sotong.user("지영", language_code=language)
    await user.send("/start")
    await user.tap(callback_data=f"start:lang:{language}")
    await user.tap(label(language, "privacy.button.decline"))
    return user


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_sentence_before_consent_starts_the_report_once_agreed(
    sotong: BotHarness, language: str
) -> None:
    user = await _without_consent(sotong, language)
    await user.send(LOOSE[language])
    replies = user.replies()
    assert len(replies) == 1
    assert label(language, "kept.consent_offer") in (replies[0].text or "")
    assert await sotong.services.drafts.get(user.id) is None  # nothing stored yet
    await user.tap(label(language, "kept.button.agree"))
    assert label(language, "kept.agreed_report") in _text(user)
    await user.tap(callback_data="fb:cat:other")
    await user.tap(label(language, "feedback.button.submit_now"))
    stored = await sotong.services.submissions.get_by_code("SV-2026-000001")
    assert stored is not None and stored.content.problem == LOOSE[language]


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_sentence_from_a_newcomer_gets_the_notice(
    sotong: BotHarness, language: str
) -> None:
    user = sotong.user("지영", language_code=language)
    await user.send(LOOSE[language])
    assert label(language, "kept.consent_offer") in _text(user)
    await user.tap(label(language, "kept.button.agree"))
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None and draft.content.problem == LOOSE[language]


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_declining_keeps_nothing_of_the_sentence(sotong: BotHarness, language: str) -> None:
    user = await _without_consent(sotong, language)
    await user.send(LOOSE[language])
    await user.tap(
        callback_data=next(d for row in user.reply().keyboard for _, d in row if "decline" in d)
    )
    assert label(language, "kept.declined") in _text(user)
    assert await sotong.services.drafts.get(user.id) is None
    assert await sotong.services.forms.get(user.id, HELD_TEXT) is None
    stored = await sotong.repositories.users.get(user.id)
    assert stored is not None and not stored.has_consent(sotong.services.privacy.notice_version)
    await user.send("/privacy")  # agreeing later does not bring the sentence back
    await user.tap(label(language, "privacy.button.agree"))
    assert await sotong.services.drafts.get(user.id) is None


async def test_a_short_text_before_consent_gets_the_menu(sotong: BotHarness) -> None:
    user = await _without_consent(sotong, "ko")
    await user.send("안녕하세요")
    assert NOT_UNDERSTOOD["ko"] in _text(user)
