"""`python -m bot assembly-sync --dry-run BILL_NO`: prints what would change, writes nothing.

The command runs its own event loop, so it runs in a thread here while the fake Assembly API
keeps serving on the test's loop.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.cli import main
from domain.bills import BillDraft, BillStage, BillStageEntry
from domain.content import LocalizedText
from storage.bills import BillRepository
from storage.database import Database
from tests.fixtures.assembly_api import (
    SAMPLE_COMMITTEE,
    FakeAssemblyApi,
    allbillv2_row,
    running_fake,
    sample_detail,
    sample_member_bill,
)

KEY = "fake0assembly0key0for0dry0runs"
NUMBER = "2214372"
GOVERNMENT = "2212345"
COMMITTEE = SAMPLE_COMMITTEE


@pytest.fixture
async def assembly_api() -> AsyncIterator[FakeAssemblyApi]:
    async with running_fake(KEY) as fake:
        fake.rows["nzmimeepazxkubdpn"].append(sample_member_bill(NUMBER, "PRC_A1"))
        fake.rows["BILLINFODETAIL"].append(sample_detail("PRC_A1", NUMBER))
        fake.rows["ALLBILLV2"].append(
            allbillv2_row(
                ERACO="제22대",
                BILL_ID="PRC_G1",
                BILL_NO=GOVERNMENT,
                BILL_KND="법률안",
                PPSR_KND="정부",
                PPSL_DT="2025-09-02",
                JRCMIT_NM=COMMITTEE,
                JRCMIT_CMMT_DT="2025-09-03",
                RGS_RSLN_DT="2025-12-02",
                RGS_CONF_RSLT="부결",
                PROC_STAGE_CD="본회의의결",
                PASSGUBN="처리의안",
            )
        )
        yield fake


@pytest.fixture
async def database(tmp_path: Path) -> Path:
    path = tmp_path / "sotong.db"
    db = await Database.open(path)
    try:
        await BillRepository(db).create(
            BillDraft(
                name=LocalizedText("중소기업 AI 법안", None),
                bill_number=NUMBER,
                stages=(
                    BillStageEntry(BillStage.SUBMITTED, date(2025, 10, 27)),
                    BillStageEntry(BillStage.COMMITTEE_REVIEW, date(2026, 11, 19)),
                ),
            ),
            actor_id=1,
            now=datetime(2026, 11, 1, tzinfo=UTC),
        )
    finally:
        await db.close()
    return path


def _contents(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return list(connection.iterdump())


async def _dry_run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    database: Path,
    url: str,
    *arguments: str,
    key: str | None = KEY,
) -> tuple[int, str, str]:
    monkeypatch.setenv("DATABASE_PATH", str(database))
    monkeypatch.setenv("ASSEMBLY_API_URL", url)
    if key is None:
        monkeypatch.delenv("ASSEMBLY_API_KEY", raising=False)
    else:
        monkeypatch.setenv("ASSEMBLY_API_KEY", key)
    code = await asyncio.to_thread(main, ["assembly-sync", *arguments])
    printed = capsys.readouterr()
    return code, printed.out, printed.err


async def test_it_prints_what_would_change_and_writes_nothing(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    assembly_api: FakeAssemblyApi,
    database: Path,
) -> None:
    before = _contents(database)
    code, out, err = await _dry_run(
        monkeypatch, capsys, database, assembly_api.url, "--dry-run", NUMBER
    )
    assert code == 0, err
    lines = out.splitlines()
    assert (
        lines[0] == f"Bill {NUMBER} found in nzmimeepazxkubdpn + BILLINFODETAIL (BILL_ID PRC_A1)."
    )
    assert lines[1] == "Tracked here as bill 1, 중소기업 AI 법안."
    assert any(
        line.split() == ["would", "add", "referred", "2025-10-28", COMMITTEE, "[BILLINFODETAIL]"]
        for line in lines
    )
    kept = next(line for line in lines if "kept by hand" in line)
    assert "committee_review" in kept and "2026-11-20" in kept and "2026-11-19" in kept
    assert any(line.split()[:2] == ["unchanged", "submitted"] for line in lines)
    assert lines[-1] == "Dry run: nothing was written."
    assert KEY not in out + err
    assert _contents(database) == before


async def test_a_government_bill_not_tracked_yet_is_shown_from_allbillv2(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    assembly_api: FakeAssemblyApi,
    database: Path,
) -> None:
    code, out, err = await _dry_run(
        monkeypatch, capsys, database, assembly_api.url, "--dry-run", GOVERNMENT
    )
    assert code == 0, err
    assert out.startswith(f"Bill {GOVERNMENT} found in ALLBILLV2 (BILL_ID PRC_G1).\nNot tracked")
    rejected = next(line for line in out.splitlines() if "rejected" in line)
    assert rejected.split() == ["would", "add", "rejected", "2025-12-02", "부결", "[ALLBILLV2]"]
    assert [(service, query.get("ERACO")) for service, query in assembly_api.requests] == [
        ("ALLBILLV2", "제22대")
    ]


async def test_refusals_are_one_line_without_the_key(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    assembly_api: FakeAssemblyApi,
    database: Path,
) -> None:
    before = _contents(database)
    wrong = "wrong0key0that0must0not0be0printed"
    code, out, err = await _dry_run(
        monkeypatch, capsys, database, assembly_api.url, "--dry-run", NUMBER, key=wrong
    )
    assert code == 1
    assert "ERROR-290" in err and wrong not in out + err
    code, out, err = await _dry_run(
        monkeypatch, capsys, database, "http://127.0.0.1:9/", "--dry-run", NUMBER
    )
    assert code == 1 and "network" in err and KEY not in out + err
    code, out, err = await _dry_run(
        monkeypatch, capsys, database, assembly_api.url, "--dry-run", NUMBER, key=None
    )
    assert code == 2 and "ASSEMBLY_API_KEY is not set" in err
    code, out, err = await _dry_run(
        monkeypatch, capsys, database, assembly_api.url, "--dry-run", "2200000"
    )
    assert code == 1 and "in none of ALLBILLV2, ALLBILL, TVBPMBILL11, nzmimeepazxkubdpn" in out
    assert _contents(database) == before
