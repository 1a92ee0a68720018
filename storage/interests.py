"""What users asked to hear about one item, and what submitters were already told.

Followed bills and meeting reminders; and the related-submitter notices already given, so
each submitter is told once per item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.content import ItemKind
from domain.delivery import QueuedMessage
from domain.meetings import DAY_REMINDER_LEAD, OPEN_MEETING_STATUSES, reminder_due
from storage.content_events import id_marks
from storage.database import Database
from storage.domain_sql import one_of
from storage.outbox import enqueue_in
from storage.timestamps import from_db, to_db

__all__ = ["InterestQueries", "InterestRepository", "ReminderDue"]

_WATCH_CURSOR = "watchers"


@dataclass(frozen=True, slots=True)
class ReminderDue:
    """A reminder whose window has opened: `which` is "day" or "hour"."""

    user_id: int
    language: str
    meeting_id: int
    starts_at: datetime
    which: str


class InterestQueries:
    """The bills someone follows, the meetings they are reminded of: reads only, for a handler."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def followed_bills(self, user_id: int) -> frozenset[int]:
        """The bills one user follows."""
        rows = await self._db.fetch_all(
            "SELECT bill_id FROM bill_follows WHERE user_id = ?", (user_id,)
        )
        return frozenset(row[0] for row in rows)

    async def reminded_meetings(self, user_id: int) -> frozenset[int]:
        """The meetings one user asked to be reminded of."""
        rows = await self._db.fetch_all(
            "SELECT meeting_id FROM meeting_reminders WHERE user_id = ?", (user_id,)
        )
        return frozenset(row[0] for row in rows)


class InterestRepository(InterestQueries):
    """Follows, reminders, related-submitter notices and the watchers' cursor."""

    async def follow(self, user_id: int, bill_id: int, *, now: datetime) -> bool:
        """Follow a bill; False when already followed."""
        changed = await self._db.execute(
            "INSERT INTO bill_follows (user_id, bill_id, created_at) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (user_id, bill_id, to_db(now)),
        )
        return changed > 0

    async def unfollow(self, user_id: int, bill_id: int) -> bool:
        """Stop following; False when the bill was not followed."""
        changed = await self._db.execute(
            "DELETE FROM bill_follows WHERE user_id = ? AND bill_id = ?", (user_id, bill_id)
        )
        return changed > 0

    async def followers(self, bill_id: int) -> frozenset[int]:
        """Everyone following one bill."""
        rows = await self._db.fetch_all(
            "SELECT user_id FROM bill_follows WHERE bill_id = ?", (bill_id,)
        )
        return frozenset(row[0] for row in rows)

    async def follows_of(self, user_ids: Sequence[int]) -> dict[int, frozenset[int]]:
        """Followed bills for many users at once (users following nothing are absent)."""
        found: dict[int, set[int]] = {}
        for start in range(0, len(user_ids), 500):
            chunk = tuple(user_ids[start : start + 500])
            rows = await self._db.fetch_all(
                "SELECT user_id, bill_id FROM bill_follows"
                f" WHERE user_id IN ({id_marks(len(chunk))})",
                chunk,
            )
            for row in rows:
                found.setdefault(row[0], set()).add(row[1])
        return {user: frozenset(bills) for user, bills in found.items()}

    async def remind(self, user_id: int, meeting_id: int, *, now: datetime) -> bool:
        """Ask for the day-before and hour-before reminders; False when already asked."""
        changed = await self._db.execute(
            "INSERT INTO meeting_reminders (user_id, meeting_id, created_at) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (user_id, meeting_id, to_db(now)),
        )
        return changed > 0

    async def forget_reminder(self, user_id: int, meeting_id: int) -> bool:
        """Cancel a reminder; False when there was none."""
        changed = await self._db.execute(
            "DELETE FROM meeting_reminders WHERE user_id = ? AND meeting_id = ?",
            (user_id, meeting_id),
        )
        return changed > 0

    async def reminder_holders(self, meeting_id: int) -> list[tuple[int, str]]:
        """(user id, language) of everyone reachable who asked to be reminded of a meeting."""
        rows = await self._db.fetch_all(
            "SELECT u.id, u.language FROM meeting_reminders r JOIN users u ON u.id = r.user_id"
            " WHERE r.meeting_id = ? AND u.blocked_at IS NULL AND u.consent_state = 'granted'"
            " ORDER BY u.id",
            (meeting_id,),
        )
        return [(row[0], row[1]) for row in rows]

    async def due_reminders(self, now: datetime) -> list[ReminderDue]:
        """Reminders whose window is open, as `domain.meetings.reminder_due` decides."""
        rows = await self._db.fetch_all(
            "SELECT r.user_id, u.language, m.id, m.starts_at, r.day_queued_at, r.hour_queued_at"
            " FROM meeting_reminders r JOIN meetings m ON m.id = r.meeting_id"
            " JOIN users u ON u.id = r.user_id"
            " WHERE u.blocked_at IS NULL AND u.consent_state = 'granted'"
            f" AND m.status IN {one_of(OPEN_MEETING_STATUSES)}"
            " AND m.starts_at > ? AND m.starts_at <= ?"
            " AND (r.day_queued_at IS NULL OR r.hour_queued_at IS NULL)"
            " ORDER BY m.starts_at, r.user_id",
            (to_db(now), to_db(now + DAY_REMINDER_LEAD)),
        )
        due = []
        for row in rows:
            starts_at = from_db(row[3])
            which = reminder_due(
                starts_at, now, day_sent=row[4] is not None, hour_sent=row[5] is not None
            )
            if which is not None:
                due.append(ReminderDue(row[0], row[1], row[2], starts_at, which))
        return due

    async def queue_reminders(
        self,
        batches: Iterable[tuple[str, list[QueuedMessage]]],
        due: Sequence[ReminderDue],
        *,
        now: datetime,
    ) -> int:
        """Queue reminder messages and mark them queued, in one transaction."""
        stamp = to_db(now)
        added = 0
        async with self._db.transaction(large=True) as connection:
            for key, messages in batches:
                added += await enqueue_in(
                    connection, key=key, kind="reminder", messages=messages, now=now
                )
            for item in due:
                columns = (
                    "day_queued_at = ?, hour_queued_at = ?"
                    if item.which == "hour"
                    else "day_queued_at = ?, hour_queued_at = hour_queued_at"
                )
                values = (stamp, stamp) if item.which == "hour" else (stamp,)
                await connection.execute(
                    f"UPDATE meeting_reminders SET {columns} WHERE user_id = ? AND meeting_id = ?",
                    (*values, item.user_id, item.meeting_id),
                )
        return added

    async def watch_cursor(self) -> int | None:
        """How far the watchers' pass has read the change feed; None before its first run."""
        value = await self._db.fetch_value(
            "SELECT event_id FROM dispatch_cursors WHERE name = ?", (_WATCH_CURSOR,)
        )
        return None if value is None else int(value)

    async def already_notified(
        self, kind: ItemKind, item_id: int, user_ids: Iterable[int]
    ) -> frozenset[int]:
        """Which of these users were already told about this item."""
        rows = await self._db.fetch_all(
            "SELECT user_id FROM submitter_notices WHERE item_type = ? AND item_id = ?",
            (kind.value, item_id),
        )
        told = {row[0] for row in rows}
        return frozenset(user for user in user_ids if user in told)

    async def commit_watchers(
        self,
        batches: Iterable[tuple[str, list[QueuedMessage]]],
        notified: Iterable[tuple[int, ItemKind, int]],
        *,
        cursor: int,
        now: datetime,
    ) -> int:
        """Queue the watchers' messages, remember who was told, and move the cursor, at once."""
        added = 0
        async with self._db.transaction(large=True) as connection:
            for key, messages in batches:
                added += await enqueue_in(
                    connection, key=key, kind="notice", messages=messages, now=now
                )
            await connection.executemany(
                "INSERT INTO submitter_notices (user_id, item_type, item_id, notified_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [(user, kind.value, item, to_db(now)) for user, kind, item in notified],
            )
            await connection.execute(
                "INSERT INTO dispatch_cursors (name, event_id) VALUES (?, ?)"
                " ON CONFLICT (name) DO UPDATE SET event_id = excluded.event_id",
                (_WATCH_CURSOR, cursor),
            )
        return added
