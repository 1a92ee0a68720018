"""The users table: language, consent and the few facts needed to reach someone."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from domain.inputs import OpenQuestion
from domain.users import ConsentState, User
from storage.database import Database, Row
from storage.timestamps import from_db, from_db_optional, to_db

__all__ = ["SEEN_RESOLUTION", "UserQueries", "UserRepository"]

SEEN_RESOLUTION = timedelta(minutes=5)

_COLUMNS = (
    "id, language, language_chosen, consent_state, consent_version, consent_at, display_name,"
    " username, first_seen_at, last_seen_at, blocked_at"
)


def _user(row: Row) -> User:
    return User(
        id=row["id"],
        language=row["language"],
        language_chosen=bool(row["language_chosen"]),
        consent_state=ConsentState(row["consent_state"]),
        consent_version=row["consent_version"],
        consent_at=from_db_optional(row["consent_at"]),
        display_name=row["display_name"],
        username=row["username"],
        first_seen_at=from_db(row["first_seen_at"]),
        last_seen_at=from_db(row["last_seen_at"]),
        blocked_at=from_db_optional(row["blocked_at"]),
    )


class UserQueries:
    """Who someone is, as the views read it: reads only, for a handler."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def get(self, user_id: int) -> User | None:
        """Return the user, or None for someone the bot has never seen."""
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM users WHERE id = ?", (user_id,))
        return None if row is None else _user(row)


class UserRepository(UserQueries):
    """Reads and writes users; every method that writes is one transaction."""

    async def touch(self, user_id: int, language: str, now: datetime) -> User:
        """Record that the user is here, creating them with a suggested language on first sight.

        This runs for every update, so it reads first and writes only when something changes:
        a newcomer, a user coming back after blocking the bot, or a visit noted more than
        `SEEN_RESOLUTION` after the last one. A user who had blocked the bot and writes again
        is reachable again.
        """
        return await self._noted(await self.get(user_id), user_id, language, now)

    async def arrive(
        self, user_id: int, language: str, now: datetime
    ) -> tuple[User, OpenQuestion | None]:
        """`touch`, and the question the person's next message answers, in the same one read.

        Every update needs both before any handler runs, so they come back together.
        """
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS}, i.flow, i.step, i.asked, i.opened_by FROM users"
            " LEFT JOIN inputs_in_progress AS i ON i.user_id = users.id AND i.is_open = 1"
            " WHERE users.id = ?",
            (user_id,),
        )
        known = None if row is None else _user(row)
        question = (
            None
            if row is None or row["flow"] is None
            else OpenQuestion(row["flow"], row["step"], bool(row["asked"]), row["opened_by"])
        )
        return await self._noted(known, user_id, language, now), question

    async def _noted(self, known: User | None, user_id: int, language: str, now: datetime) -> User:
        if (
            known is not None
            and known.blocked_at is None
            and now - known.last_seen_at < SEEN_RESOLUTION
        ):
            return known
        stamp = to_db(now)
        await self._db.execute(
            "INSERT INTO users (id, language, first_seen_at, last_seen_at)"
            " VALUES (?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET last_seen_at = excluded.last_seen_at,"
            " blocked_at = NULL",
            (user_id, language, stamp, stamp),
        )
        if known is not None:
            return replace(known, last_seen_at=now, blocked_at=None)
        return User(
            id=user_id,
            language=language,
            language_chosen=False,
            consent_state=ConsentState.UNANSWERED,
            consent_version=None,
            consent_at=None,
            display_name=None,
            username=None,
            first_seen_at=now,
            last_seen_at=now,
        )

    async def set_language(self, user_id: int, language: str) -> User:
        """Store an explicit language choice."""
        return await self._update(user_id, "language = ?, language_chosen = 1", (language,))

    async def grant_consent(
        self,
        user_id: int,
        *,
        notice_version: str,
        now: datetime,
        display_name: str | None,
        username: str | None,
    ) -> User:
        """Record consent to a notice version, and the contact names it allows us to keep."""
        return await self._update(
            user_id,
            "consent_state = 'granted', consent_version = ?, consent_at = ?,"
            " display_name = ?, username = ?",
            (notice_version, to_db(now), display_name, username),
        )

    async def decline_consent(self, user_id: int, *, now: datetime) -> User:
        """Record a refusal or a withdrawal, dropping every name we held."""
        return await self._update(
            user_id,
            "consent_state = 'declined', consent_version = NULL, consent_at = ?,"
            " display_name = NULL, username = NULL",
            (to_db(now),),
        )

    async def mark_blocked(self, user_id: int, *, now: datetime) -> None:
        """Stop sending to someone who blocked the bot, until they write again."""
        await self._db.execute(
            "UPDATE users SET blocked_at = ? WHERE id = ? AND blocked_at IS NULL",
            (to_db(now), user_id),
        )

    async def delete(self, user_id: int) -> None:
        """Forget the user row entirely."""
        await self._db.execute("DELETE FROM users WHERE id = ?", (user_id,))

    async def _update(self, user_id: int, assignments: str, values: tuple[object, ...]) -> User:
        async with self._db.transaction() as connection:
            await connection.execute(
                f"UPDATE users SET {assignments} WHERE id = ?", (*values, user_id)
            )
            async with connection.execute(
                f"SELECT {_COLUMNS} FROM users WHERE id = ?", (user_id,)
            ) as cursor:
                row = await cursor.fetchone()
        if row is None:
            raise LookupError(f"user {user_id} is unknown")
        return _user(row)
