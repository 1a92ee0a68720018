"""The bot token never reaches a log line, not even through httpx's request URLs."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from bot.logging_setup import RedactingFormatter, configure_logging, redact

TOKEN = "123456789:AAtestTOKENforTHEemulatorONLY_0123456789"


def test_httpx_request_lines_are_redacted() -> None:
    record = logging.LogRecord(
        "httpx",
        logging.INFO,
        __file__,
        1,
        'HTTP Request: %s %s "%s"',
        ("POST", f"https://api.telegram.org/bot{TOKEN}/getUpdates", "HTTP/1.1 200 OK"),
        None,
    )
    line = RedactingFormatter("%(message)s").format(record)
    assert TOKEN not in line
    assert "https://api.telegram.org/bot<token>/getUpdates" in line


def test_tracebacks_are_redacted_too() -> None:
    try:
        raise RuntimeError(f"cannot reach /bot{TOKEN}/getMe")
    except RuntimeError:
        record = logging.LogRecord(
            "telegram", logging.ERROR, __file__, 1, "failed", (), sys.exc_info()
        )
    assert TOKEN not in RedactingFormatter().format(record)


def test_configure_logging_quietens_httpx(caplog: pytest.LogCaptureFixture) -> None:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    hooks = sys.excepthook, threading.excepthook
    try:
        configure_logging("INFO")
        assert logging.getLogger("httpx").level == logging.WARNING
        assert isinstance(root.handlers[0].formatter, RedactingFormatter)
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        sys.excepthook, threading.excepthook = hooks
        for name in ("aiosqlite", "telegram", "aiohttp", "apscheduler"):
            logging.getLogger(name).setLevel(logging.NOTSET)


def test_redact_leaves_ordinary_numbers_alone() -> None:
    assert redact("receipt SV-2026-000123 at 15:00") == "receipt SV-2026-000123 at 15:00"


ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "sandbox" / "demo" / "content.yaml"


def _bot(tmp_path: Path, *arguments: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *arguments],
        cwd=tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "PYTHONPATH": str(ROOT),
            "DATABASE_PATH": str(tmp_path / "sotong.db"),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_bad_api_url_at_start_up_is_one_line_without_the_token(tmp_path: Path) -> None:
    result = _bot(tmp_path, BOT_TOKEN=TOKEN, BOT_API_BASE_URL="http://localhost:99999/bot")
    assert result.returncode == 1
    assert TOKEN not in result.stderr and TOKEN.split(":")[1] not in result.stderr
    assert "Traceback" not in result.stderr
    assert "sotong: cannot reach the Bot API at BOT_API_BASE_URL" in result.stderr
    assert "Unclosed" not in result.stderr


class _Unauthorized(BaseHTTPRequestHandler):
    """Telegram's answer to a revoked token, for every method."""

    def do_POST(self) -> None:
        body = b'{"ok":false,"error_code":401,"description":"Unauthorized"}'
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""
        return


@pytest.fixture
def refusing_api() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Unauthorized)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/bot"
    finally:
        server.shutdown()
        server.server_close()


def test_a_rejected_token_at_start_up_is_one_line_without_the_token(
    tmp_path: Path, refusing_api: str
) -> None:
    result = _bot(tmp_path, BOT_TOKEN=TOKEN, BOT_API_BASE_URL=refusing_api)
    assert result.returncode == 2
    assert TOKEN not in result.stderr and "Traceback" not in result.stderr
    assert "sotong: Telegram refused BOT_TOKEN" in result.stderr
    assert "Unclosed" not in result.stderr


def test_debug_logging_keeps_rows_out_unless_payloads_are_switched_on(tmp_path: Path) -> None:
    quiet = _bot(tmp_path, "import", str(DEMO), LOG_LEVEL="DEBUG")
    assert quiet.returncode == 0, quiet.stderr
    assert "aiosqlite" not in quiet.stderr
    (tmp_path / "sotong.db").unlink()
    loud = _bot(tmp_path, "import", str(DEMO), LOG_LEVEL="DEBUG", LOG_PAYLOADS="true")
    assert loud.returncode == 0, loud.stderr
    assert "DEBUG aiosqlite" in loud.stderr


def test_an_uncaught_exception_is_logged_redacted() -> None:
    script = (
        "from bot.logging_setup import configure_logging\n"
        f"configure_logging('INFO', secrets=['{TOKEN}'])\n"
        f"raise RuntimeError('boom /bot{TOKEN}/getMe')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "RuntimeError: boom /bot<token>/getMe" in result.stderr
    assert TOKEN not in result.stderr
