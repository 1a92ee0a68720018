"""Reading the National Assembly API's answers: codes, shape, and stages from dates."""

from __future__ import annotations

from datetime import date

import pytest

from domain.assembly import (
    AssemblyApiError,
    AssemblyErrorKind,
    assembly_age,
    parse_page,
    stages_from_records,
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


def test_a_promulgated_bill_has_every_stage_with_its_results() -> None:
    stages = stages_from_records(
        {"PROPOSE_DT": "2025-01-01", "PROC_RESULT": "수정가결"},
        {
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
        },
    )
    assert [(s.stage, s.on_date, s.note.ko) for s in stages] == [
        (BillStage.SUBMITTED, date(2025, 1, 1), None),
        (BillStage.REFERRED, date(2025, 1, 2), "산자위"),
        (BillStage.COMMITTEE_REVIEW, date(2025, 2, 1), "수정가결"),
        (BillStage.JUDICIARY_REVIEW, date(2025, 3, 1), "원안가결"),
        (BillStage.PLENARY_PASSED, date(2025, 4, 1), "수정가결"),
        (BillStage.SENT_TO_GOVERNMENT, date(2025, 4, 10), None),
        (BillStage.PROMULGATED, date(2025, 5, 1), "제12345호"),
    ]


def test_a_rejected_vote_is_not_passed_and_a_merged_bill_ends_merged() -> None:
    rejected = stages_from_records(
        {"PROPOSE_DT": "2025-01-01"}, {"RGS_RSLN_DT": "2025-04-01", "RGS_CONF_RSLT": "부결"}
    )
    assert [s.stage for s in rejected] == [BillStage.SUBMITTED]
    merged = stages_from_records(
        {"PROPOSE_DT": "2025-01-01", "PROC_RESULT": "대안반영폐기", "PROC_DT": "2025-06-01"},
        {"JRCMIT_PROC_DT": "2025-05-20", "JRCMIT_PROC_RSLT": "대안반영폐기"},
    )
    assert merged[-1].stage is BillStage.MERGED and merged[-1].on_date == date(2025, 6, 1)
