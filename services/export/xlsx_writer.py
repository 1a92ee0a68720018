"""Excel workbooks streamed row by row: a submissions sheet and a counts sheet.

XlsxWriter's constant-memory mode flushes each row to disk as the next begins, so memory stays
flat whatever the row count; rows therefore arrive strictly in order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from xlsxwriter import Workbook

from domain.export.cells import CellReader, Tally
from domain.export.columns import Column, ColumnKind
from domain.export.model import ExportError, ExportRow
from domain.export.neutralise import neutralise
from services.export.burden_sheet import BurdenSheet
from services.export.labels import ExportLabels

__all__ = ["XLSX_MAX_ROWS", "write_xlsx"]

XLSX_MAX_ROWS = 1_048_576
_DATE_FORMAT = "yyyy-mm-dd hh:mm"
_SHEET_NAME_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def _sheet_name(label: str) -> str:
    return label.translate(_SHEET_NAME_FORBIDDEN)[:31]


class _Cells:
    """Writes typed cells to the submissions sheet."""

    def __init__(self, sheet: Any, labels: ExportLabels, zone: ZoneInfo, date_format: Any) -> None:
        self.sheet = sheet
        self.labels = labels
        self.zone = zone
        self.date_format = date_format

    def write(self, row: int, col: int, value: object, kind: ColumnKind) -> None:
        if value is None:
            return
        sheet = self.sheet
        if kind is ColumnKind.DATETIME:
            assert isinstance(value, datetime)
            local = value.astimezone(self.zone).replace(tzinfo=None)
            sheet.write_datetime(row, col, local, self.date_format)
        elif kind is ColumnKind.NUMBER:
            assert isinstance(value, int | float)
            sheet.write_number(row, col, value)
        elif kind is ColumnKind.CODE:
            sheet.write_string(row, col, self.labels.code(str(value)))
        else:
            sheet.write_string(row, col, neutralise(str(value)))


def _write_counts(sheet: Any, tally: Tally, labels: ExportLabels, bold: Any) -> None:
    sheet.set_column(0, 0, 36)
    sheet.set_column(1, 1, 10)
    sheet.write_string(0, 0, labels.total, bold)
    sheet.write_number(0, 1, tally.total, bold)
    sheet.write_string(1, 1, labels.count, bold)

    def reference_name(value: str | None) -> str:
        return value if value is not None else labels.unspecified

    def code_name(value: str | None) -> str:
        return labels.code(value) if value is not None else labels.unspecified

    sections: list[tuple[str, Counter[str] | Counter[str | None], Callable[[Any], str]]] = [
        (labels.by_status, tally.by_status, code_name),
        (labels.by_category, tally.by_category, reference_name),
        (labels.by_region, tally.by_region, reference_name),
    ]
    line = 2
    for title, counts, name in sections:
        sheet.write_string(line, 0, title, bold)
        line += 1
        for key, count in counts.most_common():
            sheet.write_string(line, 0, neutralise(name(key)))
            sheet.write_number(line, 1, count)
            line += 1
        line += 1


def write_xlsx(
    rows: Iterable[ExportRow],
    path: Path,
    columns: Sequence[Column],
    labels: ExportLabels,
    zone: ZoneInfo,
    *,
    burden: BurdenSheet | None = None,
) -> int:
    """Write the sheets and return the number of submissions written.

    With `burden`, a third sheet holds the league table of exactly these rows.

    Synchronous, for the export's worker thread, which also runs the workbook's closing zip.
    """
    workbook = Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    try:
        submissions = workbook.add_worksheet(_sheet_name(labels.sheet_submissions))
        counts_sheet = workbook.add_worksheet(_sheet_name(labels.sheet_counts))
        burden_sheet = (
            workbook.add_worksheet(_sheet_name(burden.words.sheet)) if burden is not None else None
        )
        bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        date_format = workbook.add_format({"num_format": _DATE_FORMAT})
        for index, column in enumerate(columns):
            submissions.set_column(index, index, column.width)
            submissions.write_string(0, index, labels.headers[column.key], bold)
        submissions.freeze_panes(1, 1)
        cells = _Cells(submissions, labels, zone, date_format)
        tally = Tally()
        kinds = [column.kind for column in columns]
        read = CellReader(columns)
        line = 0
        for row in rows:
            line += 1
            if line >= XLSX_MAX_ROWS:
                raise ExportError("more rows than Excel can hold; export CSV instead")
            for index, (value, kind) in enumerate(zip(read(row), kinds, strict=True)):
                cells.write(line, index, value, kind)
            tally.add(row)
            if burden is not None:
                burden.add(row)
        submissions.autofilter(0, 0, max(line, 1), len(columns) - 1)
        _write_counts(counts_sheet, tally, labels, bold)
        if burden is not None:
            burden.write(burden_sheet, bold)
    finally:
        workbook.close()
    return tally.total
