"""Flood control: token buckets per chat and overall, O(1) per call, driven by an injected clock.

Every message the bot sends or edits spends from the same buckets, as on Telegram.
"""

from __future__ import annotations

import math

from sandbox.emulator.limits import Clock, EmulatorLimits

__all__ = ["FloodControl"]


class _Bucket:
    """A token bucket: ``capacity`` messages at once, refilled at ``rate`` per second."""

    __slots__ = ("capacity", "rate", "stamp", "tokens")

    def __init__(self, capacity: int, rate: float, now: float) -> None:
        self.capacity = float(capacity)
        self.rate = rate
        self.tokens = float(capacity)
        self.stamp = now

    def wait(self, now: float) -> float:
        """Refill to ``now`` and return the seconds until one token is available (0 if now)."""
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            return 0.0
        return (1.0 - self.tokens) / self.rate if self.rate > 0 else math.inf


class FloodControl:
    """Decides whether a sending or editing call may pass, like Telegram's 429 "retry after N"."""

    def __init__(self, limits: EmulatorLimits, clock: Clock) -> None:
        self._limits = limits
        self._clock = clock
        self._global: _Bucket | None = None
        self._chats: dict[int, _Bucket] = {}

    def admit(self, chat_id: int, *, is_group: bool) -> int | None:
        """Spend one message in ``chat_id``; return ``retry_after`` seconds if over a limit."""
        limits = self._limits
        if not limits.flood_control:
            return None
        now = self._clock()
        if self._global is None:
            self._global = _Bucket(limits.global_burst, limits.global_rate, now)
        chat = self._chats.get(chat_id)
        if chat is None:
            chat = (
                _Bucket(limits.group_burst, limits.group_rate, now)
                if is_group
                else _Bucket(limits.private_burst, limits.private_rate, now)
            )
            self._chats[chat_id] = chat
        wait = max(chat.wait(now), self._global.wait(now))
        if wait > 0:
            return max(1, math.ceil(wait)) if wait != math.inf else 2**31 - 1
        chat.tokens -= 1.0
        self._global.tokens -= 1.0
        return None
