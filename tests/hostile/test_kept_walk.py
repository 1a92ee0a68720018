"""Property: around any interruption, at any step of a report, nothing typed is lost.

Each example reaches one step of /feedback the way an owner does, then, in an order Hypothesis
chooses, interrupts the report with every owner's command (handlers/commands.py), every menu
button and every button of older messages (a meeting list and card, a subscription panel), and
after each interruption types a text Hypothesis chooses. After every action:

- it got exactly one reply: one new message, or for a tap an edit in place or a worded toast;
- the typed text was kept (the draft changed: a field took it) or offered back (the reply
  offers to add it to the problem, or asks a figure's period); a text shorter than a sentence
  may instead get its open question asked again, the report open to take the next text;
- no handler raised, and the bot made no call Telegram would refuse.

Deterministic and modest in CI (conftest.py's profile); `HYPOTHESIS_PROFILE=deep` goes further.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from domain import callback_data as cb
from domain.drafts import FEEDBACK_FLOW, Draft
from domain.meetings import Meeting
from domain.text import clean_text
from handlers.commands import Scope, declared_commands
from handlers.context import SotongContext
from handlers.kept_offer import SENTENCE
from handlers.menu import MENU_ROWS
from sandbox.emulator import EmulatorLimits, ScriptedUser
from tests.delivery.support import add_meeting
from tests.fixtures.app import BotHarness
from tests.hostile.test_properties import USER_STATES
from tests.intake.flow import agreed_user

COMMANDS = tuple(f"/{c.name}" for c in declared_commands() if c.scope is not Scope.ADMIN)
MENU = tuple(entry.data.encode() for row in MENU_ROWS for entry in row if not entry.admin_only)
OLD = (
    "meet:show",
    "meet:remind",
    "meet:ics",
    "meet:list",
    "sub:t:",
    "sub:cats",
    "sub:freq",
    "sub:save",
    "sub:close",
)
"""Buttons of older messages, by their data's start: a meeting list's and card's, a panel's."""

# The way to each step of /feedback, as the hostile walks reach it (see handlers/feedback.mmd).
STEPS: dict[str, list[tuple[str, str]]] = {
    name.removeprefix("feedback: "): [
        ("tap" if kind == "button" else kind, value) for kind, value in way
    ]
    for name, way in USER_STATES.items()
    if name.startswith("feedback: ")
}
STEPS["topic, from the review"] = [*STEPS["review"], ("tap", "fb:edit:category")]

TYPED = st.one_of(
    st.sampled_from(
        [
            "4",
            "심각",
            "서울",
            "Seoul",
            "익명",
            "네",
            "300만원",
            "연 2억",
            "음",
            "ok",
            "저작권법 제35조의5",
            "그리고 인증 한 건마다 300만원씩 들어서 매번 포기하게 돼요",
            "Also, every certificate costs us three million won, so we give up",
            "담당 공무원마다 해석이 달라서 서류를 세 번이나 다시 냈습니다. 기준을 정해 주세요.",
        ]
    ),
    st.text(st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=80),
).filter(lambda text: text.strip() != "" and not text.lstrip().startswith(("/", "／")))
INTERRUPTIONS = [
    *(("command", name) for name in COMMANDS),
    *(("menu", data) for data in MENU),
    *(("old", prefix) for prefix in OLD),
]


@pytest.fixture
def emulator_limits() -> EmulatorLimits:
    """Flood limits lifted: the walk acts faster than a person (tests/hostile/test_floods.py)."""
    return EmulatorLimits().without_flood_control()


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    return {"reply_rate_per_second": 0, "input_burst": 10_000}


@pytest.fixture
async def meeting(sotong: BotHarness) -> Meeting:
    """One upcoming meeting, so /meetings lists a card with buttons."""
    return await add_meeting(sotong, sotong.services.clock.now() + timedelta(days=5))


class Walk:
    """One owner's walk: acts, counts each action's replies, and records handler errors."""

    def __init__(self, sotong: BotHarness, owner: ScriptedUser) -> None:
        self.sotong = sotong
        self.owner = owner
        self.older: list[tuple[int, str]] = []
        """(message id, data) of the buttons on the meeting and subscription messages."""

    def _bot_messages(self) -> int:
        return sum(1 for m in self.owner.transcript if m.sender == "bot")

    async def act(self, kind: str, value: str) -> tuple[int, int]:
        """Do one action; return (new messages, messages edited) it brought."""
        owner = self.owner
        before = self._bot_messages()
        if kind in ("command", "text"):
            await owner.send(value)
        elif kind == "tap":
            await owner.tap(callback_data=value)
        else:
            message_id, data = self._target(kind, value)
            message = next(m for m in owner.transcript if m.message_id == message_id)
            _, update_id = self.sotong.emulator.state.user_tap(owner.id, message, data)
            if update_id is not None:
                await self.sotong.emulator.wait_delivered(update_id)
            await self.sotong.settle()
        new = self._bot_messages() - before
        return new, len(owner.replies()) - new

    def _target(self, kind: str, value: str) -> tuple[int, str]:
        if kind == "menu":
            menu = next(
                m
                for m in self.owner.transcript
                if m.sender == "bot" and any(d == value for row in m.keyboard for _, d in row)
            )
            return menu.message_id, value
        return next((mid, data) for mid, data in self.older if data.startswith(value))


async def _owner_with_older_messages(sotong: BotHarness, meeting: Meeting) -> Walk:
    """A consenting owner who looked at a meeting and their subscription before the report."""
    owner = await agreed_user(sotong, "걷는이")
    walk = Walk(sotong, owner)
    await owner.send("/meetings")
    await owner.tap(callback_data=cb.MeetShow(meeting.id).encode())
    await owner.send("/subscribe")
    walk.older = [
        (m.message_id, data)
        for m in owner.transcript
        if m.sender == "bot"
        for row in m.keyboard
        for _, data in row
        if data is not None and data.startswith(("meet:", "sub:"))
    ]
    return walk


def _kept_fields(draft: Draft | None) -> object:
    return None if draft is None else (draft.content, draft.attachments, draft.visibility)


def _offers(data: str) -> bool:
    return cb.KeptOffer.matches(data) or cb.FbCostPeriod.matches(data)


@pytest.mark.parametrize("step", list(STEPS))
# Each example is a few dozen actions: shrinking one would take minutes, and the failing action
# is named in the message anyway.
@settings(
    max_examples=max(1, settings.default.max_examples // 5),
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
)
@given(
    order=st.permutations(INTERRUPTIONS),
    texts=st.lists(TYPED, min_size=len(INTERRUPTIONS), max_size=len(INTERRUPTIONS)),
)
async def test_no_typed_text_is_lost_around_any_interruption(
    sotong: BotHarness,
    meeting: Meeting,
    step: str,
    order: list[tuple[str, str]],
    texts: list[str],
) -> None:
    errors: list[BaseException] = []

    async def record(update: object, context: SotongContext) -> None:
        assert context.error is not None
        errors.append(context.error)

    sotong.application.add_error_handler(record)
    walk = await _owner_with_older_messages(sotong, meeting)
    for kind, value in STEPS[step]:
        await walk.act(kind, value)
    drafts = sotong.services.drafts
    owner = walk.owner
    for (kind, value), text in zip(order, texts, strict=False):
        what = f"{step}: {value!r} then {text!r}"
        new, edited = await walk.act(kind, value)
        toast = owner.last_toast
        worded = toast is not None and bool(toast.text)
        assert new == 1 or (new == 0 and kind != "command" and (edited > 0 or worded)), (
            f"{what}: the interruption got {new} new messages"
        )
        before = await drafts.get(owner.id)
        new, _ = await walk.act("text", text)
        assert new == 1, f"{what}: the text got {new} new messages"
        reply = owner.transcript[-1]
        kept = _kept_fields(await drafts.get(owner.id)) != _kept_fields(before)
        offered = any(_offers(data) for row in reply.keyboard for _, data in row if data)
        question = await sotong.services.forms.open_question(owner.id)
        asked_again = question is not None and question.flow == FEEDBACK_FLOW
        if len(clean_text(text)) >= SENTENCE:
            assert kept or offered, f"{what}: the sentence was lost; reply {reply.text!r}"
        else:
            assert kept or offered or asked_again, f"{what}: lost; reply {reply.text!r}"
        await sotong.settle()
        assert errors == [], f"{what}: a handler raised {errors[0]!r}"
        problems = sotong.emulator.conformance_problems()
        assert problems == [], f"{what}: " + "\n".join(problems)
    sotong.application.remove_error_handler(record)
