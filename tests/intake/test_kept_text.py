"""What owners type is never lost around an interruption.

A command or a tap in the middle of a report parks it and its answer says how to come back.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from sandbox.emulator import ScriptedUser
from tests.delivery.support import add_meeting
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_EN, PROBLEM_KO, agreed_user, at_impact, label

PROBLEM = {"ko": PROBLEM_KO, "en": PROBLEM_EN}


def _text(user: ScriptedUser) -> str:
    return user.reply().text or ""


async def _at_ready(sotong: BotHarness, language: str) -> ScriptedUser:
    owner = await agreed_user(sotong, "민수", language=language)
    await owner.send("/feedback")
    await owner.tap(callback_data="fb:cat:ai_copyright")
    await owner.send(PROBLEM[language])
    return owner


async def _interrupt(owner: ScriptedUser, how: str) -> None:
    """Park the report: a command, a menu tap, or an older message's button."""
    if how.startswith("/"):
        await owner.send(how)
    else:
        await owner.tap(callback_data=how, message_id=_first_menu(owner))


def _first_menu(owner: ScriptedUser) -> int:
    """The menu shown when the owner agreed, long before the report: an older message."""
    return next(
        m.message_id
        for m in owner.transcript
        if m.sender == "bot" and any(d == "menu:my" for row in m.keyboard for _, d in row)
    )


# --------------------------------------------------------------------------- the way back


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("how", ["/my", "/help", "/meetings", "menu:meetings", "menu:subscribe"])
async def test_the_answer_to_an_interruption_says_how_to_come_back(
    sotong: BotHarness, language: str, how: str
) -> None:
    owner = await at_impact(sotong, language)
    await _interrupt(owner, how)
    replies = owner.replies()
    assert len(replies) == 1
    assert label(language, "kept.paused_note") in (replies[0].text or "")


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize("old", ["meet:show", "sub:cats"])
async def test_an_older_messages_button_says_how_to_come_back_too(
    sotong: BotHarness, language: str, old: str
) -> None:
    owner = await agreed_user(sotong, "민수", language=language)
    meeting = await add_meeting(sotong, sotong.services.clock.now() + timedelta(days=5))
    await owner.send("/meetings")
    await owner.send("/subscribe")
    await owner.send("/feedback")
    await owner.tap(callback_data="fb:cat:ai_copyright")
    await owner.send(PROBLEM[language])
    await owner.tap(callback_data="fb:more")
    data = f"meet:show:{meeting.id}" if old == "meet:show" else old
    older = next(
        m.message_id
        for m in owner.transcript
        if m.sender == "bot" and any(d == data for row in m.keyboard for _, d in row)
    )
    await owner.tap(callback_data=data, message_id=older)
    replies = owner.replies()
    assert len(replies) == 1
    assert label(language, "kept.paused_note") in (replies[0].text or "")


async def test_the_reports_own_buttons_and_cancel_say_nothing_of_a_pause(
    sotong: BotHarness,
) -> None:
    owner = await at_impact(sotong, "ko")
    await owner.tap(callback_data="fb:impact:3")
    assert label("ko", "kept.paused_note") not in _text(owner)
    await owner.send("/cancel")
    assert label("ko", "kept.paused_note") not in _text(owner)
