"""Found by the hostile suite: a double tap made the bot repeat an edit Telegram refuses.

Both taps carry the message as the user saw it; the second one's copy is stale once the first
was handled, so comparing with it is not enough (400 "message is not modified", and then a
second answer to the query from the error handler).
"""

from __future__ import annotations

from sandbox.emulator import ScriptedUser
from tests.fixtures.app import BotHarness
from tests.intake.flow import agreed_user


async def _double_tap(sotong: BotHarness, user: ScriptedUser, data: str) -> None:
    message = next(
        m
        for m in reversed(user.transcript)
        if any(b.callback_data == data for row in m.inline_keyboard for b in row)
    )
    sotong.emulator.state.user_tap(user.id, message, data)
    sotong.emulator.state.user_tap(user.id, message, data)
    await sotong.emulator.wait_delivered()
    await sotong.settle()
    assert sotong.emulator.conformance_problems() == []


async def test_a_double_tap_on_a_language_edits_once(sotong: BotHarness) -> None:
    user = await agreed_user(sotong, "민수")
    await user.send("/language")
    await _double_tap(sotong, user, "lang:en")
    stored = await sotong.repositories.users.get(user.id)
    assert stored is not None and stored.language == "en"


async def test_a_double_tap_on_consent_takes_the_buttons_off_once(sotong: BotHarness) -> None:
    user = sotong.user("민수")
    await user.send("/start")
    await user.tap(callback_data="start:lang:ko")
    await _double_tap(sotong, user, "consent:agree")
