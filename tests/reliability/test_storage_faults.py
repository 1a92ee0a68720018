"""Storage faults in words (issue 10.5): locked, full, read-only.

The person gets one clear "please try again in a moment" with a button that keeps what they
sent, never a second, misleading reply; when the fault clears the bot works again without a
restart, and the button replays what they sent.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

import storage.database
from handlers.ui import plain_text
from messages import t
from sandbox.emulator import ScriptedUser
from tests.fixtures.app import BotHarness
from tests.intake.flow import agreed_user, label
from tests.reliability.faults import locked_by_another_process, opened_read_only

FEEDBACK_FIRST_QUESTION = "feedback.ask.category"


def only_reply_is_try_again(user: ScriptedUser) -> None:
    replies = user.replies()
    assert [reply.text for reply in replies] == [t("ko", "storage.unavailable")], [
        reply.text for reply in replies
    ]
    assert replies[0].buttons == [label("ko", "storage.retry_button")]


def feedback_started(user: ScriptedUser) -> bool:
    """Whether the bot's latest replies include the flow's first question."""
    counter = t("ko", "feedback.counter.report", n=1, total=2)
    expected = plain_text(t("ko", FEEDBACK_FIRST_QUESTION, counter=counter))
    return any(reply.text == expected for reply in user.replies())


async def test_read_only_database_gets_one_reply_and_heals_without_a_restart(
    sotong: BotHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await agreed_user(sotong)
    with opened_read_only(monkeypatch):
        # A restart on a file SQLite may only read: it starts, and every write fails.
        await sotong.restart()
        sotong.clock.advance(timedelta(minutes=30))  # the visit is written again
        await user.send("/feedback")
        only_reply_is_try_again(user)
    # Permissions fixed: no restart, the button replays /feedback.
    await user.tap(label("ko", "storage.retry_button"))
    assert feedback_started(user), [reply.text for reply in user.replies()]


@pytest.fixture
def quick_lock_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """One busy timeout instead of three: the same behaviour, a quicker test."""
    monkeypatch.setattr(storage.database, "LOCK_ATTEMPTS", 1)


@pytest.mark.usefixtures("quick_lock_waits")
async def test_locked_database_gets_one_reply_and_the_button_works_once_released(
    sotong: BotHarness,
) -> None:
    user = await agreed_user(sotong)
    sotong.clock.advance(timedelta(minutes=30))
    with locked_by_another_process(sotong.settings.database_path):
        await user.send("/feedback")
        only_reply_is_try_again(user)
    await user.tap(label("ko", "storage.retry_button"))
    assert feedback_started(user), [reply.text for reply in user.replies()]
