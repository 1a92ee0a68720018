"""The burden league table over the export's own rows, so /stats and the files always agree."""

from __future__ import annotations

import asyncio
import contextlib

from domain.burden import BurdenTable, BurdenTally
from domain.export.burden import burden_entry
from domain.export.model import ExportFilter
from storage.exports import ExportRepository

__all__ = ["BurdenService"]


class BurdenService:
    """Adds up the reported burden for any export filter."""

    def __init__(self, repository: ExportRepository) -> None:
        self._repository = repository

    async def table(
        self, export_filter: ExportFilter | None = None, *, language: str = "ko"
    ) -> BurdenTable:
        """The league table of the submissions the export would hold for this filter.

        Category names come in `language`; rows are read in a worker thread, as exports are.
        """
        wanted = export_filter or ExportFilter()

        def compute() -> BurdenTable:
            tally = BurdenTally(self._repository.law_aliases())
            with contextlib.closing(self._repository.rows(wanted, language)) as rows:
                for row in rows:
                    tally.add(burden_entry(row))
            return tally.table()

        return await asyncio.to_thread(compute)
