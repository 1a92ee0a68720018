"""The bot token never reaches a log line, not even through httpx's request URLs."""

from __future__ import annotations

import logging
import sys

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
    try:
        configure_logging("INFO")
        assert logging.getLogger("httpx").level == logging.WARNING
        assert isinstance(root.handlers[0].formatter, RedactingFormatter)
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


def test_redact_leaves_ordinary_numbers_alone() -> None:
    assert redact("receipt SV-2026-000123 at 15:00") == "receipt SV-2026-000123 at 15:00"
