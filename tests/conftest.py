"""Shared set-up: tests run against the emulator over real HTTP and a real SQLite file."""

import os

os.environ.setdefault("PTB_TIMEDELTA", "1")

pytest_plugins = ["tests.fixtures.emulator", "tests.fixtures.app"]
