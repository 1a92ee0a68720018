"""The one thing each administrator is currently asked to type, kept across restarts."""

from __future__ import annotations

from datetime import datetime

from domain.review import PendingInput, ReviewAction
from storage.database import Database
from storage.timestamps import from_db, to_db

__all__ = ["PendingInputRepository"]


class PendingInputRepository:
    """At most one pending input per administrator; a new question replaces the old one."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def ask(
        self, admin_id: int, action: ReviewAction, submission_id: int, *, now: datetime
    ) -> None:
        """Remember what the administrator was just asked for."""
        await self._db.execute(
            "INSERT INTO admin_pending_inputs (admin_id, action, submission_id, asked_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (admin_id) DO UPDATE SET action = excluded.action,"
            " submission_id = excluded.submission_id, asked_at = excluded.asked_at",
            (admin_id, str(action), submission_id, to_db(now)),
        )

    async def get(self, admin_id: int) -> PendingInput | None:
        """What the administrator's next text answers, or None."""
        row = await self._db.fetch_one(
            "SELECT action, submission_id, asked_at FROM admin_pending_inputs WHERE admin_id = ?",
            (admin_id,),
        )
        if row is None:
            return None
        return PendingInput(ReviewAction(row[0]), row[1], from_db(row[2]))

    async def clear(self, admin_id: int) -> None:
        """Forget the question: answered or cancelled."""
        await self._db.execute("DELETE FROM admin_pending_inputs WHERE admin_id = ?", (admin_id,))
