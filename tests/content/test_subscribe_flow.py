"""/subscribe in both languages, consent first, topics, and the stop button under a digest."""

from __future__ import annotations

from domain.subscriptions import BillScope, Frequency
from tests.delivery.support import add_meeting, containing, kst, onboard, tick_at
from tests.fixtures.app import BotHarness


async def test_subscribing_needs_consent_but_reading_does_not(sotong: BotHarness) -> None:
    user = sotong.user("민수", language_code="ko")
    await user.send("/start")
    await user.tap("한국어")
    await user.tap("동의하지 않음")
    await user.send("/subscribe")
    assert "동의가 필요해요" in (user.reply().text or "")
    assert await sotong.services.subscribers.get(user.id) is None
    await add_meeting(sotong, kst(2026, 12, 3, 14))
    await user.send("/meetings")
    assert "중소·벤처 AI 정책협의회" in (user.reply().text or "")


async def test_topics_bills_and_frequency_are_saved(sotong: BotHarness) -> None:
    user = await onboard(sotong, "Jane", "en")
    await user.send("/subscribe")
    await user.tap("✅ Meetings")
    await user.tap("⚖️ Bills: all bills")
    await user.tap("🏷 Topics")
    await user.tap("▫️ AI training data and copyright (TDM)")
    await user.tap("✅ Done")
    await user.tap("⏱ When")
    await user.tap("⚡ Immediately")
    await user.tap("💾 Save")
    assert "as soon as there is news" in (user.reply().text or "")
    saved = await sotong.services.subscribers.get(user.id)
    assert saved is not None
    assert saved.choice.meetings is False
    assert saved.choice.bills is BillScope.FOLLOWED
    assert saved.choice.categories == {"ai_copyright"}
    assert saved.choice.frequency is Frequency.IMMEDIATE


async def test_stop_under_a_digest_and_subscribe_again(sotong: BotHarness) -> None:
    user = await onboard(sotong, "민수")
    await user.send("/subscribe")
    await user.tap("💾 저장")
    await add_meeting(sotong, kst(2026, 12, 3, 14))
    await tick_at(sotong, kst(2026, 11, 22, 9))
    (digest,) = containing(user, "소통 정책 소식")
    await user.tap("🔕 그만 받기", message_id=digest.message_id)
    assert "구독을 해지했어요" in (user.reply().text or "")
    await add_meeting(sotong, kst(2026, 12, 10, 10), title="SOS Talk")
    await tick_at(sotong, kst(2026, 11, 23, 9))
    assert len(containing(user, "소통 정책 소식")) == 1
    await user.tap("🔔 다시 구독하기")
    assert "구독을 멈춘 상태" in (user.reply().text or "")
    await user.tap("💾 저장")
    current = await sotong.services.subscribers.get(user.id)
    assert current is not None and current.active


async def test_deleting_my_data_ends_subscriptions_follows_and_reminders(
    sotong: BotHarness,
) -> None:
    user = await onboard(sotong, "민수")
    await user.send("/subscribe")
    await user.tap("💾 저장")
    assert await sotong.services.subscribers.get(user.id) is not None
    await user.send("/deletemydata")
    await user.tap("삭제할게요", message_id=user.reply().message_id)
    assert await sotong.services.subscribers.get(user.id) is None
    assert await sotong.repositories.users.get(user.id) is None
    await add_meeting(sotong, kst(2026, 12, 3, 14))
    await tick_at(sotong, kst(2026, 11, 22, 9))
    assert containing(user, "소통 정책 소식") == []


async def test_a_weekly_choice_reads_as_a_korean_sentence(sotong: BotHarness) -> None:
    user = await onboard(sotong, "민지", "ko")
    await user.send("/subscribe")
    await user.tap(callback_data="sub:freq")
    await user.tap(callback_data="sub:freq:weekly")
    await user.tap(callback_data="sub:hour:8")
    await user.tap(callback_data="sub:wd:0")
    await user.tap(callback_data="sub:save")
    assert "매주 월요일 오전 8시에 소식을 보내 드려요" in (user.reply().text or "")
