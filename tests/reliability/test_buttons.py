"""Buttons always answered (issue 10.7): a failed answer never aborts the work it was for.

The old handler raised on a failed `answerCallbackQuery`, so the person got an apology instead
of what they tapped for. Now the answer is a courtesy: its failure is logged, the work goes on,
and the application answers any query still spinning once the handlers are done.
"""

from __future__ import annotations

import pytest

from messages import t
from sandbox.emulator import FaultKind
from tests.fixtures.app import BotHarness
from tests.intake.flow import agreed_user


@pytest.mark.parametrize("kind", [FaultKind.SERVER_ERROR, FaultKind.DROP])
async def test_a_failed_answer_does_not_stop_the_tap_and_is_answered_afterwards(
    sotong: BotHarness, kind: FaultKind
) -> None:
    user = await agreed_user(sotong)
    await user.send("/menu")
    sotong.emulator.inject_fault(kind, method="answerCallbackQuery")
    await user.tap(callback_data="menu:help")
    texts = [reply.text or "" for reply in user.replies()]
    assert any(text.startswith("소통 도움말") for text in texts), texts
    assert t("ko", "error.generic") not in texts
    answers = sotong.emulator.calls("answerCallbackQuery")
    assert [call.injected for call in answers[-2:]] == [True, False]
    assert sotong.emulator.unanswered_callbacks() == []


async def test_when_every_answer_fails_the_work_is_still_done_once(sotong: BotHarness) -> None:
    user = await agreed_user(sotong)
    await user.send("/menu")
    sotong.emulator.allow_unanswered_callbacks()  # Telegram refuses both answers here
    answered_before = len(sotong.emulator.calls("answerCallbackQuery"))
    sotong.emulator.inject_fault(FaultKind.SERVER_ERROR, method="answerCallbackQuery", count=2)
    await user.tap(callback_data="menu:help")
    # The handler's answer and the application's one, no more: the spinner ends on its own.
    assert len(sotong.emulator.calls("answerCallbackQuery")) - answered_before == 2
    texts = [reply.text or "" for reply in user.replies()]
    assert sum(text.startswith("소통 도움말") for text in texts) == 1, texts
    assert t("ko", "error.generic") not in texts
