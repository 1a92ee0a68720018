"""The words each administrator last searched the inbox for."""

from __future__ import annotations

from datetime import datetime

from storage.database import Database
from storage.timestamps import to_db

__all__ = ["AdminSearchRepository"]


class AdminSearchRepository:
    """One saved search per administrator; each write is one statement."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def save(self, admin_id: int, query: str, *, now: datetime) -> None:
        """Replace the administrator's search."""
        await self._db.execute(
            "INSERT INTO admin_searches (admin_id, query, at) VALUES (?, ?, ?)"
            " ON CONFLICT (admin_id) DO UPDATE SET query = excluded.query, at = excluded.at",
            (admin_id, query, to_db(now)),
        )

    async def get(self, admin_id: int) -> str | None:
        """The administrator's search, or None."""
        value = await self._db.fetch_value(
            "SELECT query FROM admin_searches WHERE admin_id = ?", (admin_id,)
        )
        return None if value is None else str(value)
