"""Issue 11.3: other owners see no anonymous text, and "me too" needs a button the bot showed."""

from __future__ import annotations

import pytest

from tests.fixtures.app import BotHarness
from tests.intake.flow import agreed_user, submit_one

SECRET = "우리 회사 비밀연구소 알파랩에서 저작물 학습데이터 허락 문제로 막혀 있어요"


async def _ready_screen(sotong: BotHarness) -> tuple[str, str]:
    owner = await agreed_user(sotong, "민수", username="minsu")
    code = await submit_one(owner, "ko", problem=SECRET, anonymous=True)
    other = await agreed_user(sotong, "지영")
    await other.send("/feedback")
    await other.tap(callback_data="fb:cat:ai_copyright")
    # A draft that repeats the other owner's words, probing what they wrote.
    await other.send("알파랩 비밀연구소 저작물 학습데이터 허락 문제 우리 회사")
    shown = other.reply().text or ""
    # Only what is said of the other report counts: the prober's own words are theirs to see.
    return code, shown[shown.index("비슷한 의견이 이미 있어요") :]


async def test_the_ready_screen_neither_quotes_nor_echoes_an_anonymous_owner(
    sotong: BotHarness,
) -> None:
    code, shown = await _ready_screen(sotong)
    assert "비슷한 의견이 이미 있어요" in shown
    assert "AI 학습데이터·저작권" in shown or "👍 0" in shown
    for word in ("알파랩", "비밀연구소", "우리 회사", code, "민수", "minsu"):
        assert word not in shown, f"{word!r} leaked into another owner's view"


@pytest.mark.parametrize("forged", ["metoo:{id}", "metoo:{id}:AAAAAAAAAAA", "fb:metoo:{id}:x"])
async def test_a_forged_me_too_neither_counts_nor_reveals_anything(
    sotong: BotHarness, forged: str
) -> None:
    owner = await agreed_user(sotong, "민수")
    code = await submit_one(owner, "ko", anonymous=True)
    submission = await sotong.repositories.submissions.get_by_code(code)
    assert submission is not None
    prober = await agreed_user(sotong, "지영")
    message = prober.transcript[-1]
    data = forged.format(id=submission.id)
    _, update_id = sotong.emulator.state.user_tap(prober.id, message, data)
    await sotong.emulator.wait_delivered(update_id)
    await sotong.settle()
    assert await sotong.repositories.submissions.supporters_count(submission.id) == 0
    shown = " ".join(
        [(prober.last_toast.text or "") if prober.last_toast else ""]
        + [m.text or "" for m in prober.replies()]
    )
    assert code not in shown and "👍" not in shown


@pytest.mark.parametrize(
    "data",
    ["metoo:" + "9" * 40, "my:open:" + "9" * 40 + ":0", "my:page:0", "my:open:5:0", "ai:o:1"],
)
async def test_a_stale_or_crafted_button_gets_an_answer_never_an_error(
    sotong: BotHarness, data: str
) -> None:
    user = await agreed_user(sotong, "민수")
    message = user.transcript[-1]
    _, update_id = sotong.emulator.state.user_tap(user.id, message, data)
    await sotong.emulator.wait_delivered(update_id)
    await sotong.settle()
    assert user.last_toast is not None, "the tap was answered"
    assert not any("문제가 생겼어요" in (m.text or "") for m in user.replies())
