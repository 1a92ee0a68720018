"""Scheduled digests end to end.

The real app, the emulator, and the scheduler's job run at moments the test chooses
(Asia/Seoul), never by waiting.
"""

from __future__ import annotations

from domain.announcements import AnnouncementDraft
from domain.content import LocalizedText
from tests.delivery.support import add_meeting, containing, kst, onboard, tick_at
from tests.fixtures.app import ADMIN_ID, BotHarness


async def test_daily_digest_arrives_at_the_chosen_local_hour_only_with_news(
    sotong: BotHarness,
) -> None:
    user = await onboard(sotong, "민수")
    await user.send("/subscribe")
    assert "구독" in (user.reply().text or "")
    await user.tap("💾 저장")
    assert "매일 오전 9시" in (user.reply().text or "")

    await add_meeting(sotong, kst(2026, 12, 3, 14))

    await tick_at(sotong, kst(2026, 11, 22, 8, 59))
    assert containing(user, "소통 정책 소식") == []

    await tick_at(sotong, kst(2026, 11, 22, 9, 0))
    (digest,) = containing(user, "소통 정책 소식")
    assert "중소·벤처 AI 정책협의회" in (digest.text or "")
    assert "회의 일정" in (digest.text or "")
    assert [label for row in digest.keyboard for label, _ in row] == ["⚙️ 구독 변경", "🔕 그만 받기"]

    # Nothing new the next morning: nothing is sent.
    await tick_at(sotong, kst(2026, 11, 23, 9, 0))
    assert len(containing(user, "소통 정책 소식")) == 1

    # New again on the third day.
    await sotong.services.content.announce(
        AnnouncementDraft(
            LocalizedText("AI 바우처 공모", "AI voucher call"), LocalizedText("신청 접수", "Open")
        ),
        actor_id=ADMIN_ID,
    )
    await tick_at(sotong, kst(2026, 11, 24, 9, 0))
    digests = containing(user, "소통 정책 소식")
    assert len(digests) == 2
    assert "AI 바우처 공모" in (digests[-1].text or "")
    assert "정책협의회" not in (digests[-1].text or "")


async def test_weekly_digest_in_english_on_the_chosen_weekday_and_hour(sotong: BotHarness) -> None:
    user = await onboard(sotong, "Jane", "en")
    await user.send("/subscribe")
    await user.tap("⏱ When")
    await user.tap("🗓 Once a week")
    await user.tap("10:00")
    await user.tap("Monday")
    await user.tap("💾 Save")
    assert "every Monday at 10:00" in (user.reply().text or "")

    await add_meeting(sotong, kst(2026, 12, 3, 14))
    await tick_at(sotong, kst(2026, 11, 22, 10, 0))  # a Sunday
    assert containing(user, "Sotong policy news") == []
    await tick_at(sotong, kst(2026, 11, 23, 9, 59))
    assert containing(user, "Sotong policy news") == []
    await tick_at(sotong, kst(2026, 11, 23, 10, 0))
    (digest,) = containing(user, "Sotong policy news")
    assert "SME and venture AI policy council" in (digest.text or "")
    assert "Osco, Cheongju" in (digest.text or "")
