"""Failures a test schedules on purpose: flood errors, server errors, dropped connections, outages.

A bot must survive Telegram's bad days. Injected failures are recorded as such, so the conformance
check never blames the bot for them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from sandbox.emulator.errors import ApiError, too_many_requests
from sandbox.emulator.limits import Clock

__all__ = ["DROP", "Fault", "FaultKind", "FaultPlan"]


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
    """Scheduled failures: ``remaining`` calls of ``method`` (any method if ``None``) fail."""

    kind: FaultKind
    method: str | None
    remaining: int
    retry_after: int = 5


class FaultPlan:
    """Pending faults in scheduling order plus the outage window."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._faults: list[Fault] = []
        self._outage_until: float | None = None

    def add(
        self,
        kind: FaultKind | str,
        *,
        method: str | None = None,
        count: int = 1,
        retry_after: int = 5,
    ) -> Fault:
        """Schedule ``count`` failures of ``kind`` for ``method`` (case-insensitive) or any."""
        if count < 1:
            raise ValueError("count must be at least 1")
        fault = Fault(FaultKind(kind), method.lower() if method else None, count, retry_after)
        self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Cancel all scheduled faults and end any outage."""
        self._faults.clear()
        self._outage_until = None

    @property
    def pending(self) -> list[Fault]:
        """Faults not yet used up."""
        return list(self._faults)

    def start_outage(self, seconds: float | None = None) -> None:
        """Fail every call with 502 until :meth:`end_outage` or for ``seconds`` of the clock."""
        self._outage_until = math.inf if seconds is None else self._clock() + seconds

    def end_outage(self) -> None:
        """End the outage now."""
        self._outage_until = None

    @property
    def outage_active(self) -> bool:
        """Whether calls currently fail with 502."""
        return self._outage_until is not None and self._clock() < self._outage_until

    def take(self, method: str) -> ApiError | object | None:
        """Consume the failure for this call: an ``ApiError``, :data:`DROP`, or ``None``."""
        if self.outage_active:
            return ApiError(502, "Bad Gateway")
        name = method.lower()
        for fault in self._faults:
            if fault.method is None or fault.method == name:
                fault.remaining -= 1
                if fault.remaining == 0:
                    self._faults.remove(fault)
                if fault.kind is FaultKind.RETRY_AFTER:
                    return too_many_requests(fault.retry_after)
                if fault.kind is FaultKind.SERVER_ERROR:
                    return ApiError(500, "Internal Server Error")
                return DROP
        return None
