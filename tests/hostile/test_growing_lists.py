"""Lists that grow never exceed Telegram's limits: 500 bills, 500-character titles, emoji.

The emulator refuses what Telegram refuses, and the fixtures fail any test whose bot made
such a call; these tests also check the length of every page they see.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.bills import BillDraft, BillStage, BillStageEntry
from domain.content import LocalizedText
from domain.meetings import MeetingDraft, MeetingKind
from handlers.paging import page_of
from messages.length import utf16_length
from sandbox.emulator import ScriptedUser
from tests.admin.support import onboard, submit
from tests.fixtures.app import ADMIN_ID, BotHarness

LONG_KO = ("규제😀 " * 125)[:500]
LONG_EN = ("Rule🙂 " * 84)[:500]
NEXT = {"ko": "다음 ▶️", "en": "Next ▶️"}
PREVIOUS = {"ko": "◀️ 이전", "en": "◀️ Previous"}


def _fits(user: ScriptedUser) -> str:
    replies = user.replies()
    assert replies, "the bot did not answer"
    for message in replies:
        assert utf16_length(message.text or "") <= 4096
    return replies[-1].text or ""


async def _walk(user: ScriptedUser, language: str, pages: int) -> None:
    """Forward through `pages` pages and one back, checking every page."""
    for _ in range(pages):
        await user.tap(NEXT[language])
        _fits(user)
    await user.tap(PREVIOUS[language])
    _fits(user)


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_five_hundred_bills_with_long_names_page(sotong: BotHarness, language: str) -> None:
    for number in range(500):
        await sotong.repositories.bills.create(
            BillDraft(
                name=LocalizedText(f"{number} {LONG_KO}", f"{number} {LONG_EN}"),
                stages=(BillStageEntry(BillStage.SUBMITTED, date(2026, 10, 1)),),
            ),
            actor_id=ADMIN_ID,
            now=sotong.clock.now(),
        )
    user = sotong.user("민수", language_code=language)
    await onboard(user, language)
    await user.send("/bills")
    first = _fits(user)
    assert ("1/100쪽" if language == "ko" else "page 1 of 100") in first
    await _walk(user, language, 3)


def test_a_stale_page_number_shows_the_nearest_page() -> None:
    assert page_of(list(range(12)), 9999, 5).items == (10, 11)
    assert page_of(list(range(12)), -3, 5).number == 0
    assert page_of([], 4, 5) == page_of([], 0, 5)


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_many_meetings_with_long_titles_page(sotong: BotHarness, language: str) -> None:
    for number in range(23):
        await sotong.repositories.meetings.create(
            MeetingDraft(
                kind=MeetingKind.SOS_TALK,
                title=LocalizedText(f"{number} {LONG_KO}", f"{number} {LONG_EN}"),
                place=LocalizedText(LONG_KO, LONG_EN),
                starts_at=sotong.clock.now() + timedelta(days=number + 1),
            ),
            actor_id=ADMIN_ID,
            now=sotong.clock.now(),
        )
    user = sotong.user("민수", language_code=language)
    await onboard(user, language)
    await user.send("/meetings")
    assert ("1/5쪽" if language == "ko" else "page 1 of 5") in _fits(user)
    await _walk(user, language, 4)


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_my_and_inbox_page_emoji_heavy_submissions(sotong: BotHarness, language: str) -> None:
    user = sotong.user("민수", language_code=language)
    await onboard(user, language)
    for _ in range(12):
        await submit(sotong, user.id, problem="😀" * 3500, language=language)
    await user.send("/my")
    _fits(user)
    await _walk(user, language, 2)
    admin = sotong.admin()
    await onboard(admin, language)
    await admin.send("/inbox")
    _fits(admin)
    await _walk(admin, language, 1)


async def test_audit_pages_fit_whatever_the_details(sotong: BotHarness) -> None:
    for number in range(40):
        await sotong.repositories.audit.record(
            at=sotong.clock.now(),
            actor_id=ADMIN_ID,
            action=f"custom.action.{'😀' * 200}",
            target_type="submission",
            target_ids=range(number * 100, number * 100 + 100),
            details={"note": LONG_KO * 3},
        )
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/audit")
    _fits(admin)
    await admin.tap("더 이전 기록 ▶️")
    _fits(admin)
