"""CSV for Excel: UTF-8 with a byte-order mark so Korean opens correctly, formulas defused.

The row loop is the hot path of a 100,000-row export, so conversions are done by column index
in place rather than through a function call per cell.
"""

from __future__ import annotations

import csv
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.domain.export.cells import CellReader
from bot.domain.export.columns import Column, ColumnKind
from bot.domain.export.labels import ExportLabels
from bot.domain.export.model import ExportRow
from bot.domain.export.neutralise import neutralise, neutralise_at

__all__ = ["BOM", "write_csv"]

BOM = "\ufeff"

_BUFFER = 1 << 20


def _indices(columns: Sequence[Column], kind: ColumnKind) -> tuple[int, ...]:
    return tuple(index for index, column in enumerate(columns) if column.kind is kind)


async def write_csv(
    rows: AsyncIterator[ExportRow],
    path: Path,
    columns: Sequence[Column],
    labels: ExportLabels,
    zone: ZoneInfo,
) -> int:
    """Write a header and one line per row as they stream in; return the number of rows.

    Dates are local wall-clock minutes ("2026-11-21 15:00"), which Excel reads as dates.
    """
    count = 0
    read = CellReader(columns)
    texts = _indices(columns, ColumnKind.TEXT)
    dates = _indices(columns, ColumnKind.DATETIME)
    codes = _indices(columns, ColumnKind.CODE)
    code = labels.code
    # Plain UTF-8 plus a hand-written byte-order mark: the utf-8-sig codec encodes in Python,
    # plain UTF-8 in C, and this loop writes tens of megabytes.
    with path.open("w", encoding="utf-8", newline="", buffering=_BUFFER) as handle:
        handle.write(BOM)
        writer = csv.writer(handle)
        writer.writerow([neutralise(labels.headers[column.key]) for column in columns])
        async for row in rows:
            values = read(row)
            neutralise_at(values, texts)
            for index in dates:
                moment = values[index]
                if isinstance(moment, datetime):
                    values[index] = moment.astimezone(zone).isoformat(" ", "minutes")[:16]
            for index in codes:
                values[index] = code(str(values[index]))
            writer.writerow(values)
            count += 1
    return count
