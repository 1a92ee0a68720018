"""A tap that changes nothing still answers in words: a toast, never a silent button.

Each case is a tap whose screen stays as it was: "모든 분야" with no topic ticked, a refresh
with nothing new, a second tap on a button the first tap already acted on (◀ ▶ paging, a
/stats section, an /inbox filter). The walk records every `answerCallbackQuery` such a tap
brings and fails on any without text.
"""

from __future__ import annotations

from typing import Any

import pytest

from domain import callback_data as cb
from messages import t
from sandbox.emulator import EmulatorLimits, ScriptedUser
from tests.admin.support import submit
from tests.delivery.support import add_meeting, kst, onboard
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
    walk.check()
    assert walk.toasts["my: next page twice"] == label(language, "paging.same_page")


async def test_administrators_taps_that_change_nothing_answer_in_words(sotong: BotHarness) -> None:
    walk = Walk(sotong)
    owner = await onboard(sotong, "민수")
    items = [await submit(sotong, owner.id) for _ in range(12)]
    admin = sotong.admin()
    await admin.send("/start")
    await admin.tap("한국어")
    await admin.tap("✅ 동의")

    await admin.send("/delivery")
    await walk.tap("delivery: refresh with nothing new", admin, text="🔄 새로고침")
    assert walk.toasts["delivery: refresh with nothing new"] == label(
        "ko", "content_admin.delivery.unchanged"
    )
    await admin.send("/stats")
    section = cb.StatsView("cat").encode()
    await walk.double_tap("stats: a section twice", admin, callback_data=section)
    await admin.send("/inbox")
    await walk.double_tap("inbox: next page twice", admin, text=label("ko", "paging.next"))
    for _ in range(12):
        await sotong.services.review.start_review(items[0].id, actor_id=admin.id)
        await sotong.services.review.close(items[0].id, actor_id=admin.id)
    await admin.send("/audit")
    await walk.double_tap("audit: older twice", admin, text="더 이전 기록 ▶️")
    walk.check()
    assert t("ko", "ui.unchanged") in walk.toasts.values()
