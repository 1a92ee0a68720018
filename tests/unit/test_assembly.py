"""Reading the National Assembly API's answers: codes, shape, and stages from dates."""

from __future__ import annotations

from datetime import date

import pytest

from domain.assembly import (
    LOOKUP_ORDER,
    RESULT_STAGES,
    AssemblyApiError,
    AssemblyErrorKind,
    AssemblyRecord,
    KnownStage,
    assembly_age,
    needs_detail,
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


def test_each_service_is_asked_for_the_number_with_the_term_it_wants() -> None:
    assert [(s.name, s.filters("2114372")) for s in LOOKUP_ORDER] == [
        ("ALLBILLV2", {"BILL_NO": "2114372", "ERACO": "제21대"}),
        ("ALLBILL", {"BILL_NO": "2114372"}),
        ("TVBPMBILL11", {"BILL_NO": "2114372", "AGE": 21}),
        ("nzmimeepazxkubdpn", {"BILL_NO": "2114372", "AGE": 21}),
    ]
    assert [s.filters("의안") for s in LOOKUP_ORDER] == [None, {"BILL_NO": "의안"}, None, None]


def test_a_single_row_may_come_as_an_object_and_a_page_as_a_head_alone() -> None:
    head = [{"list_total_count": 1}, {"RESULT": {"CODE": "INFO-000", "MESSAGE": "…"}}]
    single = parse_page("ALLBILL", {"ALLBILL": [{"head": head}, {"row": {"BILL_NO": "1"}}]})
    assert single.rows == ({"BILL_NO": "1"},)
    bare = parse_page("ALLBILL", {"ALLBILL": [{"head": head}]})
    assert bare.total == 1 and bare.rows == ()


def _stages(*records: AssemblyRecord) -> list[tuple[BillStage, date, str | None, str]]:
    return [(r.stage, r.entry.on_date, r.entry.note.ko, r.source) for r in read_stages(records)]


PROMULGATED_ROW = {
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
PROMULGATED_STAGES = [
    (BillStage.SUBMITTED, date(2025, 1, 1), None),
    (BillStage.REFERRED, date(2025, 1, 2), "산자위"),
    (BillStage.COMMITTEE_REVIEW, date(2025, 2, 1), "수정가결"),
    (BillStage.JUDICIARY_REVIEW, date(2025, 3, 1), "원안가결"),
    (BillStage.PLENARY_PASSED, date(2025, 4, 1), "수정가결"),
    (BillStage.SENT_TO_GOVERNMENT, date(2025, 4, 10), None),
    (BillStage.PROMULGATED, date(2025, 5, 1), "제12345호"),
]


def test_a_promulgated_bill_has_every_stage_with_its_results() -> None:
    assert _stages(AssemblyRecord("ALLBILL", PROMULGATED_ROW)) == [
        (*stage, "ALLBILL") for stage in PROMULGATED_STAGES
    ]


def test_an_allbillv2_row_gives_every_stage_but_the_government_transfer() -> None:
    row = {
        **{name: value for name, value in PROMULGATED_ROW.items() if name != "GVRN_TRSF_DT"},
        "ERACO": "제22대",
        "PPSR_KND": "정부",
        "PROC_STAGE_CD": "공포",
        "PASSGUBN": "처리의안",
    }
    assert _stages(AssemblyRecord("ALLBILLV2", row)) == [
        (*stage, "ALLBILLV2")
        for stage in PROMULGATED_STAGES
        if stage[0] is not BillStage.SENT_TO_GOVERNMENT
    ]
    detail = {"RGS_RSLN_DT": "2025-04-02", "GVRN_TRSF_DT": "2025-04-10"}
    both = _stages(AssemblyRecord("ALLBILLV2", row), AssemblyRecord("BILLINFODETAIL", detail))
    assert both[4:6] == [
        (BillStage.PLENARY_PASSED, date(2025, 4, 1), "수정가결", "ALLBILLV2"),
        (BillStage.SENT_TO_GOVERNMENT, date(2025, 4, 10), None, "BILLINFODETAIL"),
    ]


@pytest.mark.parametrize(
    ("row", "wanted"),
    [
        ({"BILL_ID": "P", "PROC_RESULT": None, "COMMITTEE_DT": "2025-01-02"}, True),
        ({"RGS_CONF_RSLT": "수정가결", "PROM_DT": None}, True),
        ({"RGS_CONF_RSLT": " 원안가결 ", "PROM_DT": "2025-05-01"}, True),
        ({"RGS_CONF_RSLT": None, "PROM_DT": None}, False),
        ({"RGS_CONF_RSLT": "부결", "PROM_DT": None}, False),
        ({"RGS_CONF_RSLT": "수정가결", "GVRN_TRSF_DT": None}, False),
    ],
)
def test_the_detail_is_asked_only_for_what_the_row_cannot_carry(
    row: dict[str, str | None], wanted: bool
) -> None:
    assert needs_detail(row) is wanted


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


@pytest.mark.parametrize(
    ("stage_code", "ending", "day"),
    [
        ("철회", BillStage.WITHDRAWN, date(2025, 1, 2)),
        ("폐기", BillStage.DISCARDED, date(2025, 1, 2)),
        ("대안반영폐기", BillStage.MERGED, date(2025, 1, 2)),
        ("임기만료폐기", BillStage.EXPIRED, date(2025, 1, 2)),
        ("소관위심사", None, None),
        ("공포", None, None),
    ],
)
def test_the_stage_code_ends_a_bill_whose_results_are_empty(
    stage_code: str, ending: BillStage | None, day: date | None
) -> None:
    row = {
        "PPSL_DT": "2025-01-01",
        "JRCMIT_CMMT_DT": "2025-01-02",
        "JRCMIT_PROC_RSLT": None,
        "RGS_CONF_RSLT": None,
        "PROM_DT": None,
        "PROC_STAGE_CD": stage_code,
    }
    last = read_stages([AssemblyRecord("ALLBILLV2", row)])[-1]
    if ending is None:
        assert last.stage is BillStage.REFERRED
    else:
        # No decision day: it ended no earlier than the last day the row records.
        assert (last.stage, last.entry.on_date, last.entry.note.ko) == (ending, day, stage_code)
    assert unread_results([AssemblyRecord("ALLBILLV2", row)]) == []


def test_a_result_field_is_believed_before_the_stage_code() -> None:
    row = {
        "PPSL_DT": "2025-01-01",
        "RGS_RSLN_DT": "2025-04-01",
        "RGS_CONF_RSLT": "부결",
        "PROC_STAGE_CD": "폐기",
    }
    stages = read_stages([AssemblyRecord("ALLBILLV2", row)])
    assert [(s.stage, s.entry.on_date) for s in stages] == [
        (BillStage.SUBMITTED, date(2025, 1, 1)),
        (BillStage.REJECTED, date(2025, 4, 1)),
    ]


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
