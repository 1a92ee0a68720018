"""The burden league table: from kept sums for /stats, over the export's own rows for a filter.

Both count the same submissions the same way, so /stats and the files always agree
(`tests/unit/test_kept_figures.py` compares them after random changes).
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import replace

from domain.burden import (
    MEDIAN_KINDS,
    BurdenLine,
    BurdenTable,
    BurdenTally,
    KeptSums,
    kept_line,
    law_line,
    ranked,
)
from domain.export.burden import burden_entry
from domain.export.model import ExportFilter
from domain.stats import middle_ranks
from storage.burden import BurdenRepository, MiddleRows
from storage.exports import ExportRepository

__all__ = ["BurdenService"]


class BurdenService:
    """Adds up the reported burden for any export filter."""

    def __init__(self, repository: ExportRepository, kept: BurdenRepository) -> None:
        self._repository = repository
        self._kept = kept

    async def table(
        self, export_filter: ExportFilter | None = None, *, language: str = "ko"
    ) -> BurdenTable:
        """The league table of the submissions the export would hold for this filter.

        Category names come in `language`. Without a filter (every counted submission, as
        /stats shows) it is read from the kept sums and a few median rows; with one, the
        matching rows are read in a worker thread, as exports are.
        """
        wanted = export_filter or ExportFilter()
        if replace(wanted, include_contacts=False) == ExportFilter():
            return await self._kept_table(language)

        def compute() -> BurdenTable:
            tally = BurdenTally(self._repository.law_aliases())
            with contextlib.closing(self._repository.rows(wanted, language)) as rows:
                for row in rows:
                    tally.add(burden_entry(row))
            return tally.table()

        return await asyncio.to_thread(compute)

    async def total(self) -> BurdenLine:
        """The burden of every counted submission, the line /stats' summary shows."""
        (line,) = await self._lines([(None, await self._kept.total(), None, [])])
        return line

    async def _lines(
        self, wanted: list[tuple[str | None, KeptSums, str | None, list[str | None]]]
    ) -> list[BurdenLine]:
        """Lines from their sums, with every median read in one trip to SQLite."""
        requests = [
            MiddleRows(kind, *middle_ranks(sums.counts[kind]), by=by, values=tuple(values))
            for _, sums, by, values in wanted
            for kind in MEDIAN_KINDS
        ]
        keys = iter(await self._kept.middle_keys(requests))
        return [
            kept_line(label, sums, {kind: next(keys) for kind in MEDIAN_KINDS})
            for label, sums, _, _ in wanted
        ]

    async def _kept_table(self, language: str) -> BurdenTable:
        aliases = await self._kept.law_aliases()
        laws: dict[str | None, tuple[KeptSums, list[str | None]]] = {}
        for text, sums in await self._kept.by_law_text():
            line = law_line(text, aliases)
            kept, texts = laws.get(line, (KeptSums.zero(), []))
            laws[line] = (kept + sums, [*texts, text])
        categories: dict[str | None, tuple[KeptSums, list[str | None]]] = {}
        for ident, name, sums in await self._kept.by_category(language):
            kept, ids = categories.get(name, (KeptSums.zero(), []))
            categories[name] = (kept + sums, [*ids, ident])
        total, *lines = await self._lines(
            [
                (None, await self._kept.total(), None, []),
                *((line, sums, "law", texts) for line, (sums, texts) in laws.items()),
                *((name, sums, "category", ids) for name, (sums, ids) in categories.items()),
            ]
        )
        return BurdenTable(total, ranked(lines[: len(laws)]), ranked(lines[len(laws) :]))
