"""Property-based hostility: arbitrary text, commands, taps and forged callback data.

Every conversation state is reached the way a user reaches it (USER_STATES, ADMIN_STATES), then
each example is a random walk from there: arbitrary Unicode of any size, commands, taps on
whatever buttons the bot shows and callback data no button carried. After every action three
things must hold:

- no handler raised (the error handler saw nothing),
- the bot made no call Telegram would refuse and left no button tap unanswered,
- a bystander's data (their account, draft, submissions, subscription) did not change
  (not checked for an administrator, who may act on anyone's submission).

Flood limits are lifted here (tests/hostile/test_floods.py covers floods); files are left to
their own tests. `HYPOTHESIS_PROFILE=deep` explores far more (see conftest.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain import callback_data as cb
from domain.subscriptions import SubscriptionChoice
from handlers.commands import Scope, admin_commands, declared_commands
from handlers.context import SotongContext
from sandbox.emulator import EmulatorLimits, ScriptedUser
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_KO, agreed_user, answer_until_review, submit_one

# Telegram never delivers lone surrogates (the Bot API is UTF-8); everything else is fair game.
_CHARS = st.characters(exclude_categories=("Cs",))
_TRICKY = [
    "\u200b" * 12,
    "\x00abc\x00",
    "\u202eevil\u202c",
    "😀" * 2000,
    "9" * 400,
    "-1",
    "1e309",
    "SV-2026-" + " " * 60 + "1",
    "<b>not closed",
    "&amp;&lt;",
    "/start@other_bot",
    "／feedback",
]
TEXT = st.one_of(
    st.text(_CHARS, min_size=1, max_size=40),
    st.text(_CHARS, min_size=500, max_size=2000),
    st.sampled_from(_TRICKY),
).filter(lambda text: text.strip() != "" or text != "")
# Every declared command (handlers/commands.py), so the suite follows each new one, plus
# arguments that must be refused politely and a command that does not exist.
COMMANDS = [
    *(f"/{c.name}" for c in declared_commands() if c.scope is not Scope.ADMIN),
    "/status SV-2026-000001",
    "/status " + "9" * 300,
    "/nosuchcommand",
]
ADMIN_COMMANDS = [
    *(f"/{name}" for name in admin_commands()),
    "/extend SV-2026-000001 2026-02-30 늦어요",
    "/extend SV-2026-000001 9999-12-31 " + "이유" * 300,
    "/link SV-2026-000001",
    "/search " + "%_*" * 50,
]
_ROUTE_WORDS = [
    "menu",
    "fb",
    "metoo",
    "my",
    "sub",
    "meet",
    "bill",
    "ai",
    "aa",
    "ax",
    "cadm",
    "consent",
    "deletion",
    "lang",
    "start",
    "admin",
    "dlv",
]
_PART = st.one_of(
    st.integers(-(2**80), 2**80).map(str),
    st.sampled_from(["0", "1", "d", "*", "-", "_", "", "yes", "cat", "page", "open", "metoo"]),
    st.text(_CHARS, max_size=8),
)


def _fits(data: str) -> bool:
    return 0 < len(data.encode()) <= cb.MAX_BYTES


CALLBACK_DATA = st.one_of(
    st.builds(
        lambda head, parts: ":".join([head, *parts]),
        st.sampled_from(_ROUTE_WORDS),
        st.lists(_PART, max_size=7),
    ),
    st.text(_CHARS, min_size=1, max_size=64),
).filter(_fits)
ACTION = st.one_of(
    st.tuples(st.just("text"), TEXT),
    st.tuples(st.just("command"), st.sampled_from(COMMANDS)),
    st.tuples(st.just("tap"), st.integers(0, 30)),
    st.tuples(st.just("tap"), st.integers(0, 30)),
    st.tuples(st.just("tap"), st.integers(0, 30)),
    st.tuples(st.just("forge"), CALLBACK_DATA),
    st.tuples(st.just("sticker"), st.just("")),
)
WALK = st.lists(ACTION, min_size=1, max_size=8)


class Watch:
    """Collects handler errors; checks conformance and a bystander's data after each action."""

    def __init__(self, sotong: BotHarness, bystander: ScriptedUser) -> None:
        self.sotong = sotong
        self.bystander = bystander
        self.errors: list[BaseException] = []
        self._before: Any = None

        async def record(update: object, context: SotongContext) -> None:
            assert context.error is not None
            self.errors.append(context.error)

        sotong.application.add_error_handler(record)

    async def bystanders_data(self) -> Any:
        services = self.sotong.services
        stored = self.sotong.repositories
        user_id = self.bystander.id
        submissions = await stored.submissions.list_for_owner(user_id, limit=50, offset=0)
        return (
            await stored.users.get(user_id),
            await services.drafts.get(user_id),
            [(s.id, s.status, s.problem, s.visibility, s.submitter) for s in submissions],
            await services.subscribers.get(user_id),
        )

    async def remember(self) -> None:
        self._before = await self.bystanders_data()

    def forget_bystander(self) -> None:
        self._before = None

    async def check(self, what: str) -> None:
        await self.sotong.settle()
        assert self.errors == [], f"{what}: a handler raised {self.errors[0]!r}"
        problems = self.sotong.emulator.conformance_problems()
        assert problems == [], f"{what}: " + "\n".join(problems)
        if self._before is not None:
            assert await self.bystanders_data() == self._before, f"{what}: bystander changed"


def _latest_keyboard(user: ScriptedUser) -> Iterator[tuple[Any, str]]:
    for message in reversed(user.transcript):
        if message.sender == "bot" and not message.deleted and message.inline_keyboard:
            for row in message.inline_keyboard:
                for button in row:
                    if button.callback_data is not None:
                        yield message, button.callback_data
            return


async def _act(sotong: BotHarness, user: ScriptedUser, action: tuple[str, Any]) -> None:
    kind, value = action
    if kind in ("text", "command"):
        _, update_id = sotong.emulator.send_text(user.id, value)
    elif kind == "sticker":
        _, update_id = sotong.emulator.send_sticker(user.id)
    elif kind == "button":  # the scripted way into a state: a button the bot must be showing
        message = next(
            m
            for m in reversed(user.transcript)
            if m.sender == "bot"
            and any(b.callback_data == value for r in m.inline_keyboard for b in r)
        )
        _, update_id = sotong.emulator.state.user_tap(user.id, message, value)
    else:
        choices = list(_latest_keyboard(user))
        if kind == "tap" and choices:
            message, data = choices[value % len(choices)]
        elif kind == "forge":
            message = next((m for m in reversed(user.transcript) if m.sender == "bot"), None)
            if message is None:
                return
            data = value
        else:
            return
        _, update_id = sotong.emulator.state.user_tap(user.id, message, data)
    if update_id is not None:
        await sotong.emulator.wait_delivered(update_id)
    await sotong.settle()


# The way into each conversation state, as a user would go there (see handlers/*.mmd).
_FEEDBACK: list[tuple[str, Any]] = [
    ("command", "/feedback"),
    ("button", "fb:cat:ai_copyright"),
    ("text", PROBLEM_KO),
    ("button", "fb:more"),
    ("button", "fb:skip:law"),
    ("button", "fb:skip:proposal"),
    ("button", "fb:impact:3"),
    ("button", "fb:next:cost"),
    ("button", "fb:next:attachments"),
    ("button", "fb:region:seoul"),
    ("button", "fb:size:small"),
    ("button", "fb:skip:industry"),
]
_STEPS = [
    "category",
    "problem",
    "ready",
    "law",
    "proposal",
    "impact",
    "cost",
    "attachments",
    "region",
    "size",
    "industry",
    "review",
]
USER_STATES: dict[str, list[tuple[str, Any]]] = {
    f"feedback: {name}": _FEEDBACK[: index + 1] for index, name in enumerate(_STEPS)
}
USER_STATES |= {
    "feedback: cost in hours": [*_FEEDBACK[:7], ("button", "fb:cost:hours")],
    "feedback: cost in won": [*_FEEDBACK[:7], ("button", "fb:cost:won")],
    "feedback: visibility": [*_FEEDBACK, ("button", "fb:edit:visibility")],
    "subscribe: panel": [("command", "/subscribe")],
    "subscribe: topics": [("command", "/subscribe"), ("button", "sub:cats")],
    "subscribe: hour": [
        ("command", "/subscribe"),
        ("button", "sub:freq"),
        ("button", "sub:freq:weekly"),
    ],
    "my and meetings": [("command", "/my"), ("command", "/meetings"), ("command", "/bills")],
    "deletion: confirm": [("command", "/deletemydata")],
    "privacy: withdraw": [("command", "/privacy"), ("button", "consent:withdraw")],
}
ADMIN_STATES: dict[str, list[tuple[str, Any]]] = {
    "inbox": [("command", "/cancel"), ("command", "/inbox")],
    "inbox: typing an answer": [
        ("command", "/cancel"),
        ("command", "/inbox"),
        ("tap", 0),
        ("button", "ai:a:answer:1"),
    ],
    "export": [("command", "/cancel"), ("command", "/export")],
    "add meeting": [("command", "/cancel"), ("command", "/addmeeting"), ("tap", 0)],
    "add bill": [("command", "/cancel"), ("command", "/addbill")],
    "announce": [("command", "/cancel"), ("command", "/announce")],
}


async def _bystander(sotong: BotHarness) -> ScriptedUser:
    """Someone with an anonymous submission, a draft in progress and a subscription."""
    bystander = await agreed_user(sotong, "방관자", username="bystander")
    await submit_one(bystander, "ko", anonymous=True)
    await answer_until_review(bystander, "ko")
    await sotong.services.subscriptions.subscribe(bystander.id, SubscriptionChoice(hour=9))
    return bystander


@pytest.fixture
def emulator_limits() -> EmulatorLimits:
    """Flood limits lifted: a walker taps faster than any person.

    Pacing it to Telegram's one message a second per chat would make every example slow;
    tests/hostile/test_floods.py covers floods.
    """
    return EmulatorLimits().without_flood_control()


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    return {"reply_rate_per_second": 0, "input_burst": 10_000}


@pytest.fixture
async def watch(sotong: BotHarness) -> Watch:
    watch = Watch(sotong, await _bystander(sotong))
    await watch.remember()
    return watch


@given(walk=WALK)
async def test_a_newcomer_doing_anything_breaks_nothing(
    sotong: BotHarness, watch: Watch, walk: list[tuple[str, Any]]
) -> None:
    user = sotong.user("무작위")
    for step, action in enumerate(walk):
        await _act(sotong, user, action)
        await watch.check(f"step {step} {action!r:.120}")


@pytest.mark.parametrize("state", list(USER_STATES))
@given(walk=WALK)
async def test_anything_in_any_user_state_breaks_nothing(
    sotong: BotHarness, watch: Watch, state: str, walk: list[tuple[str, Any]]
) -> None:
    user = await agreed_user(sotong, "동의함")
    for action in USER_STATES[state]:
        await _act(sotong, user, action)
    await watch.check(f"{state}: the way in")
    for step, action in enumerate(walk):
        await _act(sotong, user, action)
        await watch.check(f"{state}, step {step} {action!r:.120}")


ADMIN_WALK = st.lists(
    st.one_of(ACTION, st.tuples(st.just("command"), st.sampled_from(ADMIN_COMMANDS))),
    min_size=1,
    max_size=8,
)


@pytest.mark.parametrize("state", list(ADMIN_STATES))
@given(walk=ADMIN_WALK)
async def test_anything_in_any_admin_state_breaks_nothing(
    sotong: BotHarness, watch: Watch, state: str, walk: list[tuple[str, Any]]
) -> None:
    # An administrator may change anyone's submission: only errors and refusals are checked.
    watch.forget_bystander()
    admin = sotong.admin()
    for action in ADMIN_STATES[state]:
        await _act(sotong, admin, action)
    await watch.check(f"admin {state}: the way in")
    for step, action in enumerate(walk):
        await _act(sotong, admin, action)
        await watch.check(f"admin {state}, step {step} {action!r:.120}")
