"""Live bill data from the National Assembly's open API, against a fake built from its shape."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.config import load_settings
from bot.maintenance_jobs import ASSEMBLY_JOB
from bot.runtime import running_bot
from domain.assembly import AssemblyErrorKind
from domain.bills import BillDraft, BillStage, BillStageEntry
from domain.clock import FrozenClock
from domain.content import LocalizedText
from sandbox.emulator import BotApiEmulator
from services.assembly_sync import AssemblyClient, BillSyncService
from storage.bill_sync import BillSyncRepository
from storage.bills import BillRepository
from tests.delivery.support import containing, kst, onboard, tick_at
from tests.fixtures.app import ADMIN_ID, START, TEST_TOKEN, BotHarness
from tests.fixtures.assembly_api import FakeAssemblyApi, running_fake

KEY = "fake0assembly0key0for0tests"
NUMBER = "2214372"
OTHER = "2209001"
COMMITTEE = "산업통상자원중소벤처기업위원회"


def _listing(number: str, bill_id: str) -> dict[str, Any]:
    return {
        "BILL_ID": bill_id,
        "BILL_NO": number,
        "BILL_NAME": "중소기업 인공지능 활용 촉진법안",
        "COMMITTEE": COMMITTEE,
        "PROPOSE_DT": "2025-10-27",
        "PROC_RESULT": None,
        "AGE": "22",
        "RST_PROPOSER": "김동아",
    }


def _detail(bill_id: str, number: str) -> dict[str, Any]:
    return {
        "BILL_ID": bill_id,
        "BILL_NO": number,
        "PPSL_DT": "2025-10-27",
        "JRCMIT_NM": COMMITTEE,
        "JRCMIT_CMMT_DT": "2025-10-28",
        "JRCMIT_PRSNT_DT": "2026-11-18",
        "JRCMIT_PROC_DT": "2026-11-20",
        "JRCMIT_PROC_RSLT": "수정가결",
        "LAW_CMMT_DT": None,
        "LAW_PRSNT_DT": None,
        "LAW_PROC_DT": None,
        "RGS_RSLN_DT": None,
        "RGS_CONF_RSLT": None,
    }


@pytest.fixture
async def assembly_api() -> AsyncIterator[FakeAssemblyApi]:
    async with running_fake(KEY) as fake:
        for number, bill_id in ((NUMBER, "PRC_A1"), (OTHER, "PRC_B2")):
            fake.rows["nzmimeepazxkubdpn"].append(_listing(number, bill_id))
            fake.rows["BILLINFODETAIL"].append(_detail(bill_id, number))
        yield fake


@pytest.fixture
def settings_overrides(assembly_api: FakeAssemblyApi) -> dict[str, Any]:
    return {"assembly_api_key": KEY, "assembly_api_url": assembly_api.url}


async def _track(sotong: BotHarness, number: str, *stages: BillStageEntry) -> int:
    bill = await sotong.services.content.add_bill(
        BillDraft(
            name=LocalizedText(f"법안 {number}", None),
            bill_number=number,
            stages=stages or (BillStageEntry(BillStage.SUBMITTED, date(2025, 10, 27)),),
        ),
        actor_id=ADMIN_ID,
    )
    return bill.id


async def _run_job(sotong: BotHarness) -> None:
    (job,) = sotong.application.job_queue.get_jobs_by_name(ASSEMBLY_JOB)  # type: ignore[union-attr]
    await job.run(sotong.application)


async def test_new_stages_reach_followers_through_the_usual_notices(
    sotong: BotHarness,
) -> None:
    user = await onboard(sotong, "민수")
    bill_id = await _track(sotong, NUMBER)
    await user.send("/bills")
    await user.tap(f"⚖️ 법안 {NUMBER}")
    await user.tap("⭐ 이 법안 팔로우")
    await tick_at(sotong, kst(2026, 11, 21, 16, 0))

    await _run_job(sotong)
    bill = await sotong.repositories.bills.get(bill_id)
    assert [(entry.stage, entry.on_date, entry.note.ko) for entry in bill.stages] == [
        (BillStage.SUBMITTED, date(2025, 10, 27), None),
        (BillStage.REFERRED, date(2025, 10, 28), COMMITTEE),
        (BillStage.COMMITTEE_REVIEW, date(2026, 11, 20), "수정가결"),
    ]
    assert bill.committee.ko == COMMITTEE
    await tick_at(sotong, kst(2026, 11, 21, 16, 1))
    (notice,) = containing(user, "소관위 심사")
    assert f"법안 {NUMBER}" in (notice.text or "")

    audits = [e for e in await sotong.services.audit.latest(20) if e.action == "bill.assembly_sync"]
    assert len(audits) == 1 and audits[0].details["added"] == ["referred", "committee_review"]
    await _run_job(sotong)  # nothing new: nothing written, nobody told twice
    again = [e for e in await sotong.services.audit.latest(20) if e.action == "bill.assembly_sync"]
    assert len(again) == 1


async def test_a_stage_entered_by_hand_is_never_overwritten_silently(
    sotong: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    by_hand = BillStageEntry(BillStage.COMMITTEE_REVIEW, date(2026, 11, 19))
    bill_id = await _track(
        sotong, NUMBER, BillStageEntry(BillStage.SUBMITTED, date(2025, 10, 27)), by_hand
    )
    with caplog.at_level(logging.WARNING, logger="sotong.assembly"):
        await _run_job(sotong)
    bill = await sotong.repositories.bills.get(bill_id)
    review = next(e for e in bill.stages if e.stage is BillStage.COMMITTEE_REVIEW)
    assert review.on_date == date(2026, 11, 19)
    assert "the administrator's entry stays" in caplog.text
    (audit,) = [
        e for e in await sotong.services.audit.latest(20) if e.action == "bill.assembly_sync"
    ]
    assert audit.details["kept_by_hand"] == [
        {
            "stage": "committee_review",
            "by_hand": "2026-11-19",
            "assembly": "2026-11-20",
            "assembly_note": "수정가결",
        }
    ]


async def test_pages_are_read_until_the_total(assembly_api: FakeAssemblyApi) -> None:
    assembly_api.rows["nzmimeepazxkubdpn"] = [
        _listing(f"22000{n:02d}", f"PRC_{n}") for n in range(5)
    ]
    async with aiohttp.ClientSession() as session:
        client = AssemblyClient(session, assembly_api.url, KEY, page_size=2)
        rows = await client.rows("nzmimeepazxkubdpn", AGE=22)
    assert [row["BILL_NO"] for row in rows] == [f"22000{n:02d}" for n in range(5)]
    assert [(query["pIndex"], query["pSize"]) for _, query in assembly_api.requests] == [
        ("1", "2"),
        ("2", "2"),
        ("3", "2"),
    ]
    assert all(
        query["KEY"] == KEY and query["Type"] == "json" for _, query in assembly_api.requests
    )


CODES = [
    ("INFO-200", None),
    ("INFO-100", AssemblyErrorKind.BAD_KEY),
    ("INFO-300", AssemblyErrorKind.BAD_KEY),
    ("ERROR-290", AssemblyErrorKind.BAD_KEY),
    ("ERROR-337", AssemblyErrorKind.QUOTA),
    ("ERROR-300", AssemblyErrorKind.BAD_REQUEST),
    ("ERROR-310", AssemblyErrorKind.BAD_REQUEST),
    ("ERROR-333", AssemblyErrorKind.BAD_REQUEST),
    ("ERROR-336", AssemblyErrorKind.BAD_REQUEST),
    ("ERROR-500", AssemblyErrorKind.SERVER),
    ("ERROR-600", AssemblyErrorKind.SERVER),
    ("ERROR-601", AssemblyErrorKind.SERVER),
]


@pytest.mark.parametrize(("code", "kind"), CODES)
async def test_each_result_code_is_handled_and_logged(
    sotong: BotHarness,
    assembly_api: FakeAssemblyApi,
    caplog: pytest.LogCaptureFixture,
    code: str,
    kind: AssemblyErrorKind | None,
) -> None:
    first = await _track(sotong, NUMBER)
    second = await _track(sotong, OTHER)
    service = BillSyncService(
        BillRepository(sotong.wiring.database),
        BillSyncRepository(sotong.wiring.database),
        sotong.clock,
        base_url=assembly_api.url,
        key=KEY,
    )
    assembly_api.fail_with(code)
    with caplog.at_level(logging.INFO, logger="sotong.assembly"):
        report = await service.run()
    assert code in caplog.text or kind is None
    assert KEY not in caplog.text
    synced = {
        bill_id: len((await sotong.repositories.bills.get(bill_id)).stages)
        for bill_id in (first, second)
    }
    # Bills are synced most recently moved first: the second bill meets the failure.
    if kind is None:
        assert report.not_found == [OTHER] and report.stopped_by is None
        assert synced == {first: 3, second: 1}
    elif kind.stops_the_run:
        assert report.stopped_by == code
        assert synced == {first: 1, second: 1}
        assert len(assembly_api.requests) == 1
    else:
        assert report.failed == [OTHER] and report.stopped_by is None
        assert synced == {first: 3, second: 1}


async def test_a_wrong_key_stops_the_run(sotong: BotHarness, assembly_api: FakeAssemblyApi) -> None:
    await _track(sotong, NUMBER)
    service = BillSyncService(
        BillRepository(sotong.wiring.database),
        BillSyncRepository(sotong.wiring.database),
        sotong.clock,
        base_url=assembly_api.url,
        key="not-the-key",
    )
    report = await service.run()
    assert report.stopped_by == "ERROR-290"


async def test_without_a_key_nothing_changes(emulator: BotApiEmulator, tmp_path: Path) -> None:
    settings = load_settings(
        bot_token=TEST_TOKEN,
        bot_api_base_url=emulator.base_url,
        database_path=tmp_path / "plain.db",
        _env_file=None,
    )
    async with running_bot(settings, clock=FrozenClock(START), poll_timeout=1) as application:
        assert application.bot_data["services"].assembly is None
        assert application.job_queue is not None
        assert application.job_queue.get_jobs_by_name(ASSEMBLY_JOB) == ()
