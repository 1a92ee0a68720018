"""`python -m bot check`: one line per check, each failing once, and the exit status."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from bot.cli_ops import CheckResult, run_checks
from bot.config import ConfigurationError, Settings
from sandbox.emulator import BotApiEmulator
from storage.database import Database
from storage.migrations import discover_migrations

ROOT = Path(__file__).resolve().parents[2]


def _by_name(results: list[CheckResult]) -> dict[str, CheckResult]:
    assert [result.name for result in results] == ["configuration", "database", "disk", "telegram"]
    return {result.name: result for result in results}


async def _migrated(path: Path, *, leave_out: int = 0) -> None:
    migrations = discover_migrations()
    database = await Database.open(path, migrations[: len(migrations) - leave_out])
    await database.close()


async def test_everything_passes(bot_settings: Settings) -> None:
    await _migrated(bot_settings.database_path)
    results = _by_name(await run_checks(lambda: bot_settings))
    assert all(result.ok for result in results.values()), results
    assert results["telegram"].detail.startswith("@sotong_bot")
    assert results["configuration"].line().startswith("ok   configuration: valid (long polling)")


async def test_a_bad_configuration_fails_and_the_rest_is_not_run() -> None:
    def load() -> Settings:
        raise ConfigurationError("BOT_TOKEN is not set. Expected: a token")

    results = _by_name(await run_checks(load))
    assert results["configuration"].line() == (
        "FAIL configuration: BOT_TOKEN is not set. Expected: a token"
    )
    assert not any(result.ok for result in results.values())


async def test_a_missing_database_fails(bot_settings: Settings) -> None:
    results = _by_name(await run_checks(lambda: bot_settings))
    assert not results["database"].ok
    assert "no database at" in results["database"].detail


async def test_a_damaged_database_fails(bot_settings: Settings) -> None:
    bot_settings.database_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    results = _by_name(await run_checks(lambda: bot_settings))
    assert not results["database"].ok
    assert "cannot be read" in results["database"].detail


async def test_pending_migrations_fail(bot_settings: Settings) -> None:
    await _migrated(bot_settings.database_path, leave_out=1)
    results = _by_name(await run_checks(lambda: bot_settings))
    assert not results["database"].ok
    assert "1 migration(s) pending" in results["database"].detail


async def test_a_step_numbered_below_an_applied_one_fails(bot_settings: Settings) -> None:
    released = [m for m in discover_migrations() if m.version <= 27 and m.version != 23]
    await (await Database.open(bot_settings.database_path, released)).close()
    results = _by_name(await run_checks(lambda: bot_settings))
    assert not results["database"].ok
    assert results["database"].detail.startswith(
        "migration 0023_answer_deadlines is numbered below 0027"
    )


async def test_too_little_disk_space_fails(bot_settings: Settings) -> None:
    await _migrated(bot_settings.database_path)
    greedy = bot_settings.model_copy(update={"min_free_disk_mb": 10**12})
    results = _by_name(await run_checks(lambda: greedy))
    assert not results["disk"].ok and results["database"].ok


async def test_telegram_out_of_reach_fails(bot_settings: Settings) -> None:
    await _migrated(bot_settings.database_path)
    away = bot_settings.model_copy(update={"bot_api_base_url": "http://127.0.0.1:9/bot"})
    results = _by_name(await run_checks(lambda: away))
    assert not results["telegram"].ok
    assert results["telegram"].detail.startswith("getMe failed")


async def _check_process(env: dict[str, str]) -> tuple[int, list[str]]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "check",
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "PTB_TIMEDELTA": "1", **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert b"Traceback" not in err
    return process.returncode or 0, out.decode().splitlines()


async def test_the_command_exits_0_when_healthy_and_1_otherwise(
    bot_settings: Settings, emulator: BotApiEmulator
) -> None:
    await _migrated(bot_settings.database_path)
    env = {
        "BOT_TOKEN": bot_settings.bot_token.get_secret_value(),
        "BOT_API_BASE_URL": emulator.base_url,
        "DATABASE_PATH": str(bot_settings.database_path),
    }
    status, lines = await _check_process(env)
    assert status == 0, lines
    assert [line.split()[0] for line in lines] == ["ok"] * 4
    status, lines = await _check_process({**env, "MIN_FREE_DISK_MB": str(10**12)})
    assert status == 1
    assert lines[2].startswith("FAIL disk:")
    status, lines = await _check_process({})
    assert status == 1
    assert lines[0].startswith("FAIL configuration: BOT_TOKEN is not set")


async def test_a_webhook_port_telegram_refuses_is_refused_before_setwebhook(
    tmp_path: Path,
) -> None:
    env = {
        "BOT_TOKEN": "123456789:AAtestTOKENforTHEemulatorONLY_0123456789",
        "DATABASE_PATH": str(tmp_path / "sotong.db"),
        "WEBHOOK_URL": "https://bot.example.org:8080/telegram",
        "WEBHOOK_SECRET": "webhook-Secret_for-the-tests-only",
    }
    status, lines = await _check_process(env)
    assert status == 1
    assert lines[0] == (
        "FAIL configuration: WEBHOOK_URL is invalid: expected an https:// URL on port 443, "
        "80, 88 or 8443, not 8080 (the only ports Telegram posts webhooks to)"
    )
