"""The burden league table's kept sums and median rows (migration 0032), never every report.

`burden_tallies` holds, per law text as typed and category, the counted submissions, their
supporters and each cost's count and sum, kept current by triggers. A median is read from a
partial index sorted by the cost's key, one or two rows at an offset.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from domain.burden import COST_KINDS, KeptSums
from storage.database import Database, Row

__all__ = ["BurdenRepository", "MiddleRows"]

_COUNTED = "s.hidden = 0 AND s.merged_into IS NULL AND s.deleted_at IS NULL"
_SUMS = ", ".join(
    ["SUM(t.submissions)", "SUM(t.supporters)"]
    + [f"SUM(t.{kind}_n), SUM(t.{kind})" for kind in COST_KINDS]
)
_NAME_COLUMN = {"ko": "name_ko", "en": "name_en"}
_BY = {"category": "category_id", "law": "law_or_rule"}


def _sums(row: Row, start: int) -> KeptSums:
    counts = {kind: int(row[start + 2 + 2 * n]) for n, kind in enumerate(COST_KINDS)}
    sums = {kind: int(row[start + 3 + 2 * n]) for n, kind in enumerate(COST_KINDS)}
    return KeptSums(int(row[start]), int(row[start + 1]), counts, sums)


@dataclass(frozen=True, slots=True)
class MiddleRows:
    """Which sorted keys to read: `count` of cost `kind` from the `rank`-th on.

    Over every counted submission, or those whose category or law text (`by`) is one of
    `values` (None matching "not given").
    """

    kind: str
    rank: int
    count: int
    by: str | None = None
    values: tuple[str | None, ...] = ()


class BurdenRepository:
    """Reads the kept burden figures; writes happen in the triggers."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def law_aliases(self) -> dict[str, str]:
        """Folded alias to canonical law name."""
        rows = await self._db.fetch_all("SELECT alias, law FROM law_aliases")
        return {str(row[0]): str(row[1]) for row in rows}

    async def total(self) -> KeptSums:
        """The sums over every counted submission."""
        row = await self._db.fetch_one(f"SELECT {_SUMS} FROM burden_tallies t")
        assert row is not None
        return KeptSums.zero() if row[0] is None else _sums(row, 0)

    async def by_law_text(self) -> list[tuple[str | None, KeptSums]]:
        """The sums per law text as typed (None: no law given)."""
        rows = await self._db.fetch_all(
            f"SELECT NULLIF(t.law_or_rule, ''), {_SUMS} FROM burden_tallies t"
            " GROUP BY t.law_or_rule HAVING SUM(t.submissions) > 0"
        )
        return [(row[0], _sums(row, 1)) for row in rows]

    async def by_category(self, language: str) -> list[tuple[str | None, str | None, KeptSums]]:
        """(category id, its name in `language`, sums); None for no category or no name."""
        name = _NAME_COLUMN.get(language, "name_ko")
        rows = await self._db.fetch_all(
            f"SELECT NULLIF(t.category_id, ''), c.{name}, {_SUMS} FROM burden_tallies t"
            " LEFT JOIN categories c ON c.id = t.category_id"
            " GROUP BY t.category_id HAVING SUM(t.submissions) > 0"
        )
        return [(row[0], row[1], _sums(row, 2)) for row in rows]

    async def middle_keys(self, wanted: Sequence[MiddleRows]) -> list[list[int]]:
        """For each request, its `count` keys from the `rank`-th smallest on (0 first).

        All in one statement, so a whole table's medians cost one trip to SQLite. A request
        over one category or law text reads its index in order; several are merged by a sort
        over their rows.
        """
        parts: list[str] = []
        parameters: list[object] = []
        for index, rows in enumerate(wanted):
            if rows.count == 0:
                continue
            if rows.kind not in COST_KINDS:
                raise ValueError(f"no kept cost {rows.kind!r}")
            key = f"{rows.kind}_key"
            where = f"{_COUNTED} AND s.{key} IS NOT NULL"
            if rows.by is not None:
                column = f"s.{_BY[rows.by]}"
                named = [value for value in rows.values if value is not None]
                alternatives = [f"{column} IS NULL"] if None in rows.values else []
                if named:
                    alternatives.append(f"{column} IN ({', '.join('?' for _ in named)})")
                    parameters.extend(named)
                where += f" AND ({' OR '.join(alternatives) or '0'})"
            parts.append(
                f"SELECT {index} AS request, key FROM (SELECT s.{key} AS key FROM submissions s"
                f" WHERE {where} ORDER BY s.{key} LIMIT ? OFFSET ?)"
            )
            parameters.extend((rows.count, rows.rank))
        found: list[list[int]] = [[] for _ in wanted]
        if parts:
            for request, key in await self._db.fetch_all(" UNION ALL ".join(parts), parameters):
                found[int(request)].append(int(key))
        return found
