"""Reference lists, read once and kept in memory: they change only by migration."""

from __future__ import annotations

from domain.reference import Choice
from storage.database import Database

__all__ = ["ReferenceQueries"]

_TABLES = ("categories", "regions", "company_sizes", "industries")


class ReferenceQueries:
    """Categories, regions, company sizes and industries, in their display order."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._cache: dict[str, tuple[Choice, ...]] = {}

    async def _load(self, table: str) -> tuple[Choice, ...]:
        if table not in self._cache:
            where = " WHERE active = 1" if table == "categories" else ""
            rows = await self._db.fetch_all(
                f"SELECT id, name_ko, name_en FROM {table}{where} ORDER BY position"
            )
            self._cache[table] = tuple(Choice(row[0], row[1], row[2]) for row in rows)
        return self._cache[table]

    async def categories(self) -> tuple[Choice, ...]:
        """Active topics of concern."""
        return await self._load("categories")

    async def regions(self) -> tuple[Choice, ...]:
        """The 17 metropolitan divisions."""
        return await self._load("regions")

    async def company_sizes(self) -> tuple[Choice, ...]:
        """Company size classes."""
        return await self._load("company_sizes")

    async def industries(self) -> tuple[Choice, ...]:
        """Industry groups."""
        return await self._load("industries")

    async def find(self, kind: str, choice_id: str) -> Choice | None:
        """Look one entry up by id, or None when it does not exist (a forged button)."""
        if kind not in _TABLES:
            raise ValueError(f"unknown reference list {kind!r}")
        return next((c for c in await self._load(kind) if c.id == choice_id), None)
