"""JSON for programs: one array of objects keyed by column, raw codes, instants with offsets.

Text is kept exactly as typed: formula neutralisation is for spreadsheets, and a program
reading JSON must get the submitter's words unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from domain.export.cells import CellReader
from domain.export.columns import Column
from domain.export.model import ExportRow

__all__ = ["write_json"]


def _value(value: object, zone: ZoneInfo) -> object:
    if isinstance(value, datetime):
        return value.astimezone(zone).isoformat(timespec="seconds")
    return value


def write_json(
    rows: Iterable[ExportRow], path: Path, columns: Sequence[Column], zone: ZoneInfo
) -> int:
    """Stream a JSON array, one object per line, never holding more than one row.

    Synchronous, for the export's worker thread.
    """
    count = 0
    keys = [column.key for column in columns]
    read = CellReader(columns)
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[")
        for row in rows:
            record = {key: _value(value, zone) for key, value in zip(keys, read(row), strict=True)}
            handle.write(",\n" if count else "\n")
            handle.write(json.dumps(record, ensure_ascii=False))
            count += 1
        handle.write("\n]\n")
    return count
