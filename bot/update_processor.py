"""Concurrent handling across users, strict order within each user."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

__all__ = ["UserOrderedUpdateProcessor"]


def _ordering_key(update: object) -> object:
    if isinstance(update, Update):
        if update.effective_user is not None:
            return ("user", update.effective_user.id)
        if update.effective_chat is not None:
            return ("chat", update.effective_chat.id)
    return ("other", None)


class UserOrderedUpdateProcessor(BaseUpdateProcessor):
    """PTB handles one update at a time by default, so one slow user delays everyone.

    Here different users run concurrently while one user's updates keep their order, which
    `ConversationHandler` requires. It also knows when it is idle, so tests can wait for the
    bot to finish instead of sleeping.
    """

    def __init__(self, max_concurrent_updates: int = 256) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[object, tuple[asyncio.Lock, int]] = {}
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the update after the same user's earlier ones."""
        self._in_flight += 1
        self._idle.clear()
        key = _ordering_key(update)
        lock, users = self._locks.get(key) or (asyncio.Lock(), 0)
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                await coroutine
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()

    @property
    def idle(self) -> bool:
        """Whether no update is being handled right now."""
        return self._in_flight == 0

    @property
    def in_flight(self) -> int:
        """How many handed-over updates are being handled or waiting for their user's turn."""
        return self._in_flight

    async def wait_idle(self) -> None:
        """Wait until every handed-over update has been handled."""
        await self._idle.wait()

    async def initialize(self) -> None:
        """Nothing to prepare: locks are created on demand."""

    async def shutdown(self) -> None:
        """Nothing to release: locks vanish with their last update."""
