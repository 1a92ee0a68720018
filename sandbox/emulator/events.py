"""Fan-out of emulator events (messages, API calls, toasts) to live subscribers.

The sandbox page renders the chat from this stream, so publishing must be cheap when nobody
listens (benchmarks) and must never block the Bot API path: subscriber queues are unbounded and
filled with ``put_nowait``.
"""

from __future__ import annotations

import asyncio
from typing import Any

__all__ = ["EventBus", "EventSubscription"]

_CLOSED: dict[str, Any] = {"type": "closed"}


class EventSubscription:
    """An async iterator of JSON-able event dicts, optionally limited to one chat."""

    def __init__(self, bus: EventBus, chat_id: int | None) -> None:
        self.chat_id = chat_id
        self._bus = bus
        self._queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._closed = False

    def __aiter__(self) -> EventSubscription:
        return self

    async def __anext__(self) -> dict[str, Any]:
        if self._closed and self._queue.empty():
            raise StopAsyncIteration
        event = await self._queue.get()
        if event is _CLOSED:
            self._closed = True
            raise StopAsyncIteration
        return event

    async def next(self, within: float = 5.0) -> dict[str, Any]:
        """Return the next event, failing with ``TimeoutError`` instead of hanging a test."""
        async with asyncio.timeout(within):
            return await self.__anext__()

    def offer(self, event: dict[str, Any], chat_id: int | None) -> None:
        """Queue ``event`` if it concerns this subscription's chat (or all chats)."""
        if self.chat_id is None or chat_id is None or chat_id == self.chat_id:
            self._queue.put_nowait(event)

    def close(self) -> None:
        """Stop the subscription; iteration ends after the events already queued."""
        if not self._closed:
            self._closed = True
            self._queue.put_nowait(_CLOSED)
            self._bus.discard(self)

    async def __aenter__(self) -> EventSubscription:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        self.close()


class EventBus:
    """Delivers each published event to every matching subscription."""

    def __init__(self) -> None:
        self._subscriptions: set[EventSubscription] = set()

    def subscribe(self, chat_id: int | None = None) -> EventSubscription:
        """Start receiving events (all chats, or only ``chat_id``'s plus global ones)."""
        subscription = EventSubscription(self, chat_id)
        self._subscriptions.add(subscription)
        return subscription

    @property
    def active(self) -> bool:
        """Whether anyone listens; publishers skip building events otherwise (benchmarks)."""
        return bool(self._subscriptions)

    def discard(self, subscription: EventSubscription) -> None:
        """Forget a closed subscription."""
        self._subscriptions.discard(subscription)

    def publish(self, event: dict[str, Any], chat_id: int | None = None) -> None:
        """Send ``event`` to subscribers; ``chat_id`` ``None`` means it concerns every chat."""
        for subscription in self._subscriptions:
            subscription.offer(event, chat_id)

    def close(self) -> None:
        """End every subscription (emulator shutdown)."""
        for subscription in list(self._subscriptions):
            subscription.close()
