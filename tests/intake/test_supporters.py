"""Supporters: /my and /status show what they support, and its news reaches them once each.

A supporter sees of someone else's submission only what any owner may (topic, status, counts,
dates, the ministry and the official answer), and nothing an administrator sees tells them who
supports or whether a supporter can still be reached.
"""

from __future__ import annotations

import re

import pytest

from handlers.feedback_views import me_too_button
from handlers.ui import keyboard
from sandbox.emulator import ScriptedUser
from tests.admin.support import onboard as onboard_admin
from tests.admin.support import open_label
from tests.delivery.support import add_meeting, containing, kst
from tests.evidence.support import run_agenda
from tests.fixtures.app import ADMIN_ID, BotHarness
from tests.intake.flow import PROBLEM_KO, agreed_user, label, submit_one

ANSWER = "TDM 면책 규정 도입을 내년 상반기에 검토하겠습니다."
OUTCOME = "TDM 면책 조항을 관계 부처와 함께 검토하기로 했어요."
# What the author typed (the flow skips the proposal and the law) and who they are.
AUTHOR_WORDS = (PROBLEM_KO[:20], "현실적으로 불가능", "민수", "minsu")


def _texts(user: ScriptedUser) -> list[str]:
    return [m.text or "" for m in user.replies()]


async def _support(sotong: BotHarness, supporter: ScriptedUser, code: str, language: str) -> None:
    """👍 from a button shown with the submission (as the ready screen or a digest shows it)."""
    submission = await sotong.services.submissions.get_by_code(code)
    assert submission is not None
    tag = await sotong.services.intake.offer(supporter.id, submission.id)
    button = me_too_button(language, submission, tag)
    await sotong.application.bot.send_message(
        supporter.id, "similar", reply_markup=keyboard([[button]])
    )
    await supporter.tap(callback_data=str(button.callback_data))


async def _act(admin: ScriptedUser, code: str, action: str) -> None:
    """An administrator opens the submission from /inbox and taps an action."""
    await admin.send("/inbox")
    await admin.tap(open_label(admin, code))
    await admin.tap(action)


async def _answer(admin: ScriptedUser, code: str, answer: str = ANSWER) -> str:
    """What an administrator does in /inbox to answer; returns the bot's confirmation."""
    await _act(admin, code, "✍️ 답변 작성")
    await admin.send(answer)
    await admin.tap("📤 보내기")
    return admin.reply().text or ""


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_supporter_follows_the_submission_in_my_and_status_and_hears_the_answer(
    sotong: BotHarness, language: str
) -> None:
    author = await agreed_user(sotong, "민수", username="minsu")
    code = await submit_one(author, "ko", anonymous=True)
    supporter = await agreed_user(sotong, "지영", language=language, username="jiyoung")
    # The similar-report screen of the supporter's own report: 👍, then the draft is let go.
    await supporter.send("/feedback")
    await supporter.tap(callback_data="fb:cat:ai_copyright")
    await supporter.send("저작물마다 허락을 받아서 AI 학습데이터로 쓰는 것은 불가능합니다")
    await supporter.tap(label(language, "feedback.button.me_too_numbered", number=1))
    assert code in (supporter.reply().text or "")
    await supporter.tap(label(language, "feedback.button.discard_draft"))

    await supporter.send("/my")
    listed = supporter.reply().text or ""
    assert code in listed
    assert ("공감한 의견" if language == "ko" else "supported") in listed
    assert not any(word in listed for word in AUTHOR_WORDS)
    await supporter.tap(f"👍 {code} · {label(language, 'feedback.status.received')}")
    detail = supporter.reply().text or ""
    assert code in detail and "👍 1" in detail
    assert ("다른 분이 보낸 의견" if language == "ko" else "from someone else") in detail
    assert not any(word in detail for word in AUTHOR_WORDS)

    await supporter.send(f"/status {code}")
    status = supporter.reply().text or ""
    assert code in status and not any(word in status for word in AUTHOR_WORDS)
    assert ("보내신 의견 중에" if language == "ko" else "None of your") not in status

    admin = sotong.admin()
    await onboard_admin(admin)
    await _answer(admin, code)
    await sotong.delivered()
    await sotong.delivered()
    heard = [text for text in _texts(supporter) if ANSWER in text]
    assert len(heard) == 1, "the supporter hears the answer once"
    assert ("공감하신 의견" if language == "ko" else "you support") in heard[0]
    assert not any(word in heard[0] for word in AUTHOR_WORDS)
    assert len([text for text in _texts(author) if ANSWER in text]) == 1, "the author once too"

    await supporter.send(f"/status {code}")
    assert ANSWER in (supporter.reply().text or "")


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_merge_and_later_answer_reach_each_person_once(
    sotong: BotHarness, language: str
) -> None:
    # X wrote the duplicate and supports the original; Z supports the duplicate only.
    x = await agreed_user(sotong, "민수", language=language)
    y = await agreed_user(sotong, "지영")
    z = await agreed_user(sotong, "Jane", language=language)
    duplicate = await submit_one(x, language, anonymous=True)
    original = await submit_one(y, "ko", anonymous=True)
    await _support(sotong, x, original, language)
    await _support(sotong, z, duplicate, language)

    admin = sotong.admin()
    await onboard_admin(admin)
    await _act(admin, duplicate, "🔗 중복 표시")
    await admin.send(original)
    await sotong.delivered()
    merged = [text for text in _texts(z) if duplicate in text and original in text]
    assert len(merged) == 1, "the duplicate's supporter hears of the merge once"
    assert ("공감하신 의견" if language == "ko" else "you support") in merged[0]
    assert len([t for t in _texts(x) if duplicate in t and original in t]) == 1

    await z.send("/my")
    assert original in (z.reply().text or ""), "the support moved with the merge"

    await _answer(admin, original)
    await sotong.delivered()
    for person in (x, y, z):
        assert len([t for t in _texts(person) if ANSWER in t]) == 1, person


async def test_a_supporter_who_blocked_the_bot_changes_nothing_an_administrator_sees(
    sotong: BotHarness,
) -> None:
    first_author = await agreed_user(sotong, "민수")
    second_author = await agreed_user(sotong, "Jane", language="en")
    first = await submit_one(first_author, "ko", anonymous=True)
    second = await submit_one(second_author, "en", anonymous=True)
    reachable = await agreed_user(sotong, "지영")
    gone = await agreed_user(sotong, "John", language="en")
    await _support(sotong, reachable, first, "ko")
    await _support(sotong, gone, second, "en")
    await gone.block()

    admin = sotong.admin()
    await onboard_admin(admin)
    seen = []
    for code in (first, second):
        said = await _answer(admin, code)
        await sotong.delivered()
        await admin.send("/delivery")
        delivery = admin.reply().text or ""
        await admin.send("/audit")
        audit = admin.reply().text or ""
        newest = delivery.split("\n\n")[1]
        latest = audit.split("\n\n")[1].split("\n•")[0]
        seen.append(
            tuple(
                re.sub(r"answer:\d+|submission \d+", "#", text.replace(code, "CODE"))
                for text in (said, newest, latest)
            )
        )
    assert len([t for t in _texts(reachable) if ANSWER in t]) == 1
    assert [t for t in _texts(gone) if ANSWER in t] == []
    assert seen[0] == seen[1]
    assert "supporters-" not in delivery


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_status_changes_and_a_later_date_reach_supporters_until_they_erase_their_data(
    sotong: BotHarness, language: str
) -> None:
    author = await agreed_user(sotong, "민수")
    code = await submit_one(author, "ko", anonymous=True)
    staying = await agreed_user(sotong, "지영", language=language)
    leaving = await agreed_user(sotong, "Jane", language=language)
    for supporter in (staying, leaving):
        await _support(sotong, supporter, code, language)
    admin = sotong.admin()
    await onboard_admin(admin)
    await _act(admin, code, "🔎 검토 시작")
    await sotong.delivered()
    in_review = label(language, "feedback.status.in_review")
    for supporter in (staying, leaving):
        (moved,) = [t for t in _texts(supporter) if in_review in t and code in t]
        assert ("공감하신 의견" if language == "ko" else "you support") in moved

    await leaving.send("/deletemydata")
    await leaving.tap(label(language, "deletion.button.confirm"))
    await admin.send(f"/extend {code} 2026-12-20 관계 부처 협의가 길어지고 있어요")
    await sotong.delivered()
    (late,) = [t for t in _texts(staying) if "관계 부처 협의가" in t]
    assert code in late and "20" in late
    assert [t for t in _texts(leaving) if "관계 부처 협의가" in t] == []
    assert len([t for t in _texts(author) if "관계 부처 협의가" in t]) == 1


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_supporter_hears_the_meeting_that_takes_the_submission_up_and_its_outcome(
    sotong: BotHarness, language: str
) -> None:
    author = await agreed_user(sotong, "민수")
    code = await submit_one(author, "ko", anonymous=True)
    supporter = await agreed_user(sotong, "지영", language=language)
    await _support(sotong, supporter, code, language)
    meeting = await add_meeting(sotong, kst(2026, 12, 3, 14))
    admin = sotong.admin()
    await onboard_admin(admin)
    await admin.send(f"/link m{meeting.id} {code}")
    await run_agenda(sotong)
    await run_agenda(sotong)
    scheduled = "회의 안건으로 올라갔어요" if language == "ko" else "is on a meeting's agenda"
    (told,) = containing(supporter, scheduled)
    assert code in (told.text or "")
    assert ("공감하신" if language == "ko" else "you support") in (told.text or "")
    assert len(containing(author, "회의 안건으로 올라갔어요")) == 1

    await sotong.services.content.mark_held(meeting.id, OUTCOME, language="ko", actor_id=ADMIN_ID)
    await run_agenda(sotong)
    await run_agenda(sotong)
    (held,) = containing(supporter, "회의가 열렸어요" if language == "ko" else "was held")
    assert OUTCOME in (held.text or "") and code in (held.text or "")
    assert len(containing(author, "회의가 열렸어요")) == 1
