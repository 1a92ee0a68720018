"""Pacing for interactive replies: per chat and overall, and a 429 pauses only its own chat.

One limiter per concern. The outbox sender paces broadcasts and notices itself (its `Pacer`);
this limiter paces what handlers send and edit while handling an update, and nothing else: calls
made outside update handling (the outbox sender, jobs) pass straight through, so the two never
stack. Edits count with sends: Telegram's flood limits for editing a message are the ones for
sending, in the same per-chat budget (TDLib's maintainers, tdlib/td#2592 and #3034), and the bot
edits on nearly every tap. Answers to buttons are not paced: Telegram does not limit them
(tdlib/telegram-bot-api#648).

PTB's `AIORateLimiter` has no per-private-chat limit and pauses *every* request after any 429;
with retries it also holds the handler. Here each chat has its own token bucket (Telegram allows
short bursts, then about one message a second), a shared bucket caps the overall rate, and a 429
holds back that chat only: until its `retry_after` has passed, calls for it fail at once with the
same error instead of reaching Telegram. A short 429 (`ReplyLimits.wait_out`, a few seconds) is
waited out once, so the edit a tap asked for still lands; a longer one reaches the handler.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import math
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

__all__ = ["PacingClock", "ReplyLimiter", "ReplyLimits", "handling_update", "retry_seconds"]

logger = logging.getLogger("sotong.flood")

handling_update: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "handling_update", default=False
)
"""True while the update processor runs a handler: what is sent then is a reply."""

_PACED_PREFIXES = ("send", "edit")
_FORGET_AFTER = 4096


class PacingClock(Protocol):
    """Where the limiter reads the time and how it waits: real time unless a test drives it."""

    def __call__(self) -> float:
        """A monotonic time in seconds."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Let `seconds` pass."""
        ...


class _RealTime:
    def __call__(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


@dataclass(frozen=True, slots=True)
class ReplyLimits:
    """Overall replies per second, and per chat: a burst, then one per `chat_interval` seconds.

    A 429 asking to wait at most `wait_out` seconds is waited out once, holding only the handler
    of that chat's update.
    """

    rate_per_second: float
    chat_burst: int
    chat_interval: float
    wait_out: float = 5.0


class _Bucket:
    __slots__ = ("capacity", "paused_until", "rate", "stamp", "tokens")

    def __init__(self, capacity: float, rate: float, now: float) -> None:
        self.capacity = capacity
        self.rate = rate
        self.tokens = capacity
        self.stamp = now
        self.paused_until = 0.0

    def take(self, now: float) -> float:
        """Take a token if there is one (return 0), else the seconds until there will be."""
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate

    def full(self, now: float) -> bool:
        return now >= self.paused_until and (
            self.tokens + (now - self.stamp) * self.rate >= self.capacity
        )


def retry_seconds(error: RetryAfter) -> float:
    """How long a 429 asks to wait, in seconds (PTB gives a number or a `timedelta`)."""
    value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class ReplyLimiter(BaseRateLimiter[None]):
    """Waits before each `send*` and `edit*` call of update handling until its chat may receive."""

    def __init__(self, limits: ReplyLimits, clock: PacingClock | None = None) -> None:
        self._limits = limits
        self._clock: PacingClock = clock or _RealTime()
        self._overall = _Bucket(limits.rate_per_second, limits.rate_per_second, self._clock())
        self._chats: dict[object, _Bucket] = {}

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def process_request(  # noqa: PLR0917 (PTB's signature)
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Pace replies (sends and edits in a chat during update handling); pass the rest."""
        chat_id = data.get("chat_id")
        if not handling_update.get() or chat_id is None or not endpoint.startswith(_PACED_PREFIXES):
            return await callback(*args, **kwargs)
        chat = self._chat(chat_id)
        waited_out = False
        while True:
            await self._turn(chat)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                # Only this chat waits; other chats keep their pace.
                wait = retry_seconds(exc)
                until = self._clock() + wait
                chat.paused_until = until
                if waited_out or wait > self._limits.wait_out:
                    logger.warning("429 for one chat: its replies pause, other chats go on")
                    raise
                logger.info("a short 429 for one chat: its reply waits %.1f s, once", wait)
                waited_out = True
                await self._clock.sleep(wait)
                if chat.paused_until == until:  # the sleep may end a clock tick early
                    chat.paused_until = 0.0

    async def _turn(self, chat: _Bucket) -> None:
        """Wait until `chat` and the overall budget each have a token, and take them."""
        while True:
            now = self._clock()
            if now < chat.paused_until:
                # Telegram would refuse it: fail at once rather than hold the handler.
                raise RetryAfter(math.ceil(chat.paused_until - now))
            wait = chat.take(now)
            if wait == 0.0:
                wait = self._overall.take(now)
                if wait > 0.0:
                    chat.tokens += 1.0  # give the chat's token back while the overall one refills
            if wait == 0.0:
                return
            await self._clock.sleep(wait)

    def _chat(self, chat_id: object) -> _Bucket:
        chat = self._chats.get(chat_id)
        if chat is None:
            if len(self._chats) >= _FORGET_AFTER:
                now = self._clock()
                self._chats = {key: b for key, b in self._chats.items() if not b.full(now)}
            limits = self._limits
            rate = 1.0 / limits.chat_interval
            chat = _Bucket(float(limits.chat_burst), rate, self._clock())
            self._chats[chat_id] = chat
        return chat
