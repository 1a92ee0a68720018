"""The CSV export built in SQL is byte for byte what csv.writer made from Python rows.

The reference below is the per-row conversion the export used before its cells moved into
SQL (kept here only): labels, defused text, local minutes, anonymous contacts left empty.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import importlib.util
import io
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from domain.clock import FrozenClock
from domain.export.columns import columns_for
from domain.export.neutralise import neutralise
from handlers.export_words import CatalogExportWording
from services.export import ExportFilter, ExportFormat, ExportService
from services.export.csv_writer import BOM
from storage.audit import AuditRepository
from storage.database import Database
from storage.exports import ExportRepository

NOW = datetime(2026, 11, 21, 6, 0, tzinfo=UTC)
NASTY = [
    '=1+1, "quoted"',
    "+82 10\r\n둘째 줄",
    "-2+3",
    "@SUM(A1)",
    "\t=cmd",
    "\r=cmd",
    '쉼표, 따옴표" 그리고\n줄바꿈',
    "",
]
# Around Berlin's change to summer time (01:00 UTC on 29 March 2026) and a minute's last
# microsecond, where rounding instead of truncating would show the next minute.
TIMES = [
    "2026-03-29T00:59:59.999999+00:00",
    "2026-03-29T01:00:00.000000+00:00",
    "2026-10-25T00:59:59.999600+00:00",
    "2026-10-25T01:00:00.000001+00:00",
    # Seoul's midnight, the last one of a year, and a minute before Newfoundland's.
    "2026-11-20T14:59:59.999999+00:00",
    "2025-12-31T15:00:00.000000+00:00",
    "2026-02-28T02:29:00.000000+00:00",
    "2026-02-28T03:30:00.000000+00:00",
]

# Due days on either side of the replies above in some zone, so on time and late both show.
DUE = ["2026-03-28", "2026-10-25", "2026-11-20", "2025-12-31", "2026-02-27"]
# Reference names an administrator might load: a formula, a comma and a quote, a line end.
NAMES = {
    ("categories", "ai_basic_act"): '=AI 기본법, "고영향"',
    ("regions", "busan"): "-부산",
    ("industries", "ict"): "정보\n통신",
}


def _generate(path: Path, rows: int) -> None:
    spec = importlib.util.spec_from_file_location(
        "scale", Path(__file__).resolve().parents[2] / "bench" / "scale.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(path, rows, 7)


def _reference(
    repository: ExportRepository, wanted: ExportFilter, zone: ZoneInfo, language: str
) -> bytes:
    columns = columns_for(include_contacts=wanted.include_contacts)
    labels = CatalogExportWording().labels(language)
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow([neutralise(labels.headers[column.key]) for column in columns])
    with contextlib.closing(repository.rows(wanted, language, zone=zone)) as rows:
        for row in rows:
            values: list[object] = []
            for column in columns:
                value = getattr(row, column.key)
                if column.contact and row.visibility != "named":
                    value = None
                if isinstance(value, datetime):
                    value = value.astimezone(zone).isoformat(" ", "minutes")[:16]
                elif column.kind == "code" and value is not None:
                    value = labels.code(str(value))
                elif column.kind == "text" and isinstance(value, str):
                    value = neutralise(value)
                values.append(value)
            writer.writerow(values)
    return (BOM + out.getvalue()).encode()


@pytest.mark.parametrize("zone", ["Asia/Seoul", "Europe/Berlin", "America/St_Johns"])
@pytest.mark.parametrize("contacts", [True, False])
@pytest.mark.parametrize("language", ["ko", "en"])
async def test_csv_equals_the_row_by_row_reference(
    tmp_path: Path, zone: str, contacts: bool, language: str
) -> None:
    path = tmp_path / "scale.db"
    # The bench's generator migrates with asyncio.run, so it runs outside this test's loop.
    await asyncio.to_thread(_generate, path, 300)
    database = await Database.open(path)
    for n, text in enumerate(NASTY, 1):
        await database.execute(
            "UPDATE submissions SET problem = ?, answer_text = ?, law_or_rule = ?,"
            " submitter_name = CASE visibility WHEN 'named' THEN ? END,"
            " created_at = ?, answered_at = ?, replied_at = ?, due_on = ? WHERE id = ?",
            (
                text,
                text,
                text,
                text or None,
                TIMES[n % len(TIMES)],
                *[TIMES[(n + 1) % len(TIMES)]] * 2,
                DUE[n % len(DUE)],
                n,
            ),
        )
    for (table, key), name in NAMES.items():
        await database.execute(
            f"UPDATE {table} SET name_ko = ?, name_en = ? WHERE id = ?", (name, name, key)
        )
    repository = ExportRepository(database, batch=64)
    service = ExportService(
        repository,
        AuditRepository(database),
        FrozenClock(NOW),
        ZoneInfo(zone),
        CatalogExportWording(),
    )
    wanted = ExportFilter(include_contacts=contacts, include_hidden=True)
    try:
        await service.export(
            wanted,
            ExportFormat.CSV,
            actor_id=1,
            language=language,
            directory=tmp_path,
            file_name="out.csv",
            fit_upload_limit=False,
        )
        produced = (tmp_path / "out.csv").read_bytes()
        assert produced == _reference(repository, wanted, ZoneInfo(zone), language)
    finally:
        await database.close()
    lines = list(csv.reader(io.StringIO(produced.decode("utf-8-sig"), newline="")))
    assert len(lines) == 301
    cells = {cell for line in lines for cell in line}
    assert {'\'=AI 기본법, "고영향"', "'-부산", "정보\n통신"} <= cells
    for line in lines[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in line)
