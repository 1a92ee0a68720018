"""Follow-up questions to owners of resolved submissions, and their answers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from domain.agenda import LinkKind
from domain.delivery import QueuedMessage
from domain.follow_up import (
    RESOLVING_STAGE,
    RESOLVING_STATUS,
    FollowUpAnswer,
    FollowUpDue,
    FollowUpResult,
    FollowUpSummary,
)
from domain.submissions import Visibility
from storage.database import Database
from storage.domain_sql import literal
from storage.outbox import enqueue_in
from storage.tallies import tally_counts
from storage.timestamps import from_db, to_db

__all__ = ["FollowUpQueries", "FollowUpRepository"]

_COUNTED = "s.hidden = 0 AND s.merged_into IS NULL AND s.deleted_at IS NULL"
_ANONYMOUS = f"s.visibility = {literal(Visibility.ANONYMOUS)}"


class FollowUpQueries:
    """What views read of follow-ups (an owner's answer, the summary); the repository extends it."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def answer_of(self, submission_id: int) -> FollowUpAnswer | None:
        """The owner's verdict on one submission, or None before any."""
        row = await self._db.fetch_one(
            "SELECT result, note, new_hours_per_month, new_won FROM follow_ups"
            " WHERE submission_id = ? AND result IS NOT NULL",
            (submission_id,),
        )
        if row is None:
            return None
        return FollowUpAnswer(FollowUpResult(row[0]), row[1], row[2], row[3])

    async def summary(self) -> FollowUpSummary:
        """Questions asked and answers per result, over counted submissions (kept tallies)."""
        counts = await tally_counts(self._db, "follow_up")
        asked = sum(count for _, count in counts)
        results = {FollowUpResult(value): count for value, count in counts if value is not None}
        return FollowUpSummary(asked, results)


class FollowUpRepository(FollowUpQueries):
    """Reads and writes `follow_ups`; every write is one transaction."""

    async def due(self, resolved_before: datetime) -> list[FollowUpDue]:
        """Resolved before the cut-off, never asked, owner reachable or anonymous: who to ask now.

        An anonymous owner is asked whatever became of them; the sender drops at send time
        what cannot go, out of administrators' sight.
        """
        rows = await self._db.fetch_all(
            "SELECT s.id, s.receipt_code, u.id, COALESCE(u.language, s.language),"
            f" MIN(r.at) AS resolved_at, {_ANONYMOUS} FROM ("
            " SELECT id AS submission_id, answered_at AS at FROM submissions"
            f" WHERE status = {literal(RESOLVING_STATUS)} AND answered_at IS NOT NULL"
            " UNION ALL"
            " SELECT l.submission_id, b.recorded_at FROM submission_links l"
            f" JOIN bill_stages b ON b.bill_id = l.item_id AND b.stage = {literal(RESOLVING_STAGE)}"
            f" WHERE l.item_type = {literal(LinkKind.BILL)}"
            ") r JOIN submissions s ON s.id = r.submission_id"
            " LEFT JOIN users u ON u.id = s.user_id"
            f" WHERE {_COUNTED} AND ((u.id IS NOT NULL AND u.blocked_at IS NULL)"
            f" OR {_ANONYMOUS})"
            " AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.submission_id = s.id)"
            " GROUP BY s.id HAVING MIN(r.at) <= ? ORDER BY s.id",
            (to_db(resolved_before),),
        )
        return [
            FollowUpDue(
                submission_id=int(r[0]),
                receipt_code=str(r[1]),
                user_id=None if r[2] is None else int(r[2]),
                language=str(r[3]),
                resolved_at=from_db(r[4]),
                private=bool(r[5]),
            )
            for r in rows
        ]

    async def ask(
        self, questions: Sequence[tuple[FollowUpDue, QueuedMessage | None]], *, now: datetime
    ) -> int:
        """Record each question with its outbox row; a submission already asked is skipped."""
        queued = 0
        async with self._db.transaction(large=True) as connection:
            for due, message in questions:
                cursor = await connection.execute(
                    "INSERT INTO follow_ups (submission_id, resolved_at, asked_at)"
                    " VALUES (?, ?, ?) ON CONFLICT (submission_id) DO NOTHING",
                    (due.submission_id, to_db(due.resolved_at), to_db(now)),
                )
                if cursor.rowcount == 1:
                    queued += await enqueue_in(
                        connection,
                        key=f"follow-up:{due.submission_id}",
                        kind="notice",
                        messages=[] if message is None else [message],
                        now=now,
                        private=due.private,
                    )
        return queued

    async def answer(
        self, submission_id: int, user_id: int, result: FollowUpResult, *, now: datetime
    ) -> str | None:
        """Store the owner's verdict (a second tap replaces it); the receipt code, or None."""
        async with self._db.transaction() as connection:
            await connection.execute(
                "UPDATE follow_ups SET awaiting_note = 0 WHERE submission_id IN"
                " (SELECT id FROM submissions WHERE user_id = ?)",
                (user_id,),
            )
            cursor = await connection.execute(
                "UPDATE follow_ups SET result = ?, answered_at = ?, awaiting_note = 1"
                " WHERE submission_id = ? AND submission_id IN"
                " (SELECT id FROM submissions WHERE user_id = ?)",
                (str(result), to_db(now), submission_id, user_id),
            )
            if cursor.rowcount != 1:
                return None
            async with connection.execute(
                "SELECT receipt_code FROM submissions WHERE id = ?", (submission_id,)
            ) as found:
                row = await found.fetchone()
        return None if row is None else str(row[0])

    async def add_note(
        self, user_id: int, note: str, hours: int | None, won: int | None
    ) -> str | None:
        """Attach a note and new cost to the answer awaiting one; its receipt code, or None."""
        async with self._db.transaction() as connection:
            async with connection.execute(
                "SELECT f.submission_id, s.receipt_code FROM follow_ups f"
                " JOIN submissions s ON s.id = f.submission_id"
                " WHERE s.user_id = ? AND f.awaiting_note = 1",
                (user_id,),
            ) as cursor:
                row = await cursor.fetchone()
            if row is None:
                return None
            await connection.execute(
                "UPDATE follow_ups SET note = ?, new_hours_per_month = COALESCE(?,"
                " new_hours_per_month), new_won = COALESCE(?, new_won), awaiting_note = 0"
                " WHERE submission_id = ?",
                (note, hours, won, row[0]),
            )
        return str(row[1])

    async def stop_awaiting(self, user_id: int) -> None:
        """The owner has nothing to add."""
        await self._db.execute(
            "UPDATE follow_ups SET awaiting_note = 0 WHERE awaiting_note = 1 AND submission_id IN"
            " (SELECT id FROM submissions WHERE user_id = ?)",
            (user_id,),
        )
