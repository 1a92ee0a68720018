"""Pacing for interactive replies: per chat and overall, and a 429 pauses only its own chat.

One limiter per concern. The outbox sender paces broadcasts and notices itself (its `Pacer`);
this limiter paces what handlers send while handling an update, and nothing else: sends made
outside update handling (the outbox sender, jobs) pass straight through, so the two never stack.

PTB's `AIORateLimiter` has no per-private-chat limit and pauses *every* request after any 429;
with retries it also holds the handler. Here each chat has its own token bucket (Telegram allows
short bursts, then about one message a second), a shared bucket caps the overall rate, and a 429
holds back that chat only: until its `retry_after` has passed, sends to it fail at once with the
same error instead of reaching Telegram. Nothing is retried: the error reaches the handler.
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
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

__all__ = ["ReplyLimiter", "ReplyLimits", "handling_update"]

logger = logging.getLogger("sotong.flood")

handling_update: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "handling_update", default=False
)
"""True while the update processor runs a handler: what is sent then is a reply."""

_PACED_PREFIX = "send"
_FORGET_AFTER = 4096


@dataclass(frozen=True, slots=True)
class ReplyLimits:
    """Overall sends per second, and per chat: a burst, then one per `chat_interval` seconds."""

    rate_per_second: float
    chat_burst: int
    chat_interval: float


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


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class ReplyLimiter(BaseRateLimiter[None]):
    """Waits before each `send*` call made during update handling until its chat may receive."""

    def __init__(self, limits: ReplyLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self._limits = limits
        self._clock = clock
        self._overall = _Bucket(limits.rate_per_second, limits.rate_per_second, clock())
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
        """Pace replies (sends with a chat during update handling); pass everything else."""
        chat_id = data.get("chat_id")
        if not handling_update.get() or chat_id is None or not endpoint.startswith(_PACED_PREFIX):
            return await callback(*args, **kwargs)
        chat = self._chat(chat_id)
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
                break
            await asyncio.sleep(wait)
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as exc:
            # Only this chat waits; other chats keep their pace. The handler sees the error.
            chat.paused_until = self._clock() + _seconds(exc.retry_after)
            logger.warning("429 for one chat: its replies pause, other chats go on")
            raise

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
