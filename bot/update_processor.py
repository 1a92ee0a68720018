"""Fair concurrent handling: users in parallel, each user's updates in order, floods cut short.

Three rules, each against one way a single user could slow everyone else down:

- **Order before capacity.** An update first waits for the same user's earlier ones (a FIFO
  lock), and only then takes one of the processing slots. A user with a backlog of 300 holds
  one slot, not all of them. PTB's `process_update` (final) takes its own semaphore *before*
  `do_process_update`, so a per-user lock taken inside it let one backlog fill every slot; that
  semaphore is therefore sized out of reach here, and the real slots are taken after the turn.
- **An input budget per user.** A token bucket (`INPUT_BURST` at once, `INPUT_PER_MINUTE`
  sustained) drops what a user sends beyond it; the first drop of a burst triggers one polite
  notice, the next update that fits the budget re-arms it.
- **Shutdown does not wait for backlogs.** Once `leave_backlog()` is called (the runtime does
  so a few seconds into a stop), updates still waiting for their turn are left unhandled, so
  stopping takes as long as the updates already running, not a flood's whole queue.

Every update ends in `_handle` (the application then marks it handled in the update journal)
or `_leave`: one skipped by the budget is marked handled through `skipped`; one left at shutdown
stays unhandled, and the journal replays it at the next start.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.reply_limiter import handling_update

__all__ = ["FloodNotice", "InputBudget", "UserOrderedUpdateProcessor"]

logger = logging.getLogger("sotong.flood")

_SWEEP_AT = 4096
_OUT_OF_REACH = 2**31 - 1

FloodNotice = Callable[[Update], Awaitable[None]]
"""Tells a user, once per burst, that part of what they sent was skipped."""


@dataclass(frozen=True, slots=True)
class InputBudget:
    """How many updates one user may send: `burst` at once, refilled at `per_minute`."""

    burst: int
    per_minute: float


@dataclass(slots=True)
class _UserGate:
    """One user's turn-taking lock, input bucket and whether this burst was already noticed."""

    tokens: float
    stamp: float
    noticed: bool = False
    waiting: int = 0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


def _ordering_key(update: object) -> object:
    if isinstance(update, Update):
        if update.effective_user is not None:
            return ("user", update.effective_user.id)
        if update.effective_chat is not None:
            return ("chat", update.effective_chat.id)
    return ("other", None)


def _is_user_input(update: object) -> bool:
    """Messages and button taps count against the budget; membership changes never do."""
    return isinstance(update, Update) and (
        update.message is not None
        or update.edited_message is not None
        or update.callback_query is not None
    )


class UserOrderedUpdateProcessor(BaseUpdateProcessor):
    """Different users run concurrently while one user's updates keep their order.

    `ConversationHandler` needs one update at a time per user. The processor also knows when it
    is idle, so tests can wait for the bot to finish instead of sleeping.
    """

    def __init__(
        self,
        max_concurrent_updates: int = 256,
        *,
        budget: InputBudget | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(_OUT_OF_REACH)
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._budget = budget
        self._clock = clock
        self._gates: dict[object, _UserGate] = {}
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._leaving = False
        self.flood_notice: FloodNotice | None = None
        self.skipped: Callable[[Update], Awaitable[None]] | None = None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the user's turn holding no slot, then take a slot and handle the update."""
        self._in_flight += 1
        self._idle.clear()
        key = _ordering_key(update)
        gate = self._gate(key)
        gate.waiting += 1
        try:
            if self.leaving():
                self._leave(coroutine)
                return
            if not self._admit(gate, update):
                self._leave(coroutine)
                if self.skipped is not None and isinstance(update, Update):
                    await self.skipped(update)
                await self._notice(gate, update)
                return
            async with gate.lock:
                if self.leaving():  # shutdown began while this update waited for its turn
                    self._leave(coroutine)
                    return
                async with self._slots:
                    await self._handle(coroutine)
        finally:
            gate.waiting -= 1
            if gate.waiting == 0 and self._refilled(gate):
                del self._gates[key]
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()

    @staticmethod
    async def _handle(coroutine: Awaitable[Any]) -> None:
        """Run PTB's handling of the update; replies sent meanwhile are paced per chat."""
        token = handling_update.set(True)
        try:
            await coroutine
        finally:
            handling_update.reset(token)

    def leaving(self) -> bool:
        """Whether updates not yet started are being left for the next start."""
        return self._leaving

    def leave_backlog(self) -> None:
        """From now on, updates not yet started are left unhandled (shutdown is near)."""
        self._leaving = True

    def _gate(self, key: object) -> _UserGate:
        gate = self._gates.get(key)
        if gate is None:
            if len(self._gates) >= _SWEEP_AT:
                self._sweep()
            burst = float(self._budget.burst) if self._budget is not None else 0.0
            gate = _UserGate(tokens=burst, stamp=self._clock())
            self._gates[key] = gate
        return gate

    def _sweep(self) -> None:
        """Forget quiet users whose bucket is full again, so gates do not pile up."""
        for key, gate in list(self._gates.items()):
            if gate.waiting == 0 and self._refilled(gate):
                del self._gates[key]

    def _refill(self, gate: _UserGate) -> None:
        budget = self._budget
        if budget is None:
            return
        now = self._clock()
        gate.tokens = min(
            float(budget.burst), gate.tokens + (now - gate.stamp) * budget.per_minute / 60
        )
        gate.stamp = now

    def _refilled(self, gate: _UserGate) -> bool:
        """Whether forgetting the gate loses nothing: its bucket is full again."""
        if self._budget is None:
            return True
        self._refill(gate)
        return gate.tokens >= self._budget.burst

    def _admit(self, gate: _UserGate, update: object) -> bool:
        if self._budget is None or not _is_user_input(update):
            return True
        self._refill(gate)
        if gate.tokens >= 1.0:
            gate.tokens -= 1.0
            gate.noticed = False
            return True
        return False

    async def _notice(self, gate: _UserGate, update: object) -> None:
        if gate.noticed or not isinstance(update, Update):
            return
        gate.noticed = True
        logger.info("input budget spent: skipping updates until it refills")
        if self.flood_notice is not None:
            token = handling_update.set(True)
            try:
                await self.flood_notice(update)
            finally:
                handling_update.reset(token)

    @staticmethod
    def _leave(coroutine: Awaitable[Any]) -> None:
        """Drop an update without running its handlers (closing the coroutine PTB made)."""
        if inspect.iscoroutine(coroutine):
            coroutine.close()

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
        """Nothing to prepare: gates are created on demand."""

    async def shutdown(self) -> None:
        """Nothing to release: gates vanish once their user is quiet and their bucket full."""
