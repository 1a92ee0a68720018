"""The aggregate queries behind /stats, over visible submissions only."""

from __future__ import annotations

from datetime import datetime, timedelta

from domain.stats import RankedSubmission
from storage.database import Database
from storage.timestamps import from_db, to_db

__all__ = ["StatsRepository"]

_VISIBLE = "s.hidden = 0 AND s.merged_into IS NULL AND s.deleted_at IS NULL"
_GROUPABLE = frozenset({"status", "category_id", "region_id", "company_size_id"})


class StatsRepository:
    """Counts and samples for the statistics screen; each method is one read."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def total(self) -> int:
        """How many visible submissions there are."""
        value = await self._db.fetch_value(f"SELECT COUNT(*) FROM submissions s WHERE {_VISIBLE}")
        return int(value or 0)

    async def counts_by(self, column: str) -> list[tuple[str | None, int]]:
        """Visible submissions per value of one column, largest first; None for "not given"."""
        if column not in _GROUPABLE:
            raise ValueError(f"cannot group submissions by {column!r}")
        rows = await self._db.fetch_all(
            f"SELECT s.{column}, COUNT(*) FROM submissions s WHERE {_VISIBLE}"
            f" GROUP BY s.{column} ORDER BY COUNT(*) DESC, s.{column}"
        )
        return [(row[0], int(row[1])) for row in rows]

    async def created_since(self, since: datetime) -> list[tuple[datetime, str]]:
        """(created_at, category) of each visible submission since an instant, for weekly bins."""
        rows = await self._db.fetch_all(
            f"SELECT s.created_at, s.category_id FROM submissions s WHERE {_VISIBLE}"
            " AND s.created_at >= ? ORDER BY s.created_at",
            (to_db(since),),
        )
        return [(from_db(row[0]), row[1]) for row in rows]

    async def most_supported_open(self, limit: int) -> list[RankedSubmission]:
        """Open submissions with the most supporters, the older first among equals."""
        rows = await self._db.fetch_all(
            "SELECT s.id, s.receipt_code, s.category_id, s.problem, s.status,"
            " (SELECT COUNT(*) FROM submission_supporters p WHERE p.submission_id = s.id) AS n"
            f" FROM submissions s WHERE {_VISIBLE}"
            " AND s.status IN ('received', 'in_review', 'forwarded')"
            " ORDER BY n DESC, s.created_at, s.id LIMIT ?",
            (limit,),
        )
        return [
            RankedSubmission(
                id=row[0],
                receipt_code=row[1],
                category_id=row[2],
                problem=row[3],
                status=row[4],
                supporters=int(row[5]),
            )
            for row in rows
        ]

    async def answer_delays(self) -> list[timedelta]:
        """How long each answered submission waited for its official answer."""
        rows = await self._db.fetch_all(
            f"SELECT s.created_at, s.answered_at FROM submissions s WHERE {_VISIBLE}"
            " AND s.answered_at IS NOT NULL"
        )
        return [from_db(row[1]) - from_db(row[0]) for row in rows]
