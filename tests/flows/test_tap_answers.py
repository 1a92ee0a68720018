"""A tap that changes nothing still answers in words: a toast, never a silent button.

Each case is a tap whose screen stays as it was: "모든 분야" with no topic ticked, a refresh
with nothing new, a second tap on a button the first tap already acted on (◀ ▶ paging, a
/stats section, /bills' follow and unfollow, an /inbox filter, its value, the sort, the reset).
The walk records every `answerCallbackQuery` such a tap brings and fails on any without text.
"""

from __future__ import annotations

from typing import Any

import pytest

from domain import callback_data as cb
from messages import t
from sandbox.emulator import EmulatorLimits, ScriptedUser
from tests.admin.support import submit
from tests.delivery.support import add_bill, add_meeting, kst, onboard
from tests.fixtures.app import BotHarness
from tests.intake.flow import label


@pytest.fixture
def emulator_limits() -> EmulatorLimits:
    """Flood limits lifted: two taps in one instant is the point here, not the pace."""
    return EmulatorLimits().without_flood_control()


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    return {"reply_rate_per_second": 0}


class Walk:
    """Taps that should change nothing, each checked for an answer with words."""

    def __init__(self, sotong: BotHarness) -> None:
        self.sotong = sotong
        self.silent: list[str] = []
        self.toasts: dict[str, str] = {}

    async def tap(self, name: str, user: ScriptedUser, **button: Any) -> None:
        """One tap on a button whose screen stays as it is."""
        before = len(self.sotong.emulator.calls("answerCallbackQuery"))
        await user.tap(**button)
        self._check(name, before)

    async def double_tap(self, name: str, user: ScriptedUser, **button: Any) -> None:
        """Two taps on the same button before the bot handles either: the second changes nothing."""
        emulator = self.sotong.emulator
        emulator.tap(user.id, **button)
        before = len(emulator.calls("answerCallbackQuery"))
        _, second = emulator.tap(user.id, **button)
        await emulator.wait_delivered(second)
        await self.sotong.settle()
        answers = emulator.calls("answerCallbackQuery")[before:]
        self._record(name, answers[-1:] if len(answers) > 1 else [])

    def _check(self, name: str, before: int) -> None:
        self._record(name, self.sotong.emulator.calls("answerCallbackQuery")[before:])

    def _record(self, name: str, answers: list[Any]) -> None:
        texts = [str(call.params.get("text") or "") for call in answers]
        if not texts or not all(texts):
            self.silent.append(name)
        else:
            self.toasts[name] = texts[-1]

    def check(self) -> None:
        assert not self.silent, f"taps answered in silence: {self.silent}"


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_taps_that_change_nothing_answer_in_words(sotong: BotHarness, language: str) -> None:
    walk = Walk(sotong)
    user = await onboard(sotong, "민수", language)
    await user.send("/subscribe")
    await user.tap(label(language, "subscribe.button.topics"))
    await walk.tap(
        "subscribe: all topics with none ticked",
        user,
        text=label(language, "subscribe.button.topics_all"),
    )
    assert walk.toasts["subscribe: all topics with none ticked"] == label(
        language, "subscribe.toast.all_topics"
    )

    for day in range(12):
        await add_meeting(sotong, kst(2026, 12, 1 + day, 14), title=f"협의회 {day}")
    await user.send("/meetings")
    await walk.double_tap("meetings: next page twice", user, text=label(language, "paging.next"))

    for _ in range(7):
        await submit(sotong, user.id, language=language)
    await user.send("/my")
    await walk.double_tap("my: next page twice", user, text=label(language, "paging.next"))

    bills = [await add_bill(sotong) for _ in range(6)]
    await user.send("/bills")
    await walk.double_tap("bills: next page twice", user, text=label(language, "paging.next"))
    await user.tap(callback_data=cb.BillShow(bills[0]).encode())
    await user.tap(label(language, "bills.button.follow"))
    await walk.double_tap(
        "bills: unfollow twice", user, text=label(language, "bills.button.unfollow")
    )
    await walk.double_tap("bills: follow twice", user, text=label(language, "bills.button.follow"))
    walk.check()
    assert walk.toasts["my: next page twice"] == label(language, "paging.same_page")
    assert walk.toasts["bills: next page twice"] == label(language, "paging.same_page")
    assert walk.toasts["bills: unfollow twice"] == label(language, "bills.toast.not_following")
    assert walk.toasts["bills: follow twice"] == label(language, "bills.toast.following")


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_administrators_taps_that_change_nothing_answer_in_words(
    sotong: BotHarness, language: str
) -> None:
    walk = Walk(sotong)
    owner = await onboard(sotong, "민수")
    items = [await submit(sotong, owner.id) for _ in range(12)]
    admin = sotong.admin()
    await admin.send("/start")
    await admin.tap(callback_data=f"start:lang:{language}")
    await admin.tap(label(language, "privacy.button.agree"))

    await admin.send("/delivery")
    refresh = label(language, "content_admin.delivery.refresh")
    await walk.tap("delivery: refresh with nothing new", admin, text=refresh)
    assert walk.toasts["delivery: refresh with nothing new"] == label(
        language, "content_admin.delivery.unchanged"
    )
    await admin.send("/stats")
    section = cb.StatsView("cat").encode()
    await walk.double_tap("stats: a section twice", admin, callback_data=section)
    await admin.send("/inbox")
    await walk.double_tap("inbox: next page twice", admin, text=label(language, "paging.next"))
    await admin.send("/inbox")
    for name, key in (
        ("inbox: status filter twice", "admin_inbox.button.filter_status"),
        ("inbox: a status twice", "admin_common.any"),
        ("inbox: clear filters twice", "admin_inbox.button.reset"),
        ("inbox: sort twice", "admin_inbox.button.sort"),
        ("inbox: an order twice", "admin_inbox.sort.o"),
        ("inbox: region filter twice", "admin_inbox.button.filter_region"),
    ):
        await walk.double_tap(name, admin, text=label(language, key))
    await walk.double_tap(
        "inbox: a region twice", admin, text="서울" if language == "ko" else "Seoul"
    )
    for _ in range(12):
        await sotong.services.review.start_review(items[0].id, actor_id=admin.id)
        await sotong.services.review.close(items[0].id, actor_id=admin.id)
    await admin.send("/audit")
    await walk.double_tap(
        "audit: older twice", admin, text=label(language, "admin_audit.button.older")
    )
    walk.check()
    for name in ("inbox: status filter twice", "inbox: sort twice", "inbox: region filter twice"):
        assert walk.toasts[name] == t(language, "ui.unchanged"), name
