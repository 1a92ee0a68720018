"""Shared set-up: tests run against the emulator over real HTTP and a real SQLite file."""

import logging
import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("PTB_TIMEDELTA", "1")

pytest_plugins = ["tests.fixtures.emulator", "tests.fixtures.app"]


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """Tests that run the command line in-process reconfigure logging; undo it after each."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    levels = {name: logging.getLogger(name).level for name in ("httpx", "telegram", "sotong")}
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    for name, previous in levels.items():
        logging.getLogger(name).setLevel(previous)
