"""Fixtures for the emulator's own tests: a real PTB ``Bot`` over HTTP and a started user."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from sandbox.emulator import BotApiEmulator, ScriptedUser
from tests.fixtures.emulator import EMULATOR_TOKEN


class FakeClock:
    """A monotonic clock the test advances by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
async def bot(emulator: BotApiEmulator) -> AsyncIterator[Bot]:
    async with Bot(
        EMULATOR_TOKEN, base_url=emulator.base_url, base_file_url=emulator.base_file_url
    ) as instance:
        yield instance


@pytest.fixture
def user(emulator: BotApiEmulator) -> ScriptedUser:
    """민수 has already started the bot, so the bot may write to him."""
    return emulator.create_user("민수", username="minsu", started=True)
