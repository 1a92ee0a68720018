"""The retention purge's reads and its one write transaction (with its audit entry)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from domain.audit import SYSTEM_ACTOR
from storage.audit import record_in
from storage.content_events import id_marks
from storage.conversations import delete_user_state_in
from storage.database import Database
from storage.timestamps import from_db, to_db

__all__ = [
    "PurgeCounts",
    "RetentionCandidate",
    "RetentionRepository",
    "UserActivity",
]

_CLOSED = "('closed', 'rejected')"


@dataclass(frozen=True, slots=True)
class RetentionCandidate:
    """A closed submission that still carries personal data, with its owner."""

    submission_id: int
    user_id: int | None
    closed_at: datetime


@dataclass(frozen=True, slots=True)
class UserActivity:
    """When a submitter was last seen, and when each of their submissions closed (None: open)."""

    user_id: int
    last_seen_at: datetime
    closings: tuple[datetime | None, ...]


@dataclass(frozen=True, slots=True)
class PurgeCounts:
    """What one run removed; the audit entry records the same numbers."""

    submissions_anonymised: int = 0
    attachments_deleted: int = 0
    supports_unlinked: int = 0
    contacts_deleted: int = 0
    profiles_deleted: int = 0
    drafts_deleted: int = 0
    conversation_rows_deleted: int = 0

    @property
    def total(self) -> int:
        """Everything removed, to decide whether the file needs a checkpoint."""
        return sum(
            (
                self.submissions_anonymised,
                self.attachments_deleted,
                self.supports_unlinked,
                self.contacts_deleted,
                self.profiles_deleted,
                self.drafts_deleted,
                self.conversation_rows_deleted,
            )
        )


class RetentionRepository:
    """Finds data past its period and removes it in one transaction."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def candidates(self, closed_before: datetime) -> list[RetentionCandidate]:
        """Closed submissions closed before the bound that still name or link a person."""
        rows = await self._db.fetch_all(
            "SELECT s.id, s.user_id, (SELECT max(e.at) FROM submission_events e"
            "   WHERE e.submission_id = s.id AND e.status = s.status) AS closed_at"
            f" FROM submissions s WHERE s.status IN {_CLOSED}"
            " AND (s.user_id IS NOT NULL OR s.submitter_name IS NOT NULL"
            "      OR s.submitter_username IS NOT NULL"
            "      OR EXISTS (SELECT 1 FROM submission_attachments a WHERE a.submission_id = s.id)"
            "      OR EXISTS (SELECT 1 FROM submission_supporters p"
            "                 WHERE p.submission_id = s.id AND p.user_id IS NOT NULL))"
            " AND closed_at < ? ORDER BY s.id",
            (to_db(closed_before),),
        )
        return [
            RetentionCandidate(row["id"], row["user_id"], from_db(row["closed_at"]))
            for row in rows
            if row["closed_at"] is not None
        ]

    async def activity(self, user_ids: Collection[int]) -> list[UserActivity]:
        """Each submitter's last visit and the closing time of every submission of theirs."""
        if not user_ids:
            return []
        ids = tuple(sorted(user_ids))
        rows = await self._db.fetch_all(
            "SELECT u.id, u.last_seen_at, s.status, (SELECT max(e.at) FROM submission_events e"
            "   WHERE e.submission_id = s.id AND e.status = s.status) AS closed_at"
            " FROM users u JOIN submissions s ON s.user_id = u.id"
            f" WHERE u.id IN ({id_marks(len(ids))}) ORDER BY u.id",
            ids,
        )
        seen: dict[int, datetime] = {}
        closings: dict[int, list[datetime | None]] = {}
        for row in rows:
            seen[row["id"]] = from_db(row["last_seen_at"])
            closed = row["status"] in ("closed", "rejected") and row["closed_at"] is not None
            closings.setdefault(row["id"], []).append(from_db(row["closed_at"]) if closed else None)
        return [UserActivity(uid, seen[uid], tuple(closings[uid])) for uid in seen]

    async def purge(
        self, submission_ids: Collection[int], user_ids: Collection[int], *, now: datetime
    ) -> PurgeCounts:
        """Anonymise the submissions, clear the users' personal data, and audit the run."""
        submissions = tuple(sorted(submission_ids))
        users = tuple(sorted(user_ids))
        counts: dict[str, int] = dict.fromkeys(PurgeCounts.__dataclass_fields__, 0)
        async with self._db.transaction() as connection:
            if submissions:
                marks = id_marks(len(submissions))
                cursor = await connection.execute(
                    "UPDATE submissions SET user_id = NULL, visibility = 'anonymous',"
                    " submitter_name = NULL, submitter_username = NULL, updated_at = ?"
                    f" WHERE id IN ({marks})",
                    (to_db(now), *submissions),
                )
                counts["submissions_anonymised"] = cursor.rowcount
                cursor = await connection.execute(
                    f"DELETE FROM submission_attachments WHERE submission_id IN ({marks})",
                    submissions,
                )
                counts["attachments_deleted"] = cursor.rowcount
                cursor = await connection.execute(
                    "UPDATE submission_supporters SET user_id = NULL"
                    f" WHERE user_id IS NOT NULL AND submission_id IN ({marks})",
                    submissions,
                )
                counts["supports_unlinked"] = cursor.rowcount
            for user_id in users:
                cursor = await connection.execute(
                    "UPDATE users SET display_name = NULL, username = NULL WHERE id = ?"
                    " AND (display_name IS NOT NULL OR username IS NOT NULL)",
                    (user_id,),
                )
                counts["contacts_deleted"] += cursor.rowcount
                for table, key in (
                    ("company_profiles", "profiles_deleted"),
                    ("submission_drafts", "drafts_deleted"),
                ):
                    cursor = await connection.execute(
                        f"DELETE FROM {table} WHERE user_id = ?", (user_id,)
                    )
                    counts[key] += cursor.rowcount
                counts["conversation_rows_deleted"] += await delete_user_state_in(
                    connection, user_id
                )
            await record_in(
                connection,
                at=now,
                actor_id=SYSTEM_ACTOR,
                action="retention.purge",
                target_type="submission",
                target_ids=submissions,
                details={**counts, "users": len(users)},
            )
        return PurgeCounts(**counts)
