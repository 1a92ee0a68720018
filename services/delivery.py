"""The outbox sender: delivers queued messages at a pace Telegram accepts, and loses none.

It knows nothing of Telegram: it calls an injected `send` that raises the errors below, reads
time from an injected monotonic clock and waits with an injected `sleep`, so its timing is tested
without waiting. Pacing: at most `rate` sends per second overall (evenly spaced, never a burst)
and one per `per_chat_interval` into one chat; a 429 pauses everything for its `retry_after`;
network errors and server errors are retried with exponential backoff, up to `max_attempts`;
a recipient who blocked the bot is reported and all their queued rows are dropped.
Rows stay "pending" in SQLite until a send succeeds, so a restart resumes the queue and at
most the sends in flight at a crash are repeated.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from domain.clock import Clock
from domain.delivery import (
    DeliveryPolicy,
    Monotonic,
    OutboxRow,
    OutboxStore,
    PermanentSendError,
    RateLimitedError,
    RecipientBlockedError,
    Send,
    Sleep,
    TransientSendError,
)

__all__ = ["OutboxSender", "Pacer"]

logger = logging.getLogger("sotong.delivery")


@dataclass(slots=True)
class Pacer:
    """Spaces send starts: evenly under the overall rate, and per chat; 429 pauses everything."""

    rate_per_second: float
    per_chat_interval: float
    monotonic: Monotonic = time.monotonic
    _next_slot: float = 0.0
    _paused_until: float = 0.0
    _chat_ready: dict[int, float] = field(default_factory=dict)

    def chat_wait(self, chat_id: int) -> float:
        """Seconds until this chat may receive again (0 when it may now)."""
        ready = self._chat_ready.get(chat_id)
        if ready is None:
            return 0.0
        wait = ready - self.monotonic()
        if wait <= 0:
            del self._chat_ready[chat_id]
            return 0.0
        return wait

    def global_wait(self) -> float:
        """Seconds until the next send may start overall."""
        return max(0.0, max(self._next_slot, self._paused_until) - float(self.monotonic()))

    def record(self, chat_id: int) -> None:
        """A send to this chat starts now: take the overall slot and the chat's slot.

        A send that starts late (the loop was busy) may be followed by one early one, so the
        average holds the configured rate; the credit never exceeds one slot, so at most two
        sends ever share one slot's time, well under Telegram's own burst tolerance.
        """
        now = self.monotonic()
        interval = 1.0 / self.rate_per_second if self.rate_per_second > 0 else 0.0
        self._next_slot = max(self._next_slot, now - interval) + interval
        self._chat_ready[chat_id] = now + self.per_chat_interval

    def pause(self, seconds: float) -> None:
        """Telegram asked to wait: no send starts for `seconds`."""
        self._paused_until = max(self._paused_until, self.monotonic() + seconds)


class OutboxSender:
    """Drains the outbox; one instance per running bot, started once and woken on new rows."""

    def __init__(
        self,
        store: OutboxStore,
        clock: Clock,
        policy: DeliveryPolicy,
        *,
        on_blocked: Callable[[int], Awaitable[None]],
        monotonic: Monotonic = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._store = store
        self._clock = clock
        self._policy = policy
        self._on_blocked = on_blocked
        self._monotonic = monotonic
        self._sleep = sleep
        self.pacer = Pacer(policy.rate_per_second, policy.per_chat_interval, monotonic)
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._retry_ready: dict[int, float] = {}
        self._busy: set[int] = set()
        self._running = False

    @property
    def running(self) -> bool:
        """Whether `run` is active."""
        return self._running

    def wake(self) -> None:
        """New rows were queued (or the clock moved): look at the outbox again now."""
        self._idle.clear()
        self._wake.set()

    async def wait_idle(self) -> None:
        """Return once nothing is due and nothing is in flight (for tests and the bench)."""
        await self._idle.wait()

    async def run(self, send: Send, should_stop: Callable[[], bool]) -> None:
        """Deliver until `should_stop` says so; in-flight sends finish before returning."""
        self._running = True
        in_flight: set[asyncio.Task[None]] = set()
        try:
            while not should_stop():
                dispatched, wait = await self._pass(send, should_stop, in_flight)
                if dispatched:
                    continue
                if in_flight:
                    await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
                elif wait is not None:
                    await self._pause(wait, should_stop)
                else:
                    self._idle.set()
                    await self._await_wake(await self._idle_seconds(), should_stop)
        finally:
            if in_flight:
                await asyncio.gather(*in_flight, return_exceptions=True)
            self._running = False
            self._idle.set()

    async def drain(self, send: Send) -> None:
        """Deliver everything due now, then return: for the bench and for tests."""
        done = False

        def finished() -> bool:
            return done

        task = asyncio.ensure_future(self.run(send, finished))
        self.wake()
        await self.wait_idle()
        done = True
        self._wake.set()
        await task

    async def _idle_seconds(self) -> float:
        """How long nothing can become due: until the earliest held-back row, at most a minute."""
        upcoming = await self._store.next_not_before()
        if upcoming is None:
            return 60.0
        return min(60.0, max(0.0, (upcoming - self._clock.now()).total_seconds()))

    async def _await_wake(self, seconds: float, should_stop: Callable[[], bool]) -> None:
        """Idle for up to `seconds` of real time, returning early when woken or asked to stop."""
        deadline = time.monotonic() + seconds
        while not should_stop() and not self._wake.is_set():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                await asyncio.wait_for(
                    self._wake.wait(), timeout=min(remaining, self._policy.idle_poll)
                )
            except TimeoutError:
                continue

    async def _pause(self, seconds: float, should_stop: Callable[[], bool]) -> None:
        """Sleep until a deferred row may go, in slices so a stop request is noticed."""
        deadline = self._monotonic() + seconds
        while not should_stop() and not self._wake.is_set():
            remaining = deadline - self._monotonic()
            if remaining <= 0:
                return
            await self._sleep(min(remaining, self._policy.idle_poll))

    async def _pace(self, should_stop: Callable[[], bool]) -> None:
        """Wait for the next overall slot (and out any 429 pause)."""
        while (wait := self.pacer.global_wait()) > 0 and not should_stop():
            await self._sleep(min(wait, self._policy.idle_poll))

    async def _pass(
        self, send: Send, should_stop: Callable[[], bool], in_flight: set[asyncio.Task[None]]
    ) -> tuple[int, float | None]:
        """Walk the due rows once in id order, sending off every row that may go now.

        Returns how many were sent off and the seconds until a held-back row could go (None
        when none was held back). A chat's later parts wait behind its earlier ones.
        """
        self._wake.clear()
        flying = set(self._busy)
        held = set(flying)
        dispatched = 0
        earliest: float | None = None
        after_id = 0
        policy = self._policy
        while not should_stop():
            rows = await self._store.due(self._clock.now(), after_id=after_id, limit=policy.batch)
            for row in rows:
                wait = self._row_wait(row, held)
                if wait is not None:
                    held.add(row.user_id)
                    # A row behind a send that was in flight may go as soon as that send
                    # ends, which can happen before this pass does: look again at once.
                    if wait > 0 or row.user_id in flying:
                        earliest = wait if earliest is None else min(earliest, wait)
                    continue
                while len(in_flight) >= policy.max_in_flight:
                    await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
                await self._pace(should_stop)
                if should_stop():
                    return dispatched, earliest
                held.add(row.user_id)
                self._busy.add(row.user_id)
                self.pacer.record(row.user_id)
                task = asyncio.ensure_future(self._deliver(row, send))
                in_flight.add(task)
                task.add_done_callback(in_flight.discard)
                dispatched += 1
            if len(rows) < policy.batch:
                break
            after_id = rows[-1].id
        return dispatched, earliest

    def _row_wait(self, row: OutboxRow, held: set[int]) -> float | None:
        """None if the row may go now, else seconds until it could (0: after an earlier part)."""
        if row.user_id in held:
            return 0.0
        retry = self._retry_ready.get(row.id)
        if retry is not None:
            remaining = retry - self._monotonic()
            if remaining > 0:
                return remaining
            del self._retry_ready[row.id]
        chat_wait = self.pacer.chat_wait(row.user_id)
        return chat_wait if chat_wait > 0 else None

    async def _deliver(self, row: OutboxRow, send: Send) -> None:
        """Send one row and record the outcome; nothing here may raise."""
        try:
            await send(row.message)
        except RateLimitedError as exc:
            logger.warning("flood control: pausing all sends for %.1fs", exc.retry_after)
            self.pacer.pause(exc.retry_after)
            self._retry_ready[row.id] = self._monotonic() + exc.retry_after
        except RecipientBlockedError as exc:
            await self._on_blocked(row.user_id)
            dropped = await self._store.fail_recipient(row.user_id, f"blocked: {exc}")
            logger.info("recipient blocked the bot; dropped %d queued messages", dropped)
        except TransientSendError as exc:
            await self._retry_or_fail(row, str(exc))
        except PermanentSendError as exc:
            await self._store.mark_failed(row.id, row.attempts + 1, f"refused: {exc}")
        except Exception as exc:
            logger.exception("unexpected error while sending outbox row %d", row.id)
            await self._retry_or_fail(row, f"error: {type(exc).__name__}: {exc}")
        else:
            await self._store.mark_sent(row.id, self._clock.now())
        finally:
            self._busy.discard(row.user_id)

    async def _retry_or_fail(self, row: OutboxRow, reason: str) -> None:
        attempts = row.attempts + 1
        if attempts >= self._policy.max_attempts:
            await self._store.mark_failed(row.id, attempts, f"gave up after {attempts}: {reason}")
            return
        await self._store.mark_retry(row.id, attempts, reason)
        self._retry_ready[row.id] = self._monotonic() + self._policy.backoff(attempts)
