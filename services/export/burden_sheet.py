"""The xlsx export's burden sheet: the league table of exactly the rows the file holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from domain.burden import BurdenLine, BurdenTable, BurdenTally
from domain.export.burden import burden_entry
from domain.export.model import ExportRow

__all__ = ["BURDEN_COLUMNS", "BurdenSheet", "BurdenWords"]

BURDEN_COLUMNS = (
    "label",
    "submissions",
    "supporters",
    "hours_per_month",
    "hours_per_month_median",
    "won_per_month",
    "won_per_month_median",
    "won_one_off",
    "won_one_off_median",
    "hours_one_off",
)


@dataclass(frozen=True, slots=True)
class BurdenWords:
    """The sheet's own words, the channel's (`ExportWording.burden`); a header per column."""

    sheet: str
    total: str
    by_law: str
    by_category: str
    no_law: str
    no_category: str
    headers: tuple[str, ...]


class BurdenSheet:
    """Fed every exported row, then written as one sheet: total, per law, per category."""

    def __init__(self, aliases: dict[str, str], words: BurdenWords) -> None:
        self._tally = BurdenTally(aliases)
        self.words = words

    def add(self, row: ExportRow) -> None:
        """Count one exported submission."""
        self._tally.add(burden_entry(row))

    def table(self) -> BurdenTable:
        """The table as the sheet shows it."""
        return self._tally.table()

    def write(self, sheet: Any, bold: Any) -> None:
        """Write the three sections, rows in order (the workbook is in constant-memory mode)."""
        table = self.table()
        words = self.words
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, len(BURDEN_COLUMNS) - 1, 14)
        row = 0
        for title, lines, missing in (
            (words.total, (table.total,), words.total),
            (words.by_law, table.by_law, words.no_law),
            (words.by_category, table.by_category, words.no_category),
        ):
            sheet.write_string(row, 0, title, bold)
            row += 1
            for index, header in enumerate(words.headers):
                sheet.write_string(row, index, header, bold)
            row += 1
            for line in lines:
                _write_line(sheet, row, line, missing)
                row += 1
            row += 1


def _write_line(sheet: Any, row: int, line: BurdenLine, missing: str) -> None:
    sheet.write_string(row, 0, line.label if line.label is not None else missing)
    values = (
        line.submissions,
        line.supporters,
        line.hours_per_month,
        line.hours_per_month_median,
        line.won_per_month,
        line.won_per_month_median,
        line.won_one_off,
        line.won_one_off_median,
        line.hours_one_off,
    )
    for index, value in enumerate(values, start=1):
        if value is not None:
            sheet.write_number(row, index, value)
