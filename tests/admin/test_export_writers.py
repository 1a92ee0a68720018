"""The xlsx and JSON writers on their own: formulas defused, anonymity kept, dates real."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from domain.export.columns import columns_for
from domain.export.model import ExportRow
from domain.export.neutralise import neutralise
from handlers.export_words import CatalogExportWording
from services.export.json_writer import write_json
from services.export.xlsx_writer import write_xlsx

SEOUL = ZoneInfo("Asia/Seoul")
DANGEROUS = ["=1+1", "+82 10", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd"]


def _row(code: str, *, visibility: str = "named", problem: str = "규제가 너무 많아요") -> ExportRow:
    return ExportRow(
        receipt_code=code,
        created_at=datetime(2026, 11, 20, 6, 30, tzinfo=UTC),
        updated_at=datetime(2026, 11, 21, 1, 0, tzinfo=UTC),
        answered_at=None,
        status="received",
        visibility=visibility,
        category="AI 기본법 의무·과태료",
        problem=problem,
        law_or_rule='=HYPERLINK("http://x")',
        proposal=None,
        impact=4,
        cost_hours_low=12,
        cost_hours_high=12,
        cost_hours_period="month",
        cost_won_low=1_000_000,
        cost_won_high=2_000_000,
        cost_won_period="one_off",
        region="서울",
        company_size=None,
        industry="제조업",
        supporters=3,
        forwarded_to=None,
        answer_text=None,
        submitter_name="홍길동",
        submitter_username="hong",
    )


def _rows() -> list[ExportRow]:
    rows = [_row(f"SV-2026-{n:06d}", problem=text) for n, text in enumerate(DANGEROUS, 1)]
    rows.append(_row("SV-2026-000099", visibility="anonymous"))
    return rows


@pytest.mark.parametrize("text", DANGEROUS)
def test_neutralise_prefixes_formula_triggers(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["정상 텍스트", "1+1", "a=b", ""])
def test_neutralise_leaves_ordinary_text(text: str) -> None:
    assert neutralise(text) == text


def test_xlsx_has_two_sheets_frozen_header_real_dates_and_text_cells(
    tmp_path: Path,
) -> None:
    path = tmp_path / "out.xlsx"
    columns = columns_for(include_contacts=True)
    labels = CatalogExportWording().labels("en")
    count = write_xlsx(iter(_rows()), path, columns, labels, SEOUL)
    assert count == 7
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Submissions", "Counts"]
    sheet = book["Submissions"]
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["F"].width > 30
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Receipt code", "Submitted at", "Last change"]
    first = [cell for cell in sheet[2]]
    submitted = first[header.index("Submitted at")]
    assert submitted.is_date and submitted.value == datetime(2026, 11, 20, 15, 30)
    assert first[header.index("Cost (KRW, low)")].value == 1_000_000
    assert first[header.index("Cost (KRW, high)")].value == 2_000_000
    assert first[header.index("Cost per")].value == "one-off"
    assert first[header.index("Hours per")].value == "monthly"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))
    # XlsxWriter stores a carriage return as Excel's escape _x000D_; openpyxl leaves it escaped.
    problems = [
        str(row[header.index("Problem")].value).replace("_x000D_", "\r")
        for row in sheet.iter_rows(min_row=2)
    ]
    assert problems[:6] == ["'" + text for text in DANGEROUS]
    anonymous = [cell.value for cell in sheet[8]]
    assert anonymous[header.index("Visibility")] == "Anonymous"
    assert anonymous[header.index("Submitter name")] is None
    assert anonymous[header.index("Submitter Telegram handle")] is None
    counts = book["Counts"]
    values = [[cell.value for cell in row] for row in counts.iter_rows()]
    assert ["Total", 7] in values
    assert ["Received", 7] in values


def test_contact_columns_absent_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    columns = columns_for(include_contacts=False)
    write_xlsx(iter(_rows()), path, columns, CatalogExportWording().labels("ko"), SEOUL)
    sheet = openpyxl.load_workbook(path)["의견"]
    texts = {cell.value for row in sheet.iter_rows() for cell in row}
    assert "홍길동" not in texts and "hong" not in texts


def test_json_keeps_text_exact_and_hides_anonymous_identity(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    columns = columns_for(include_contacts=True)
    count = write_json(iter(_rows()), path, columns, SEOUL)
    records = json.loads(path.read_text(encoding="utf-8"))
    assert count == len(records) == 7
    assert records[0]["problem"] == "=1+1"
    assert records[0]["created_at"] == "2026-11-20T15:30:00+09:00"
    assert records[0]["submitter_name"] == "홍길동"
    assert records[6]["submitter_name"] is None
    assert records[6]["submitter_username"] is None


def test_json_of_nothing_is_an_empty_array(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    write_json(iter([]), path, columns_for(include_contacts=False), SEOUL)
    assert json.loads(path.read_text(encoding="utf-8")) == []
