"""`python -m sandbox` as a person runs it: fast to start, loopback by default, clean Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTUP_LIMIT = 5.0


def _start(workdir: Path, *arguments: str) -> subprocess.Popen[str]:
    # A bare environment: no .env in the working directory, no BOT_TOKEN, nothing to lean on.
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(workdir),
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "sandbox", *arguments],
        cwd=workdir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_address(process: subprocess.Popen[str]) -> tuple[str, list[str]]:
    """Read the start-up lines (address, reach, database); return the address and the lines."""
    assert process.stdout is not None
    lines: list[str] = []
    address = None
    while line := process.stdout.readline():
        lines.append(line)
        if found := re.search(r"http://[\d.]+:\d+", line):
            address = found.group()
        if line.startswith("Database:") and address is not None:
            return address, lines
    _, errors = process.communicate(timeout=10)
    pytest.fail(f"the sandbox exited without an address:\n{''.join(lines)}{errors}")


def _stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    process.send_signal(signal.SIGINT)
    try:
        return process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail("the sandbox did not stop within 15 seconds of Ctrl-C")


def test_starts_within_five_seconds_serves_the_page_and_stops_cleanly(tmp_path: Path) -> None:
    began = time.monotonic()
    process = _start(tmp_path, "--port", "0", "--fresh")
    try:
        address, lines = _wait_for_address(process)
        elapsed = time.monotonic() - began
        with urllib.request.urlopen(f"{address}/", timeout=5) as response:
            page = response.read().decode()
    finally:
        output, errors = _stop(process)
    assert elapsed < STARTUP_LIMIT, f"started in {elapsed:.1f}s"
    assert "<title>Sotong sandbox</title>" in page
    said = "".join(lines) + output
    assert address.startswith("http://127.0.0.1:")
    assert "127.0.0.1 only (loopback)" in said
    assert "Sandbox stopped." in said
    assert process.returncode == 0, errors
    assert "Traceback" not in errors, errors
    assert (tmp_path / "data" / "sandbox.db").exists()


def test_a_kept_database_is_reused_and_fresh_starts_over(tmp_path: Path) -> None:
    for arguments, state in (
        (("--port", "0"), "new, with demo data"),
        (("--port", "0"), "kept from the last run"),
        (("--port", "0", "--fresh"), "new, with demo data"),
    ):
        process = _start(tmp_path, *arguments)
        try:
            _, lines = _wait_for_address(process)
        finally:
            _, errors = _stop(process)
        assert state in "".join(lines), lines
        assert process.returncode == 0, errors


def test_a_taken_port_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
    first = _start(tmp_path / "one", "--port", "0")
    try:
        address, _ = _wait_for_address(first)
        port = address.rsplit(":", 1)[1]
        second = _start(tmp_path / "two", "--port", port)
        _, errors = second.communicate(timeout=20)
    finally:
        _stop(first)
    assert second.returncode == 1
    assert errors.strip().startswith("sotong: cannot listen on 127.0.0.1:"), errors
    assert "--port" in errors and "Traceback" not in errors
