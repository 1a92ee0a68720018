"""SIGTERM in the middle of handling updates in webhook mode: the bot stops within 10 s."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

from sandbox.emulator import BotApiEmulator
from tests.fixtures.app import TEST_TOKEN
from tests.ops.support import free_port, webhook_settings

ROOT = Path(__file__).resolve().parents[2]
USERS = 40


async def _until(condition: object, within: float) -> None:
    """Poll a cheap condition on the emulator: the bot runs in another process."""
    deadline = time.monotonic() + within
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def _stop_while_busy(
    emulator: BotApiEmulator, env: dict[str, str], started: str, users: int = USERS
) -> tuple[float, int | None, bytes]:
    """Start `python -m bot`, give it work, SIGTERM it once answers flow; time the stop."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await _until(lambda: emulator.calls(started), within=30)
        for number in range(users):
            emulator.send_text(emulator.create_user(f"사용자{number}").id, "/start")
        # Some answers are out, others not yet: the bot is in the middle of its work.
        await _until(lambda: emulator.calls("sendMessage"), within=30)
        stopping = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), 10)
        return time.monotonic() - stopping, process.returncode, err
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


def _environment(emulator: BotApiEmulator, tmp_path: Path) -> dict[str, str]:
    return {
        "PATH": os.environ["PATH"],
        "PTB_TIMEDELTA": "1",
        "BOT_TOKEN": TEST_TOKEN,
        "BOT_API_BASE_URL": emulator.base_url,
        "BOT_API_FILE_URL": emulator.base_file_url,
        "DATABASE_PATH": str(tmp_path / "sotong.db"),
    }


async def test_sigterm_while_handling_webhook_updates_stops_within_10_s(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    env = {
        **_environment(emulator, tmp_path),
        **{name.upper(): str(value) for name, value in webhook_settings(free_port()).items()},
    }
    elapsed, status, err = await _stop_while_busy(emulator, env, "setWebhook")
    assert status == 0, err.decode()[-2000:]
    assert elapsed < 10
    assert b"Traceback" not in err
    # Every update the bot acknowledged was answered; the rest waits at Telegram.
    answered = {call.params["chat_id"] for call in emulator.calls("sendMessage")}
    acknowledged = sum(1 for attempt in emulator.state.webhook.attempts if attempt.status == 200)
    assert len(answered) == acknowledged
    assert acknowledged + emulator.state.updates.pending_count == USERS


async def test_sigterm_while_polling_stops_within_10_s(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    # Polling starts with deleteWebhook (a long poll is logged only once it returns). Fewer
    # users: polled in one batch, forty answers would exceed 30 messages a second.
    elapsed, status, err = await _stop_while_busy(
        emulator, _environment(emulator, tmp_path), "deleteWebhook", users=10
    )
    assert status == 0, err.decode()[-2000:]
    assert elapsed < 10
    assert b"Traceback" not in err
