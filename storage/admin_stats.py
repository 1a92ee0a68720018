"""The aggregate queries behind /stats, over counted submissions only.

Counts come from `submission_tallies`, kept current by triggers in the transaction of every
change (migration 0032), so no read goes over every report; the weekly flow reads only the
weeks shown, and the median answer time reads one or two rows of a sorted index.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta

from domain.stats import RankedSubmission
from domain.submissions import OPEN_STATUSES
from storage.database import Database
from storage.domain_sql import one_of
from storage.tallies import tally, tally_counts
from storage.timestamps import from_db, to_db

__all__ = ["StatsRepository"]

_VISIBLE = "s.hidden = 0 AND s.merged_into IS NULL AND s.deleted_at IS NULL"
_GROUPABLE = frozenset({"status", "category_id", "region_id", "company_size_id"})


class StatsRepository:
    """Counts and samples for the statistics screen; each method is one read."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def total(self) -> int:
        """How many counted submissions there are."""
        return await tally(self._db, "total")

    async def counts_by(self, column: str) -> list[tuple[str | None, int]]:
        """Counted submissions per value of one column, largest first; None for "not given"."""
        if column not in _GROUPABLE:
            raise ValueError(f"cannot group submissions by {column!r}")
        return await tally_counts(self._db, column)

    async def per_week(
        self, starts: Sequence[datetime]
    ) -> list[tuple[str, list[int], tuple[str, int]]]:
        """Per category: counted submissions from each start to the next, and the first one.

        `starts` are the weeks' first instants in order, the last week running on without
        end; (created_at, id) of the category's first submission since the first start orders
        categories with equal totals. Categories with none since then are left out. Each count
        is one range of the (category, created_at) index.
        """
        if not starts:
            return []
        bounds = [to_db(start) for start in starts]
        weeks = ", ".join("(?, ?, ?)" for _ in bounds)
        counted = (
            f"FROM submissions s INDEXED BY submissions_counted_category_created WHERE {_VISIBLE}"
            " AND s.category_id = c.category"
        )
        rows = await self._db.fetch_all(
            f"WITH weeks (i, low, high) AS (VALUES {weeks}),"
            " c (category) AS (SELECT value FROM submission_tallies"
            " WHERE dimension = 'category_id' AND n > 0)"
            f" SELECT c.category, weeks.i, (SELECT COUNT(*) {counted}"
            " AND s.created_at >= weeks.low AND s.created_at < weeks.high),"
            f" (SELECT json_array(s.created_at, s.id) {counted} AND s.created_at >= ?"
            " ORDER BY s.created_at, s.id LIMIT 1) FROM c JOIN weeks",
            [
                *(
                    value
                    for index, low in enumerate(bounds)
                    for value in (index, low, bounds[index + 1] if index + 1 < len(bounds) else "~")
                ),
                bounds[0],
            ],
        )
        counts: dict[str, list[int]] = {}
        firsts: dict[str, tuple[str, int]] = {}
        for category, index, count, first in rows:
            if first is None:
                continue
            counts.setdefault(category, [0] * len(bounds))[index] = int(count)
            created_at, ident = json.loads(first)
            firsts[category] = (str(created_at), int(ident))
        return [(category, counts[category], firsts[category]) for category in counts]

    async def most_supported_open(self, limit: int) -> list[RankedSubmission]:
        """Open submissions with the most supporters, the older first among equals."""
        rows = await self._db.fetch_all(
            "SELECT s.id, s.receipt_code, s.category_id, s.problem, s.status, s.supporters"
            f" FROM submissions s INDEXED BY submissions_most_supported_open WHERE {_VISIBLE}"
            f" AND s.status IN {one_of(OPEN_STATUSES)}"
            " ORDER BY s.supporters DESC, s.created_at, s.id LIMIT ?",
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

    async def answered(self) -> int:
        """How many counted submissions have an official answer."""
        return await tally(self._db, "answered")

    async def answer_delays_at(self, rank: int, count: int) -> list[timedelta]:
        """The answer delays from the `rank`-th shortest (0 first), `count` of them.

        The index orders by SQLite's julianday difference, to the millisecond; the delays
        themselves are computed here from the stored instants.
        """
        rows = await self._db.fetch_all(
            "SELECT s.created_at, s.answered_at FROM submissions s"
            f" INDEXED BY submissions_answer_time WHERE {_VISIBLE} AND s.answered_at IS NOT NULL"
            " ORDER BY julianday(s.answered_at) - julianday(s.created_at) LIMIT ? OFFSET ?",
            (count, rank),
        )
        return [from_db(row[1]) - from_db(row[0]) for row in rows]
