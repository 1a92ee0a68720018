"""Failures a test schedules on purpose: flood errors, server errors, dropped connections, outages.

A bot must survive Telegram's bad days. Each failure can be narrowed to one method, one chat, or
both (an outage of ``sendMessage`` into one chat while everything else works). Injected failures
are recorded as such, so the conformance check never blames the bot for them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from sandbox.emulator.errors import ApiError, too_many_requests
from sandbox.emulator.limits import Clock

__all__ = ["DROP", "Fault", "FaultKind", "FaultPlan", "Outage"]


class FaultKind(StrEnum):
    """The kinds of failure the emulator can inject."""

    RETRY_AFTER = "retry_after"
    """429 ``Too Many Requests: retry after N`` with ``parameters.retry_after``."""
    SERVER_ERROR = "server_error"
    """500 ``Internal Server Error``."""
    DROP = "drop"
    """The connection is closed without any response."""


DROP = object()
"""Returned by :meth:`FaultPlan.take` when the connection must be dropped."""


@dataclass(slots=True)
class Fault:
    """Scheduled failures: ``remaining`` calls of ``method`` into ``chat_id`` fail.

    ``None`` matches any method or any chat.
    """

    kind: FaultKind
    method: str | None
    remaining: int
    retry_after: int = 5
    chat_id: int | None = None

    def matches(self, method: str, chat_id: int | None) -> bool:
        """Whether a call of ``method`` (lower case) into ``chat_id`` is hit."""
        return (self.method is None or self.method == method) and (
            self.chat_id is None or self.chat_id == chat_id
        )


@dataclass(frozen=True, slots=True)
class Outage:
    """Calls of ``method`` into ``chat_id`` (``None``: any) answer 502 until ``until``."""

    until: float
    method: str | None = None
    chat_id: int | None = None

    def matches(self, method: str, chat_id: int | None) -> bool:
        """Whether a call of ``method`` (lower case) into ``chat_id`` is hit."""
        return (self.method is None or self.method == method) and (
            self.chat_id is None or self.chat_id == chat_id
        )


class FaultPlan:
    """Pending faults in scheduling order plus the outage window."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._faults: list[Fault] = []
        self._outages: list[Outage] = []

    def add(
        self,
        kind: FaultKind | str,
        *,
        method: str | None = None,
        count: int = 1,
        retry_after: int = 5,
        chat_id: int | None = None,
    ) -> Fault:
        """Schedule ``count`` failures of ``kind`` for ``method`` (case-insensitive) or any.

        With ``chat_id``, only calls into that chat are hit.
        """
        if count < 1:
            raise ValueError("count must be at least 1")
        fault = Fault(
            FaultKind(kind), method.lower() if method else None, count, retry_after, chat_id
        )
        self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Cancel all scheduled faults and end any outage."""
        self._faults.clear()
        self._outages.clear()

    @property
    def pending(self) -> list[Fault]:
        """Faults not yet used up."""
        return list(self._faults)

    def start_outage(
        self,
        seconds: float | None = None,
        *,
        method: str | None = None,
        chat_id: int | None = None,
    ) -> Outage:
        """Fail calls with 502 until :meth:`end_outage` or for ``seconds`` of the clock.

        Every call by default; only ``method`` (case-insensitive) and/or only calls into
        ``chat_id`` when given.
        """
        outage = Outage(
            math.inf if seconds is None else self._clock() + seconds,
            method.lower() if method else None,
            chat_id,
        )
        self._outages.append(outage)
        return outage

    def end_outage(self) -> None:
        """End every outage now."""
        self._outages.clear()

    @property
    def outage_active(self) -> bool:
        """Whether some calls currently fail with 502."""
        now = self._clock()
        return any(now < outage.until for outage in self._outages)

    def take(self, method: str, chat_id: int | None = None) -> ApiError | object | None:
        """Consume the failure for this call: an ``ApiError``, :data:`DROP`, or ``None``."""
        name = method.lower()
        now = self._clock()
        self._outages = [outage for outage in self._outages if now < outage.until]
        if any(outage.matches(name, chat_id) for outage in self._outages):
            return ApiError(502, "Bad Gateway")
        for fault in self._faults:
            if fault.matches(name, chat_id):
                fault.remaining -= 1
                if fault.remaining == 0:
                    self._faults.remove(fault)
                if fault.kind is FaultKind.RETRY_AFTER:
                    return too_many_requests(fault.retry_after)
                if fault.kind is FaultKind.SERVER_ERROR:
                    return ApiError(500, "Internal Server Error")
                return DROP
        return None
