"""Steps shared by the intake end-to-end tests: reach consent, walk the flow, read labels."""

from __future__ import annotations

import html

from messages import t
from sandbox.emulator import ScriptedUser
from tests.fixtures.app import BotHarness

PROBLEM_KO = "AI 학습데이터로 쓸 저작물마다 허락을 받는 것은 현실적으로 불가능합니다."
PROBLEM_EN = "Asking every rights holder for permission before training our AI model is impossible."


def label(language: str, key: str, **params: object) -> str:
    """A button's text as the user sees it."""
    return html.unescape(t(language, key, **params))


async def agreed_user(
    sotong: BotHarness, name: str = "민수", *, language: str = "ko", **kwargs: object
) -> ScriptedUser:
    """A user who chose a language and agreed to the notice, as /start leaves them."""
    user = sotong.user(name, language_code=language, **kwargs)
    await user.send("/start")
    await user.tap(callback_data=f"start:lang:{language}")
    await user.tap(label(language, "privacy.button.agree"))
    return user


def _buttons(user: ScriptedUser) -> list[str]:
    return [data for row in user.reply().keyboard for _, data in row]


async def answer_until_ready(
    user: ScriptedUser,
    *,
    category: str = "ai_copyright",
    problem: str = PROBLEM_KO,
    anonymous: bool = False,
) -> None:
    """From /feedback to the ready screen, with the visibility asked for."""
    await user.send("/feedback")
    await user.tap(callback_data=f"fb:cat:{category}")
    await user.send(problem)
    wanted = "anonymous" if anonymous else "named"
    if f"fb:vis:{wanted}" in _buttons(user):
        await user.tap(callback_data=f"fb:vis:{wanted}")


async def answer_until_review(
    user: ScriptedUser,
    language: str,
    *,
    category: str = "ai_copyright",
    problem: str = PROBLEM_KO,
    anonymous: bool = False,
) -> None:
    """From /feedback through every detail to the review, with the shortest valid answers."""
    await answer_until_ready(user, category=category, problem=problem, anonymous=anonymous)
    await user.tap(callback_data="fb:more")
    await user.tap(label(language, "feedback.button.skip"))
    await user.tap(label(language, "feedback.button.skip"))
    await user.tap(callback_data="fb:impact:3")
    await user.tap(label(language, "feedback.button.next"))
    await user.tap(label(language, "feedback.button.next"))
    if "fb:profile:same" in _buttons(user):
        await user.tap(callback_data="fb:profile:same")
    else:
        await user.tap(callback_data="fb:skip:region")


async def submit_one(user: ScriptedUser, language: str, **kwargs: object) -> str:
    """Walk the flow and submit; return the receipt code."""
    await answer_until_review(user, language, **kwargs)  # type: ignore[arg-type]
    await user.tap(callback_data="fb:submit")
    receipt = next(m for m in user.replies() if m.text and "SV-" in m.text)
    assert receipt.text is not None
    return next(word for word in receipt.text.split() if word.startswith("SV-"))


# What an owner typed into the law field, as the issue found it shown to other owners.
TYPED_LAW = "저작권법 - 한빛테크 김대표 010-1234-5678 연락주세요"
TYPED_PROPOSAL = "한빛테크 김대표에게 직접 연락 주세요 010-1234-5678"
PERSON = ("한빛테크", "김대표", "010-1234-5678", "연락주세요")


async def submit_with_details(
    user: ScriptedUser, *, category: str, problem: str, law: str, proposal: str
) -> None:
    """An anonymous report with a typed law and proposal, through the details."""
    await answer_until_ready(user, category=category, problem=problem, anonymous=True)
    await user.tap(callback_data="fb:more")
    await user.send(law)
    await user.send(proposal)
    await user.tap(callback_data="fb:impact:3")
    await user.tap(label("ko", "feedback.button.next"))
    await user.tap(label("ko", "feedback.button.next"))
    await user.tap(callback_data="fb:skip:region")
    await user.tap(callback_data="fb:submit")


async def ready_beside_planted(
    sotong: BotHarness,
    *,
    law: str = TYPED_LAW,
    proposal: str = TYPED_PROPOSAL,
    problem: str = PROBLEM_KO,
    language: str = "ko",
) -> ScriptedUser:
    """Another owner's anonymous report with typed details, and a second owner at the ready screen.

    The second owner's draft is about the same problem, so the report is offered as similar.
    """
    owner = await agreed_user(sotong, "민수", username="minsu")
    await submit_with_details(
        owner, category="ai_copyright", problem=problem, law=law, proposal=proposal
    )
    other = await agreed_user(sotong, "지영", language=language)
    await answer_until_ready(
        other, problem="저작물마다 허락을 받아서 AI 학습데이터로 쓰는 것은 불가능합니다"
    )
    return other


async def at_impact(sotong: BotHarness, language: str) -> ScriptedUser:
    """A consenting owner whose draft waits at the severity question (law and proposal skipped)."""
    owner = await agreed_user(sotong, "민수", language=language)
    await owner.send("/feedback")
    await owner.tap(callback_data="fb:cat:ai_copyright")
    await owner.send(PROBLEM_KO)
    await owner.tap(callback_data="fb:more")
    await owner.tap(callback_data="fb:skip:law")
    await owner.tap(callback_data="fb:skip:proposal")
    return owner
