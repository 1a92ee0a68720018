"""CSV for Excel: UTF-8 with a byte-order mark so Korean opens correctly, formulas defused.

The row loop is the hot path of a 100,000-row export, so conversions are done by column index
in place rather than through a function call per cell, and csv's `writerows` drives the loop.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from domain.export.cells import CellReader
from domain.export.columns import Column, ColumnKind
from domain.export.model import ExportRow
from domain.export.neutralise import neutralise, neutralise_at
from services.export.labels import ExportLabels

__all__ = ["BOM", "write_csv"]

BOM = "\ufeff"

_BUFFER = 1 << 20


def _indices(columns: Sequence[Column], kind: ColumnKind) -> tuple[int, ...]:
    return tuple(index for index, column in enumerate(columns) if column.kind is kind)


def write_csv(
    rows: Iterable[ExportRow],
    path: Path,
    columns: Sequence[Column],
    labels: ExportLabels,
    zone: ZoneInfo,
) -> int:
    """Write a header and one line per row as they stream in; return the number of rows.

    Synchronous, for the export's worker thread. Dates are local wall-clock minutes
    ("2026-11-21 15:00"), which Excel reads as dates.
    """
    read = CellReader(columns)
    texts = _indices(columns, ColumnKind.TEXT)
    dates = _indices(columns, ColumnKind.DATETIME)
    codes = _indices(columns, ColumnKind.CODE)
    code = labels.code
    # zip() draws a row before a number, so after the last row `written` has handed out
    # exactly one number per row: the count without a Python-level increment per row.
    written = itertools.count()

    def lines() -> Iterator[list[object]]:
        for row, _ in zip(rows, written, strict=False):
            values = read(row)
            neutralise_at(values, texts)
            for index in dates:
                moment = values[index]
                if moment is not None:
                    values[index] = moment.astimezone(zone).isoformat(" ", "minutes")[:16]  # type: ignore[attr-defined]
            for index in codes:
                if values[index] is not None:
                    values[index] = code(str(values[index]))
            yield values

    # Plain UTF-8 plus a hand-written byte-order mark: the utf-8-sig codec encodes in Python,
    # plain UTF-8 in C, and this loop writes tens of megabytes.
    with path.open("w", encoding="utf-8", newline="", buffering=_BUFFER) as handle:
        handle.write(BOM)
        writer = csv.writer(handle)
        writer.writerow([neutralise(labels.headers[column.key]) for column in columns])
        writer.writerows(lines())
    return next(written)
