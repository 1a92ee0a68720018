"""/export end to end: the walk-through, the files as Excel and a CSV reader see them, anonymity."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from handlers.context import SERVICES_KEY
from handlers.export_words import CatalogExportWording
from sandbox.emulator import EmulatorLimits, ScriptedUser
from services.export import ExportService
from storage.audit import AuditRepository
from storage.exports import ExportRepository
from tests.admin.support import onboard, submit
from tests.fixtures.app import ADMIN_ID, BotHarness

FORMULA = '=HYPERLINK("http://evil.example","click")'


async def _arrange(sotong: BotHarness) -> dict[str, int]:
    named = await submit(sotong, 5001, name="홍길동", username="gildong", problem=FORMULA)
    anonymous = await submit(
        sotong,
        5002,
        anonymous=True,
        name="비밀사장",
        username="secret_boss",
        problem="@SUM(1+1) 익명으로 남기는 애로 사항입니다",
    )
    other = await submit(
        sotong,
        5003,
        category_id="funding",
        region_id="busan",
        problem="+82 자금 지원 사업의 서류가 너무 많습니다",
    )
    hidden = await submit(sotong, 5004, problem="숨김 처리된 제안입니다 내용 충분")
    await sotong.wiring.database.execute(
        "UPDATE submissions SET hidden = 1 WHERE id = ?", (hidden.id,)
    )
    return {"named": named.id, "anonymous": anonymous.id, "other": other.id, "hidden": hidden.id}


async def _walk(admin: ScriptedUser, *buttons: str) -> None:
    await admin.send("/export")
    for label in buttons:
        await admin.tap(label)


def _document(sotong: BotHarness, admin: ScriptedUser) -> tuple[str, bytes]:
    documents = [m for m in admin.transcript if m.attachment and m.attachment.kind == "document"]
    assert documents, "no document was sent"
    attachment = documents[-1].attachment
    assert attachment is not None and attachment.file_name is not None
    return attachment.file_name, sotong.emulator.file_bytes(attachment.file_id)


async def test_xlsx_with_contacts_keeps_anonymity_and_defuses_formulas(
    sotong: BotHarness, tmp_path: Path
) -> None:
    await _arrange(sotong)
    admin = sotong.admin()
    await onboard(admin)
    await _walk(
        admin,
        "엑셀 (.xlsx)",
        "전체 기간",
        "전체",
        "전체",
        "전체",
        "연락처 포함 (기록됨)",
        "현재 기록만",
    )
    name, data = _document(sotong, admin)
    assert name == "sotong-2026-11-21-contacts.xlsx"
    assert "3건을 내보냈어요" in (admin.reply().text or "")
    path = tmp_path / name
    path.write_bytes(data)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["의견", "집계", "부담 집계"]
    sheet = book["의견"]
    assert sheet.freeze_panes == "B2"
    header = [cell.value for cell in sheet[1]]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 3
    texts = {str(v) for row in rows for v in row if v is not None}
    assert "홍길동" in texts and "gildong" in texts
    assert not {"비밀사장", "secret_boss", "5002"} & texts
    assert not any("비밀사장" in t or "secret_boss" in t for t in texts)
    problems = [row[header.index("애로 내용")] for row in rows]
    assert problems[0] == "'" + FORMULA
    assert problems[1].startswith("'@SUM") and problems[2].startswith("'+82")
    for row in sheet.iter_rows(min_row=2):
        assert all(cell.data_type != "f" for cell in row)
    assert sheet.cell(2, header.index("접수일시") + 1).is_date
    counts = [[c.value for c in r] for r in book["집계"].iter_rows()]
    assert ["전체", 3] in counts
    entry = (await sotong.services.audit.latest(1))[0]
    assert entry.action == "submissions.export" and entry.actor_id == ADMIN_ID
    assert entry.details["contacts"] is True and entry.details["rows"] == 3


async def test_csv_in_english_with_filters_is_named_after_them(
    sotong: BotHarness, tmp_path: Path
) -> None:
    ids = await _arrange(sotong)
    admin = sotong.admin()
    await onboard(admin, "en")
    await _walk(
        admin,
        "CSV",
        "This month",
        "AI Basic Act obligations and fines",
        "Seoul",
        "Received",
        "Without contacts",
        "Current records only",
    )
    name, data = _document(sotong, admin)
    assert name == "sotong-2026-11-21-from-2026-11-01-ai_basic_act-seoul-received.csv"
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, body = lines[0], lines[1:]
    assert header[0] == "Receipt code" and "Submitter name" not in header
    assert len(body) == 2
    for line in body:
        for cell in line:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    flat = data.decode("utf-8-sig")
    assert "홍길동" not in flat and "비밀사장" not in flat and "secret_boss" not in flat
    assert str(ids["hidden"]) not in [line[0] for line in body]
    assert "Exported 2 submissions" in (admin.reply().text or "")


async def test_json_never_carries_an_anonymous_identity(sotong: BotHarness) -> None:
    await _arrange(sotong)
    admin = sotong.admin()
    await onboard(admin)
    await _walk(
        admin, "JSON", "최근 30일", "전체", "전체", "전체", "연락처 포함 (기록됨)", "현재 기록만"
    )
    _, data = _document(sotong, admin)
    records = json.loads(data)
    assert len(records) == 3
    named = next(r for r in records if r["problem"] == FORMULA)
    anonymous = next(r for r in records if r["visibility"] == "anonymous")
    assert named["submitter_name"] == "홍길동" and named["submitter_username"] == "gildong"
    assert anonymous["submitter_name"] is None and anonymous["submitter_username"] is None
    assert "비밀사장" not in data.decode() and "secret_boss" not in data.decode()
    assert records[0]["problem"] == FORMULA


async def test_merged_and_hidden_records_are_left_out(sotong: BotHarness) -> None:
    ids = await _arrange(sotong)
    original = await sotong.services.submissions.get(ids["named"])
    assert original is not None
    await sotong.services.review.mark_duplicate(
        ids["other"], original.receipt_code, actor_id=ADMIN_ID
    )
    admin = sotong.admin()
    await onboard(admin)
    await _walk(admin, "JSON", "전체 기간", "전체", "전체", "전체", "연락처 제외", "현재 기록만")
    _, data = _document(sotong, admin)
    assert {r["visibility"] for r in json.loads(data)} == {"named", "anonymous"}
    assert len(json.loads(data)) == 2

    await _walk(
        admin,
        "JSON",
        "전체 기간",
        "전체",
        "전체",
        "전체",
        "연락처 제외",
        "숨김·병합·삭제 기록 포함",
    )
    _, data = _document(sotong, admin)
    assert len(json.loads(data)) == 4


@pytest.mark.parametrize("emulator_limits", [EmulatorLimits(max_upload_bytes=6000)], indirect=True)
async def test_a_file_over_the_upload_limit_is_zipped_with_a_message(
    sotong: BotHarness,
) -> None:
    for n in range(30):
        await submit(sotong, 5000 + n, problem=f"반복되는 긴 애로 사항 설명입니다 {n} " * 8)
    services = sotong.services
    database = sotong.wiring.database
    small = ExportService(
        ExportRepository(database),
        AuditRepository(database),
        sotong.clock,
        services.zone,
        CatalogExportWording(),
        upload_limit=6000,
    )
    sotong.application.bot_data[SERVICES_KEY] = dataclasses.replace(services, exports=small)
    admin = sotong.admin()
    await onboard(admin)
    await _walk(admin, "CSV", "전체 기간", "전체", "전체", "전체", "연락처 제외", "현재 기록만")
    name, data = _document(sotong, admin)
    assert name.endswith(".csv.zip") and len(data) <= 6000
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        inner = archive.read(archive.namelist()[0])
    assert inner.startswith(b"\xef\xbb\xbf") and len(inner) > 6000
    assert any("ZIP으로 압축" in (m.text or "") for m in admin.transcript)
