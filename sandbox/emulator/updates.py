"""The bot's update queue: ``getUpdates`` long polling, offset confirmation and delivery waits.

Telegram keeps updates until the bot confirms them with a higher ``offset``; PTB only sends that
higher offset after it has put the previous batch into its own queue. Watching confirmations is
therefore how a test knows the bot *has* an update without sleeping.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections import deque
from collections.abc import Iterable
from typing import Any

from sandbox.emulator.errors import ApiError

__all__ = ["DEFAULT_ALLOWED_UPDATES", "DeliveryTimeoutError", "UpdateQueue"]

DEFAULT_ALLOWED_UPDATES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
    }
)
"""What Telegram sends when ``allowed_updates`` was never set (no chat_member, no reactions)."""

_CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


class DeliveryTimeoutError(TimeoutError):
    """The bot did not fetch and confirm an update in time (is the Application polling?)."""


class UpdateQueue:
    """Pending updates in id order; every operation is O(1) amortised or O(log n)."""

    def __init__(self) -> None:
        self._pending: deque[dict[str, Any]] = deque()
        self._next_id = 1
        self._confirmed_below = 1
        self._allowed = DEFAULT_ALLOWED_UPDATES
        self._waiters: list[tuple[int, int, asyncio.Future[None]]] = []
        self._tiebreak = itertools.count()
        self._poll: asyncio.Future[bool] | None = None
        self._arrived = asyncio.Event()
        self._closed = False

    @property
    def pending_count(self) -> int:
        """Number of updates not yet confirmed by the bot."""
        return len(self._pending)

    @property
    def polling(self) -> bool:
        """Whether a ``getUpdates`` long poll is currently waiting."""
        return self._poll is not None and not self._poll.done()

    @property
    def last_update_id(self) -> int:
        """The id of the newest update ever queued (0 before the first)."""
        return self._next_id - 1

    def push(self, kind: str, payload: dict[str, Any]) -> int | None:
        """Queue an update of type ``kind``; ``None`` if the bot's ``allowed_updates`` drops it."""
        if kind not in self._allowed:
            return None
        update_id = self._next_id
        self._next_id += 1
        self._pending.append({"update_id": update_id, kind: payload})
        self._arrived.set()
        if self._poll is not None and not self._poll.done():
            self._poll.set_result(True)
        return update_id

    def set_allowed(self, allowed: Iterable[str] | None) -> None:
        """Apply ``allowed_updates`` (an empty list restores the default set)."""
        if allowed is None:
            return
        chosen = frozenset(allowed)
        self._allowed = chosen or DEFAULT_ALLOWED_UPDATES

    def confirm(self, offset: int) -> None:
        """Forget every update whose id is below ``offset`` and release its delivery waiters."""
        while self._pending and self._pending[0]["update_id"] < offset:
            self._pending.popleft()
        self._confirmed_below = max(self._confirmed_below, offset)
        while self._waiters and self._waiters[0][0] < self._confirmed_below:
            _, _, future = heapq.heappop(self._waiters)
            if not future.done():
                future.set_result(None)

    def drop_pending(self) -> None:
        """Confirm everything queued so far (``deleteWebhook(drop_pending_updates=True)``)."""
        self.confirm(self._next_id)

    async def next_pending(self) -> dict[str, Any]:
        """The oldest unconfirmed update, waiting for one to arrive (webhook delivery)."""
        while not self._pending:
            self._arrived.clear()
            await self._arrived.wait()
        return self._pending[0]

    async def fetch(self, offset: int, limit: int, poll: float) -> list[dict[str, Any]]:
        """Answer ``getUpdates``: confirm by ``offset``, then return or wait up to ``poll`` s.

        Raises:
            ApiError: 409 Conflict when a newer ``getUpdates`` supersedes this one.

        """
        if offset < 0:
            keep = -offset
            if len(self._pending) > keep:
                self.confirm(self._pending[-keep]["update_id"])
        elif offset > 0:
            self.confirm(offset)
        if self._poll is not None and not self._poll.done():
            self._poll.set_result(False)
        if not self._pending and poll > 0 and not self._closed:
            waiter: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
            self._poll = waiter
            try:
                async with asyncio.timeout(poll):
                    superseded = not await waiter
            except TimeoutError:
                superseded = False
            finally:
                if self._poll is waiter:
                    self._poll = None
            if superseded:
                raise ApiError(409, _CONFLICT)
        return list(itertools.islice(self._pending, limit))

    async def wait_delivered(self, update_id: int | None, within: float) -> None:
        """Wait until the bot confirmed ``update_id`` (default: every update queued so far).

        Raises:
            DeliveryTimeoutError: with the number of updates still pending.

        """
        target = self.last_update_id if update_id is None else update_id
        if target < self._confirmed_below:
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiters, (target, next(self._tiebreak), future))
        try:
            async with asyncio.timeout(within):
                await future
        except TimeoutError:
            raise DeliveryTimeoutError(
                f"update {target} was not confirmed by the bot within {within:g} s "
                f"({len(self._pending)} update(s) pending): is the Application polling "
                "this emulator?"
            ) from None

    def close(self) -> None:
        """Release a waiting long poll with an empty answer (emulator shutdown)."""
        self._closed = True
        if self._poll is not None and not self._poll.done():
            self._poll.set_result(True)
