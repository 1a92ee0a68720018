"""The outbox sender: delivers queued messages at a pace Telegram accepts, loses none, doubles none.

It knows nothing of Telegram: it calls an injected `send` that raises the errors below, reads
time from an injected monotonic clock and waits with an injected `sleep`, so its timing is tested
without waiting. Pacing: at most `rate` sends per second overall (evenly spaced, never a burst)
and one per `per_chat_interval` into one chat. A 429 pauses everything for its `retry_after`;
a network or server error pauses everything too, 1, 2, 4 ... up to 60 s while it lasts, since
Telegram being down is not one row's problem. A row gives up only once it has been due for the
policy's time budget (hours), and says so in the log and in /delivery. A recipient who blocked
the bot is reported and all their queued rows are dropped; just before each send the recipient
is checked again (erased, blocked, unsubscribed from digests).

Sending and recording are separate: a row Telegram accepted is remembered in memory as "sent,
not yet recorded" until its `mark_sent` write succeeds, and only that write is retried, so a
locked, full or read-only database never causes a second copy. Rows stay "pending" in SQLite
until recorded, so a restart resumes the queue; only a crash between a send and its record can
repeat that one message. Nothing the store or `send` raises ends the sender's task.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

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

    def pause_left(self) -> float:
        """Seconds left of a 429 or outage pause (0 when none holds)."""
        return max(0.0, self._paused_until - float(self.monotonic()))

    def chat_starts(self, chat_id: int) -> None:
        """The send into this chat really starts now (checks before it took some time)."""
        self._chat_ready[chat_id] = self.monotonic() + self.per_chat_interval

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
        self._unrecorded: dict[int, datetime] = {}
        self._record_failures = 0
        self._record_ready = 0.0
        self._outage_streak = 0
        self._fault_streak = 0

    @property
    def running(self) -> bool:
        """Whether `run` is active."""
        return self._running

    @property
    def unrecorded(self) -> int:
        """Rows Telegram accepted whose record in the database is still being retried."""
        return len(self._unrecorded)

    def wake(self) -> None:
        """New rows were queued (or the clock moved): look at the outbox again now."""
        self._idle.clear()
        self._wake.set()

    async def wait_idle(self) -> None:
        """Return once nothing is due and nothing is in flight (for tests and the bench)."""
        await self._idle.wait()

    async def run(self, send: Send, should_stop: Callable[[], bool]) -> None:
        """Deliver until `should_stop` says so; in-flight sends finish before returning.

        Never raises: a failing database or an unexpected error is logged and waited out.
        """
        self._running = True
        in_flight: set[asyncio.Task[None]] = set()
        try:
            while not should_stop():
                try:
                    await self._record_due()
                    dispatched, wait = await self._pass(send, should_stop, in_flight)
                    self._fault_streak = 0
                except Exception:
                    self._fault_streak += 1
                    wait = self._policy.backoff(self._fault_streak)
                    dispatched = 0
                    logger.exception("outbox sender: reading the queue failed; again in %gs", wait)
                if dispatched:
                    continue
                record_wait = self._record_wait()
                if record_wait is not None:
                    wait = record_wait if wait is None else min(wait, record_wait)
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
            await self._record_all_once()
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
        try:
            upcoming = await self._store.next_not_before()
        except Exception:
            logger.exception("outbox sender: reading the next due time failed")
            return self._policy.backoff_max
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
        """Wait for the next overall slot (and out any 429 or outage pause)."""
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
        if row.id in self._unrecorded:
            return max(self._record_wait() or 0.0, self._policy.idle_poll)
        retry = self._retry_ready.get(row.id)
        if retry is not None:
            remaining = retry - self._monotonic()
            if remaining > 0:
                return remaining
            del self._retry_ready[row.id]
        chat_wait = self.pacer.chat_wait(row.user_id)
        return chat_wait if chat_wait > 0 else None

    async def _deliver(self, row: OutboxRow, send: Send) -> None:
        """Check the recipient, send one row and record the outcome; nothing here may raise."""
        try:
            if await self._still_wanted(row):
                await self._send(row, send)
        except Exception:
            logger.exception("outbox sender: handling row %d failed; it will be retried", row.id)
            self._retry_ready[row.id] = self._monotonic() + self._policy.backoff_max
        finally:
            self._busy.discard(row.user_id)

    async def _still_wanted(self, row: OutboxRow) -> bool:
        """Re-read the recipient just before sending: the row may have waited for seconds."""
        reason = await self._store.undeliverable(row)
        if reason is None:
            return True
        if not reason.startswith("already"):
            await self._store.mark_skipped(row.id, f"skipped: {reason}")
            logger.info("outbox row %d not sent: recipient %s", row.id, reason)
        return False

    async def _send(self, row: OutboxRow, send: Send) -> None:
        self.pacer.chat_starts(row.user_id)
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
            await self._outage(row, str(exc))
        except PermanentSendError as exc:
            await self._store.mark_failed(row.id, row.attempts + 1, f"refused: {exc}")
            logger.warning("outbox row %d refused by Telegram: %s", row.id, exc)
        except Exception as exc:
            logger.exception("unexpected error while sending outbox row %d", row.id)
            await self._outage(row, f"error: {type(exc).__name__}: {exc}")
        else:
            self._outage_streak = 0
            self._unrecorded[row.id] = self._clock.now()
            await self._record(row.id)

    async def _outage(self, row: OutboxRow, reason: str) -> None:
        """Telegram unreachable or failing: pause every send, growing while it lasts.

        Sends already in flight when the first failure came back do not lengthen the pause.
        """
        if self.pacer.pause_left() <= 0:
            self._outage_streak += 1
            pause = self._policy.backoff(self._outage_streak)
            self.pacer.pause(pause)
            logger.warning("Telegram failing (%s): pausing all sends for %gs", reason, pause)
        self._retry_ready[row.id] = self._monotonic() + self.pacer.pause_left()
        attempts = row.attempts + 1
        if self._policy.gives_up(row, self._clock.now()):
            hours = self._policy.give_up_after.total_seconds() / 3600
            await self._store.mark_failed(
                row.id, attempts, f"gave up after {hours:g} h: {attempts} attempts, {reason}"
            )
            logger.warning(
                "outbox row %d given up after %g h and %d attempts: %s",
                row.id,
                hours,
                attempts,
                reason,
            )
            self._retry_ready.pop(row.id, None)
            return
        await self._store.mark_retry(row.id, attempts, reason)

    def _record_wait(self) -> float | None:
        """Seconds until the next retry of unrecorded sends, or None when none is waiting."""
        if not self._unrecorded:
            return None
        return max(0.0, self._record_ready - self._monotonic())

    async def _record(self, row_id: int) -> bool:
        """Write one accepted send to the database; on failure keep it and back off."""
        sent_at = self._unrecorded.get(row_id)
        if sent_at is None:
            return True  # recorded meanwhile by the other path (its send, or the retry loop)
        try:
            await self._store.mark_sent(row_id, sent_at)
        except Exception as exc:
            self._record_failures += 1
            delay = self._policy.backoff(self._record_failures)
            self._record_ready = self._monotonic() + delay
            logger.warning(
                "outbox row %d was sent but not recorded (%s: %s); retrying the write in %gs",
                row_id,
                type(exc).__name__,
                exc,
                delay,
            )
            return False
        self._unrecorded.pop(row_id, None)
        self._record_failures = 0
        return True

    async def _record_due(self) -> None:
        """Retry the writes of accepted sends whose backoff has passed, oldest first."""
        if self._unrecorded and self._monotonic() >= self._record_ready:
            for row_id in list(self._unrecorded):
                if not await self._record(row_id):
                    return

    async def _record_all_once(self) -> None:
        """On stop: one last try at recording what was sent; what still fails is logged."""
        for row_id in list(self._unrecorded):
            if not await self._record(row_id):
                logger.error(
                    "stopping with %d sent messages unrecorded; they may be sent again after"
                    " a restart",
                    len(self._unrecorded),
                )
                return
