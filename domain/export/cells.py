"""Turning a row into the cells of one line, with the anonymity rule applied once for all."""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Sequence

from domain.export.columns import Column, contact_allowed
from domain.export.model import ExportRow

__all__ = ["CellReader", "Tally"]


class CellReader:
    """Reads a row's cells in column order; an anonymous submitter's contacts are always None."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self._get = operator.attrgetter(*(column.key for column in columns))
        self._contacts = tuple(index for index, column in enumerate(columns) if column.contact)

    def __call__(self, row: ExportRow) -> list[object]:
        """The raw values of one row."""
        values: list[object] = list(self._get(row))
        if self._contacts and not contact_allowed(row):
            for index in self._contacts:
                values[index] = None
        return values


class Tally:
    """Counts gathered while rows stream past, for the counts sheet, in constant memory."""

    def __init__(self) -> None:
        self.total = 0
        self.by_status: Counter[str] = Counter()
        self.by_category: Counter[str | None] = Counter()
        self.by_region: Counter[str | None] = Counter()

    def add(self, row: ExportRow) -> None:
        """Count one row."""
        self.total += 1
        self.by_status[row.status] += 1
        self.by_category[row.category] += 1
        self.by_region[row.region] += 1
