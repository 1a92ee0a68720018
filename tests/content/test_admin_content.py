"""Administrators manage meetings, bills and announcements in chat.

Everyone else is refused; every change lands in the audit log; /delivery reports progress.
"""

from __future__ import annotations

import pytest

from sandbox.emulator import ScriptedUser
from tests.delivery.support import add_bill, add_meeting, containing, kst, onboard, tick_at
from tests.fixtures.app import ADMIN_ID, BotHarness


async def _admin(sotong: BotHarness) -> ScriptedUser:
    admin = sotong.admin()
    await admin.send("/start")
    await admin.tap("한국어")
    await admin.tap("✅ 동의")
    return admin


async def _actions(sotong: BotHarness) -> list[tuple[str, int]]:
    return [(entry.action, entry.actor_id) for entry in await sotong.services.audit.latest(50)]


async def test_addmeeting_step_by_step_publishes_and_audits(sotong: BotHarness) -> None:
    admin = await _admin(sotong)
    await admin.send("/addmeeting")
    await admin.tap("SOS Talk")
    await admin.send("서울 동부권 SOS Talk")
    await admin.send("2026-12-10 10:00")
    await admin.send("09:00")
    assert "시작보다 빨라요" in (admin.reply().text or "")
    await admin.send("12:00")
    await admin.send("서울 송파구 월드타워빌딩")
    await admin.send("not a link")
    assert "https://" in (admin.reply().text or "")
    await admin.tap("⏭ 건너뛰기")
    await admin.send("중소기업 옴부즈만")
    await admin.tap("⏭ 건너뛰기")
    await admin.tap("▫️ AI 학습데이터·저작권 (TDM)")
    await admin.tap("✅ 분야 선택 완료")
    preview = admin.reply().text or ""
    assert "미리 보기" in preview and "2026년 12월 10일 (목) 오전 10시" in preview
    await admin.tap("✅ 게시")
    assert "회의를 게시했어요" in (admin.reply().text or "")

    (meeting,) = await sotong.services.meetings.upcoming(sotong.services.clock.now())
    assert meeting.title.ko == "서울 동부권 SOS Talk" and meeting.title.en is None
    assert meeting.starts_at == kst(2026, 12, 10, 10)
    assert meeting.ends_at == kst(2026, 12, 10, 12)
    assert meeting.categories == {"ai_copyright"}
    assert ("meeting.create", ADMIN_ID) in await _actions(sotong)


async def test_edit_cancel_and_held_buttons(sotong: BotHarness) -> None:
    admin = await _admin(sotong)
    meeting = await add_meeting(sotong, kst(2026, 12, 3, 14))
    held = await add_meeting(sotong, kst(2026, 11, 21, 13), title="제11차 정책협의회")
    await admin.send("/meetings")
    await admin.tap("📄 중소·벤처 AI 정책협의회")
    await admin.tap("✏️ 수정")
    await admin.tap("시작 시간")
    await admin.send("2026-12-04 15:00")
    assert "회의를 고쳤어요" in (admin.reply().text or "")
    edited = await sotong.services.meetings.get(meeting.id)
    assert edited.starts_at == kst(2026, 12, 4, 15)
    assert edited.status.value == "changed"

    await admin.send("/meetings")
    await admin.tap("📄 중소·벤처 AI 정책협의회")
    await admin.tap("❌ 취소")
    await admin.tap("❌ 네, 취소할게요")
    assert "회의를 취소했어요" in (admin.reply().text or "")
    assert (await sotong.services.meetings.get(meeting.id)).status.value == "cancelled"

    await admin.send("/meetings")
    await admin.tap("📄 제11차 정책협의회")
    await admin.tap("✅ 개최 완료")
    await admin.send("지역 AI 확산방안을 12월에 구체화하기로 함")
    done = await sotong.services.meetings.get(held.id)
    assert done.status.value == "held"
    assert done.outcome.ko == "지역 AI 확산방안을 12월에 구체화하기로 함"
    actions = [action for action, _ in await _actions(sotong)]
    assert {"meeting.edit", "meeting.cancel", "meeting.held"} <= set(actions)


async def test_addbill_and_billstage(sotong: BotHarness) -> None:
    admin = await _admin(sotong)
    await admin.send("/addbill")
    await admin.send("중소기업 인공지능 활용 촉진법")
    await admin.tap("⏭ 건너뛰기")
    await admin.send("김동아 의원")
    await admin.send("산업통상자원중소벤처기업위원회")
    await admin.send("3년마다 기본계획을 세웁니다.")
    await admin.tap("✅ 분야 선택 완료")
    await admin.tap("✅ 게시")
    assert len(containing(admin, "법안을 등록했어요")) == 1

    await admin.tap("➕ 단계 기록")
    await admin.tap("접수")
    await admin.send("2025-10-27")
    await admin.send("이노비즈협회 지지")
    assert "단계를 기록했어요" in (admin.reply().text or "")
    await admin.send("/bills")
    await admin.tap("⚖️ 중소기업 인공지능 활용 촉진법")
    detail = admin.reply().text or ""
    assert "대표발의자: 김동아 의원" in detail and detail.count("대표발의") == 1

    actions = [action for action, _ in await _actions(sotong)]
    assert actions.count("bill.stage") == 1
    assert "bill.create" in actions


async def test_billstage_command(sotong: BotHarness) -> None:
    admin = await _admin(sotong)
    bill_id = await add_bill(sotong)
    await admin.send("/billstage")
    await admin.tap("⚖️ 중소기업 인공지능 활용 촉진법")
    await admin.tap("소관위 회부")
    await admin.tap("📅 오늘")
    await admin.tap("⏭ 건너뛰기")
    bill = await sotong.services.bills.get(bill_id)
    assert [(e.stage.value, e.on_date.isoformat()) for e in bill.stages] == [
        ("submitted", "2025-10-27"),
        ("referred", "2026-11-21"),
    ]
    assert ("bill.stage", ADMIN_ID) in await _actions(sotong)


async def test_announce(sotong: BotHarness) -> None:
    admin = await _admin(sotong)
    await admin.send("/announce")
    await admin.send("소통 공지")
    await admin.send("12월 협의회 의견을 받습니다")
    await admin.tap("✅ 분야 선택 완료")
    await admin.tap("✅ 게시")
    assert "공지를 게시했어요" in (admin.reply().text or "")
    assert ("announcement.publish", ADMIN_ID) in await _actions(sotong)


@pytest.mark.parametrize(
    "command", ["/addmeeting", "/addbill", "/billstage", "/announce", "/delivery"]
)
async def test_every_admin_command_is_refused_to_others(sotong: BotHarness, command: str) -> None:
    user = await onboard(sotong, "민수")
    await user.send(command)
    assert "관리자만" in (user.reply().text or "")
    await user.send("아무 말")
    assert "관리자만" not in (user.reply().text or "")
    assert [entry for entry in await sotong.services.audit.latest(10)] == []


@pytest.mark.parametrize(
    "data", ["cadm:medit:{id}", "cadm:mcancel:{id}", "cadm:mheld:{id}", "dlv:refresh"]
)
async def test_forged_admin_buttons_are_refused(sotong: BotHarness, data: str) -> None:
    user = await onboard(sotong, "민수")
    meeting = await add_meeting(sotong, kst(2026, 12, 3, 14))
    await user.send("/meetings")
    await user.tap("📄 중소·벤처 AI 정책협의회")
    details = user.transcript[-1]
    assert "✏️ 수정" not in details.buttons
    _, update_id = sotong.emulator.state.user_tap(user.id, details, data.format(id=meeting.id))
    await sotong.emulator.wait_delivered(update_id)
    await sotong.settle()
    toast = user.last_toast
    assert toast is not None and "관리자만" in (toast.text or "")
    assert (await sotong.services.meetings.get(meeting.id)).status.value == "scheduled"


async def test_delivery_shows_sent_pending_and_failed(sotong: BotHarness) -> None:
    admin = await _admin(sotong)
    await admin.send("/delivery")
    assert "아직 보낸 소식이 없어요" in (admin.reply().text or "")
    user = await onboard(sotong, "민수")
    await user.send("/subscribe")
    await user.tap("💾 저장")
    await add_bill(sotong)
    await tick_at(sotong, kst(2026, 11, 22, 9))
    await admin.send("/delivery")
    text = admin.reply().text or ""
    assert "정기 소식" in text and "받는 사람 1명" in text and "보냄 1" in text and "실패 0" in text
    await admin.tap("🔄 새로고침")
