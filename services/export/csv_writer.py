"""CSV for Excel: UTF-8 with a byte-order mark so Korean opens correctly, formulas defused.

The lines come finished from storage (`ExportRepository.csv_lines`): at a million rows,
converting each row in Python cost four times SQLite's own dump of the table, and even an
object per cell for csv's C writer cost more than the dump, so SQLite makes each line, quoted
as csv.writer quotes, in UTF-8 bytes, and this only writes them out: decoding every line into
a string and encoding it back cost a sixth of the export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from domain.export.columns import Column
from domain.export.neutralise import neutralise
from services.export.labels import ExportLabels

__all__ = ["BOM", "write_csv"]

BOM = "\ufeff"

_BUFFER = 1 << 20


def write_csv(
    batches: Iterable[Sequence[tuple[bytes]]],
    path: Path,
    columns: Sequence[Column],
    labels: ExportLabels,
) -> int:
    """Write a header and the batches of finished lines as they stream in; return the rows.

    Synchronous, for the export's worker thread. Dates are local wall-clock minutes
    ("2026-11-21 15:00"), which Excel reads as dates.
    """
    header = io.StringIO(newline="")
    csv.writer(header).writerow([neutralise(labels.headers[column.key]) for column in columns])
    written = 0
    with path.open("wb", buffering=_BUFFER) as handle:
        handle.write((BOM + header.getvalue()).encode())
        for batch in batches:
            handle.write(b"".join([line for (line,) in batch]))
            written += len(batch)
    return written
