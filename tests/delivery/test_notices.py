"""Immediate news, quiet hours, reminders, .ics files, bill stages and related submitters.

Submitters are told once when a bill or meeting on their topic moves.
"""

from __future__ import annotations

from datetime import date, datetime

from icalendar import Calendar

from domain.announcements import AnnouncementDraft
from domain.bills import BillStage, BillStageEntry
from domain.content import LocalizedText
from domain.submissions import NewSubmission, ReportContent, Visibility
from tests.admin.support import onboard as onboard_admin
from tests.admin.support import open_label
from tests.delivery.support import SEOUL, add_bill, add_meeting, containing, kst, onboard, tick_at
from tests.fixtures.app import ADMIN_ID, BotHarness


async def test_immediate_news_waits_out_quiet_hours(sotong: BotHarness) -> None:
    user = await onboard(sotong, "민수")
    await user.send("/subscribe")
    await user.tap("⏱ 받는 때")
    await user.tap("⚡ 즉시")
    await user.tap("💾 저장")

    sotong.clock.set(kst(2026, 11, 21, 23, 0))
    await sotong.services.content.announce(
        AnnouncementDraft(
            LocalizedText("야간 공지", "Night notice"), LocalizedText("내용", "Body")
        ),
        actor_id=ADMIN_ID,
    )
    await tick_at(sotong, kst(2026, 11, 21, 23, 1))
    assert containing(user, "야간 공지") == []
    await tick_at(sotong, kst(2026, 11, 22, 7, 59))
    assert containing(user, "야간 공지") == []
    await tick_at(sotong, kst(2026, 11, 22, 8, 0))
    (notice,) = containing(user, "야간 공지")
    assert "새 정책 소식" in (notice.text or "")
    # The same news is never sent twice.
    await tick_at(sotong, kst(2026, 11, 22, 8, 5))
    assert len(containing(user, "야간 공지")) == 1


async def test_reminders_a_day_and_an_hour_before_and_the_ics_file(sotong: BotHarness) -> None:
    user = await onboard(sotong, "민수")
    meeting = await add_meeting(sotong, kst(2026, 11, 24, 14))
    await user.send("/meetings")
    await user.tap("📄 중소·벤처 AI 정책협의회")
    await user.tap("🔔 알림 받기")
    assert "하루 전과 한 시간 전" in (user.reply().text or "")
    assert "🔕 알림 끄기" in user.buttons()

    await user.tap("📆 캘린더(.ics)")
    document = user.reply()
    assert document.attachment is not None
    calendar = Calendar.from_ical(sotong.emulator.file_bytes(document.attachment.file_id))
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "중소·벤처 AI 정책협의회"
    assert event.decoded("DTSTART") == meeting.starts_at
    assert str(event["LOCATION"]) == "청주 오스코"
    assert str(event["UID"]) == f"meeting-{meeting.id}@sotong"

    await tick_at(sotong, kst(2026, 11, 23, 13, 59))
    assert containing(user, "내일 회의") == []
    await tick_at(sotong, kst(2026, 11, 23, 14, 0))
    assert len(containing(user, "내일 회의")) == 1
    await tick_at(sotong, kst(2026, 11, 24, 12, 30))
    assert containing(user, "한 시간 뒤") == []
    await tick_at(sotong, kst(2026, 11, 24, 13, 0))
    assert len(containing(user, "한 시간 뒤")) == 1
    await tick_at(sotong, kst(2026, 11, 24, 13, 30))
    assert len(containing(user, "내일 회의")) == 1
    assert len(containing(user, "한 시간 뒤")) == 1


async def test_reminder_holders_hear_of_a_cancellation(sotong: BotHarness) -> None:
    user = await onboard(sotong, "Jane", "en")
    meeting = await add_meeting(sotong, kst(2026, 11, 30, 10))
    await sotong.services.subscriptions.remind(user.id, meeting.id)
    await tick_at(sotong, kst(2026, 11, 21, 16, 0))
    await sotong.services.content.cancel_meeting(meeting.id, actor_id=ADMIN_ID)
    await tick_at(sotong, kst(2026, 11, 21, 16, 1))
    (notice,) = containing(user, "was cancelled")
    assert "SME and venture AI policy council" in (notice.text or "")
    # No reminder for a cancelled meeting.
    await tick_at(sotong, kst(2026, 11, 29, 10, 0))
    assert containing(user, "Meeting tomorrow") == []


async def test_following_a_bill_brings_its_next_stage(sotong: BotHarness) -> None:
    user = await onboard(sotong, "민수")
    bill_id = await add_bill(sotong)
    await user.send("/bills")
    assert "접수" in (user.reply().text or "")
    await user.tap("⚖️ 중소기업 인공지능 활용 촉진법")
    await user.tap("⭐ 관심 법안에 추가")
    assert "구독도 켰어요" in (user.reply().text or "")

    await tick_at(sotong, kst(2026, 11, 21, 16, 0))
    await sotong.services.content.add_stage(
        bill_id, BillStageEntry(BillStage.COMMITTEE_REVIEW, date(2026, 11, 20)), actor_id=ADMIN_ID
    )
    await tick_at(sotong, kst(2026, 11, 21, 16, 1))
    (notice,) = containing(user, "소관위 심사")
    assert "중소기업 인공지능 활용 촉진법" in (notice.text or "")
    assert "2026년 11월 20일" in (notice.text or "")


async def _submit(sotong: BotHarness, user_id: int, category: str) -> None:
    await sotong.repositories.submissions.create(
        NewSubmission(
            content=ReportContent(
                category_id=category,
                problem="학습데이터 저작권 허락을 일일이 받을 수 없어요",
                law_unsure=True,
                impact=4,
            ),
            user_id=user_id,
            visibility=Visibility.ANONYMOUS,
            submitter_name=None,
            submitter_username=None,
            language="ko",
            attachments=(),
        ),
        year=2026,
        now=datetime(2026, 11, 21, 6, tzinfo=SEOUL),
    )


async def test_submitters_on_the_same_topic_are_told_once_with_a_follow_button(
    sotong: BotHarness,
) -> None:
    submitter = await onboard(sotong, "지영")
    other = await onboard(sotong, "철수")
    await _submit(sotong, submitter.id, "ai_copyright")
    await _submit(sotong, other.id, "kiosk_access")
    await tick_at(sotong, kst(2026, 11, 21, 16, 0))

    bill_id = await add_bill(sotong, categories=frozenset({"ai_copyright"}))
    await sotong.services.content.add_stage(
        bill_id, BillStageEntry(BillStage.REFERRED, date(2025, 10, 28)), actor_id=ADMIN_ID
    )
    await tick_at(sotong, kst(2026, 11, 21, 16, 1))
    (notice,) = containing(submitter, "같은 분야의 법안")
    assert containing(other, "같은 분야의 법안") == []

    await sotong.services.content.add_stage(
        bill_id, BillStageEntry(BillStage.COMMITTEE_REVIEW, date(2026, 11, 20)), actor_id=ADMIN_ID
    )
    await tick_at(sotong, kst(2026, 11, 21, 16, 2))
    assert len(containing(submitter, "같은 분야의 법안")) == 1

    await submitter.tap("⭐ 관심 법안에 추가", message_id=notice.message_id)
    assert "관심 법안에 추가했어요" in (submitter.reply().text or "")
    assert bill_id in await sotong.services.interests.followed_bills(submitter.id)


async def test_an_official_answer_given_at_night_waits_for_the_morning(
    sotong: BotHarness,
) -> None:
    owner = await onboard(sotong, "Jane", "en")
    await _submit(sotong, owner.id, "ai_copyright")
    admin = sotong.admin()
    await onboard_admin(admin)
    sotong.clock.set(kst(2026, 11, 21, 23, 0))
    await admin.send("/inbox")
    await admin.tap(open_label(admin, "SV-2026-000001"))
    await admin.tap("✍️ 답변 작성")
    await admin.send("내일 아침에 도착할 답변입니다")
    await admin.tap("📤 보내기")
    reply = admin.reply().text or ""
    assert "방해 금지 시간" in reply and "오전 8시" in reply
    await sotong.delivered()
    assert containing(owner, "Official answer") == []
    sotong.clock.set(kst(2026, 11, 22, 8, 0))
    await sotong.delivered()
    (answer,) = containing(owner, "Official answer")
    assert "내일 아침에 도착할 답변입니다" in (answer.text or "")
