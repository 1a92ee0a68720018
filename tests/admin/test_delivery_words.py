"""/delivery in words: what each delivery was and when in Seoul, never its internal key."""

from __future__ import annotations

from datetime import UTC, datetime

from domain.delivery import QueuedMessage
from tests.admin.support import onboard
from tests.fixtures.app import BotHarness

_OWNER = 771_234


async def _three_deliveries(sotong: BotHarness) -> None:
    outbox = sotong.repositories.outbox
    now = sotong.clock.now()
    await sotong.repositories.users.touch(_OWNER, "ko", now)
    slot = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)  # 9 a.m. in Seoul
    for key, kind in (
        (f"digest:{slot.isoformat()}", "digest"),
        ("link:32:meeting:3:scheduled", "notice"),
        (f"draft-reminder:{_OWNER}:{now.isoformat()}", "reminder"),
    ):
        await outbox.enqueue(
            key=key, kind=kind, messages=[QueuedMessage(_OWNER, ("소식",))], now=now
        )


async def test_delivery_names_each_delivery_in_korean(sotong: BotHarness) -> None:
    await _three_deliveries(sotong)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/delivery")
    text = admin.reply().text or ""
    assert "정기 소식 · 2026년 11월 23일 (월) 오전 9시" in text
    assert "연결된 회의·법안 일정 알림" in text and "작성 중인 의견 알림" in text
    assert "link:" not in text and "digest:" not in text and str(_OWNER) not in text
    assert "+00:00" not in text
    # Newest first: the reminder was queued last.
    assert text.index("작성 중인 의견 알림") < text.index("정기 소식")


async def test_delivery_names_each_delivery_in_english(sotong: BotHarness) -> None:
    await _three_deliveries(sotong)
    admin = sotong.admin()
    await onboard(admin, "en")
    await admin.send("/delivery")
    text = admin.reply().text or ""
    assert "Digest · " in text and "9:00" in text
    assert "Linked meeting or bill scheduled" in text and "Unfinished report reminder" in text
    assert "link:" not in text and "digest:" not in text and str(_OWNER) not in text
    assert "+00:00" not in text
    assert text.index("Unfinished report reminder") < text.index("Digest · ")
