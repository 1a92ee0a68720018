"""`python -m bot` as a real process: reaches the configured API, stops cleanly on Ctrl-C."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from bot.cli import build_parser
from sandbox.emulator import BotApiEmulator
from tests.fixtures.app import TEST_TOKEN

ROOT = Path(__file__).resolve().parents[2]


async def test_python_m_bot_polls_the_configured_api_and_stops_on_sigint(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "BOT_TOKEN": TEST_TOKEN,
        "BOT_API_BASE_URL": emulator.base_url,
        "BOT_API_FILE_URL": emulator.base_file_url,
        "DATABASE_PATH": str(tmp_path / "db" / "sotong.db"),
        "LOG_LEVEL": "DEBUG",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=ROOT,
        env=environment,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with asyncio.timeout(30), emulator.subscribe() as events:
            while not emulator.calls("deleteWebhook"):
                await events.next(within=30)
    finally:
        process.send_signal(signal.SIGINT)
        stdout, stderr = await asyncio.wait_for(process.communicate(), 30)
    log = stderr.decode()
    assert process.returncode == 0, log
    assert "Traceback" not in log
    assert TEST_TOKEN not in log
    assert "Sotong is running" in log
    methods = {call.method for call in emulator.calls()}
    assert {"getMe", "setMyCommands", "setMyDescription", "deleteWebhook"} <= methods
    assert (tmp_path / "db" / "sotong.db").exists()
    assert stdout == b""


def test_every_subcommand_has_help() -> None:
    parser, commands = build_parser()
    subparsers = next(action for action in parser._actions if action.dest == "command")
    choices = getattr(subparsers, "choices", {})
    assert set(choices) == set(commands)
    for name, subparser in choices.items():
        assert subparser.description, f"{name} has no description"
        assert subparser.format_help().strip()
    helps = {action.dest: action.help for action in getattr(subparsers, "_choices_actions", [])}
    assert all(helps.get(name) for name in commands), helps
