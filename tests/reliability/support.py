"""Running `python -m bot` as a real process against the in-test emulator, to kill it for real."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from sandbox.emulator import BotApiEmulator
from tests.fixtures.app import TEST_TOKEN

ROOT = Path(__file__).resolve().parents[2]


def bot_environment(emulator: BotApiEmulator, database: Path, home: Path) -> dict[str, str]:
    """The environment of a bot process polling `emulator` and storing in `database`."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "BOT_TOKEN": TEST_TOKEN,
        "BOT_API_BASE_URL": emulator.base_url,
        "BOT_API_FILE_URL": emulator.base_file_url,
        "DATABASE_PATH": str(database),
        "LOG_LEVEL": "INFO",
    }


async def start_bot(environment: dict[str, str]) -> asyncio.subprocess.Process:
    """Start `python -m bot`; its output is collected by `finish`."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=ROOT,
        env=environment,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finish(
    process: asyncio.subprocess.Process, *, within: float = 30, interrupt: bool = True
) -> str:
    """Wait for the process to end (after a Ctrl-C if `interrupt`); return its stderr.

    Raises:
        TimeoutError: the process did not end within `within` seconds (it is killed).

    """
    if interrupt and process.returncode is None:
        process.send_signal(signal.SIGINT)
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), within)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    return stderr.decode()


async def wait_for_polling(emulator: BotApiEmulator, *, within: float = 30) -> None:
    """Wait until the bot process long-polls (its start-up is over)."""
    async with asyncio.timeout(within):
        # The emulator announces calls, not a long poll that starts waiting.
        while not emulator.state.updates.polling:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
