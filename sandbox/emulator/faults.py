"""Failures a test schedules on purpose: 429s, 5xx answers, drops, delays and outages.

Each may hit every call, only one method's, or only one chat's.

A bot must survive Telegram's bad days, which are rarely total: one chat that answers 5xx, one
method that hangs, a getUpdates that drops. Injected failures are recorded as such, so the
conformance check never blames the bot for them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from sandbox.emulator.errors import ApiError, too_many_requests
from sandbox.emulator.limits import Clock

__all__ = ["DROP", "Delay", "Fault", "FaultKind", "FaultPlan", "Outage"]

_REASONS = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class FaultKind(StrEnum):
    """The kinds of failure the emulator can inject."""

    RETRY_AFTER = "retry_after"
    """429 ``Too Many Requests: retry after N`` with ``parameters.retry_after``."""
    SERVER_ERROR = "server_error"
    """A 5xx answer: 500 ``Internal Server Error`` unless another ``status`` is chosen."""
    DROP = "drop"
    """The connection is closed without any response."""
    DELAY = "delay"
    """The call is answered normally, ``seconds`` late (a slow or congested Telegram)."""


DROP = object()
"""Returned by :meth:`FaultPlan.take` when the connection must be dropped."""


@dataclass(frozen=True, slots=True)
class Delay:
    """Returned by :meth:`FaultPlan.take`: answer normally after ``seconds``."""

    seconds: float


@dataclass(slots=True)
class Fault:
    """Scheduled failures: the next ``remaining`` matching calls fail.

    A call matches when ``method`` is ``None`` or its name (case-insensitive), and ``chat_id``
    is ``None`` or the call's ``chat_id`` parameter.
    """

    kind: FaultKind
    method: str | None
    remaining: int
    retry_after: int = 5
    chat_id: int | None = None
    status: int = 500
    seconds: float = 0.0

    def matches(self, method: str, chat_id: int | None) -> bool:
        """Whether a call of ``method`` (lower case) to ``chat_id`` is one of these."""
        return (self.method is None or self.method == method) and (
            self.chat_id is None or self.chat_id == chat_id
        )


@dataclass(slots=True)
class Outage:
    """Every matching call fails with ``status`` until ``until`` on the emulator's clock."""

    until: float
    method: str | None = None
    chat_id: int | None = None
    status: int = 502

    def matches(self, method: str, chat_id: int | None) -> bool:
        """Whether a call of ``method`` (lower case) to ``chat_id`` falls in this outage."""
        return (self.method is None or self.method == method) and (
            self.chat_id is None or self.chat_id == chat_id
        )


def _server_error(status: int) -> ApiError:
    if status not in _REASONS:
        raise ValueError(f"a server error is one of {sorted(_REASONS)}, not {status}")
    return ApiError(status, _REASONS[status])


class FaultPlan:
    """Pending faults in scheduling order plus the outages in force."""

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
        status: int = 500,
        seconds: float = 0.0,
    ) -> Fault:
        """Schedule ``count`` failures of ``kind`` for ``method`` and ``chat_id`` (or any)."""
        if count < 1:
            raise ValueError("count must be at least 1")
        kind = FaultKind(kind)
        if kind is FaultKind.SERVER_ERROR:
            _server_error(status)
        if kind is FaultKind.DELAY and seconds <= 0:
            raise ValueError("a delay needs seconds > 0")
        fault = Fault(
            kind,
            method.lower() if method else None,
            count,
            retry_after,
            chat_id=chat_id,
            status=status,
            seconds=seconds,
        )
        self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Cancel all scheduled faults and end every outage."""
        self._faults.clear()
        self._outages.clear()

    @property
    def pending(self) -> list[Fault]:
        """Faults not yet used up."""
        return list(self._faults)

    @property
    def outages(self) -> list[Outage]:
        """Outages still in force."""
        now = self._clock()
        self._outages = [outage for outage in self._outages if now < outage.until]
        return list(self._outages)

    def start_outage(
        self,
        seconds: float | None = None,
        *,
        method: str | None = None,
        chat_id: int | None = None,
        status: int = 502,
    ) -> Outage:
        """Fail matching calls with ``status`` until :meth:`end_outage` or for ``seconds``."""
        _server_error(status)
        until = math.inf if seconds is None else self._clock() + seconds
        outage = Outage(until, method.lower() if method else None, chat_id, status)
        self._outages.append(outage)
        return outage

    def end_outage(self) -> None:
        """End every outage now."""
        self._outages.clear()

    @property
    def outage_active(self) -> bool:
        """Whether any outage is in force."""
        return bool(self.outages)

    def take(self, method: str, chat_id: int | None = None) -> ApiError | Delay | object | None:
        """Consume the failure for this call: an ``ApiError``, a ``Delay``, ``DROP`` or ``None``."""
        name = method.lower()
        for outage in self.outages:
            if outage.matches(name, chat_id):
                return _server_error(outage.status)
        for fault in self._faults:
            if fault.matches(name, chat_id):
                fault.remaining -= 1
                if fault.remaining == 0:
                    self._faults.remove(fault)
                if fault.kind is FaultKind.RETRY_AFTER:
                    return too_many_requests(fault.retry_after)
                if fault.kind is FaultKind.SERVER_ERROR:
                    return _server_error(fault.status)
                if fault.kind is FaultKind.DELAY:
                    return Delay(fault.seconds)
                return DROP
        return None
