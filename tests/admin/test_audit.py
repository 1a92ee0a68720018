"""/audit: the newest entries first, paged, with actions named in the reader's language."""

from __future__ import annotations

from datetime import timedelta

from services.export import CONSOLE_ACTOR_ID
from tests.admin.support import onboard
from tests.fixtures.app import ADMIN_ID, BotHarness


async def test_audit_lists_newest_first_and_pages(sotong: BotHarness) -> None:
    audit = sotong.repositories.audit
    for n in range(18):
        await audit.record(
            at=sotong.clock.now(),
            actor_id=ADMIN_ID,
            action="submission.status",
            target_type="submission",
            target_ids=[n],
            details={"status": "in_review"},
        )
        sotong.clock.advance(timedelta(minutes=1))
    await audit.record(at=sotong.clock.now(), actor_id=ADMIN_ID, action="content.broadcast")
    await audit.record(
        at=sotong.clock.now(),
        actor_id=CONSOLE_ACTOR_ID,
        action="submissions.export",
        details={"format": "csv", "contacts": False},
    )
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/audit")
    text = admin.reply().text or ""
    assert "최근 기록부터, 1–15번째" in text
    assert text.index("서버 콘솔 · 내보내기") < text.index("기타 관리 작업")
    assert "관리자 · 상태 변경 · 의견 1건: 검토 중" in text
    await admin.tap("더 이전 기록 ▶️")
    text = admin.reply().text or ""
    assert "16–20번째" in text
    await admin.tap("◀️ 최근 기록")
    assert "1–15번째" in (admin.reply().text or "")


async def test_audit_in_english_when_empty(sotong: BotHarness) -> None:
    admin = sotong.admin()
    await onboard(admin, "en")
    await admin.send("/audit")
    assert "Nothing recorded yet" in (admin.reply().text or "")
