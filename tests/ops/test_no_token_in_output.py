"""No output of any `python -m bot` command shows the token, however the command fails."""

from __future__ import annotations

import asyncio
import io
import os
import sys
from pathlib import Path

import pytest

from bot.cli import build_parser
from bot.logging_setup import RedactingStream

ROOT = Path(__file__).resolve().parents[2]
SECRET = "AAleakTESTsecretPARTofTHEtoken_0123456789"
# Two digits before the colon: too short for the token-shaped pattern, so only the
# configured secret itself can mask it.
TOKEN = f"42:{SECRET}"
ASSEMBLY_KEY = "assemblyKEYforTHEleakTEST0123"
WEBHOOK_SECRET = "webhookSECRETforTHEleakTEST_0123"
FAILING = [
    ("run",),
    ("check",),
    ("export", "--format", "csv", "--out", "out.csv"),
    ("import", "missing.yaml"),
    ("backup",),
    ("restore", "missing.db"),
    ("assembly-sync", "--dry-run", "2214372"),
    ("no-such-command",),
    ("--help",),
]


async def _output(tmp_path: Path, *arguments: str) -> str:
    environment = {
        "PATH": os.environ["PATH"],
        "PTB_TIMEDELTA": "1",
        "BOT_TOKEN": TOKEN,
        "BOT_API_BASE_URL": "http://127.0.0.1:99999/bot",
        "BOT_API_FILE_URL": "http://127.0.0.1:99999/file/bot",
        "DATABASE_PATH": str(tmp_path / "sotong.db"),
        "BACKUP_DIR": str(tmp_path / "backups"),
        "ASSEMBLY_API_KEY": ASSEMBLY_KEY,
        "ASSEMBLY_API_URL": "http://127.0.0.1:99999/portal/openapi",
        "WEBHOOK_SECRET": WEBHOOK_SECRET,
        "LOG_LEVEL": "DEBUG",
        "LOG_PAYLOADS": "true",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *arguments,
        cwd=tmp_path,
        env={**environment, "PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode != 0 or arguments[-1] == "--help", (out, err)
    return (out + err).decode()


def test_every_subcommand_is_tried() -> None:
    _, commands = build_parser()
    assert set(commands) <= {arguments[0] for arguments in FAILING}


@pytest.mark.parametrize("arguments", FAILING, ids=lambda arguments: arguments[0])
async def test_no_command_prints_a_secret(tmp_path: Path, arguments: tuple[str, ...]) -> None:
    # A damaged database makes the database commands fail too, not only the Telegram ones.
    (tmp_path / "sotong.db").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    output = await _output(tmp_path, *arguments)
    assert output.strip()
    for secret in (SECRET, ASSEMBLY_KEY, WEBHOOK_SECRET):
        assert secret not in output, output


async def test_the_bad_address_is_still_named(tmp_path: Path) -> None:
    output = await _output(tmp_path, "check")
    assert "FAIL telegram: getMe failed" in output
    assert "http://127.0.0.1:99999/bot<token>/getMe" in output


def test_a_token_written_in_pieces_is_masked_whole() -> None:
    target = io.StringIO()
    stream = RedactingStream(target)
    stream.write("GET /bot123456789:AAtestTOKEN")
    stream.write("forTHEemulatorONLY_0123456789/getMe\nnext")
    stream.flush()
    assert target.getvalue() == "GET /bot<token>/getMe\nnext"
