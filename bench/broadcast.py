# Imports sit inside the child on purpose: the measuring parent must stay small.
# ruff: noqa: PLC0415
"""Broadcast benchmark: one digest to 10,000 subscribers through the emulator.

    uv run python bench/broadcast.py [--subscribers 10000]

Two runs:

- "telegram": the emulator enforces Telegram's flood limits (30/s overall, ~1/s per chat) and
  the real application sends, with DELIVERY_RATE_PER_SECOND=25. Target: about 25 msg/s and no
  429 at all.
- "lifted": flood control off and the sender's rate set out of reach: the sender's own ceiling,
  with its SQLite bookkeeping per message. The same running application as in production: its
  reply limiter paces only replies to updates, so it adds no ceiling of its own to the outbox.

The emulator runs in a process of its own, so the peak memory reported (maximum resident set,
from wait4) is the bot's: target under 150 MB. The emulator's peak is printed beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATE = 25.0
PEAK_MB = 150.0
TOKEN = "123456789:AAbenchTOKENforTHEemulatorONLY_0123456789"


async def _arrange(settings: object, subscribers: int) -> None:
    """Users who agreed to the notice, each subscribed to a daily 09:00 digest, and one meeting."""
    from datetime import UTC, datetime

    from bot.config import Settings
    from bot.wiring import Wiring
    from domain.clock import FrozenClock
    from domain.content import LocalizedText
    from domain.meetings import MeetingDraft, MeetingKind
    from domain.subscriptions import SubscriptionChoice
    from storage.database import Database

    assert isinstance(settings, Settings)
    database = await Database.open(settings.database_path)
    clock = FrozenClock(datetime(2026, 11, 21, 6, tzinfo=UTC))
    services = Wiring.create(settings, database, clock).services
    for user_id in range(1, subscribers + 1):
        await services.accounts.arrive(user_id, "ko")
        await services.accounts.agree(
            user_id,
            notice_version=services.privacy.notice_version,
            display_name=None,
            username=None,
        )
        await services.subscriptions.subscribe(user_id, SubscriptionChoice(hour=9))
    await services.content.add_meeting(
        MeetingDraft(
            kind=MeetingKind.POLICY_COUNCIL,
            title=LocalizedText("제12차 중소·벤처 AI 정책협의회", "12th SME AI policy council"),
            starts_at=datetime(2026, 12, 3, 5, tzinfo=UTC),
            place=LocalizedText("청주 오스코", "Osco, Cheongju"),
        ),
        actor_id=0,
    )
    await database.close()


async def _emulator(mode: str, subscribers: int) -> None:
    """Serve the Bot API with `subscribers` users who started the bot, until SIGTERM."""
    import signal

    from sandbox.emulator import BotApiEmulator, EmulatorLimits

    limits = EmulatorLimits() if mode == "telegram" else EmulatorLimits().without_flood_control()
    emulator = BotApiEmulator(limits=limits)
    await emulator.start()
    for user_id in range(1, subscribers + 1):
        emulator.state.add_user(
            f"구독자{user_id}",
            last_name=None,
            username=None,
            language_code="ko",
            user_id=user_id,
            started=True,
        )
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    print(emulator.url, flush=True)
    await stop.wait()
    calls = emulator.calls("sendMessage")
    delivered = {call.params.get("chat_id") for call in calls if call.status == 200}
    print(
        f"emulator: {sum(call.status == 200 for call in calls)} messages accepted for "
        f"{len(delivered)} chats; 429 answers: {sum(call.status == 429 for call in calls)}",
        flush=True,
    )
    await emulator.stop()


async def _child(mode: str, subscribers: int, url: str) -> None:
    from datetime import UTC, datetime

    from bot.config import load_settings
    from bot.runtime import running_bot
    from domain.clock import FrozenClock
    from services.container import Services

    folder = Path(tempfile.mkdtemp(prefix="sotong-broadcast-"))
    settings = load_settings(
        bot_token=TOKEN,
        bot_api_base_url=f"{url}/bot",
        bot_api_file_url=f"{url}/file/bot",
        database_path=folder / "sotong.db",
        quiet_hours="off",
        delivery_rate_per_second=TARGET_RATE if mode == "telegram" else 1000.0,
        _env_file=None,
    )
    arrange_started = time.perf_counter()
    await _arrange(settings, subscribers)
    arrange_seconds = time.perf_counter() - arrange_started
    slot = FrozenClock(datetime(2026, 11, 22, 0, tzinfo=UTC))
    async with running_bot(settings, clock=slot, poll_timeout=1) as application:
        services: Services = application.bot_data["services"]
        started = time.perf_counter()
        report = await services.dispatcher.tick()
        queued = time.perf_counter()
        services.delivery.wake()
        await services.delivery.wait_idle()
        finished = time.perf_counter()
    send_seconds = finished - queued
    print(
        f"{mode}: arranged {subscribers} subscribers in {arrange_seconds:.1f}s; queued "
        f"{report.digests} digests in {queued - started:.2f}s; sent them in {send_seconds:.1f}s"
        f" = {report.digests / send_seconds:.1f} msg/s",
        flush=True,
    )


def _run(mode: str, subscribers: int) -> float:
    """Run one mode: the emulator and the bot in separate processes; return the bot's peak MB."""
    environment = dict(os.environ, PTB_TIMEDELTA="1", PYTHONPATH=str(ROOT))
    command = [sys.executable, __file__, "--subscribers", str(subscribers)]
    emulator = subprocess.Popen(
        [*command, "--emulator", mode], cwd=ROOT, env=environment, stdout=subprocess.PIPE, text=True
    )
    assert emulator.stdout is not None
    url = emulator.stdout.readline().strip()
    bot = subprocess.Popen([*command, "--child", mode, "--url", url], cwd=ROOT, env=environment)
    _, status, usage = os.wait4(bot.pid, 0)
    emulator.send_signal(signal.SIGTERM)
    print(f"{mode}: {emulator.stdout.readline().strip()}")
    _, _, emulator_usage = os.wait4(emulator.pid, 0)
    if status != 0:
        raise SystemExit(f"{mode} run failed with status {status}")
    peak = usage.ru_maxrss / 1024
    print(
        f"{mode}: bot peak memory {peak:.0f} MB (target < {PEAK_MB:.0f} MB); "
        f"emulator process {emulator_usage.ru_maxrss / 1024:.0f} MB"
    )
    return peak


def main() -> int:
    """Run both modes and check the targets."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--child", choices=("telegram", "lifted"))
    parser.add_argument("--emulator", choices=("telegram", "lifted"))
    parser.add_argument("--url")
    arguments = parser.parse_args()
    if arguments.emulator:
        asyncio.run(_emulator(arguments.emulator, arguments.subscribers))
        return 0
    if arguments.child:
        os.environ.setdefault("PTB_TIMEDELTA", "1")
        asyncio.run(_child(arguments.child, arguments.subscribers, arguments.url))
        return 0
    peaks = [_run(mode, arguments.subscribers) for mode in ("telegram", "lifted")]
    return 0 if max(peaks) < PEAK_MB else 1


if __name__ == "__main__":
    sys.exit(main())
