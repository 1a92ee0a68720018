"""/addmeeting takes dates as administrators type them, and the preview changes one field a tap."""

from __future__ import annotations

from sandbox.emulator import ScriptedUser
from tests.admin.support import onboard
from tests.delivery.support import kst
from tests.fixtures.app import BotHarness


async def _admin(sotong: BotHarness, language: str = "ko") -> ScriptedUser:
    admin = sotong.admin()
    await onboard(admin, language)
    return admin


async def _to_start(admin: ScriptedUser, kind: str, title: str) -> None:
    await admin.send("/addmeeting")
    await admin.tap(kind)
    await admin.send(title)


async def _finish(admin: ScriptedUser, done: str) -> str:
    for _ in range(4):  # place, link, organizer, agenda
        await admin.tap(admin.reply().buttons[-1])
    await admin.tap(done)
    return admin.reply().text or ""


async def test_korean_dates_a_refusal_that_shows_the_text_and_a_field_changed_from_the_preview(
    sotong: BotHarness,
) -> None:
    admin = await _admin(sotong)  # the clock reads Saturday 21 November 2026
    await _to_start(admin, "SOS Talk", "서울 동부권 SOS Talk")
    await admin.send("다음 주 언젠가")
    refusal = admin.reply().text or ""
    assert "「다음 주 언젠가」" in refusal and "12월 15일 오후 2시" in refusal
    await admin.send("12월 15일 오후 2시")
    await admin.send("오후 4시")
    preview = await _finish(admin, "✅ 분야 선택 완료")
    assert "2026년 12월 15일 (화) 오후 2시" in preview
    await admin.tap("✏️ 시작 시간")
    await admin.send("다음 주 화요일 14:00")
    preview = admin.reply().text or ""
    assert "미리 보기" in preview and "2026년 11월 24일 (화) 오후 2시" in preview
    await admin.tap("✏️ 제목")
    await admin.send("서울 동부권 SOS Talk (2차)")
    assert "(2차)" in (admin.reply().text or "")
    await admin.tap("✅ 게시")
    (meeting,) = await sotong.services.meetings.upcoming(sotong.services.clock.now())
    assert meeting.starts_at == kst(2026, 11, 24, 14)
    assert meeting.ends_at == kst(2026, 11, 24, 16)  # the end moved with the start
    assert meeting.title.ko == "서울 동부권 SOS Talk (2차)"


async def test_english_dates_on_addmeeting(sotong: BotHarness) -> None:
    admin = await _admin(sotong, "en")
    await _to_start(admin, "SOS Talk", "Seoul SOS Talk")
    await admin.send("Dec 15 2pm")
    await admin.send("4pm")
    preview = await _finish(admin, "✅ Topics done")
    assert "Dec 2026" in preview and "2:00" in preview
    await admin.tap("✏️ Start")
    await admin.send("sometime soon")
    assert "“sometime soon”" in (admin.reply().text or "")
    await admin.send("next Tuesday 2pm")
    assert "24 Nov 2026" in (admin.reply().text or "")
