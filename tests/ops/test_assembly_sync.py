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
from tests.admin.support import onboard as onboard_admin
from tests.delivery.support import containing, kst, onboard, tick_at
from tests.fixtures.app import ADMIN_ID, START, TEST_TOKEN, BotHarness
from tests.fixtures.assembly_api import (
    SAMPLE_COMMITTEE,
    FakeAssemblyApi,
    allbill_row,
    allbillv2_row,
    detail_row,
    law_bill_row,
    running_fake,
    sample_detail,
    sample_member_bill,
)

KEY = "fake0assembly0key0for0tests"
NUMBER = "2214372"
OTHER = "2209001"
COMMITTEE = SAMPLE_COMMITTEE


@pytest.fixture
async def assembly_api() -> AsyncIterator[FakeAssemblyApi]:
    async with running_fake(KEY) as fake:
        for number, bill_id in ((NUMBER, "PRC_A1"), (OTHER, "PRC_B2")):
            fake.rows["nzmimeepazxkubdpn"].append(sample_member_bill(number, bill_id))
            fake.rows["BILLINFODETAIL"].append(sample_detail(bill_id, number))
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
    await user.tap("⭐ 관심 법안에 추가")
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
        sample_member_bill(f"22000{n:02d}", f"PRC_{n}") for n in range(5)
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
    assembly_api.fail_with(code, service="nzmimeepazxkubdpn")
    with caplog.at_level(logging.INFO, logger="sotong.assembly"):
        report = await service.run()
    assert code in caplog.text or kind is None
    assert KEY not in caplog.text
    synced = {
        bill_id: len((await sotong.repositories.bills.get(bill_id)).stages)
        for bill_id in (first, second)
    }
    # Bills are synced most recently moved first: the second bill meets the failure, from the
    # only service that lists it, after ALLBILLV2, ALLBILL and TVBPMBILL11 answered INFO-200.
    if kind is None:
        assert report.not_found == [OTHER] and report.stopped_by is None
        assert synced == {first: 3, second: 1}
    elif kind.stops_the_run:
        assert report.stopped_by == code
        assert synced == {first: 1, second: 1}
        assert [service for service, _ in assembly_api.requests] == [
            "ALLBILLV2",
            "ALLBILL",
            "TVBPMBILL11",
            "nzmimeepazxkubdpn",
        ]
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


GOVERNMENT = "2212345"
ALTERNATIVE = "2214901"


GOVERNMENT_ID = "PRC_G1O2V3E4R5N6M7E8N9T0B1I2L3L4X5"
PROMULGATED = {"PROM_LAW_NM": "중소기업기본법", "PROM_DT": "2025-12-23", "PROM_NO": "21201"}


def _government_stages() -> dict[str, Any]:
    """A government bill's stages as ALLBILLV2 and ALLBILL both name them: passed the plenary."""
    return {
        "ERACO": "제22대",
        "BILL_ID": GOVERNMENT_ID,
        "BILL_NO": GOVERNMENT,
        "BILL_KND": "법률안",
        "BILL_NM": "중소기업기본법 일부개정법률안",
        "PPSR_KND": "정부",
        "PPSR_NM": "정부",
        "PPSL_SESS": "제429회",
        "PPSL_DT": "2025-09-02",
        "JRCMIT_NM": COMMITTEE,
        "JRCMIT_CMMT_DT": "2025-09-03",
        "JRCMIT_PRSNT_DT": "2025-11-12",
        "JRCMIT_PROC_DT": "2025-11-20",
        "JRCMIT_PROC_RSLT": "수정가결",
        "LAW_CMMT_DT": "2025-11-21",
        "LAW_PRSNT_DT": "2025-11-26",
        "LAW_PROC_DT": "2025-11-27",
        "LAW_PROC_RSLT": "수정가결",
        "RGS_PRSNT_DT": "2025-12-02",
        "RGS_RSLN_DT": "2025-12-02",
        "RGS_CONF_RSLT": "수정가결",
        "LINK_URL": f"https://likms.assembly.go.kr/bill/billDetail.do?billId={GOVERNMENT_ID}",
    }


def _government_bill() -> dict[str, Any]:
    """The government bill as ALLBILLV2 answers it once promulgated: no government transfer day."""
    return allbillv2_row(
        **_government_stages(), **PROMULGATED, PROC_STAGE_CD="공포", PASSGUBN="처리의안"
    )


def _government_detail() -> dict[str, Any]:
    """Its BILLINFODETAIL row, the only one of the two with the government transfer day."""
    return detail_row(
        BILL_ID=GOVERNMENT_ID,
        BILL_NO=GOVERNMENT,
        PPSR_KIND="정부",
        PPSR="정부",
        PPSL_DT="2025-09-02",
        RGS_RSLN_DT="2025-12-02",
        RGS_CONF_RSLT="수정가결",
        GVRN_TRSF_DT="2025-12-05",
        **PROMULGATED,
    )


def _alternative() -> dict[str, Any]:
    """A committee alternative (대안) from ALLBILLV2: proposed by the chair, no referral."""
    return allbillv2_row(
        ERACO="제22대",
        BILL_ID="PRC_A2F5S1E1X2W0K1A5G3R9P2I5M7K0W6",
        BILL_NO=ALTERNATIVE,
        BILL_KND="법률안",
        BILL_NM="벤처투자 촉진에 관한 법률 일부개정법률안(대안)",
        PPSR_KND="위원장",
        PPSR_NM="산업통상자원중소벤처기업위원장",
        PPSL_DT="2025-11-21",
        LAW_CMMT_DT="2025-11-21",
        LAW_PROC_DT="2025-11-27",
        LAW_PROC_RSLT="수정가결",
        RGS_RSLN_DT="2025-12-02",
        RGS_CONF_RSLT="원안가결",
        PROC_STAGE_CD="정부이송",
        PASSGUBN="처리의안",
    )


def _history(bill: Any) -> list[tuple[BillStage, date, str | None]]:
    return [(entry.stage, entry.on_date, entry.note.ko) for entry in bill.stages]


async def _audits(sotong: BotHarness) -> list[Any]:
    return [e for e in await sotong.services.audit.latest(50) if e.action == "bill.assembly_sync"]


async def test_a_government_bill_and_a_committee_alternative_are_read_from_allbillv2(
    sotong: BotHarness, assembly_api: FakeAssemblyApi
) -> None:
    assembly_api.rows["ALLBILLV2"] += [_government_bill(), _alternative()]
    assembly_api.rows["BILLINFODETAIL"].append(_government_detail())
    government = await _track(
        sotong, GOVERNMENT, BillStageEntry(BillStage.SUBMITTED, date(2025, 9, 2))
    )
    alternative = await _track(
        sotong, ALTERNATIVE, BillStageEntry(BillStage.SUBMITTED, date(2025, 11, 21))
    )
    await _run_job(sotong)

    assert _history(await sotong.repositories.bills.get(government)) == [
        (BillStage.SUBMITTED, date(2025, 9, 2), None),
        (BillStage.REFERRED, date(2025, 9, 3), COMMITTEE),
        (BillStage.COMMITTEE_REVIEW, date(2025, 11, 20), "수정가결"),
        (BillStage.JUDICIARY_REVIEW, date(2025, 11, 27), "수정가결"),
        (BillStage.PLENARY_PASSED, date(2025, 12, 2), "수정가결"),
        (BillStage.SENT_TO_GOVERNMENT, date(2025, 12, 5), None),
        (BillStage.PROMULGATED, date(2025, 12, 23), "제21201호"),
    ]
    assert _history(await sotong.repositories.bills.get(alternative)) == [
        (BillStage.SUBMITTED, date(2025, 11, 21), None),
        (BillStage.JUDICIARY_REVIEW, date(2025, 11, 27), "수정가결"),
        (BillStage.PLENARY_PASSED, date(2025, 12, 2), "원안가결"),
    ]
    by_bill = {int(entry.target_ids[0]): entry.details for entry in await _audits(sotong)}
    assert by_bill[government]["sources"] == {
        "referred": "ALLBILLV2",
        "committee_review": "ALLBILLV2",
        "judiciary_review": "ALLBILLV2",
        "plenary_passed": "ALLBILLV2",
        "sent_to_government": "BILLINFODETAIL",
        "promulgated": "ALLBILLV2",
    }
    assert by_bill[alternative]["sources"] == {
        "judiciary_review": "ALLBILLV2",
        "plenary_passed": "ALLBILLV2",
    }
    admin = sotong.admin()
    await onboard_admin(admin, "en")
    await admin.send("/audit")
    shown = admin.reply().text or ""
    assert (
        "bill stages from the National Assembly · bill 법안 2214901: 2 stages added, 0 corrected"
        " · from ALLBILLV2: Legislation and Judiciary Committee review, Passed by the plenary"
    ) in shown
    asked = [(service, query) for service, query in assembly_api.requests]
    for number in (GOVERNMENT, ALTERNATIVE):
        assert ("ALLBILLV2", number, "제22대") in {
            (service, query.get("BILL_NO"), query.get("ERACO")) for service, query in asked
        }
    # Both were found in ALLBILLV2; only the passed bills' government transfer day is asked of
    # BILLINFODETAIL, and no other list service is asked at all.
    assert {service for service, _ in asked} == {"ALLBILLV2", "BILLINFODETAIL"}


async def test_a_promulgation_is_read_from_prom_dt_and_told_to_followers(
    sotong: BotHarness, assembly_api: FakeAssemblyApi
) -> None:
    sent = allbillv2_row(**_government_stages(), PROC_STAGE_CD="정부이송", PASSGUBN="처리의안")
    assembly_api.rows["ALLBILLV2"].append(sent)
    assembly_api.rows["BILLINFODETAIL"].append(_government_detail() | dict.fromkeys(PROMULGATED))
    bill_id = await _track(
        sotong, GOVERNMENT, BillStageEntry(BillStage.SUBMITTED, date(2025, 9, 2))
    )
    users = [await onboard(sotong, "민수"), await onboard(sotong, "Jane", "en")]
    for user, follow in zip(users, ("⭐ 관심 법안에 추가", "⭐ Follow this bill"), strict=True):
        await user.send("/bills")
        await user.tap(f"⚖️ 법안 {GOVERNMENT}")
        await user.tap(follow)
    await _run_job(sotong)
    bill = await sotong.repositories.bills.get(bill_id)
    assert bill.current_stage is not None
    assert bill.current_stage.stage is BillStage.SENT_TO_GOVERNMENT

    sent.update(PROMULGATED, PROC_STAGE_CD="공포")
    await tick_at(sotong, kst(2026, 11, 22, 9, 0))
    await _run_job(sotong)
    bill = await sotong.repositories.bills.get(bill_id)
    assert bill.current_stage is not None
    assert (bill.current_stage.stage, bill.current_stage.on_date) == (
        BillStage.PROMULGATED,
        date(2025, 12, 23),
    )
    assert bill.current_stage.note.ko == "제21201호"
    (audit, *_) = await _audits(sotong)
    assert audit.details["sources"] == {"promulgated": "ALLBILLV2"}
    await _run_job(sotong)  # nothing new: nothing written, nobody told twice
    assert len(await _audits(sotong)) == 2
    await tick_at(sotong, kst(2026, 11, 22, 9, 1))
    for user, stage in zip(users, ("공포 · ", "Promulgated ("), strict=True):
        # The privacy notice names promulgation too, so look for the bill's own news.
        (notice,) = containing(user, f"{GOVERNMENT}\n{stage}")
        assert f"{GOVERNMENT}\n{stage}" in (notice.text or "")


async def _sync_government(sotong: BotHarness, caplog: pytest.LogCaptureFixture) -> int:
    """Track the government bill as submitted, run the sync and keep its warnings."""
    government = await _track(
        sotong, GOVERNMENT, BillStageEntry(BillStage.SUBMITTED, date(2025, 9, 2))
    )
    with caplog.at_level(logging.WARNING, logger="sotong.assembly"):
        await _run_job(sotong)
    return government


async def test_without_allbillv2_allbill_answers_with_every_stage_in_one_row(
    sotong: BotHarness, assembly_api: FakeAssemblyApi, caplog: pytest.LogCaptureFixture
) -> None:
    assembly_api.retired.add("ALLBILLV2")
    assembly_api.rows["ALLBILL"].append(
        allbill_row(
            **_government_stages(),
            **PROMULGATED,
            RGS_CONF_NM="제430회 국회(정기회) 제15차 본회의",
            GVRN_TRSF_DT="2025-12-05",
        )
    )
    government = await _sync_government(sotong, caplog)
    assert "ALLBILLV2 answered ERROR-310" in caplog.text
    assert [stage for stage, _, _ in _history(await sotong.repositories.bills.get(government))][
        -2:
    ] == [BillStage.SENT_TO_GOVERNMENT, BillStage.PROMULGATED]
    (audit,) = await _audits(sotong)
    assert set(audit.details["sources"].values()) == {"ALLBILL"}
    assert [service for service, _ in assembly_api.requests] == ["ALLBILLV2", "ALLBILL"]


async def test_without_allbill_the_law_bill_search_and_the_detail_answer(
    sotong: BotHarness, assembly_api: FakeAssemblyApi, caplog: pytest.LogCaptureFixture
) -> None:
    assembly_api.fail_with("ERROR-310", service="ALLBILLV2")
    assembly_api.retired.add("ALLBILL")
    assembly_api.rows["TVBPMBILL11"].append(
        law_bill_row(
            BILL_ID="PRC_G1",
            BILL_NO=GOVERNMENT,
            AGE="22",
            BILL_NAME="중소기업기본법 일부개정법률안",
            PROPOSER="정부",
            PROPOSER_KIND="정부",
            PROPOSE_DT="2025-09-02",
            CURR_COMMITTEE_ID="9700481",
            CURR_COMMITTEE=COMMITTEE,
            COMMITTEE_DT="2025-09-03",
            CMT_PRESENT_DT="2025-11-12",
            CMT_PROC_DT="2025-11-20",
            CMT_PROC_RESULT_CD="수정가결",
            COMMITTEE_PROC_DT="2025-11-20",
            PROC_RESULT_CD="수정가결",
            PROC_DT="2025-12-02",
        )
    )
    assembly_api.rows["BILLINFODETAIL"].append(
        detail_row(
            BILL_ID="PRC_G1",
            BILL_NO=GOVERNMENT,
            PPSR_KIND="정부",
            PPSL_DT="2025-09-02",
            JRCMIT_NM=COMMITTEE,
            RGS_RSLN_DT="2025-12-02",
            RGS_CONF_RSLT="수정가결",
            GVRN_TRSF_DT="2025-12-05",
        )
    )
    government = await _sync_government(sotong, caplog)
    assert "ALLBILLV2 answered ERROR-310" in caplog.text
    assert "ALLBILL answered ERROR-310" in caplog.text
    assert [stage for stage, _, _ in _history(await sotong.repositories.bills.get(government))] == [
        BillStage.SUBMITTED,
        BillStage.REFERRED,
        BillStage.COMMITTEE_REVIEW,
        BillStage.PLENARY_PASSED,
        BillStage.SENT_TO_GOVERNMENT,
    ]
    (audit,) = [e for e in await _audits(sotong) if e.target_ids == (str(government),)]
    assert audit.details["sources"] == {
        "referred": "TVBPMBILL11",
        "committee_review": "TVBPMBILL11",
        "plenary_passed": "BILLINFODETAIL",
        "sent_to_government": "BILLINFODETAIL",
    }
    admin = sotong.admin()
    await onboard_admin(admin)
    await admin.send("/audit")
    shown = admin.reply().text or ""
    assert (
        "국회 자료로 법안 단계 기록 · 법안 법안 2212345: 새 단계 4개, 고친 단계 0개"
        " · 출처 TVBPMBILL11: 소관위 회부, 소관위 심사; BILLINFODETAIL: 본회의 의결, 정부 이송"
    ) in shown


async def test_the_list_rows_dates_keep_the_referral_when_the_detail_has_no_data(
    sotong: BotHarness, assembly_api: FakeAssemblyApi
) -> None:
    assembly_api.rows["BILLINFODETAIL"] = []  # INFO-200 for every BILL_ID
    listed = assembly_api.rows["nzmimeepazxkubdpn"][0]
    listed.update(CMT_PRESENT_DT="2026-11-18", LAW_SUBMIT_DT=None, LAW_PROC_RESULT_CD=None)
    bill_id = await _track(sotong, NUMBER)
    await _run_job(sotong)
    assert _history(await sotong.repositories.bills.get(bill_id)) == [
        (BillStage.SUBMITTED, date(2025, 10, 27), None),
        (BillStage.REFERRED, date(2025, 10, 28), COMMITTEE),
        (BillStage.COMMITTEE_REVIEW, date(2026, 11, 18), None),
    ]
    (audit,) = await _audits(sotong)
    assert audit.details["sources"] == {
        "referred": "nzmimeepazxkubdpn",
        "committee_review": "nzmimeepazxkubdpn",
    }


ENDINGS = [
    ("부결", BillStage.REJECTED),
    ("폐기", BillStage.DISCARDED),
    ("철회", BillStage.WITHDRAWN),
    ("대안반영폐기", BillStage.MERGED),
    ("임기만료폐기", BillStage.EXPIRED),
    ("수정가결", BillStage.PLENARY_PASSED),
    ("원안가결", BillStage.PLENARY_PASSED),
]


@pytest.mark.parametrize(("result", "stage"), ENDINGS)
async def test_each_result_ends_or_advances_the_bill_once(
    sotong: BotHarness, assembly_api: FakeAssemblyApi, result: str, stage: BillStage
) -> None:
    assembly_api.rows["BILLINFODETAIL"] = []
    assembly_api.rows["nzmimeepazxkubdpn"][0].update(PROC_RESULT=result, PROC_DT="2026-12-01")
    bill_id = await _track(sotong, NUMBER)
    await _run_job(sotong)
    bill = await sotong.repositories.bills.get(bill_id)
    assert bill.current_stage is not None
    assert (bill.current_stage.stage, bill.current_stage.note.ko) == (stage, result)
    assert bill.is_current is (stage is BillStage.PLENARY_PASSED)
    asked = len(assembly_api.requests)
    await _run_job(sotong)
    # An ended bill is left alone from now on; a passed one is still followed to promulgation.
    assert (len(assembly_api.requests) > asked) is (stage is BillStage.PLENARY_PASSED)


async def test_a_lone_row_as_an_object_and_an_empty_page_with_a_head(
    assembly_api: FakeAssemblyApi,
) -> None:
    assembly_api.row_as_object = True
    assembly_api.head_without_rows = True
    async with aiohttp.ClientSession() as session:
        client = AssemblyClient(session, assembly_api.url, KEY, page_size=1)
        one = await client.rows("nzmimeepazxkubdpn", AGE=22, BILL_NO=NUMBER)
        assert [row["BILL_NO"] for row in one] == [NUMBER]
        both = await client.rows("nzmimeepazxkubdpn", AGE=22)
        assert [row["BILL_NO"] for row in both] == [NUMBER, OTHER]
        assembly_api.rows["nzmimeepazxkubdpn"].append(sample_member_bill("2200003", "PRC_C3"))
        assembly_api.requests.clear()
        client = AssemblyClient(session, assembly_api.url, KEY, page_size=2)
        assert len(await client.rows("nzmimeepazxkubdpn", AGE=22)) == 3
        assert len(assembly_api.requests) == 2
        # A page with a head and no row block ends the reading instead of looping.
        assembly_api.rows["nzmimeepazxkubdpn"] = assembly_api.rows["nzmimeepazxkubdpn"][:1]
        body = await (
            await session.get(
                f"{assembly_api.url}/nzmimeepazxkubdpn",
                params={"KEY": KEY, "Type": "json", "AGE": "22", "pIndex": "2", "pSize": "1"},
            )
        ).json()
        assert body == {
            "nzmimeepazxkubdpn": [
                {
                    "head": [
                        {"list_total_count": 1},
                        {"RESULT": {"CODE": "INFO-000", "MESSAGE": "정상 처리되었습니다."}},
                    ]
                }
            ]
        }


@pytest.mark.parametrize(
    ("service", "required"),
    [("ALLBILLV2", {"ERACO": "제22대"}), ("ALLBILL", {}), ("TVBPMBILL11", {"AGE": "22"})],
)
async def test_info_200_and_error_300_come_at_the_top_level(
    assembly_api: FakeAssemblyApi, service: str, required: dict[str, str]
) -> None:
    async with aiohttp.ClientSession() as session:
        nothing = await (
            await session.get(
                f"{assembly_api.url}/{service}",
                params={"KEY": KEY, "Type": "json", "BILL_NO": "2299999", **required},
            )
        ).json()
        missing = await (
            await session.get(f"{assembly_api.url}/{service}", params={"KEY": KEY, "Type": "json"})
        ).json()
        client = AssemblyClient(session, assembly_api.url, KEY)
        assert await client.rows(service, BILL_NO="2299999", **required) == []
    assert nothing == {"RESULT": {"CODE": "INFO-200", "MESSAGE": "해당하는 데이터가 없습니다."}}
    assert missing == {
        "RESULT": {
            "CODE": "ERROR-300",
            "MESSAGE": "필수 값이 누락되어 있습니다. 요청인자를 참고 하십시오.",
        }
    }
