"""Start-up that tells the truth (issue 10.6): broken database files, Telegram down at start.

Each runs `python -m bot` as a real process: a hang, a traceback or a leaked token shows there
and nowhere else.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from sandbox.emulator import BotApiEmulator
from tests.fixtures.app import TEST_TOKEN
from tests.reliability.support import bot_environment, finish, start_bot, wait_for_polling

EXIT_DATABASE = 3


def _healthy_database(path: Path) -> None:
    """A real SQLite file of a few pages, written without WAL so the main file holds it all."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)")
    connection.executemany(
        "INSERT INTO filler (text) VALUES (?)", [("소통 " * 200,) for _ in range(200)]
    )
    connection.commit()
    connection.close()


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _not_sqlite(path: Path) -> None:
    path.write_text("name,region\n김민수,서울\n", encoding="utf-8")


def _truncated(path: Path) -> None:
    _healthy_database(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _corrupt(path: Path) -> None:
    """Valid header and size, garbage in the pages: only reading them finds out."""
    _healthy_database(path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):
        start = page * page_size
        data[start : start + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "problem"),
    [
        (_empty, "the file is empty (0 bytes)"),
        (_not_sqlite, "not an SQLite database"),
        (_truncated, "the file is truncated"),
        (_corrupt, "the file is corrupt"),
    ],
    ids=["empty", "not-sqlite", "truncated", "corrupt"],
)
async def test_a_broken_database_stops_start_up_with_one_line_and_exit_3(
    emulator: BotApiEmulator,
    tmp_path: Path,
    spoil: Callable[[Path], None],
    problem: str,
) -> None:
    database = tmp_path / "sotong.db"
    spoil(database)
    before = database.read_bytes()
    process = await start_bot(bot_environment(emulator, database, tmp_path))
    log = await finish(process, within=20, interrupt=False)
    assert process.returncode == EXIT_DATABASE, log
    assert log.startswith(f"sotong: {database}: "), log
    assert log.count("\n") == 1, "one line"
    assert problem in log
    assert database.read_bytes() == before, "start-up must not touch a broken file"
    assert emulator.calls() == [], "nothing reaches Telegram before the database is usable"


async def test_telegram_answering_502_at_start_is_retried_without_a_traceback(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    emulator.start_outage()
    process = await start_bot(bot_environment(emulator, tmp_path / "sotong.db", tmp_path))
    try:
        async with emulator.subscribe() as events:
            while len(emulator.calls("getMe")) < 2:
                await events.next(within=20)
        emulator.end_outage()
        await wait_for_polling(emulator)
    finally:
        log = await finish(process)
    assert process.returncode == 0, log
    attempts = [line for line in log.splitlines() if "could not reach Telegram" in line]
    assert len(attempts) == len(emulator.calls("getMe")) - 1, log
    assert "attempt 1: Bad Gateway" in attempts[0]
    assert "Traceback" not in log
    assert TEST_TOKEN not in log and TEST_TOKEN.split(":")[1] not in log
    assert "Sotong is running" in log


async def test_telegram_unreachable_at_start_waits_and_stops_cleanly_on_ctrl_c(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    environment = bot_environment(emulator, tmp_path / "sotong.db", tmp_path)
    await emulator.stop()
    process = await start_bot(environment)
    assert process.stderr is not None
    first = await asyncio.wait_for(process.stderr.readline(), 20)
    log = first.decode() + await finish(process)
    assert process.returncode == 0, log
    assert "could not reach Telegram (getMe) (attempt 1:" in log
    assert "Traceback" not in log
    assert TEST_TOKEN.split(":")[1] not in log


async def test_a_token_telegram_rejects_is_a_configuration_error(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    environment = bot_environment(emulator, tmp_path / "sotong.db", tmp_path)
    environment["BOT_TOKEN"] = "123456789:AA" + "x" * 100
    emulator.expect_rejection("Unauthorized", method="getMe", status=401)
    process = await start_bot(environment)
    log = await finish(process, within=20, interrupt=False)
    assert process.returncode == 2, log
    assert log.splitlines()[-1].startswith("sotong: Telegram refused BOT_TOKEN")
    assert "Traceback" not in log
