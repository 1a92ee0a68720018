"""Marking a submission as a duplicate: supporters and submitter move to the original."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from domain.delivery import Notice
from domain.review import MERGED_STATUS, AlreadyMergedError, MergeCounts
from domain.supporters import SupporterNotice
from storage.audit import record_in
from storage.database import Database
from storage.domain_sql import literal
from storage.outbox import enqueue_notice_in
from storage.supporters import enqueue_supporters_in, supporters_in
from storage.timestamps import to_db

__all__ = ["MergeRepository"]

_MERGED = literal(MERGED_STATUS)

# Every voice of the duplicate (each supporter, and its submitter) becomes one support of the
# original, so the figures an administrator reads after a merge never depend on who stands
# behind the two reports. A person is still listed once: a voice whose person already supports
# the original, or wrote it, is kept without the person, as an erased supporter's is.
_VOICE = (
    "CASE WHEN {person} IS (SELECT o.user_id FROM submissions o WHERE o.id = :original)"
    " OR EXISTS (SELECT 1 FROM submission_supporters q WHERE q.submission_id = :original"
    " AND q.user_id = {person}) THEN NULL ELSE {person} END"
)


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
        supporters: SupporterNotice | None = None,
    ) -> MergeCounts:
        """Fold the duplicate into the original: each of its voices adds one support.

        Checked by the writes themselves: if either side was merged meanwhile (another
        administrator, a moment earlier), nothing changes and `AlreadyMergedError` is raised.
        The notice for both submitters, composed from the counts by `notice`, is queued in the
        same transaction; so is the duplicate's `supporters`' notice (read before their support
        moves over), leaving out both submitters, who have theirs.
        """
        stamp = to_db(now)
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                f"UPDATE submissions SET merged_into = ?, status = {_MERGED}, updated_at = ?"
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
                "INSERT INTO submission_supporters (submission_id, user_id, at)"
                f" SELECT :original, {_VOICE.format(person='p.user_id')}, p.at"
                " FROM submission_supporters p WHERE p.submission_id = :duplicate",
                {"original": original_id, "duplicate": duplicate_id},
            )
            await connection.execute(
                "INSERT INTO submission_supporters (submission_id, user_id, at)"
                f" SELECT :original, {_VOICE.format(person='d.user_id')}, :at"
                " FROM submissions d WHERE d.id = :duplicate",
                {"original": original_id, "duplicate": duplicate_id, "at": stamp},
            )
            told = (
                await supporters_in(connection, duplicate_id, besides=(original_id,))
                if supporters is not None
                else []
            )
            await connection.execute(
                "DELETE FROM submission_supporters WHERE submission_id = ?", (duplicate_id,)
            )
            cursor = await connection.execute(
                "INSERT INTO submission_events (submission_id, at, status, actor_id, note)"
                f" VALUES (?, ?, {_MERGED}, ?, ?)",
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
            if supporters is not None:
                await enqueue_supporters_in(
                    connection, supporters, told, source_id=event_id, now=now
                )
        return counts
