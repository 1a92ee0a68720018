"""`kill -9` of a real `python -m bot` at many points of the feedback flow.

Owners behave as patient people do: they answer whatever the bot's latest message asks, and
when no reply comes (the bot died with their message) they answer the question they see again.
Meanwhile the bot is killed with SIGKILL at random moments and restarted on the same database.
Afterwards every owner must hold exactly one receipt (nobody stuck, nothing doubled) and every
submission must carry each answer in its own field (nothing misrouted).
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from sandbox.emulator import BotApiEmulator, EmulatorLimits
from sandbox.emulator.models import ChatMessage
from tests.fixtures.app import TEST_TOKEN

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("SOTONG_CRASH_KILLS", "20"))
"""Waves of owners start until the bot was killed this many times."""
WAVE = 6
RETRY_AFTER = 3.0
"""Seconds without a reply (with the bot up) after which a person answers again."""
PROBLEM_MARKERS = ("어떤 점이 어려우신가요", "What is the problem?")
CATEGORIES = ("ai_copyright", "ai_basic_act", "kiosk_access", "land_building")
REGIONS = ("seoul", "busan", "jeju", "gyeonggi")


@pytest.fixture
def emulator_limits() -> EmulatorLimits:
    """Telegram's limits except the per-chat burst, which scripted owners exceed by design."""
    return EmulatorLimits(private_burst=10_000)


@dataclass
class Owner:
    """One owner's answers; each text names its field, so a misrouted one is recognisable."""

    index: int
    user_id: int
    language: str
    done: bool = False
    actions: int = 0
    retries: int = 0

    @property
    def problem(self) -> str:
        return f"PROBLEM-{self.index}: 규제 때문에 사업을 못 하고 있어요."

    @property
    def law(self) -> str:
        return f"LAW-{self.index}"

    @property
    def proposal(self) -> str:
        return f"PROPOSAL-{self.index}"

    @property
    def category(self) -> str:
        return CATEGORIES[self.index % len(CATEGORIES)]

    @property
    def impact(self) -> int:
        return self.index % 5 + 1

    @property
    def region(self) -> str:
        return REGIONS[self.index % len(REGIONS)]


@dataclass
class BotProcess:
    """`python -m bot` against the emulator, killed and restarted on one database."""

    emulator: BotApiEmulator
    database: Path
    process: asyncio.subprocess.Process | None = None
    up_since: float = 0.0
    kills: int = 0

    @property
    def up(self) -> bool:
        return self.process is not None and self.up_since > 0

    async def start(self) -> None:
        environment = {
            "PATH": os.environ["PATH"],
            "HOME": str(self.database.parent),
            "BOT_TOKEN": TEST_TOKEN,
            "BOT_API_BASE_URL": self.emulator.base_url,
            "BOT_API_FILE_URL": self.emulator.base_file_url,
            "DATABASE_PATH": str(self.database),
            "PTB_TIMEDELTA": "1",
            # Owners answer far faster than people: the bot's pacing of its replies and edits
            # per chat is lifted as the emulator's burst is (see `emulator_limits`).
            "REPLY_CHAT_BURST": "1000",
        }
        polls = len(self.emulator.calls("getUpdates"))
        self.database.parent.mkdir(parents=True, exist_ok=True)
        # A file, not a pipe: a pipe nobody reads fills up and blocks the bot's logging.
        with (self.database.parent / f"bot-{self.kills}.log").open("wb") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                cwd=ROOT,
                env=environment,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=log,
            )
        for _ in range(3000):
            if len(self.emulator.calls("getUpdates")) > polls:
                self.up_since = time.monotonic()
                return
            await asyncio.sleep(0.02)
        raise AssertionError("the bot did not start polling within a minute")

    async def kill(self) -> None:
        assert self.process is not None
        self.up_since = 0.0
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()
        self.kills += 1

    async def stop(self) -> None:
        if self.process is None or self.process.returncode is not None:
            return
        self.up_since = 0.0
        self.process.send_signal(signal.SIGINT)
        await asyncio.wait_for(self.process.wait(), 30)


def _latest(emulator: BotApiEmulator, chat_id: int) -> ChatMessage | None:
    for message in reversed(emulator.transcript(chat_id)):
        if message.sender == "bot" and not message.deleted:
            return message
    return None


def _responses(emulator: BotApiEmulator, chat_id: int) -> int:
    """Messages sent or edited in the chat (the bot's visible replies)."""
    return sum(
        1
        for call in emulator.calls()
        if call.status == 200
        and call.method in {"sendMessage", "editMessageText"}
        and str(call.params.get("chat_id")) == str(chat_id)
    )


def _act(emulator: BotApiEmulator, owner: Owner, message: ChatMessage | None) -> bool:
    """Answer what the latest message asks; False once the receipt is there."""
    uid = owner.user_id
    if message is None:
        emulator.send_text(uid, "/start")
        return True
    if any("SV-20" in (seen.text or "") for seen in emulator.transcript(uid)):
        return False
    data = [button.callback_data or "" for row in message.inline_keyboard for button in row]

    def tap(wanted: str) -> None:
        emulator.tap(uid, callback_data=wanted, message_id=message.message_id)

    choices = {
        "start:lang:ko": f"start:lang:{owner.language}",
        "consent:agree": "consent:agree",
        "fb:continue": "fb:continue",
        "fb:profile:change": "fb:profile:change",
        "fb:cat:other": f"fb:cat:{owner.category}",
        "fb:impact:1": f"fb:impact:{owner.impact}",
        "fb:next:cost": "fb:next:cost",
        "fb:next:attachments": "fb:next:attachments",
        "fb:region:seoul": f"fb:region:{owner.region}",
        "fb:size:small": "fb:size:small",
        "fb:industry:ict": "fb:industry:ict",
        "fb:own": "fb:own",
        "fb:submit": "fb:submit",
    }
    if "fb:more" in data:  # the ready screen: the visibility wanted, then every detail
        visibility = "fb:vis:named" if owner.index % 2 else "fb:vis:anonymous"
        tap(visibility if visibility in data else "fb:more")
        return True
    for marker, wanted in choices.items():
        if marker in data:
            tap(wanted)
            return True
    if "fb:skip:law" in data:
        emulator.send_text(uid, owner.law)
    elif "fb:skip:proposal" in data:
        emulator.send_text(uid, owner.proposal)
    elif any(marker in (message.text or "") for marker in PROBLEM_MARKERS):
        emulator.send_text(uid, owner.problem)
    else:
        emulator.send_text(uid, "/feedback")
    return True


async def _walk(
    emulator: BotApiEmulator, bot: BotProcess, owner: Owner, rng: random.Random
) -> None:
    """Act, wait for a visible reply; with none, look at the chat again and act on it."""
    deadline = time.monotonic() + 400
    while time.monotonic() < deadline:
        before = _responses(emulator, owner.user_id)
        acted_at = time.monotonic()
        if not _act(emulator, owner, _latest(emulator, owner.user_id)):
            owner.done = True
            return
        owner.actions += 1
        ACTED.set()
        while _responses(emulator, owner.user_id) == before:
            await asyncio.sleep(0.02)
            quiet = time.monotonic() - max(acted_at, bot.up_since)
            if bot.up and quiet > RETRY_AFTER:
                owner.retries += 1
                break
        # A person reads the reply before acting again.
        await asyncio.sleep(rng.uniform(0.1, 0.4))


ACTED = asyncio.Event()
"""Set whenever an owner acts, so the killer can strike while that update is being handled."""


async def _killer(bot: BotProcess, owners: list[Owner], rng: random.Random) -> None:
    """Kill 0-80 ms after someone acts, once owners had time to notice a lost reply."""
    while not all(owner.done for owner in owners):
        await asyncio.sleep(RETRY_AFTER + rng.uniform(0.0, 1.0))
        ACTED.clear()
        try:
            await asyncio.wait_for(ACTED.wait(), 5)
        except TimeoutError:
            continue
        await asyncio.sleep(rng.uniform(0.0, 0.08))
        if all(owner.done for owner in owners):
            return
        await bot.kill()
        await bot.start()


@pytest.mark.timeout(900)
async def test_kill_9_during_intake_misroutes_nothing_and_strands_nobody(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    emulator.allow_unanswered_callbacks()  # a killed bot cannot answer the taps it held
    emulator.expect_rejection("query is too old")
    rng = random.Random(20261129)
    database = tmp_path / "db" / "sotong.db"
    bot = BotProcess(emulator, database)
    await bot.start()
    owners: list[Owner] = []
    try:
        while bot.kills < KILLS:
            group = [
                Owner(
                    index,
                    emulator.create_user(f"owner{index}", language_code=language).id,
                    language,
                )
                for index in range(len(owners), len(owners) + WAVE)
                for language in ("ko" if index % 3 else "en",)
            ]
            owners.extend(group)
            killer = asyncio.create_task(_killer(bot, group, rng))
            await asyncio.gather(*(_walk(emulator, bot, owner, rng) for owner in group))
            await killer
    finally:
        await bot.stop()

    stuck = [owner.index for owner in owners if not owner.done]
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT user_id, category_id, problem, law_or_rule, proposal, impact, region_id,"
            " visibility FROM submissions"
        ).fetchall()
    by_owner: dict[int, list[tuple[object, ...]]] = {}
    for row in rows:
        by_owner.setdefault(row[0], []).append(row[1:])
    misrouted = []
    doubled = []
    for owner in owners:
        found = by_owner.get(owner.user_id, [])
        if len(found) > 1:
            doubled.append(owner.index)
        expected = (
            owner.category,
            owner.problem,
            owner.law,
            owner.proposal,
            owner.impact,
            owner.region,
            "named" if owner.index % 2 else "anonymous",
        )
        if found and found[0] != expected:
            misrouted.append((owner.index, found[0]))
    summary = (
        f"kills={bot.kills} owners={len(owners)} actions={sum(o.actions for o in owners)} "
        f"retries={sum(o.retries for o in owners)} misrouted={len(misrouted)} "
        f"stuck={len(stuck)} doubled={len(doubled)}"
    )
    print(summary)  # the figures for the README's Reliability section
    assert not stuck, summary
    assert not misrouted, (summary, misrouted)
    assert not doubled, summary
