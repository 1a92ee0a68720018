"""Nothing typed is lost: a pending question never swallows text meant for a newer one.

Each pending state (the language, the consent, an admin's answer, a content form, a feedback
step) is left open while the person goes elsewhere with a command or a button; the text typed
after the newer prompt must reach the newer prompt, and the older form must still be there.
"""

from __future__ import annotations

from domain.drafts import DraftStep
from domain.submissions import SubmissionStatus
from tests.admin.support import onboard, open_label, submit
from tests.fixtures.app import ADMIN_ID, BotHarness
from tests.intake.flow import PROBLEM_KO, agreed_user

ANSWER = "과태료 기준은 내년 상반기 시행령에서 정해요."


async def _answer_from_inbox(sotong: BotHarness, code: str) -> None:
    admin = sotong.admin()
    await admin.send("/inbox")
    await admin.tap(open_label(admin, code))
    await admin.tap("✍️ 답변 작성")
    await admin.send(ANSWER)
    await admin.tap("📤 보내기")


async def _answered(sotong: BotHarness, submission_id: int) -> bool:
    stored = await sotong.services.submissions.get(submission_id)
    assert stored is not None
    return stored.status is SubmissionStatus.ANSWERED


async def test_admin_who_left_the_language_question_open_can_answer(sotong: BotHarness) -> None:
    submission = await submit(sotong, 5001)
    admin = sotong.admin()
    await admin.send("/start")
    assert "한국어" in " ".join(admin.reply().buttons)
    await _answer_from_inbox(sotong, submission.receipt_code)
    assert "위의 한국어 또는 English 버튼을" not in " ".join(m.text or "" for m in admin.replies())
    assert await _answered(sotong, submission.id)


async def test_text_while_the_language_question_is_open_gets_its_hint(sotong: BotHarness) -> None:
    user = sotong.user("지민")
    await user.send("/start")
    await user.send("안녕하세요")
    assert "버튼을 눌러 주세요" in (user.reply().text or "")
    assert await sotong.services.forms.open_question(user.id) is not None


async def test_a_command_parks_the_consent_question(sotong: BotHarness) -> None:
    user = sotong.user("지민")
    await user.send("/start")
    await user.tap("한국어")
    await user.send("/help")
    assert await sotong.services.forms.open_question(user.id) is None
    await user.send("그냥 궁금해서요")
    assert "동의" not in (user.reply().text or "").split("\n")[0]
    assert "이해하지 못했어요" in (user.reply().text or "")


async def test_admin_answer_typed_during_a_content_form_reaches_the_answer(
    sotong: BotHarness,
) -> None:
    submission = await submit(sotong, 5001)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/addmeeting")
    await admin.tap("SOS Talk")  # the form now asks for the title
    await _answer_from_inbox(sotong, submission.receipt_code)
    assert await _answered(sotong, submission.id)
    parked = await sotong.services.forms.get(ADMIN_ID, "content_admin")
    assert parked is not None and not parked.is_open and parked.form.get("type") == "meeting"
    assert "title" not in parked.form


async def test_admin_answer_typed_during_a_feedback_step_reaches_the_answer(
    sotong: BotHarness,
) -> None:
    submission = await submit(sotong, 5001)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/feedback")
    await admin.tap(callback_data="fb:cat:ai_basic_act")
    await admin.send(PROBLEM_KO)
    await admin.tap(callback_data="fb:more")  # the flow now asks for the law
    await _answer_from_inbox(sotong, submission.receipt_code)
    assert await _answered(sotong, submission.id)
    draft = await sotong.services.drafts.get(ADMIN_ID)
    assert draft is not None and draft.step is DraftStep.LAW and draft.content.law_or_rule is None
    await admin.send("/feedback")
    await admin.tap(callback_data="fb:continue")
    assert "관련된 법이나 규정" in (admin.reply().text or "")


async def test_a_feedback_step_left_for_the_menu_still_gets_later_text(sotong: BotHarness) -> None:
    """The menu tap parks the report; the problem typed afterwards reaches its open question."""
    user = await agreed_user(sotong)
    menu = user.reply()
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:other")
    await user.tap("구독", message_id=menu.message_id)  # the subscription panel, buttons only
    await user.send(PROBLEM_KO)
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None and draft.content.problem == PROBLEM_KO
    assert draft.step is DraftStep.READY


async def test_a_pending_answer_survives_a_restart_and_still_wins(sotong: BotHarness) -> None:
    submission = await submit(sotong, 5001)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, submission.receipt_code))
    await admin.tap("✍️ 답변 작성")
    await sotong.restart()
    await admin.send(ANSWER)
    await admin.tap("📤 보내기")
    assert await _answered(sotong, submission.id)
