"""The retention purge's reads and its one write transaction (with its audit entry).

What each column holding a person becomes, and when, is declared in storage/personal_data.py;
a test holds that declaration to the schema.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from domain.audit import SYSTEM_ACTOR
from domain.retention import FINISHED_STATUSES
from storage.audit import record_in
from storage.connection import Connection
from storage.content_events import id_marks
from storage.conversations import delete_user_state_in
from storage.database import Database
from storage.drafts import expire_reminders_in, forget_reminders_in
from storage.timestamps import from_db, to_db

__all__ = [
    "PurgeBounds",
    "PurgeCounts",
    "RetentionCandidate",
    "RetentionRepository",
    "UserActivity",
]

_FINISHED = "(" + ", ".join(f"'{status}'" for status in sorted(FINISHED_STATUSES)) + ")"
_FINISHED_AT = (
    "(SELECT max(e.at) FROM submission_events e"
    " WHERE e.submission_id = s.id AND e.status = s.status)"
)


@dataclass(frozen=True, slots=True)
class RetentionCandidate:
    """A finished submission that still carries personal data, with its owner."""

    submission_id: int
    user_id: int | None
    closed_at: datetime


@dataclass(frozen=True, slots=True)
class UserActivity:
    """When a person was last seen, and when each of their submissions finished (None: open)."""

    user_id: int
    last_seen_at: datetime
    closings: tuple[datetime | None, ...]


@dataclass(frozen=True, slots=True)
class PurgeBounds:
    """Where the purge cuts.

    Rows written before `expired` are past the notice's period; erasure records older than
    `erasures` can no longer be needed by a restore, since every backup is newer.
    """

    expired: datetime
    erasures: datetime


@dataclass(frozen=True, slots=True)
class PurgeCounts:
    """What one run removed; the audit entry records the same numbers."""

    submissions_anonymised: int = 0
    attachments_deleted: int = 0
    supports_unlinked: int = 0
    follow_up_notes_deleted: int = 0
    contacts_deleted: int = 0
    profiles_deleted: int = 0
    drafts_deleted: int = 0
    conversation_rows_deleted: int = 0
    users_deleted: int = 0
    messages_deleted: int = 0
    reminders_deleted: int = 0
    searches_deleted: int = 0
    journal_rows_deleted: int = 0
    erasure_records_deleted: int = 0

    @property
    def total(self) -> int:
        """Everything removed, to decide whether the file needs a checkpoint."""
        return sum(getattr(self, name) for name in PurgeCounts.__dataclass_fields__)


async def _delete(connection: Connection, sql: str, parameters: tuple[object, ...]) -> int:
    cursor = await connection.execute(sql, parameters)
    return cursor.rowcount


class RetentionRepository:
    """Finds data past its period and removes it in one transaction."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def candidates(self, closed_before: datetime) -> list[RetentionCandidate]:
        """Submissions finished before the bound that still name or link a person."""
        rows = await self._db.fetch_all(
            f"SELECT s.id, s.user_id, {_FINISHED_AT} AS closed_at"
            f" FROM submissions s WHERE s.status IN {_FINISHED}"
            " AND (s.user_id IS NOT NULL OR s.submitter_name IS NOT NULL"
            "      OR s.submitter_username IS NOT NULL"
            "      OR EXISTS (SELECT 1 FROM submission_attachments a WHERE a.submission_id = s.id)"
            "      OR EXISTS (SELECT 1 FROM follow_ups f"
            "                 WHERE f.submission_id = s.id AND f.note IS NOT NULL)"
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

    async def inactive(self, seen_before: datetime) -> list[UserActivity]:
        """Everyone last seen before the bound, with when each of their submissions finished.

        People who never submitted are included with no closings: their period runs from
        their last visit alone.
        """
        rows = await self._db.fetch_all(
            f"SELECT u.id, u.last_seen_at, s.status, {_FINISHED_AT} AS closed_at"
            " FROM users u LEFT JOIN submissions s ON s.user_id = u.id"
            " WHERE u.last_seen_at < ? ORDER BY u.id",
            (to_db(seen_before),),
        )
        seen: dict[int, datetime] = {}
        closings: dict[int, list[datetime | None]] = {}
        for row in rows:
            seen[row["id"]] = from_db(row["last_seen_at"])
            mine = closings.setdefault(row["id"], [])
            if row["status"] is None:
                continue
            finished = row["status"] in FINISHED_STATUSES and row["closed_at"] is not None
            mine.append(from_db(row["closed_at"]) if finished else None)
        return [UserActivity(uid, seen[uid], tuple(closings[uid])) for uid in seen]

    async def purge(
        self,
        submission_ids: Collection[int],
        user_ids: Collection[int],
        *,
        bounds: PurgeBounds,
        now: datetime,
    ) -> PurgeCounts:
        """Anonymise the submissions, clear the people's data, expire old rows; audit the run."""
        submissions = tuple(sorted(submission_ids))
        users = tuple(sorted(user_ids))
        counts: dict[str, int] = dict.fromkeys(PurgeCounts.__dataclass_fields__, 0)
        async with self._db.transaction(large=True) as connection:
            if submissions:
                await self._anonymise(connection, submissions, counts, now)
            for user_id in users:
                await self._forget(connection, user_id, counts)
            await self._expire(connection, bounds, counts)
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

    @staticmethod
    async def _anonymise(
        connection: Connection,
        submissions: tuple[int, ...],
        counts: dict[str, int],
        now: datetime,
    ) -> None:
        """No owner, name, evidence, supporter, owner's note, or message pairing code and id."""
        marks = id_marks(len(submissions))
        async with connection.execute(
            f"SELECT receipt_code FROM submissions WHERE id IN ({marks})", submissions
        ) as cursor:
            codes = [row[0] for row in await cursor.fetchall()]
        # Who was sent messages about these reports: their owners and supporters.
        async with connection.execute(
            "SELECT s.receipt_code, s.user_id FROM submissions s"
            f" WHERE s.id IN ({marks}) AND s.user_id IS NOT NULL"
            " UNION SELECT s.receipt_code, p.user_id FROM submission_supporters p"
            " JOIN submissions s ON s.id = p.submission_id"
            f" WHERE p.submission_id IN ({marks}) AND p.user_id IS NOT NULL",
            (*submissions, *submissions),
        ) as cursor:
            recipients = [(row[0], row[1]) for row in await cursor.fetchall()]
        counts["submissions_anonymised"] = await _delete(
            connection,
            "UPDATE submissions SET user_id = NULL, visibility = 'anonymous',"
            " submitter_name = NULL, submitter_username = NULL, updated_at = ?"
            f" WHERE id IN ({marks})",
            (to_db(now), *submissions),
        )
        counts["attachments_deleted"] = await _delete(
            connection,
            f"DELETE FROM submission_attachments WHERE submission_id IN ({marks})",
            submissions,
        )
        counts["supports_unlinked"] = await _delete(
            connection,
            "UPDATE submission_supporters SET user_id = NULL"
            f" WHERE user_id IS NOT NULL AND submission_id IN ({marks})",
            submissions,
        )
        counts["follow_up_notes_deleted"] = await _delete(
            connection,
            "UPDATE follow_ups SET note = NULL, awaiting_note = 0"
            f" WHERE note IS NOT NULL AND submission_id IN ({marks})",
            submissions,
        )
        for code, user_id in recipients:
            # A sent receipt or status message pairs the code with its recipient's id.
            counts["messages_deleted"] += await _delete(
                connection,
                "DELETE FROM outbox WHERE user_id = ? AND status <> 'pending'"
                " AND instr(text, ?) > 0",
                (user_id, code),
            )
        for code in codes:
            counts["searches_deleted"] += await _delete(
                connection,
                "DELETE FROM admin_searches WHERE instr(lower(query), lower(?)) > 0",
                (code,),
            )

    @staticmethod
    async def _forget(connection: Connection, user_id: int, counts: dict[str, int]) -> None:
        """Clear a person who left: contacts, profile, draft, inputs, delivered messages.

        Someone still subscribed (or following a bill) and not blocking the bot keeps their id,
        language, consent record and subscription, so the news they asked for still reaches
        them; anyone else goes entirely.
        """
        counts["contacts_deleted"] += await _delete(
            connection,
            "UPDATE users SET display_name = NULL, username = NULL WHERE id = ?"
            " AND (display_name IS NOT NULL OR username IS NOT NULL)",
            (user_id,),
        )
        for table, key in (
            ("company_profiles", "profiles_deleted"),
            ("submission_drafts", "drafts_deleted"),
        ):
            counts[key] += await _delete(
                connection, f"DELETE FROM {table} WHERE user_id = ?", (user_id,)
            )
        counts["conversation_rows_deleted"] += await delete_user_state_in(connection, user_id)
        counts["messages_deleted"] += await _delete(
            connection, "DELETE FROM outbox WHERE user_id = ? AND status <> 'pending'", (user_id,)
        )
        counts["reminders_deleted"] += await forget_reminders_in(connection, user_id)
        async with connection.execute(
            "SELECT blocked_at IS NULL AND (EXISTS (SELECT 1 FROM subscriptions"
            "   WHERE user_id = u.id AND active = 1)"
            "  OR EXISTS (SELECT 1 FROM bill_follows WHERE user_id = u.id))"
            "  OR EXISTS (SELECT 1 FROM submissions WHERE user_id = u.id)"
            " FROM users u WHERE u.id = ?",
            (user_id,),
        ) as cursor:
            row = await cursor.fetchone()
        if row is None or row[0]:
            return
        await connection.execute(
            "UPDATE submission_supporters SET user_id = NULL WHERE user_id = ?", (user_id,)
        )
        # Follows, reminders, notices, subscription and queued messages go by cascade.
        counts["users_deleted"] += await _delete(
            connection, "DELETE FROM users WHERE id = ?", (user_id,)
        )

    @staticmethod
    async def _expire(connection: Connection, bounds: PurgeBounds, counts: dict[str, int]) -> None:
        """Rows that outlived the period whoever they belong to, and stale erasure records."""
        expired = (to_db(bounds.expired),)
        counts["messages_deleted"] += await _delete(
            connection, "DELETE FROM outbox WHERE status <> 'pending' AND created_at < ?", expired
        )
        counts["searches_deleted"] += await _delete(
            connection, "DELETE FROM admin_searches WHERE at < ?", expired
        )
        counts["reminders_deleted"] += await expire_reminders_in(connection, bounds.expired)
        counts["drafts_deleted"] += await _delete(
            connection, "DELETE FROM submission_drafts WHERE updated_at < ?", expired
        )
        counts["conversation_rows_deleted"] += await _delete(
            connection, "DELETE FROM inputs_in_progress WHERE updated_at < ?", expired
        )
        # The newest row stays so the getUpdates offset survives.
        counts["journal_rows_deleted"] += await _delete(
            connection,
            "DELETE FROM update_journal WHERE received_at < ?"
            " AND update_id < (SELECT max(update_id) FROM update_journal)",
            expired,
        )
        counts["erasure_records_deleted"] += await _delete(
            connection, "DELETE FROM erasures WHERE at < ?", (to_db(bounds.erasures),)
        )
