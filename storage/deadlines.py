"""Answer deadlines: due days, announced later dates, and the once-a-day runs that report them."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime

from domain.deadlines import DeadlineItem
from domain.delivery import QueuedMessage
from domain.submissions import OPEN_STATUSES, SubmissionNotFoundError
from domain.supporters import SupporterNotice
from storage.audit import record_in
from storage.database import Database, Row
from storage.outbox import enqueue_in
from storage.supporters import enqueue_supporters_in, supporters_in
from storage.tallies import tally
from storage.timestamps import from_db, to_db

__all__ = ["DeadlineQueries", "DeadlineRepository"]

_COUNTED = "s.hidden = 0 AND s.merged_into IS NULL AND s.deleted_at IS NULL"
_REPLIED = f"{_COUNTED} AND s.due_on IS NOT NULL AND s.replied_at IS NOT NULL"
_OPEN = "s.status IN (" + ", ".join(f"'{status}'" for status in sorted(OPEN_STATUSES)) + ")"


def _item(row: Row) -> DeadlineItem:
    return DeadlineItem(
        submission_id=row["id"],
        receipt_code=row["receipt_code"],
        category_id=row["category_id"],
        due_on=date.fromisoformat(row["due_on"]),
        expected_on=None if row["expected_on"] is None else date.fromisoformat(row["expected_on"]),
        forwarded_to=row["forwarded_to"],
    )


class DeadlineQueries:
    """What views read of deadlines (the reason for a later date); the repository extends it."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def latest_reason(self, submission_id: int) -> str | None:
        """Why the answer was last put off, or None when it never was."""
        value = await self._db.fetch_value(
            "SELECT reason FROM deadline_changes WHERE submission_id = ? ORDER BY id DESC LIMIT 1",
            (submission_id,),
        )
        return None if value is None else str(value)


class DeadlineRepository(DeadlineQueries):
    """Reads and writes the deadline columns; every write is one transaction."""

    async def fill_missing(self, due_for: Callable[[datetime], date]) -> int:
        """Give every submission stored before deadlines existed its due day; return how many."""
        rows = await self._db.fetch_all(
            "SELECT id, created_at FROM submissions WHERE due_on IS NULL"
        )
        if not rows:
            return 0
        async with self._db.transaction(large=True) as connection:
            await connection.executemany(
                "UPDATE submissions SET due_on = ? WHERE id = ? AND due_on IS NULL",
                [(due_for(from_db(row["created_at"])).isoformat(), row["id"]) for row in rows],
            )
        return len(rows)

    async def open_due_by(self, last_day: date) -> list[DeadlineItem]:
        """Open, visible submissions whose effective day is by `last_day`, soonest first."""
        rows = await self._db.fetch_all(
            "SELECT s.id, s.receipt_code, s.category_id, s.due_on, s.expected_on, s.forwarded_to"
            f" FROM submissions s WHERE {_COUNTED} AND {_OPEN} AND s.due_on IS NOT NULL"
            " AND COALESCE(s.expected_on, s.due_on) <= ?"
            " ORDER BY COALESCE(s.expected_on, s.due_on), s.id",
            (last_day.isoformat(),),
        )
        return [_item(row) for row in rows]

    async def replied(self) -> int:
        """Counted submissions with a due day and a reply (kept by migration 0032's triggers)."""
        return await tally(self._db, "replied")

    async def open_past_due(self, today: date) -> int:
        """Counted open submissions with no reply whose due day is before `today`."""
        found = await self._db.fetch_value(
            "SELECT SUM(n) FROM submission_tallies WHERE dimension = 'open_due' AND value < ?",
            (today.isoformat(),),
        )
        return int(found or 0)

    async def replied_due_days(self) -> tuple[date, date] | None:
        """The first and last due day among counted replies; None before any reply."""
        # Two subqueries: SQLite reads one end of the index for a lone MIN or MAX, but scans
        # the whole of it for both in one SELECT.
        row = await self._db.fetch_one(
            "SELECT (SELECT MIN(s.due_on) FROM submissions s"
            f" INDEXED BY submissions_replied_by_due WHERE {_REPLIED}),"
            " (SELECT MAX(s.due_on) FROM submissions s"
            f" INDEXED BY submissions_replied_by_due WHERE {_REPLIED})"
        )
        if row is None or row[0] is None:
            return None
        return date.fromisoformat(row[0]), date.fromisoformat(row[1])

    async def replied_before(self, edges: Mapping[date, datetime]) -> int:
        """Counted replies made before the edge given for their due day.

        One index range per due day, so the count reads the on-time replies' index entries
        and nothing else.
        """
        if not edges:
            return 0
        found = await self._db.fetch_value(
            "SELECT COALESCE(SUM((SELECT COUNT(*) FROM submissions s"
            f" INDEXED BY submissions_replied_by_due WHERE {_REPLIED}"
            " AND s.due_on = e.key AND s.replied_at < e.value)), 0) FROM json_each(?) e",
            (json.dumps({day.isoformat(): to_db(edge) for day, edge in edges.items()}),),
        )
        return int(found or 0)

    async def has_run(self, job: str, day: date) -> bool:
        """Whether a once-a-day job already ran for this day."""
        value = await self._db.fetch_value(
            "SELECT 1 FROM daily_runs WHERE job = ? AND day = ?", (job, day.isoformat())
        )
        return value is not None

    async def run_daily(
        self,
        job: str,
        day: date,
        *,
        key: str,
        kind: str,
        messages: Iterable[QueuedMessage],
        now: datetime,
    ) -> int:
        """Record the day's run and queue its messages together; a second run queues nothing."""
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "INSERT INTO daily_runs (job, day, at) VALUES (?, ?, ?)"
                " ON CONFLICT (job, day) DO NOTHING",
                (job, day.isoformat(), to_db(now)),
            )
            if cursor.rowcount != 1:
                return 0
            return await enqueue_in(connection, key=key, kind=kind, messages=messages, now=now)

    async def extend(
        self,
        submission_id: int,
        expected_on: date,
        reason: str,
        *,
        actor_id: int,
        now: datetime,
        notice: QueuedMessage | None,
        private: bool = False,
        supporters: SupporterNotice | None = None,
    ) -> None:
        """Record the later date, its reason and the audit entry, and queue everyone's notice.

        A `private` delivery (an anonymous owner's) is recorded even with no message to send.
        """
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "UPDATE submissions SET expected_on = ?, updated_at = ? WHERE id = ?",
                (expected_on.isoformat(), to_db(now), submission_id),
            )
            if cursor.rowcount != 1:
                raise SubmissionNotFoundError(submission_id)
            change = await connection.execute(
                "INSERT INTO deadline_changes (submission_id, expected_on, reason, actor_id, at)"
                " VALUES (?, ?, ?, ?, ?)",
                (submission_id, expected_on.isoformat(), reason, actor_id, to_db(now)),
            )
            await record_in(
                connection,
                at=now,
                actor_id=actor_id,
                action="submission.deadline",
                target_type="submission",
                target_ids=[submission_id],
                details={"expected_on": expected_on.isoformat()},
            )
            if notice is not None or private:
                await enqueue_in(
                    connection,
                    key=f"deadline-change:{change.lastrowid}",
                    kind="notice",
                    messages=[] if notice is None else [notice],
                    now=now,
                    private=private,
                )
            if supporters is not None and change.lastrowid is not None:
                recipients = await supporters_in(connection, submission_id)
                await enqueue_supporters_in(
                    connection, supporters, recipients, source_id=change.lastrowid, now=now
                )

    async def languages(self, user_ids: Iterable[int]) -> list[tuple[int, str]]:
        """(id, language) of each of these users who started the bot and did not block it."""
        ids = sorted(set(user_ids))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = await self._db.fetch_all(
            f"SELECT id, language FROM users WHERE id IN ({marks}) AND blocked_at IS NULL"
            " ORDER BY id",
            ids,
        )
        return [(int(row["id"]), str(row["language"])) for row in rows]
