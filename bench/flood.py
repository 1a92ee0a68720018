"""Flood benchmark: one user sends 1,000 messages at once, another sends /help.

    uv run python bench/flood.py [--messages 1000]

How fast is the second user answered? The emulator runs in this process with Telegram's flood
limits (about one message a second per chat after a short burst, 30 a second overall); Sotong
runs as in production against it, with its default settings. Both users have started the bot.
All the flooder's messages arrive in one go, then the other user sends /help. Printed: how long
/help took, what the flooder got back, how many 429 answers the bot drew, and how long stopping
the bot took with the backlog still queued. Targets: /help under 1 s, no 429, stop under 10 s.
A second run lifts the input budget, so all the messages queue behind one another: fairness
and shutdown then do not depend on the budget.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PTB_TIMEDELTA", "1")

from bot.config import load_settings  # noqa: E402
from bot.runtime import running_bot  # noqa: E402
from domain.clock import FrozenClock  # noqa: E402
from sandbox.emulator import BotApiEmulator  # noqa: E402

TOKEN = "123456789:AAbenchTOKENforTHEemulatorONLY_0123456789"


async def _first_reply(emulator: BotApiEmulator, chat_id: int, within: float) -> float:
    """Seconds until the chat's first reply (polled: the emulator has no event for it)."""
    started = time.perf_counter()
    while not emulator.replies(chat_id):
        if time.perf_counter() - started > within:
            return within
        await asyncio.sleep(0.002)
    return time.perf_counter() - started


async def run(messages: int, *, budget_lifted: bool) -> None:
    """Flood, measure /help, stop under the backlog, report."""
    emulator = BotApiEmulator()
    await emulator.start()
    folder = Path(tempfile.mkdtemp(prefix="sotong-flood-"))
    settings = load_settings(
        bot_token=TOKEN,
        bot_api_base_url=emulator.base_url,
        bot_api_file_url=emulator.base_file_url,
        database_path=folder / "sotong.db",
        input_burst=10_000 if budget_lifted else 20,
        log_level="ERROR",
        _env_file=None,
    )
    flooder = emulator.create_user("홍수", started=True)
    other = emulator.create_user("민수", started=True)
    stack = running_bot(settings, clock=FrozenClock(datetime.now(UTC)), poll_timeout=1)
    await stack.__aenter__()
    try:
        for number in range(messages):
            emulator.send_text(flooder.id, f"메시지 {number}")
        await emulator.wait_delivered()
        emulator.send_text(other.id, "/help")
        latency = await _first_reply(emulator, other.id, within=300)
    finally:
        stopping = time.perf_counter()
        await stack.__aexit__(None, None, None)
        stopped = time.perf_counter() - stopping
    calls = emulator.state.calls
    rejected = sum(call.status == 429 for call in calls)
    to_flooder = [m for m in emulator.transcript(flooder.id) if m.sender == "bot"]
    await emulator.stop()
    print(
        f"{'input budget lifted' if budget_lifted else 'default settings'}: "
        f"{messages} messages from one user: another user's /help answered in "
        f"{latency * 1000:.0f} ms (target < 1000); the flooder got {len(to_flooder)} replies "
        f"before the stop; 429 answers: {rejected}; stopping with the backlog queued took "
        f"{stopped:.1f} s (target < 10)"
    )


def main() -> int:
    """Parse the arguments and run once."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=1000)
    messages = parser.parse_args().messages
    asyncio.run(run(messages, budget_lifted=False))
    asyncio.run(run(messages, budget_lifted=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
