"""Reading the National Assembly API's answers: codes, shape, and stages from dates."""

from __future__ import annotations

from datetime import date

import pytest

from domain.assembly import (
    RESULT_STAGES,
    AssemblyApiError,
    AssemblyErrorKind,
    AssemblyRecord,
    KnownStage,
    assembly_age,
    parse_page,
    plan_sync,
    read_stages,
    unread_results,
)
from domain.bills import BillStage


def _answer(code: str, rows: list[dict[str, str]], total: int) -> dict[str, object]:
    head = [{"list_total_count": total}, {"RESULT": {"CODE": code, "MESSAGE": "…"}}]
    return {"BILLINFODETAIL": [{"head": head}, {"row": rows}]}


def test_a_normal_answer_gives_rows_and_the_total() -> None:
    page = parse_page("BILLINFODETAIL", _answer("INFO-000", [{"BILL_ID": "PRC_X"}], 7))
    assert page.total == 7 and page.rows == ({"BILL_ID": "PRC_X"},)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ({"RESULT": {"CODE": "INFO-200", "MESSAGE": "해당하는 데이터가 없습니다."}}, "no_data"),
        ({"RESULT": {"CODE": "ERROR-337", "MESSAGE": "일별 트래픽 제한"}}, "quota"),
        (_answer("ERROR-290", [], 0), "bad_key"),
        ({"RESULT": {"CODE": "ERROR-999", "MESSAGE": "?"}}, "server"),
        ({"something": "else"}, "server"),
    ],
)
def test_failures_are_classified(body: object, kind: str) -> None:
    with pytest.raises(AssemblyApiError) as caught:
        parse_page("BILLINFODETAIL", body)
    assert caught.value.kind is AssemblyErrorKind(kind)


def test_the_age_is_the_bill_numbers_first_two_digits() -> None:
    assert assembly_age("2214372") == 22
    assert assembly_age("175025") == 17
    assert assembly_age("제2214372호") is None


def test_a_single_row_may_come_as_an_object_and_a_page_as_a_head_alone() -> None:
    head = [{"list_total_count": 1}, {"RESULT": {"CODE": "INFO-000", "MESSAGE": "…"}}]
    single = parse_page("ALLBILL", {"ALLBILL": [{"head": head}, {"row": {"BILL_NO": "1"}}]})
    assert single.rows == ({"BILL_NO": "1"},)
    bare = parse_page("ALLBILL", {"ALLBILL": [{"head": head}]})
    assert bare.total == 1 and bare.rows == ()


def _stages(*records: AssemblyRecord) -> list[tuple[BillStage, date, str | None, str]]:
    return [(r.stage, r.entry.on_date, r.entry.note.ko, r.source) for r in read_stages(records)]


def test_a_promulgated_bill_has_every_stage_with_its_results() -> None:
    row = {
        "PPSL_DT": "2025-01-01",
        "JRCMIT_CMMT_DT": "2025-01-02",
        "JRCMIT_NM": "산자위",
        "JRCMIT_PRSNT_DT": "2025-01-20",
        "JRCMIT_PROC_DT": "2025-02-01",
        "JRCMIT_PROC_RSLT": "수정가결",
        "LAW_PROC_DT": "2025-03-01",
        "LAW_PROC_RSLT": "원안가결",
        "RGS_RSLN_DT": "2025-04-01",
        "RGS_CONF_RSLT": "수정가결",
        "GVRN_TRSF_DT": "2025-04-10",
        "PROM_DT": "2025-05-01",
        "PROM_NO": "12345",
    }
    assert _stages(AssemblyRecord("ALLBILL", row)) == [
        (BillStage.SUBMITTED, date(2025, 1, 1), None, "ALLBILL"),
        (BillStage.REFERRED, date(2025, 1, 2), "산자위", "ALLBILL"),
        (BillStage.COMMITTEE_REVIEW, date(2025, 2, 1), "수정가결", "ALLBILL"),
        (BillStage.JUDICIARY_REVIEW, date(2025, 3, 1), "원안가결", "ALLBILL"),
        (BillStage.PLENARY_PASSED, date(2025, 4, 1), "수정가결", "ALLBILL"),
        (BillStage.SENT_TO_GOVERNMENT, date(2025, 4, 10), None, "ALLBILL"),
        (BillStage.PROMULGATED, date(2025, 5, 1), "제12345호", "ALLBILL"),
    ]


def test_the_list_rows_stage_dates_stand_when_the_detail_has_none() -> None:
    listing = {
        "PROPOSE_DT": "2025-10-27",
        "COMMITTEE": "산자위",
        "COMMITTEE_DT": "2025-10-28",
        "CMT_PRESENT_DT": "2026-11-18",
        "CMT_PROC_DT": None,
        "LAW_SUBMIT_DT": "2026-11-25",
        "LAW_PRESENT_DT": None,
        "LAW_PROC_DT": None,
    }
    assert _stages(AssemblyRecord("nzmimeepazxkubdpn", listing)) == [
        (BillStage.SUBMITTED, date(2025, 10, 27), None, "nzmimeepazxkubdpn"),
        (BillStage.REFERRED, date(2025, 10, 28), "산자위", "nzmimeepazxkubdpn"),
        (BillStage.COMMITTEE_REVIEW, date(2026, 11, 18), None, "nzmimeepazxkubdpn"),
        (BillStage.JUDICIARY_REVIEW, date(2026, 11, 25), None, "nzmimeepazxkubdpn"),
    ]
    decided = {**listing, "CMT_PROC_DT": "2026-11-20", "CMT_PROC_RESULT_CD": "수정가결"}
    detail = {"PPSL_DT": "2025-10-27", "JRCMIT_CMMT_DT": None, "LAW_PROC_DT": "2026-11-27"}
    stages = _stages(
        AssemblyRecord("BILLINFODETAIL", detail), AssemblyRecord("TVBPMBILL11", decided)
    )
    assert stages[1:] == [
        (BillStage.REFERRED, date(2025, 10, 28), "산자위", "TVBPMBILL11"),
        (BillStage.COMMITTEE_REVIEW, date(2026, 11, 20), "수정가결", "TVBPMBILL11"),
        (BillStage.JUDICIARY_REVIEW, date(2026, 11, 27), None, "BILLINFODETAIL"),
    ]


@pytest.mark.parametrize(
    ("result", "stage"),
    [
        ("원안가결", BillStage.PLENARY_PASSED),
        ("수정가결", BillStage.PLENARY_PASSED),
        ("부결", BillStage.REJECTED),
        ("폐기", BillStage.DISCARDED),
        ("대안반영폐기", BillStage.MERGED),
        ("수정안반영폐기", BillStage.MERGED),
        ("임기만료폐기", BillStage.EXPIRED),
        ("철회", BillStage.WITHDRAWN),
    ],
)
@pytest.mark.parametrize("field", ["PROC_RESULT", "PROC_RESULT_CD", "RGS_CONF_RSLT"])
def test_each_final_result_ends_or_advances_the_bill(
    result: str, stage: BillStage, field: str
) -> None:
    day = "RGS_RSLN_DT" if field == "RGS_CONF_RSLT" else "PROC_DT"
    row = {"PROPOSE_DT": "2025-01-01", field: result, day: "2025-06-01"}
    last = read_stages([AssemblyRecord("X", row)])[-1]
    assert (last.stage, last.entry.on_date, last.entry.note.ko) == (stage, date(2025, 6, 1), result)
    assert last.stage.is_final is (stage is not BillStage.PLENARY_PASSED)
    assert RESULT_STAGES[result] is stage


def test_a_committee_passing_a_bill_does_not_pass_the_plenary() -> None:
    row = {
        "PROPOSE_DT": "2025-01-01",
        "CMT_PROC_DT": "2025-02-01",
        "CMT_PROC_RESULT_CD": "원안가결",
    }
    assert [s.stage for s in read_stages([AssemblyRecord("X", row)])] == [
        BillStage.SUBMITTED,
        BillStage.COMMITTEE_REVIEW,
    ]
    merged = {**row, "CMT_PROC_RESULT_CD": "대안반영폐기"}
    assert read_stages([AssemblyRecord("X", merged)])[-1].stage is BillStage.MERGED


def test_a_withdrawal_without_a_day_ends_on_the_last_decision_and_unknown_words_are_named() -> None:
    row = {"PROPOSE_DT": "2025-01-01", "PROC_RESULT": "철회", "PROC_DT": None}
    detail = {"JRCMIT_PROC_DT": "2025-03-01"}
    records = [AssemblyRecord("D", detail), AssemblyRecord("L", row)]
    assert read_stages(records)[-1].entry.on_date == date(2025, 3, 1)
    odd = [AssemblyRecord("L", {"PROC_RESULT": "회송", "PROC_DT": "2025-03-01"})]
    assert [s.stage for s in read_stages(odd)] == [] and unread_results(odd) == ["회송"]


def test_the_plan_adds_corrects_and_never_overwrites_an_administrator() -> None:
    readings = read_stages(
        [
            AssemblyRecord(
                "ALLBILL",
                {
                    "PPSL_DT": "2025-01-01",
                    "JRCMIT_CMMT_DT": "2025-01-02",
                    "JRCMIT_PROC_DT": "2025-02-01",
                    "LAW_PRSNT_DT": "2025-03-01",
                },
            )
        ]
    )
    plan = plan_sync(
        {
            BillStage.SUBMITTED: KnownStage(date(2025, 1, 1), None, by_assembly=False),
            BillStage.REFERRED: KnownStage(date(2025, 1, 3), None, by_assembly=True),
            BillStage.COMMITTEE_REVIEW: KnownStage(date(2025, 1, 30), None, by_assembly=False),
        },
        readings,
    )
    assert [r.stage for r in plan.unchanged] == [BillStage.SUBMITTED]
    assert [r.stage for r in plan.corrected] == [BillStage.REFERRED]
    assert [c.stage for c in plan.conflicts] == [BillStage.COMMITTEE_REVIEW]
    assert [r.stage for r in plan.added] == [BillStage.JUDICIARY_REVIEW]
