"""Updates fetched from Telegram and not yet handled: the record that outlives a crash.

PTB confirms a batch of updates to Telegram with the next getUpdates, before handling them;
the journal is written in between, in one transaction, so a `kill -9` at any moment leaves
every update either still at Telegram or here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime

from storage.connection import Connection
from storage.database import Database
from storage.inputs import AskedStep, mark_asked_in
from storage.timestamps import to_db

__all__ = ["JournaledUpdate", "UpdateJournal", "forget_sender_in"]

JournaledUpdate = tuple[int, str]
"""An update's id and its JSON body, as Telegram sent it."""


class UpdateJournal:
    """Reads and writes the update journal; every method that writes is one transaction."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def record(self, updates: Sequence[JournaledUpdate], now: datetime) -> list[int]:
        """Store a fetched batch and return the ids seen for the first time, in order.

        An id already present (Telegram delivering it again after a crash) is left alone: it
        is either handled already or waiting for the replay at start.
        """
        if not updates:
            return []
        ids = [update_id for update_id, _ in updates]
        placeholders = ",".join("?" * len(ids))
        # One attempt: while another process holds the lock, the updates are better handled
        # unjournaled now (their handlers wait for the lock in turn) than seconds later.
        async with self._database.transaction(durable=True, attempts=1) as connection:
            # One hop to SQLite's thread for the statement and its rows, not three.
            known = {
                row[0]
                for row in await connection.execute_fetchall(
                    f"SELECT update_id FROM update_journal WHERE update_id IN ({placeholders})",
                    ids,
                )
            }
            fresh = [(uid, body) for uid, body in updates if uid not in known]
            await connection.executemany(
                "INSERT INTO update_journal (update_id, body, received_at) VALUES (?, ?, ?)",
                [(uid, body, to_db(now)) for uid, body in fresh],
            )
        return [uid for uid, _ in fresh]

    async def mark_handled(
        self, update_ids: Collection[int], now: datetime, asked: Iterable[AskedStep] = ()
    ) -> None:
        """Record that these updates were handled and drop what people typed in them.

        `asked`: the questions their handling sent, recorded in the same transaction, so a
        replayed update never finds its own next question already asked
        (`storage.inputs.asked_with_the_update`).
        """
        if not update_ids:
            return
        placeholders = ",".join("?" * len(update_ids))
        handled = (
            "UPDATE update_journal SET handled_at = ?, body = NULL"
            f" WHERE update_id IN ({placeholders}) AND handled_at IS NULL"
        )
        asked = list(asked)
        if not asked:
            await self._database.execute(handled, [to_db(now), *update_ids], urgent=True)
            return
        async with self._database.transaction(urgent=True) as connection:
            await connection.execute(handled, [to_db(now), *update_ids])
            await mark_asked_in(connection, asked)

    async def unhandled(self) -> list[JournaledUpdate]:
        """Updates fetched before the last stop or crash and never handled, oldest first."""
        rows = await self._database.fetch_all(
            "SELECT update_id, body FROM update_journal WHERE handled_at IS NULL ORDER BY update_id"
        )
        return [(row["update_id"], row["body"]) for row in rows]

    async def next_offset(self) -> int:
        """The getUpdates offset that confirms everything journaled so far (0: none yet)."""
        last = await self._database.fetch_value("SELECT MAX(update_id) FROM update_journal")
        return 0 if last is None else int(last) + 1

    async def prune(self, before: datetime) -> int:
        """Forget handled updates received before `before`, keeping the newest row.

        Telegram keeps an unconfirmed update for a day at most, so older rows can no longer
        come back; the newest row stays so the offset survives.
        """
        return await self._database.execute(
            "DELETE FROM update_journal WHERE handled_at IS NOT NULL AND received_at < ?"
            " AND update_id < (SELECT MAX(update_id) FROM update_journal)",
            [to_db(before)],
        )


async def forget_sender_in(connection: Connection, user_id: int, now: datetime) -> None:
    """Inside an erasure's transaction: drop the text of this person's unhandled updates.

    The update confirming the erasure is still unhandled while it runs, and its body names the
    sender; it is recorded as handled here, so a crash cannot replay what was just erased.
    """
    await connection.execute(
        "UPDATE update_journal SET body = NULL, handled_at = coalesce(handled_at, ?)"
        " WHERE body IS NOT NULL AND ? IN ("
        " json_extract(body, '$.message.from.id'),"
        " json_extract(body, '$.callback_query.from.id'),"
        " json_extract(body, '$.my_chat_member.from.id'))",
        (to_db(now), user_id),
    )
