"""After submitting: support, /my, /status, status pushes, anonymity, /deletemydata, reminders."""

from __future__ import annotations

from datetime import timedelta

import pytest
from telegram import InlineKeyboardButton

from domain.delivery import Notice
from domain.submissions import SubmissionFilter, SubmissionStatus
from handlers.feedback import REMINDER_JOB
from handlers.feedback_views import me_too_button
from handlers.ui import keyboard
from sandbox.emulator import ScriptedUser
from services.notices import StatusChange
from tests.fixtures.app import ADMIN_ID, BotHarness
from tests.intake.flow import (
    PROBLEM_KO,
    agreed_user,
    answer_until_ready,
    answer_until_review,
    label,
    submit_one,
)


async def _change(
    sotong: BotHarness,
    code: str,
    status: SubmissionStatus,
    *,
    note: str | None = None,
    answer: str | None = None,
    ministry: str | None = None,
) -> bool:
    """What the review service does: change and queue the notice in one write.

    True once the outbox sender delivered the notice.
    """
    repository = sotong.repositories.submissions
    submission = await repository.get_by_code(code)
    assert submission is not None
    now = sotong.clock.now()
    recipient = await repository.recipient(submission.id)
    notice = None
    if recipient is not None and not recipient.blocked:
        change = StatusChange(
            submission.id, code, status, forwarded_to=ministry, note=note, answer=answer
        )
        message = sotong.wiring.composers.owners.status_changed(recipient, change, not_before=now)
        notice = Notice("status", (message,))
    if answer is not None:
        await repository.set_answer(
            submission.id, answer, actor_id=ADMIN_ID, now=now, notice=notice
        )
    else:
        await repository.change_status(
            submission.id,
            status,
            actor_id=ADMIN_ID,
            note=note,
            now=now,
            forwarded_to=ministry,
            notice=notice,
        )
    await sotong.delivered()
    await sotong.settle()
    if notice is None:
        return False
    (progress,) = await sotong.repositories.outbox.progress(limit=1)
    return progress.sent == 1


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_similar_submission_offers_me_too_before_the_review(
    sotong: BotHarness, language: str
) -> None:
    first = await agreed_user(sotong, "민수", username="minsu")
    code = await submit_one(first, "ko", anonymous=True)
    second = await agreed_user(sotong, "지영", language=language, username="jiyoung")
    await answer_until_review_with_similar(second, language)
    offer = second.reply()
    text = offer.text or ""
    assert ("비슷한 의견이 이미 있어요" if language == "ko" else "Similar feedback") in text
    assert "👍 0" in text
    assert code not in text, "a receipt code is not needed to say 'me too'"
    assert "민수" not in text and "minsu" not in text
    await second.tap(label(language, "feedback.button.me_too_numbered", number=1))
    assert "👍 1" in (second.reply().text or "")
    assert await sotong.repositories.submissions.supporters_count(1) == 1
    await second.tap(label(language, "feedback.button.own_submission"))
    ready = second.reply()
    assert ("이대로 보낼 수 있어요" if language == "ko" else "Ready to send") in (ready.text or "")
    assert "fb:metoo" not in str(ready.keyboard), "support counted once is not offered again"
    await second.tap(callback_data="fb:submit")
    assert await sotong.services.submissions.count_for_owner(second.id) == 1


async def answer_until_review_with_similar(user: ScriptedUser, language: str) -> None:
    """Topic and problem: the ready screen shows the similar submission."""
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:ai_copyright")
    await user.send("저작물마다 허락을 받아서 AI 학습데이터로 쓰는 것은 불가능합니다")


async def test_support_alone_can_end_the_flow(sotong: BotHarness) -> None:
    first = await agreed_user(sotong, "민수")
    await submit_one(first, "ko")
    second = await agreed_user(sotong, "지영")
    await answer_until_review_with_similar(second, "ko")
    await second.tap("👍 1번에 공감")
    await second.tap("🗑 초안 버리기")
    assert "보태 주신 공감은 그대로" in (second.reply().text or "")
    assert await sotong.services.drafts.get(second.id) is None
    assert await sotong.repositories.submissions.supporters_count(1) == 1


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_me_too_button_anywhere_counts_once(sotong: BotHarness, language: str) -> None:
    owner = await agreed_user(sotong, "민수")
    code = await submit_one(owner, "ko")
    submission = await sotong.services.submissions.get_by_code(code)
    assert submission is not None
    supporter = await agreed_user(sotong, "지영", language=language)
    intake = sotong.services.intake
    # A digest (another flow) shows the button, tagged for its reader; here the bot sends it so.
    buttons = {}
    for user in (supporter, owner):
        button = me_too_button(language, submission, await intake.offer(user.id, submission.id))
        buttons[user.id] = button.callback_data
        await sotong.application.bot.send_message(
            user.id, "digest", reply_markup=keyboard([[button]])
        )
    await supporter.tap(callback_data=buttons[supporter.id])
    toast = supporter.last_toast
    assert toast is not None and code in (toast.text or "") and "1" in (toast.text or "")
    await supporter.tap(callback_data=buttons[supporter.id])
    toast = supporter.last_toast
    assert toast is not None
    assert ("이미" if language == "ko" else "already") in (toast.text or "")
    await owner.tap(callback_data=buttons[owner.id])
    assert "내가 보낸 의견" in (owner.last_toast.text or "")  # type: ignore[union-attr]
    assert await sotong.repositories.submissions.supporters_count(submission.id) == 1

    stranger = sotong.user("Jane", language_code="en", started=True)
    tag = await intake.offer(stranger.id, submission.id)
    await sotong.application.bot.send_message(
        stranger.id, "digest", reply_markup=keyboard([[me_too_button("en", submission, tag)]])
    )
    await stranger.tap("👍 Support")
    assert "you need to agree" in (stranger.reply().text or "")
    assert await sotong.repositories.submissions.supporters_count(submission.id) == 1


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_my_lists_pages_and_opens_details(sotong: BotHarness, language: str) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    codes = []
    for index in range(7):
        codes.append(await submit_one(user, language, category="funding"))
        sotong.clock.advance(timedelta(hours=4 if index < 6 else 1))
    await user.send("/my")
    page = user.reply()
    text = page.text or ""
    assert ("총 7건, 1/2쪽" if language == "ko" else "7 in all, page 1 of 2") in text
    assert codes[6] in text and codes[2] in text and codes[1] not in text
    assert text.index(codes[6]) < text.index(codes[5]), "newest first"
    await user.tap(label(language, "paging.next"))
    second = user.reply()
    assert second.message_id == page.message_id
    assert codes[1] in (second.text or "") and codes[0] in (second.text or "")
    await user.tap(codes[0])
    detail = user.reply().text or ""
    assert PROBLEM_KO in detail
    assert ("처리 이력" if language == "ko" else "History") in detail
    assert ("접수됨" if language == "ko" else "Received") in detail
    await user.tap(label(language, "my.button.list"))
    assert codes[0] in (user.reply().text or "")


async def test_my_menu_button_and_empty_list(sotong: BotHarness) -> None:
    user = await agreed_user(sotong, "민수")
    await user.tap("📂 내 의견")
    assert "아직 보내신 의견이 없어요" in (user.reply().text or "")


async def test_status_is_for_the_owner_only(sotong: BotHarness) -> None:
    owner = await agreed_user(sotong, "민수")
    code = await submit_one(owner, "ko")
    await owner.send(f"/status {code.lower()}")
    assert PROBLEM_KO in (owner.reply().text or "")
    other = await agreed_user(sotong, "Jane", language="en")
    await other.send(f"/status {code}")
    reply = other.reply().text or ""
    assert "None of your submissions" in reply and PROBLEM_KO not in reply
    await other.send("/status")
    assert "Add the receipt code" in (other.reply().text or "")
    await other.send("/status SV-2026-999999")
    assert "None of your submissions" in (other.reply().text or "")
    submission = await sotong.services.submissions.get_by_code(code)
    assert submission is not None
    # A forged detail button (the callback data is guessable) shows nothing either.
    forged = InlineKeyboardButton("open", callback_data=f"my:open:{submission.id}:0")
    await sotong.application.bot.send_message(other.id, "forged", reply_markup=keyboard([[forged]]))
    await other.tap("open")
    reply = other.reply().text or ""
    assert "None of your submissions" in reply and PROBLEM_KO not in reply


@pytest.mark.parametrize(
    ("language", "changed", "answer_title"),
    [("ko", "상태가 바뀌었어요: 부처 전달", "공식 답변"), ("en", "changed: Forwarded", "Official")],
)
async def test_status_changes_and_answers_are_pushed_in_the_submitters_language(
    sotong: BotHarness, language: str, changed: str, answer_title: str
) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    code = await submit_one(user, language, anonymous=True)
    assert await _change(
        sotong, code, SubmissionStatus.FORWARDED, note="검토 요청", ministry="중소벤처기업부"
    )
    pushed = user.reply().text or ""
    assert code in pushed and changed in pushed and "중소벤처기업부" in pushed
    assert "검토 요청" in pushed
    sotong.clock.advance(timedelta(days=3))
    assert await _change(
        sotong, code, SubmissionStatus.ANSWERED, answer="TDM 면책 규정을 검토하겠습니다."
    )
    pushed = user.reply().text or ""
    assert answer_title in pushed and "TDM 면책 규정을 검토하겠습니다." in pushed
    await user.tap(label(language, "feedback.button.open"))
    detail = " ".join(message.text or "" for message in user.replies())
    assert "TDM 면책 규정을 검토하겠습니다." in detail and "중소벤처기업부" in detail
    assert ("부처 전달" if language == "ko" else "Forwarded to a ministry") in detail


async def test_push_to_a_user_who_blocked_the_bot_is_dropped(sotong: BotHarness) -> None:
    user = await agreed_user(sotong, "민수")
    code = await submit_one(user, "ko")
    await user.block()
    stored = await sotong.repositories.users.get(user.id)
    assert stored is not None and stored.blocked_at is not None
    calls = len(sotong.emulator.calls("sendMessage"))
    assert not await _change(sotong, code, SubmissionStatus.IN_REVIEW)
    assert len(sotong.emulator.calls("sendMessage")) == calls, "a known block is not retried"
    # The bot may miss the block (no update arrived): the 403 while sending is recorded then.
    await sotong.repositories.users.touch(user.id, "ko", sotong.clock.now())
    sotong.emulator.expect_rejection("blocked", method="sendMessage", status=403)
    assert not await _change(sotong, code, SubmissionStatus.CLOSED)
    stored = await sotong.repositories.users.get(user.id)
    assert stored is not None and stored.blocked_at is not None


async def test_anonymous_identity_is_absent_from_every_listing(sotong: BotHarness) -> None:
    owner = await agreed_user(sotong, "김비밀", username="secret_owner")
    code = await submit_one(owner, "ko", anonymous=True)
    named_owner = await agreed_user(sotong, "박공개", username="open_owner")
    named_code = await submit_one(named_owner, "ko", category="funding")
    repository = sotong.repositories.submissions
    listed = await repository.list_filtered(SubmissionFilter())
    anonymous = next(s for s in listed if s.receipt_code == code)
    named = next(s for s in listed if s.receipt_code == named_code)
    assert anonymous.submitter is None
    assert str(owner.id) not in repr(anonymous)
    assert "김비밀" not in repr(anonymous) and "secret_owner" not in repr(anonymous)
    assert named.submitter is not None and named.submitter.username == "open_owner"
    # Another user learns nothing through /status, /my or the similar step.
    other = await agreed_user(sotong, "지영")
    await other.send(f"/status {code}")
    await other.send("/my")
    await answer_until_review_with_similar(other, "ko")
    seen = " ".join(message.text or "" for message in other.transcript)
    assert "김비밀" not in seen and "secret_owner" not in seen and str(owner.id) not in seen


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_deletemydata_erases_and_says_what_was_kept(
    sotong: BotHarness, language: str
) -> None:
    user = await agreed_user(sotong, "민수", language=language, username="minsu")
    code = await submit_one(user, language)
    other = await agreed_user(sotong, "지영")
    other_code = await submit_one(other, "ko", category="funding")
    other_submission = await sotong.services.submissions.get_by_code(other_code)
    assert other_submission is not None
    intake = sotong.services.intake
    tag = await intake.offer(user.id, other_submission.id)
    await intake.support(await sotong.repositories.users.get(user.id), other_submission.id, tag)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:other")
    await user.send("/cancel")

    await user.send("/deletemydata")
    confirm = user.reply()
    assert ("되돌릴 수 없어요" if language == "ko" else "cannot be undone") in (confirm.text or "")
    await user.tap(label(language, "deletion.button.keep"))
    assert await sotong.repositories.users.get(user.id) is not None

    await user.send("/deletemydata")
    await user.tap(label(language, "deletion.button.confirm"))
    done = user.reply().text or ""
    assert code in done
    assert ("작성 중인 초안" if language == "ko" else "your draft") in done
    assert ("공감 1건" if language == "ko" else "1 support(s) you gave") in done
    assert await sotong.repositories.users.get(user.id) is None
    kept = await sotong.services.submissions.get_by_code(code)
    assert kept is not None and kept.submitter is None and kept.deleted_at is not None
    assert await sotong.services.submissions.recipient(kept.id) is None
    assert await sotong.services.drafts.get(user.id) is None
    assert await sotong.repositories.submissions.supporters_count(other_submission.id) == 1
    await user.send("/my")
    assert ("아직 보내신 의견이 없어요" if language == "ko" else "not submitted anything") in (
        user.reply().text or ""
    )


@pytest.mark.parametrize(
    ("language", "text"), [("ko", "한 번만 알려 드릴게요"), ("en", "only reminder")]
)
async def test_an_idle_draft_gets_one_gentle_reminder(
    sotong: BotHarness, language: str, text: str
) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:labeling")
    await user.send(PROBLEM_KO)
    await user.send("/cancel")
    (job,) = sotong.application.job_queue.get_jobs_by_name(REMINDER_JOB)  # type: ignore[union-attr]
    before = len(user.transcript)
    sotong.clock.advance(timedelta(hours=23))
    await job.run(sotong.application)
    await sotong.delivered()
    assert len(user.transcript) == before
    sotong.clock.advance(timedelta(hours=1))
    await job.run(sotong.application)
    await sotong.delivered()
    reminder = user.transcript[-1]
    assert text in (reminder.text or "")
    sotong.clock.advance(timedelta(days=2))
    await job.run(sotong.application)
    await sotong.delivered()
    assert user.transcript[-1] == reminder
    await user.tap(label(language, "feedback.button.continue"))
    assert ("이대로 보낼 수 있어요" if language == "ko" else "Ready to send") in (
        user.reply().text or ""
    )


async def test_review_summary_never_exceeds_a_message(sotong: BotHarness) -> None:
    user = await agreed_user(sotong)
    await answer_until_review(user, "ko", problem="가" * 3500)
    await user.tap(callback_data="fb:edit:proposal")
    await user.send("나" * 3500)
    await user.tap(callback_data="fb:edit:law")
    await user.send("다" * 500)
    review = user.reply().text or ""
    assert "전체 3,500자" in review and len(review) < 4096
    await user.tap(callback_data="fb:submit")
    await user.send("/my")
    await user.tap(callback_data="my:open:1:0")
    parts = [message.text or "" for message in user.replies()]
    assert len(parts) == 2 and all(len(part) <= 4096 for part in parts)
    assert "가" * 3500 in parts[0] and "나" * 3500 in parts[1]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("ko", ("/status SV-2026-000001로", "/status SV-2026-000002로", "SV-2026-000003으로")),
        ("en", ("/status SV-2026-000001.", "/status SV-2026-000002.", "/status SV-2026-000003.")),
    ],
)
async def test_the_receipt_puts_the_particle_the_code_calls_for(
    sotong: BotHarness, language: str, said: tuple[str, str, str]
) -> None:
    """일 and 이 take 로, 삼 takes 으로: the particle follows how the code is read aloud."""
    owner = await agreed_user(sotong, "민수", language=language)
    for expected in said:
        await answer_until_ready(owner)
        await owner.tap(callback_data="fb:submit")
        assert expected in (owner.reply().text or ""), expected
