"""The subscriptions table: choices, and where each subscriber's digests have got to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.delivery import QueuedMessage
from domain.subscriptions import BillScope, Frequency, Subscription, SubscriptionChoice
from storage.database import Database, Row
from storage.outbox import enqueue_in
from storage.timestamps import from_db_optional, to_db

__all__ = ["SubscriptionAdvance", "SubscriptionQueries", "SubscriptionRepository"]

_SELECT = (
    "SELECT s.user_id, s.meetings, s.bills, s.announcements, s.frequency, s.hour, s.weekday,"
    " s.active, s.event_cursor, s.next_due_at, u.language,"
    " (SELECT group_concat(category_id) FROM subscription_categories c"
    "  WHERE c.user_id = s.user_id) AS categories"
    " FROM subscriptions s JOIN users u ON u.id = s.user_id"
)


@dataclass(frozen=True, slots=True)
class SubscriptionAdvance:
    """After a digest round: the subscriber's new cursor and next slot."""

    user_id: int
    event_cursor: int
    next_due_at: datetime | None


def _subscription(row: Row) -> Subscription:
    categories = row["categories"]
    return Subscription(
        user_id=row["user_id"],
        choice=SubscriptionChoice(
            meetings=bool(row["meetings"]),
            bills=BillScope(row["bills"]),
            announcements=bool(row["announcements"]),
            frequency=Frequency(row["frequency"]),
            hour=row["hour"],
            weekday=row["weekday"],
            categories=frozenset(categories.split(",")) if categories else frozenset(),
        ),
        active=bool(row["active"]),
        event_cursor=row["event_cursor"],
        next_due_at=from_db_optional(row["next_due_at"]),
        language=row["language"],
    )


class SubscriptionQueries:
    """Someone's digest subscription, as /subscribe shows it: reads only, for a handler."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def get(self, user_id: int) -> Subscription | None:
        """One user's subscription, active or stopped, or None if they never subscribed."""
        row = await self._db.fetch_one(f"{_SELECT} WHERE s.user_id = ?", (user_id,))
        return None if row is None else _subscription(row)


class SubscriptionRepository(SubscriptionQueries):
    """Stores choices and advances digests; every write is one transaction."""

    async def save(
        self,
        user_id: int,
        choice: SubscriptionChoice,
        *,
        next_due_at: datetime | None,
        event_cursor: int,
        now: datetime,
    ) -> Subscription:
        """Create or replace a subscription and switch it on.

        A new subscriber starts at `event_cursor` (news from now on); an existing one keeps
        their place so nothing queued for them is skipped or repeated.
        """
        stamp = to_db(now)
        async with self._db.transaction() as connection:
            await connection.execute(
                "INSERT INTO subscriptions (user_id, meetings, bills, announcements, frequency,"
                " hour, weekday, active, event_cursor, next_due_at, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET meetings = excluded.meetings,"
                " bills = excluded.bills, announcements = excluded.announcements,"
                " frequency = excluded.frequency, hour = excluded.hour,"
                " weekday = excluded.weekday, active = 1,"
                " event_cursor = CASE WHEN subscriptions.active = 1"
                "   THEN subscriptions.event_cursor ELSE excluded.event_cursor END,"
                " next_due_at = excluded.next_due_at, updated_at = excluded.updated_at",
                (
                    user_id,
                    int(choice.meetings),
                    choice.bills.value,
                    int(choice.announcements),
                    choice.frequency.value,
                    choice.hour,
                    choice.weekday,
                    event_cursor,
                    None if next_due_at is None else to_db(next_due_at),
                    stamp,
                    stamp,
                ),
            )
            await connection.execute(
                "DELETE FROM subscription_categories WHERE user_id = ?", (user_id,)
            )
            await connection.executemany(
                "INSERT INTO subscription_categories (user_id, category_id) VALUES (?, ?)",
                [(user_id, category) for category in sorted(choice.categories)],
            )
        saved = await self.get(user_id)
        assert saved is not None
        return saved

    async def stop(self, user_id: int, *, now: datetime) -> bool:
        """Switch a subscription off, keeping the choices for an easy restart."""
        changed = await self._db.execute(
            "UPDATE subscriptions SET active = 0, next_due_at = NULL, updated_at = ?"
            " WHERE user_id = ? AND active = 1",
            (to_db(now), user_id),
        )
        return changed > 0

    async def due(self, now: datetime) -> list[Subscription]:
        """Active daily and weekly subscribers whose slot has come.

        Only reachable users whose consent stands: withdrawing it stops the news, as the
        privacy notice says.
        """
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE s.active = 1 AND s.frequency != 'immediate'"
            " AND s.next_due_at <= ? AND u.blocked_at IS NULL AND u.consent_state = 'granted'"
            " ORDER BY s.user_id",
            (to_db(now),),
        )
        return [_subscription(row) for row in rows]

    async def immediate_behind(self, event_id: int) -> list[Subscription]:
        """Active immediate subscribers of reachable users who have not seen `event_id` yet."""
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE s.active = 1 AND s.frequency = 'immediate'"
            " AND s.event_cursor < ? AND u.blocked_at IS NULL AND u.consent_state = 'granted'"
            " ORDER BY s.user_id",
            (event_id,),
        )
        return [_subscription(row) for row in rows]

    async def advance(
        self,
        *,
        key: str,
        messages: Iterable[QueuedMessage],
        advances: Sequence[SubscriptionAdvance],
        now: datetime,
    ) -> int:
        """Queue a round's digests and move each subscriber on, in one transaction.

        Either the digests are in the outbox and the cursors moved, or neither happened: a
        crash can neither lose a digest nor queue it twice.
        """
        async with self._db.transaction() as connection:
            added = await enqueue_in(connection, key=key, kind="digest", messages=messages, now=now)
            await connection.executemany(
                "UPDATE subscriptions SET event_cursor = ?, next_due_at = ? WHERE user_id = ?",
                [
                    (
                        item.event_cursor,
                        None if item.next_due_at is None else to_db(item.next_due_at),
                        item.user_id,
                    )
                    for item in advances
                ],
            )
        return added
