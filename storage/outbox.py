"""The outbox: every message for someone other than the acting user, written before any is sent.

Rows are written in the transaction of the change they tell of (`enqueue_in`, `enqueue_notice_in`)
and stay "pending" until Telegram accepted them; a restart simply reads the pending rows again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime

from domain.delivery import (
    Buttons,
    DeliveryProgress,
    GivenUp,
    Notice,
    OutboxRow,
    QueuedMessage,
)
from domain.supporters import SUPPORTER_TOPIC_PREFIX
from storage.connection import Connection
from storage.database import Database, Row
from storage.timestamps import from_db, from_db_optional, to_db

__all__ = ["OutboxQueries", "OutboxRepository", "enqueue_in", "enqueue_notice_in"]

_REASON_LENGTH = 300
_HIDDEN_KEYS = f"{SUPPORTER_TOPIC_PREFIX}%"


def _buttons(text: str | None) -> Buttons:
    if not text:
        return ()
    return tuple(tuple((str(label), str(data)) for label, data in row) for row in json.loads(text))


def _row(row: Row) -> OutboxRow:
    return OutboxRow(
        id=row["id"],
        delivery_id=row["delivery_id"],
        user_id=row["user_id"],
        part=row["part"],
        text=row["text"],
        buttons=_buttons(row["buttons"]),
        attempts=row["attempts"],
        not_before=from_db(row["not_before"]),
        kind=row["kind"],
    )


async def enqueue_in(
    connection: Connection,
    *,
    key: str,
    kind: str,
    messages: Iterable[QueuedMessage],
    now: datetime,
    private: bool = False,
) -> int:
    """Queue messages under one delivery inside the caller's transaction; return rows added.

    A delivery key seen before is reused, and a (delivery, user, part) already queued is left
    alone, so running the same decision twice never sends twice. The delivery is recorded even
    with no message, so a `private` one (to an anonymous submitter) is listed in /delivery
    whether or not its owner could be reached.
    """
    await connection.execute(
        "INSERT INTO deliveries (key, kind, created_at, private) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (key) DO NOTHING",
        (key, kind, to_db(now), int(private)),
    )
    async with connection.execute("SELECT id FROM deliveries WHERE key = ?", (key,)) as cursor:
        found = await cursor.fetchone()
    assert found is not None
    delivery_id = int(found[0])
    stamp = to_db(now)
    before = connection.total_changes
    await connection.executemany(
        "INSERT INTO outbox (delivery_id, user_id, part, text, buttons, not_before, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (delivery_id, user_id, part) DO NOTHING",
        (
            (
                delivery_id,
                message.user_id,
                index,
                text,
                json.dumps(message.buttons, ensure_ascii=False)
                if message.buttons and index == len(message.parts) - 1
                else None,
                to_db(message.not_before or now),
                stamp,
            )
            for message in messages
            for index, text in enumerate(message.parts)
        ),
    )
    return connection.total_changes - before


async def enqueue_notice_in(
    connection: Connection, notice: Notice, *, source_id: int, now: datetime
) -> int:
    """Queue a notice, keyed by the history row that caused it, in the caller's transaction."""
    return await enqueue_in(
        connection,
        key=f"{notice.topic}:{source_id}",
        kind=notice.kind,
        messages=notice.messages,
        now=now,
        private=notice.private,
    )


class OutboxQueries:
    """How the newest deliveries are getting on, for /delivery: reads only, for a handler."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def given_up(self, *, limit: int = 3) -> list[GivenUp]:
        """Deliveries with rows given up after the time budget, most recent give-up first.

        Private deliveries are left out: a give-up would say an anonymous owner was unreachable.
        Supporters' deliveries are left out here and in `progress` altogether: even a line
        without figures would say that a submission has supporters who can be reached.
        """
        rows = await self._db.fetch_all(
            "WITH given AS (SELECT f.delivery_id, COUNT(*) AS n, MAX(f.id) AS latest"
            " FROM outbox f INDEXED BY outbox_given_up"
            " JOIN deliveries p ON p.id = f.delivery_id AND NOT p.private AND p.key NOT LIKE ?"
            " WHERE f.status = 'failed' AND f.last_error LIKE 'gave up%'"
            " GROUP BY f.delivery_id ORDER BY latest DESC LIMIT ?)"
            " SELECT d.key, d.kind, g.n, o.last_error FROM given g"
            " JOIN deliveries d ON d.id = g.delivery_id JOIN outbox o ON o.id = g.latest"
            " ORDER BY g.latest DESC",
            (_HIDDEN_KEYS, limit),
        )
        return [GivenUp(row[0], row[1], int(row[2]), str(row[3])) for row in rows]

    async def progress(self, *, limit: int = 3) -> list[DeliveryProgress]:
        """The newest deliveries with their counts, newest first; a private one without."""
        deliveries = await self._db.fetch_all(
            "SELECT id, key, kind, created_at, private FROM deliveries WHERE key NOT LIKE ?"
            " ORDER BY id DESC LIMIT ?",
            (_HIDDEN_KEYS, limit),
        )
        reports = []
        for delivery in deliveries:
            counts: Sequence[int] = (0, 0, 0, 0)
            reasons: list[Row] = []
            if not delivery["private"]:
                found = await self._db.fetch_one(
                    "SELECT COALESCE(SUM(status = 'sent'), 0),"
                    " COALESCE(SUM(status = 'pending'), 0),"
                    " COALESCE(SUM(status = 'failed'), 0), COUNT(DISTINCT user_id)"
                    " FROM outbox WHERE delivery_id = ?",
                    (delivery["id"],),
                )
                assert found is not None
                counts = tuple(found)
                reasons = await self._db.fetch_all(
                    "SELECT substr(last_error, 1, instr(last_error || ':', ':') - 1) AS reason,"
                    " COUNT(*) FROM outbox WHERE delivery_id = ? AND status = 'failed'"
                    " GROUP BY reason ORDER BY COUNT(*) DESC LIMIT 3",
                    (delivery["id"],),
                )
            reports.append(
                DeliveryProgress(
                    delivery_id=delivery["id"],
                    key=delivery["key"],
                    kind=delivery["kind"],
                    created_at=from_db(delivery["created_at"]),
                    sent=counts[0],
                    pending=counts[1],
                    failed=counts[2],
                    recipients=counts[3],
                    failure_reasons=tuple((str(row[0]), int(row[1])) for row in reasons),
                    private=bool(delivery["private"]),
                )
            )
        return reports


class OutboxRepository(OutboxQueries):
    """The sender's view of the outbox, and progress reports for administrators."""

    async def enqueue(
        self, *, key: str, kind: str, messages: Iterable[QueuedMessage], now: datetime
    ) -> int:
        """Queue messages in their own transaction; return rows added."""
        async with self._db.transaction() as connection:
            return await enqueue_in(connection, key=key, kind=kind, messages=messages, now=now)

    async def due(self, now: datetime, *, after_id: int, limit: int) -> list[OutboxRow]:
        """Pending rows whose time has come, with ids above `after_id`, in id order."""
        rows = await self._db.fetch_all(
            "SELECT o.id, o.delivery_id, o.user_id, o.part, o.text, o.buttons, o.attempts,"
            " o.not_before, d.kind FROM outbox o JOIN deliveries d ON d.id = o.delivery_id"
            " WHERE o.status = 'pending' AND o.id > ? AND o.not_before <= ?"
            " ORDER BY o.id LIMIT ?",
            (after_id, to_db(now), limit),
        )
        return [_row(row) for row in rows]

    async def next_not_before(self) -> datetime | None:
        """The earliest time a pending row may go."""
        value = await self._db.fetch_value(
            "SELECT MIN(not_before) FROM outbox WHERE status = 'pending'"
        )
        return from_db_optional(value)

    async def undeliverable(self, row: OutboxRow) -> str | None:
        """Why the row must not go any more, read just before sending it, or None.

        Erasure deletes the user and, by cascade, their rows; a block or an unsubscription may
        have come after the row was read in its batch.
        """
        found = await self._db.fetch_one(
            "SELECT o.status, u.id AS user_id, u.blocked_at, s.active FROM outbox o"
            " LEFT JOIN users u ON u.id = o.user_id"
            " LEFT JOIN subscriptions s ON s.user_id = o.user_id WHERE o.id = ?",
            (row.id,),
        )
        if found is None or found["user_id"] is None:
            return "erased"
        if found["status"] != "pending":
            return f"already {found['status']}"
        if found["blocked_at"] is not None:
            return "blocked"
        if row.kind == "digest" and not found["active"]:
            return "unsubscribed"
        return None

    async def mark_sent(self, row_id: int, now: datetime) -> None:
        """Telegram accepted the row."""
        await self._db.execute(
            "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1"
            " WHERE id = ? AND status = 'pending'",
            (to_db(now), row_id),
        )

    async def mark_skipped(self, row_id: int, reason: str) -> None:
        """The row must not go any more; a row already sent or gone stays as it is."""
        await self._db.execute(
            "UPDATE outbox SET status = 'failed', last_error = ?"
            " WHERE id = ? AND status = 'pending'",
            (reason[:_REASON_LENGTH], row_id),
        )

    async def mark_retry(self, row_id: int, attempts: int, reason: str) -> None:
        """An attempt failed in a way worth retrying."""
        await self._db.execute(
            "UPDATE outbox SET attempts = ?, last_error = ? WHERE id = ? AND status = 'pending'",
            (attempts, reason[:_REASON_LENGTH], row_id),
        )

    async def mark_failed(self, row_id: int, attempts: int, reason: str) -> None:
        """Give up on the row and keep why."""
        await self._db.execute(
            "UPDATE outbox SET status = 'failed', attempts = ?, last_error = ?"
            " WHERE id = ? AND status = 'pending'",
            (attempts, reason[:_REASON_LENGTH], row_id),
        )

    async def fail_recipient(self, user_id: int, reason: str) -> int:
        """Give up on everything pending for one recipient."""
        return await self._db.execute(
            "UPDATE outbox SET status = 'failed', last_error = ?"
            " WHERE user_id = ? AND status = 'pending'",
            (reason[:_REASON_LENGTH], user_id),
        )
