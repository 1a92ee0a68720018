"""What a delivery is: queued messages, outbox rows, the send errors and the sender's policy."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

__all__ = [
    "Buttons",
    "DeliveryPolicy",
    "DeliveryProgress",
    "GivenUp",
    "Notice",
    "OutboxRow",
    "OutboxStore",
    "OutgoingMessage",
    "PermanentSendError",
    "QueuedMessage",
    "RateLimitedError",
    "RecipientBlockedError",
    "Send",
    "SendError",
    "TransientSendError",
]


class SendError(Exception):
    """A send failed; the subclass says what the sender should do about it."""


class RateLimitedError(SendError):
    """Telegram's flood control answered 429: wait `retry_after` seconds before any send."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited: retry after {retry_after:g}s")
        self.retry_after = retry_after


class RecipientBlockedError(SendError):
    """The recipient blocked the bot (403): never retry until they write again."""


class TransientSendError(SendError):
    """A network error, a timeout or a server error: worth retrying later."""


class PermanentSendError(SendError):
    """Telegram refused the message itself (400): retrying cannot help."""


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """One message to one chat: HTML text and optional rows of (label, callback data) buttons."""

    chat_id: int
    text: str
    buttons: tuple[tuple[tuple[str, str], ...], ...] = ()


Buttons = tuple[tuple[tuple[str, str], ...], ...]
"""Rows of (label, callback data) buttons, stored as JSON with the row."""


@dataclass(frozen=True, slots=True)
class QueuedMessage:
    """A message to put in the outbox: its parts in order; buttons go under the last part."""

    user_id: int
    parts: tuple[str, ...]
    buttons: Buttons = ()
    not_before: datetime | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    """Messages to queue in the very transaction of the change they tell of.

    Storage names the delivery `topic:<id of the change's history row>`, so a notice exists if
    and only if its change was committed, and two changes never share one delivery. A `private`
    notice tells an anonymous submitter: it is recorded even with no message (nobody reachable),
    and /delivery never shows whom it reached.
    """

    topic: str
    messages: tuple[QueuedMessage, ...]
    kind: str = "notice"
    private: bool = False


Send = Callable[[OutgoingMessage], Awaitable[None]]
Sleep = Callable[[float], Awaitable[None]]
Monotonic = Callable[[], float]


@dataclass(frozen=True, slots=True)
class OutboxRow:
    """A queued message part, as the outbox stores it."""

    id: int
    delivery_id: int
    user_id: int
    part: int
    text: str
    buttons: tuple[tuple[tuple[str, str], ...], ...]
    attempts: int
    not_before: datetime
    kind: str = "digest"

    @property
    def message(self) -> OutgoingMessage:
        """What to send for this row."""
        return OutgoingMessage(self.user_id, self.text, self.buttons)


@dataclass(frozen=True, slots=True)
class DeliveryProgress:
    """How far one delivery has come, for the admins' /delivery; a private one carries no counts."""

    delivery_id: int
    key: str
    kind: str
    created_at: datetime
    sent: int
    pending: int
    failed: int
    recipients: int
    failure_reasons: tuple[tuple[str, int], ...] = ()
    private: bool = False


@dataclass(frozen=True, slots=True)
class GivenUp:
    """Rows of one delivery the sender gave up on, with the last reason, for /delivery."""

    key: str
    kind: str
    rows: int
    reason: str


class OutboxStore(Protocol):
    """What the sender needs from the outbox table; each write is one transaction."""

    async def due(self, now: datetime, *, after_id: int, limit: int) -> list[OutboxRow]:
        """Pending rows whose `not_before` has come, with ids above `after_id`, in id order."""
        ...

    async def next_not_before(self) -> datetime | None:
        """The earliest `not_before` among pending rows, to know how long to idle."""
        ...

    async def mark_sent(self, row_id: int, now: datetime) -> None:
        """Record a delivered row."""
        ...

    async def undeliverable(self, row: OutboxRow) -> str | None:
        """Why the row must not go any more (recipient erased, blocked, unsubscribed), or None."""
        ...

    async def mark_retry(self, row_id: int, attempts: int, reason: str) -> None:
        """Record a failed attempt that will be retried."""
        ...

    async def mark_failed(self, row_id: int, attempts: int, reason: str) -> None:
        """Give up on a row, keeping why."""
        ...

    async def mark_skipped(self, row_id: int, reason: str) -> None:
        """Drop a row that must not go any more, keeping why; a row already gone is fine."""
        ...

    async def fail_recipient(self, user_id: int, reason: str) -> int:
        """Give up on every pending row of one recipient; return how many."""
        ...


_MAX_DOUBLINGS = 64
"""More doublings than any cap needs: 2 ** 64 seconds outlasts every sensible `backoff_max`."""


@dataclass(frozen=True, slots=True)
class DeliveryPolicy:
    """The sender's limits, from settings."""

    rate_per_second: float = 25.0
    per_chat_interval: float = 1.0
    give_up_after: timedelta = timedelta(hours=48)
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    max_in_flight: int = 4
    idle_poll: float = 0.25
    batch: int = 200

    def backoff(self, attempts: int) -> float:
        """Seconds to wait before attempt number `attempts + 1`: 1, 2, 4, ... capped.

        The doublings stop at `_MAX_DOUBLINGS`: failures in a row reach the thousands in a long
        fault (a day of 60 s pauses, or one broadcast's records on a full disk), and
        2.0 ** 1024 overflows, which raised inside the sender's own error handling.
        """
        doublings = min(max(0, attempts - 1), _MAX_DOUBLINGS)
        return min(self.backoff_max, self.backoff_base * 2.0**doublings)

    def gives_up(self, row: OutboxRow, now: datetime) -> bool:
        """Whether a row that keeps failing has used up its time since it became due."""
        return now - row.not_before >= self.give_up_after
