"""Found by the hostile suite: a blank law or proposal was called "too long" and echoed back.

Telegram refuses an empty (whitespace-only) message, so the echo failed with 400 "message text
is empty" and the user saw the error apology instead of the question again.
"""

from __future__ import annotations

import pytest

from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_KO, agreed_user


@pytest.mark.parametrize("skips", [0, 1], ids=["law", "proposal"])
async def test_a_blank_optional_text_gets_the_hint_again(sotong: BotHarness, skips: int) -> None:
    user = await agreed_user(sotong, "민수")
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:ai_copyright")
    await user.send(PROBLEM_KO)
    await user.tap(callback_data="fb:more")
    for step in ("law", "proposal")[:skips]:
        await user.tap(callback_data=f"fb:skip:{step}")
    await user.send("\t ")
    assert sotong.emulator.conformance_problems() == []
    texts = [m.text or "" for m in user.replies()]
    assert texts and not any("문제가 생겼어요" in text for text in texts)
    assert not any("최대" in text for text in texts), "a blank text is not too long"
