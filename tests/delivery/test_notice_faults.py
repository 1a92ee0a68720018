"""Notices to submitters go through the outbox, so a Telegram outage loses none.

The submitters' chats fail for four seconds while an administrator starts a review, answers and
merges; every notice arrives afterwards exactly once, and /delivery shows them.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from sandbox.emulator import ScriptedUser
from tests.admin.support import onboard, open_label, submit
from tests.fixtures.app import BotHarness


def _received(sotong: BotHarness, user: ScriptedUser, fragment: str) -> int:
    """How many messages containing `fragment` Telegram accepted for this user."""
    return sum(
        1
        for call in sotong.emulator.calls("sendMessage")
        if call.ok
        and str(call.params.get("chat_id")) == str(user.id)
        and fragment in str(call.params.get("text"))
    )


async def test_notices_survive_a_four_second_outage_and_arrive_once(sotong: BotHarness) -> None:
    owner = sotong.user("Jane", language_code="en")
    other = sotong.user("민수")
    await onboard(owner, "en")
    await onboard(other)
    original = await submit(sotong, owner.id, language="en")
    duplicate = await submit(sotong, other.id)
    admin = sotong.admin()
    await onboard(admin)

    for user in (owner, other):
        sotong.emulator.start_outage(4, method="sendMessage", chat_id=user.id)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, original.receipt_code))
    await admin.tap("🔎 검토 시작")
    assert "발송 대기열" in (admin.reply().text or "")
    await admin.tap("✍️ 답변 작성")
    await admin.send("유예 기간을 검토하겠습니다")
    await admin.tap("📤 보내기")
    assert "발송 대기열" in (admin.reply().text or "")
    await admin.send("/inbox")
    await admin.tap(open_label(admin, duplicate.receipt_code))
    await admin.tap("🔗 중복 표시")
    await admin.send(original.receipt_code)
    assert "제출자 알림 2건을 발송 대기열" in (admin.reply().text or "")
    assert sotong.emulator.faults.outage_active, "all three happened during the outage"
    assert not any("오류" in (m.text or "") for m in admin.replies())

    await sotong.delivered()
    assert _received(sotong, owner, "In review") == 1
    assert _received(sotong, owner, "Official answer") == 1
    assert _received(sotong, owner, "was merged into yours") == 1
    assert _received(sotong, other, "함께 처리해요") == 1
    failed = [c for c in sotong.emulator.calls("sendMessage") if c.injected]
    assert failed, "the outage really refused sends"

    await admin.send("/delivery")
    report = admin.reply().text or ""
    for key in ("의견 상태 변경 알림", "공식 답변 알림", "중복 병합 알림"):
        assert key in report
    assert "✅ 보냄 1 · ⏳ 대기 0 · ⚠️ 실패 0" in report
    assert "✅ 보냄 2 · ⏳ 대기 0 · ⚠️ 실패 0" in report


async def test_a_notice_undeliverable_for_two_days_is_given_up_and_stays_in_delivery(
    sotong: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    owner = sotong.user("민수")
    await onboard(owner)
    submission = await submit(sotong, owner.id)
    admin = sotong.admin()
    await onboard(admin)
    sotong.emulator.start_outage(method="sendMessage", chat_id=owner.id)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, submission.receipt_code))
    await admin.tap("🔎 검토 시작")
    sotong.clock.advance(timedelta(hours=48))
    with caplog.at_level(logging.WARNING, logger="sotong.delivery"):
        await sotong.delivered()
    assert "given up after 48 h" in caplog.text and "Bad Gateway" in caplog.text
    sotong.emulator.end_outage()
    # Three newer deliveries push the given-up one out of the newest three.
    for move in ("🗂 종결", "🔄 다시 검토", "🗂 종결"):
        await admin.tap(move)
    await sotong.delivered()
    assert _received(sotong, owner, "상태가 바뀌었어요") == 3

    await admin.send("/delivery")
    report = admin.reply().text or ""
    given_up = report[report.index("끝내 보내지 못한 발송") :]
    assert "의견 상태 변경 알림: 1건" in given_up
    assert "48시간 동안" in given_up and "status:" not in given_up
