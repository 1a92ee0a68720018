"""CSV for Excel: UTF-8 with a byte-order mark so Korean opens correctly, formulas defused.

The lines come finished from storage (`ExportRepository.csv_lines`): at a million rows,
converting each row in Python cost four times SQLite's own dump of the table, and even an
object per cell for csv's C writer cost more than the dump, so SQLite makes each line, quoted
as csv.writer quotes, and this only writes them out.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from domain.export.columns import Column
from domain.export.neutralise import neutralise
from services.export.labels import ExportLabels

__all__ = ["BOM", "write_csv"]

BOM = "\ufeff"

_BUFFER = 1 << 20


def write_csv(
    batches: Iterable[Sequence[tuple[str]]],
    path: Path,
    columns: Sequence[Column],
    labels: ExportLabels,
) -> int:
    """Write a header and the batches of finished lines as they stream in; return the rows.

    Synchronous, for the export's worker thread. Dates are local wall-clock minutes
    ("2026-11-21 15:00"), which Excel reads as dates.
    """
    written = 0
    # Plain UTF-8 plus a hand-written byte-order mark: the utf-8-sig codec encodes in Python,
    # plain UTF-8 in C, and this writes tens of megabytes.
    with path.open("w", encoding="utf-8", newline="", buffering=_BUFFER) as handle:
        handle.write(BOM)
        csv.writer(handle).writerow([neutralise(labels.headers[column.key]) for column in columns])
        for batch in batches:
            handle.write("".join([line for (line,) in batch]))
            written += len(batch)
    return written
