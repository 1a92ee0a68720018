"""Marking a submission as a duplicate: supporters and submitter move to the original."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from domain.delivery import Notice
from domain.review import AlreadyMergedError, MergeCounts
from storage.audit import record_in
from storage.database import Database
from storage.outbox import enqueue_notice_in
from storage.timestamps import to_db

__all__ = ["MergeRepository"]


class MergeRepository:
    """One write: move the support, close the duplicate, record history and audit together."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def merge(
        self,
        duplicate_id: int,
        original_id: int,
        *,
        actor_id: int,
        note: str,
        now: datetime,
        notice: Callable[[MergeCounts], Notice] | None = None,
    ) -> MergeCounts:
        """Fold the duplicate into the original; a supporter of both is counted once.

        Checked by the writes themselves: if either side was merged meanwhile (another
        administrator, a moment earlier), nothing changes and `AlreadyMergedError` is raised.
        The notice for both submitters, composed from the counts by `notice`, is queued in the
        same transaction.
        """
        stamp = to_db(now)
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "UPDATE submissions SET merged_into = ?, status = 'closed', updated_at = ?"
                " WHERE id = ? AND merged_into IS NULL AND EXISTS (SELECT 1 FROM submissions o"
                " WHERE o.id = ? AND o.merged_into IS NULL)",
                (original_id, stamp, duplicate_id, original_id),
            )
            if cursor.rowcount != 1:
                raise AlreadyMergedError(str(duplicate_id))
            async with connection.execute(
                "SELECT COUNT(*) FROM submission_supporters WHERE submission_id = ?",
                (original_id,),
            ) as cursor:
                row = await cursor.fetchone()
            before = int(row[0]) if row else 0
            await connection.execute(
                "INSERT OR IGNORE INTO submission_supporters (submission_id, user_id, at)"
                " SELECT ?, p.user_id, p.at FROM submission_supporters p"
                " WHERE p.submission_id = ? AND (p.user_id IS NULL OR p.user_id IS NOT"
                " (SELECT user_id FROM submissions WHERE id = ?))",
                (original_id, duplicate_id, original_id),
            )
            await connection.execute(
                "INSERT OR IGNORE INTO submission_supporters (submission_id, user_id, at)"
                " SELECT ?, d.user_id, ? FROM submissions d"
                " WHERE d.id = ? AND d.user_id IS NOT NULL AND d.user_id IS NOT"
                " (SELECT user_id FROM submissions WHERE id = ?)",
                (original_id, stamp, duplicate_id, original_id),
            )
            await connection.execute(
                "DELETE FROM submission_supporters WHERE submission_id = ?", (duplicate_id,)
            )
            cursor = await connection.execute(
                "INSERT INTO submission_events (submission_id, at, status, actor_id, note)"
                " VALUES (?, ?, 'closed', ?, ?)",
                (duplicate_id, stamp, actor_id, note),
            )
            event_id = cursor.lastrowid
            assert event_id is not None
            async with connection.execute(
                "SELECT COUNT(*) FROM submission_supporters WHERE submission_id = ?",
                (original_id,),
            ) as cursor:
                row = await cursor.fetchone()
            after = int(row[0]) if row else 0
            await record_in(
                connection,
                at=now,
                actor_id=actor_id,
                action="submission.merge",
                target_type="submission",
                target_ids=[duplicate_id, original_id],
                details={"added_supporters": after - before},
            )
            counts = MergeCounts(added_supporters=after - before, supporters=after)
            if notice is not None:
                await enqueue_notice_in(connection, notice(counts), source_id=event_id, now=now)
        return counts
