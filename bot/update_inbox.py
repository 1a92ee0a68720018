"""The one way in for updates: journal first, then queue; replay after a crash; mark handled.

Polling and a webhook both come through here, so both get the same guarantee: an update is
on disk before Telegram is told it arrived, is handled once, and one fetched before a crash is
handled after the restart (README, "Reliability").
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import deque
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from telegram import Bot, Update

from domain.clock import Clock
from storage.errors import StorageUnavailableError
from storage.inputs import AskedStep
from storage.update_journal import UpdateJournal

__all__ = ["UpdateInbox"]

logger = logging.getLogger("sotong.updates")

_TELEGRAM_KEEPS = timedelta(days=1)
"""How long Telegram keeps an unconfirmed update: older journal rows cannot come back."""
_REMEMBERED_IDS = 10_000
"""Ids kept in memory to drop a redelivered update while the journal cannot be read."""


def _body(update: Update, received: Mapping[int, Any] | None) -> str:
    payload = None if received is None else received.get(update.update_id)
    return update.to_json() if payload is None else json.dumps(payload, ensure_ascii=False)


class UpdateInbox:
    """Journals fetched updates, hands new ones on, and records each as handled."""

    def __init__(self, journal: UpdateJournal, clock: Clock) -> None:
        self._journal = journal
        self._clock = clock
        self._next_offset = 0
        self._recent: deque[int] = deque(maxlen=_REMEMBERED_IDS)
        self._recent_set: set[int] = set()
        self._queue: asyncio.Queue[object] | None = None
        self._bot: Bot | None = None
        self._marks: list[int] = []
        self._asked: list[AskedStep] = []
        self._marks_written: asyncio.Future[None] | None = None
        self._marker: asyncio.Task[None] | None = None

    @property
    def next_offset(self) -> int:
        """The getUpdates offset past everything journaled: Telegram may forget those."""
        return self._next_offset

    async def open(self, bot: Bot, queue: asyncio.Queue[object]) -> int:
        """Connect to the application and queue what a crash left unhandled; return how many."""
        self._bot, self._queue = bot, queue
        self._next_offset = await self._journal.next_offset()
        try:
            await self._journal.prune(self._clock.now() - _TELEGRAM_KEEPS)
        except StorageUnavailableError as exc:
            logger.warning("could not prune the update journal: %s", exc)
        replayed = 0
        for update_id, body in await self._journal.unhandled():
            self._remember(update_id)
            await queue.put(Update.de_json(json.loads(body), bot))
            replayed += 1
        if replayed:
            logger.info("replaying %d update(s) fetched before the last stop", replayed)
        return replayed

    def _remember(self, update_id: int) -> None:
        if len(self._recent) == self._recent.maxlen:
            self._recent_set.discard(self._recent[0])
        self._recent.append(update_id)
        self._recent_set.add(update_id)

    async def journal(
        self, updates: Sequence[Update], received: Mapping[int, Any] | None = None
    ) -> list[Update]:
        """Write a fetched batch in one transaction and return the updates not seen before.

        Called between a getUpdates and the next, which confirms the batch to Telegram. If the
        database refuses the write (full, read-only, locked), the updates are still handled,
        so each person hears that storage is failing, rather than nothing while the fault lasts.
        `received` holds each update's JSON as Telegram sent it, by update id: writing that
        back out is several times cheaper than serialising PTB's objects again.
        """
        if not updates:
            return []
        self._next_offset = max(self._next_offset, updates[-1].update_id + 1)
        fresh = [update for update in updates if update.update_id not in self._recent_set]
        try:
            new_ids = set(
                await self._journal.record(
                    [(update.update_id, _body(update, received)) for update in fresh],
                    self._clock.now(),
                )
            )
        except StorageUnavailableError as exc:
            logger.warning(
                "could not journal %d update(s), handling them unjournaled: %s", len(fresh), exc
            )
            new_ids = {update.update_id for update in fresh}
        accepted = [update for update in fresh if update.update_id in new_ids]
        for update in accepted:
            self._remember(update.update_id)
        return accepted

    async def accept(self, payload: dict[str, Any]) -> bool:
        """Journal one update's JSON (as a webhook receives it) and queue it if it is new.

        Answer Telegram's webhook request only after this returns: the update is then on disk.
        """
        if self._bot is None or self._queue is None:
            raise RuntimeError("the inbox is not open")
        update = Update.de_json(payload, self._bot)
        accepted = await self.journal([update], {update.update_id: payload})
        for fresh in accepted:
            await self._queue.put(fresh)
        return bool(accepted)

    async def handled(self, update_id: int, asked: Sequence[AskedStep] = ()) -> None:
        """Record an update as handled, in one write with the others finishing meanwhile.

        `asked`: the questions its handling sent, recorded in that same write (see
        `storage.inputs.asked_with_the_update`).
        """
        self._marks.append(update_id)
        self._asked.extend(asked)
        if self._marks_written is None:
            self._marks_written = asyncio.get_running_loop().create_future()
        written = self._marks_written
        if self._marker is None or self._marker.done():
            self._marker = asyncio.create_task(self._write_marks(), name="sotong:handled-marks")
        await asyncio.shield(written)

    async def _write_marks(self) -> None:
        """Write pending marks batch by batch; a failure only means a replay after a crash."""
        while self._marks:
            batch, self._marks = self._marks, []
            asked, self._asked = self._asked, []
            written, self._marks_written = self._marks_written, None
            try:
                await self._journal.mark_handled(batch, self._clock.now(), asked)
            except StorageUnavailableError as exc:
                logger.warning(
                    "could not record %d update(s) as handled (%d question(s) stay unasked): %s",
                    len(batch),
                    len(asked),
                    exc,
                )
            except Exception:
                logger.exception(
                    "could not record %d update(s) as handled (%d question(s) stay unasked)",
                    len(batch),
                    len(asked),
                )
            finally:
                if written is not None and not written.done():
                    written.set_result(None)

    async def close(self) -> None:
        """Wait for the last marks to be written."""
        if self._marker is not None:
            await self._marker
