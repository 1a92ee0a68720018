"""Two administrators move the same submission at the same moment: exactly one move happens.

The check and the write are one conditional write, so the slower one changes nothing and is
told, in words, that someone else was first.
"""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

import pytest

from domain.submissions import SubmissionStatus
from tests.admin.support import onboard, open_label, submit
from tests.fixtures.app import ADMIN_ID, BotHarness

SECOND_ADMIN_ID = 900_002


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    """Two administrators."""
    return {"admin_ids": f"{ADMIN_ID},{SECOND_ADMIN_ID}"}


async def test_two_admins_moving_the_same_submission_at_once_one_wins(
    sotong: BotHarness,
) -> None:
    owner = sotong.user("민수")
    await onboard(owner)
    submission = await submit(sotong, owner.id)
    first = sotong.admin()
    second = sotong.emulator.create_user(
        "관리자2", user_id=SECOND_ADMIN_ID, started=True, settle=sotong.settle
    )
    # The second administrator had never opened the chat when the bot started (see the notes
    # on chat-scoped commands): that start-up refusal is Telegram's, not this test's subject.
    sotong.emulator.expect_rejection("chat not found", method="setMyCommands")
    admins = [first, second]
    for admin in admins:
        await onboard(admin)
        await admin.send("/inbox")
        await admin.tap(open_label(admin, submission.receipt_code))
    before = len(sotong.emulator.calls("answerCallbackQuery"))

    # Hold the write lock from outside, so both handlers have read the submission before
    # either may write: the race is then certain, not left to scheduling.
    blocker = sqlite3.connect(sotong.settings.database_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        first_tap = asyncio.ensure_future(first.tap("🔎 검토 시작"))
        second_tap = asyncio.ensure_future(second.tap("🗂 종결"))
        await sotong.emulator.wait_delivered()
        async with asyncio.timeout(10):
            # Polling the call log: the emulator has no event for an answered button.
            while len(sotong.emulator.calls("answerCallbackQuery")) < before + 2:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
        await asyncio.sleep(0.3)  # both handlers read the submission and wait for the lock
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    await asyncio.gather(first_tap, second_tap)

    replies = [(admin.reply().text or "") for admin in admins]
    won = [text for text in replies if "발송 대기열" in text]
    lost = [text for text in replies if "다른 관리자가 방금" in text]
    assert len(won) == 1 and len(lost) == 1, replies
    stored = await sotong.services.submissions.get(submission.id)
    assert stored is not None
    assert stored.status in (SubmissionStatus.IN_REVIEW, SubmissionStatus.CLOSED)
    events = await sotong.services.submissions.events(submission.id)
    assert len(events) == 2, "received, then exactly one move"
    assert "지금 상태" in lost[0]
    await sotong.delivered()
    assert len([m for m in owner.replies() if "상태가 바뀌었어요" in (m.text or "")]) == 1
