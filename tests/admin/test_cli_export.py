"""`python -m bot export`, run as staff would run it: a real process on a real database file."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import openpyxl

from domain.submissions import NewSubmission, ReportContent, Visibility
from storage.audit import AuditRepository
from storage.database import Database
from storage.submissions import SubmissionRepository

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456789:AAtestTOKENforTHEemulatorONLY_0123456789"


def _new(user_id: int, *, anonymous: bool, problem: str, category_id: str) -> NewSubmission:
    return NewSubmission(
        content=ReportContent(
            category_id=category_id,
            problem=problem,
            impact=3,
            region_id="seoul",
        ),
        user_id=user_id,
        visibility=Visibility.ANONYMOUS if anonymous else Visibility.NAMED,
        submitter_name=None if anonymous else "홍길동",
        submitter_username=None if anonymous else "gildong",
        language="ko",
        attachments=(),
    )


async def _arrange(path: Path) -> None:
    database = await Database.open(path)
    try:
        repository = SubmissionRepository(database)
        october = datetime(2026, 10, 20, 3, 0, tzinfo=UTC)
        november = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
        await repository.create(
            _new(1, anonymous=False, problem="=1+2 오래된 제안", category_id="ai_basic_act"),
            year=2026,
            now=october,
        )
        await repository.create(
            _new(2, anonymous=False, problem="=1+2 새 실명 제안", category_id="ai_basic_act"),
            year=2026,
            now=november,
        )
        await repository.create(
            _new(3, anonymous=True, problem="-익명 제안 내용", category_id="ai_basic_act"),
            year=2026,
            now=november,
        )
        await repository.create(
            _new(4, anonymous=False, problem="다른 분야 제안", category_id="funding"),
            year=2026,
            now=november,
        )
    finally:
        await database.close()


def _run(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "BOT_TOKEN": TOKEN,
        "DATABASE_PATH": str(tmp_path / "sotong.db"),
        "ADMIN_IDS": "900001",
        "TIMEZONE": "Asia/Seoul",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *arguments],
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_exports_xlsx_with_filters_and_audits(tmp_path: Path) -> None:
    asyncio.run(_arrange(tmp_path / "sotong.db"))
    out = tmp_path / "out" / "file.xlsx"
    result = _run(
        tmp_path,
        "export",
        "--format",
        "xlsx",
        "--since",
        "2026-11-01",
        "--category",
        "ai_basic_act",
        "--contacts",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"exported 2 submissions to {out}"
    sheet = openpyxl.load_workbook(out)["의견"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 2
    texts = [str(v) for row in rows for v in row if v is not None]
    assert "'=1+2 새 실명 제안" in texts and "'-익명 제안 내용" in texts
    assert texts.count("홍길동") == 1 and texts.count("gildong") == 1

    async def audit() -> list[object]:
        database = await Database.open(tmp_path / "sotong.db")
        try:
            return list(await AuditRepository(database).latest(5))
        finally:
            await database.close()

    entry = asyncio.run(audit())[0]
    assert entry.action == "submissions.export"  # type: ignore[attr-defined]
    assert entry.actor_id == 0  # type: ignore[attr-defined]
    assert entry.details["via"] == "cli" and entry.details["contacts"] is True  # type: ignore[attr-defined]


def test_cli_csv_default_name_and_bom(tmp_path: Path) -> None:
    asyncio.run(_arrange(tmp_path / "sotong.db"))
    result = _run(tmp_path, "export", "--format", "csv", "--until", "2026-10-31")
    assert result.returncode == 0, result.stderr
    produced = sorted(tmp_path.glob("sotong-*-to-2026-10-31.csv"))
    assert len(produced) == 1
    data = produced[0].read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(lines) == 2 and lines[1][5] == "'=1+2 오래된 제안"


def test_cli_refuses_unknown_category_in_one_line(tmp_path: Path) -> None:
    asyncio.run(_arrange(tmp_path / "sotong.db"))
    result = _run(tmp_path, "export", "--category", "nope")
    assert result.returncode == 2
    assert result.stderr.strip() == "sotong: unknown category id 'nope'"


def test_cli_export_has_help(tmp_path: Path) -> None:
    result = _run(tmp_path, "export", "--help")
    assert result.returncode == 0
    for option in (
        "--format",
        "--since",
        "--until",
        "--category",
        "--region",
        "--status",
        "--contacts",
        "--out",
    ):
        assert option in result.stdout


def test_cli_export_needs_no_token_and_refuses_the_database(tmp_path: Path) -> None:
    asyncio.run(_arrange(tmp_path / "sotong.db"))
    database = (tmp_path / "sotong.db").read_bytes()
    env = {key: value for key, value in os.environ.items() if key != "BOT_TOKEN"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "export", "--format", "csv", "--out", "sotong.db"],
        cwd=tmp_path,
        env={**env, "DATABASE_PATH": str(tmp_path / "sotong.db"), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "sotong: --out sotong.db is the database; choose another file"
    assert (tmp_path / "sotong.db").read_bytes() == database


def test_cli_export_never_overwrites_or_deletes_an_existing_file(tmp_path: Path) -> None:
    asyncio.run(_arrange(tmp_path / "sotong.db"))
    existing = tmp_path / "opinions.csv"
    existing.write_text("someone else's file", encoding="utf-8")
    result = _run(tmp_path, "export", "--format", "csv", "--out", str(existing))
    assert result.returncode == 1
    assert "already exists" in result.stderr and "Traceback" not in result.stderr
    assert existing.read_text(encoding="utf-8") == "someone else's file"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["opinions.csv", "sotong.db"]
