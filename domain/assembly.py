"""The National Assembly's open data (열린국회정보, open.assembly.go.kr) in domain terms.

Every service answers JSON shaped
`{"<service>": [{"head": [{"list_total_count": N}, {"RESULT": {"CODE": "INFO-000", ...}}]},
{"row": [...]}]}`, or, on failure, `{"RESULT": {"CODE": ..., "MESSAGE": ...}}`; pages are asked
for with `pIndex` (from 1) and `pSize` (at most 1000).

Two services are read:
- `nzmimeepazxkubdpn` (국회의원 발의법률안, bills by proposer and Assembly age): `AGE` is
  required, `BILL_NO` narrows to one bill; rows carry `BILL_ID`, `BILL_NO`, `BILL_NAME`,
  `COMMITTEE`, `PROPOSE_DT`, `PROC_RESULT` (final result) and `PROC_DT`.
- `BILLINFODETAIL` (의안 상세정보) by `BILL_ID`: the processing dates and results per stage:
  `PPSL_DT`; committee `JRCMIT_NM`, `JRCMIT_CMMT_DT` (referred), `JRCMIT_PRSNT_DT`,
  `JRCMIT_PROC_DT`, `JRCMIT_PROC_RSLT`; judiciary review `LAW_PRSNT_DT`, `LAW_PROC_DT`,
  `LAW_PROC_RSLT`; plenary `RGS_RSLN_DT`, `RGS_CONF_RSLT`; `GVRN_TRSF_DT`; `PROM_DT`, `PROM_NO`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from domain.bills import BillStage, BillStageEntry
from domain.content import LocalizedText

__all__ = [
    "BILL_DETAIL_SERVICE",
    "BILL_LIST_SERVICE",
    "AssemblyApiError",
    "AssemblyErrorKind",
    "AssemblyPage",
    "assembly_age",
    "parse_page",
    "stages_from_records",
]

BILL_LIST_SERVICE = "nzmimeepazxkubdpn"
BILL_DETAIL_SERVICE = "BILLINFODETAIL"
OK_CODE = "INFO-000"
MAX_PAGE_SIZE = 1000


class AssemblyErrorKind(StrEnum):
    """What a result code means for the caller: skip one item, stop the run, or try later."""

    NO_DATA = "no_data"
    BAD_KEY = "bad_key"
    QUOTA = "quota"
    BAD_REQUEST = "bad_request"
    SERVER = "server"

    @property
    def stops_the_run(self) -> bool:
        """Whether every further request would fail the same way."""
        return self in (
            AssemblyErrorKind.BAD_KEY,
            AssemblyErrorKind.QUOTA,
            AssemblyErrorKind.SERVER,
        )


_KINDS = {
    "INFO-200": AssemblyErrorKind.NO_DATA,  # 해당하는 데이터가 없습니다
    "INFO-100": AssemblyErrorKind.BAD_KEY,  # 인증키가 유효하지 않습니다
    "INFO-300": AssemblyErrorKind.BAD_KEY,  # 관리자에 의해 인증키 사용이 제한되었습니다
    "ERROR-290": AssemblyErrorKind.BAD_KEY,  # 인증키가 유효하지 않습니다
    "ERROR-337": AssemblyErrorKind.QUOTA,  # 일별 트래픽 제한을 넘은 호출입니다
    "ERROR-300": AssemblyErrorKind.BAD_REQUEST,  # 필수 값이 누락되어 있습니다
    "ERROR-310": AssemblyErrorKind.BAD_REQUEST,  # 해당하는 서비스를 찾을 수 없습니다
    "ERROR-333": AssemblyErrorKind.BAD_REQUEST,  # 요청위치 값의 타입이 유효하지 않습니다
    "ERROR-336": AssemblyErrorKind.BAD_REQUEST,  # 데이터요청은 한번에 최대 1,000건
    "ERROR-500": AssemblyErrorKind.SERVER,  # 서버 오류입니다
    "ERROR-600": AssemblyErrorKind.SERVER,  # 데이터베이스 연결 오류입니다
    "ERROR-601": AssemblyErrorKind.SERVER,  # SQL 문장 오류입니다
}


class AssemblyApiError(Exception):
    """A result code other than INFO-000, or an answer that is not the documented shape."""

    def __init__(self, code: str, message: str, kind: AssemblyErrorKind) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.kind = kind

    @classmethod
    def from_code(cls, code: str, message: str) -> AssemblyApiError:
        """Classify a result code; unknown ones count as the server's fault."""
        return cls(code, message, _KINDS.get(code, AssemblyErrorKind.SERVER))


@dataclass(frozen=True, slots=True)
class AssemblyPage:
    """One page of rows and the total the service reports for the whole query."""

    total: int
    rows: tuple[Mapping[str, Any], ...]


def _result(block: Any) -> tuple[str, str] | None:
    if isinstance(block, Mapping) and isinstance(block.get("RESULT"), Mapping):
        result = block["RESULT"]
        return str(result.get("CODE", "")), str(result.get("MESSAGE", ""))
    return None


def parse_page(service: str, body: Any) -> AssemblyPage:
    """Read one answer of `service`.

    Raises:
        AssemblyApiError: for every code but INFO-000 (INFO-200 included: the caller decides
            whether "no data" is an error), and for an answer of another shape.

    """
    top = _result(body)
    if top is not None:
        raise AssemblyApiError.from_code(*top)
    blocks = body.get(service) if isinstance(body, Mapping) else None
    if not isinstance(blocks, list) or not blocks:
        raise AssemblyApiError(
            "shape", f"no {service} block in the answer", AssemblyErrorKind.SERVER
        )
    head = blocks[0].get("head") if isinstance(blocks[0], Mapping) else None
    total: int | None = None
    code: tuple[str, str] | None = None
    for item in head if isinstance(head, list) else []:
        if isinstance(item, Mapping) and "list_total_count" in item:
            total = int(item["list_total_count"])
        code = _result(item) or code
    if code is None or total is None:
        raise AssemblyApiError("shape", "the head has no result code", AssemblyErrorKind.SERVER)
    if code[0] != OK_CODE:
        raise AssemblyApiError.from_code(*code)
    rows: list[Mapping[str, Any]] = []
    for block in blocks[1:]:
        if isinstance(block, Mapping) and isinstance(block.get("row"), list):
            rows.extend(row for row in block["row"] if isinstance(row, Mapping))
    return AssemblyPage(total, tuple(rows))


_BILL_NUMBER = re.compile(r"^\d{6,7}$")


def assembly_age(bill_number: str) -> int | None:
    """The Assembly (대) a bill number belongs to: its first two digits (2214372 → 22nd)."""
    cleaned = bill_number.strip()
    return int(cleaned[:2]) if _BILL_NUMBER.match(cleaned) else None


def _day(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


_ENDINGS = (
    ("대안반영폐기", BillStage.MERGED),
    ("수정안반영폐기", BillStage.MERGED),
    ("임기만료폐기", BillStage.EXPIRED),
    ("철회", BillStage.WITHDRAWN),
)


def stages_from_records(
    listing: Mapping[str, Any], detail: Mapping[str, Any] | None
) -> list[BillStageEntry]:
    """The stages a bill reached, from its list row and its detail row; notes in Korean.

    Review stages take their decision day and result when decided, else the day the
    committee took the bill up; a plenary vote counts as "passed" only when it passed.
    """
    row: dict[str, Any] = {**listing, **(detail or {})}
    found: dict[BillStage, tuple[date, str | None]] = {}

    def add(stage: BillStage, day: date | None, note: str | None = None) -> None:
        if day is not None and stage not in found:
            found[stage] = (day, note)

    add(BillStage.SUBMITTED, _day(row.get("PPSL_DT")) or _day(row.get("PROPOSE_DT")))
    add(BillStage.REFERRED, _day(row.get("JRCMIT_CMMT_DT")), _text(row.get("JRCMIT_NM")))
    add(
        BillStage.COMMITTEE_REVIEW,
        _day(row.get("JRCMIT_PROC_DT")),
        _text(row.get("JRCMIT_PROC_RSLT")),
    )
    add(BillStage.COMMITTEE_REVIEW, _day(row.get("JRCMIT_PRSNT_DT")))
    add(BillStage.JUDICIARY_REVIEW, _day(row.get("LAW_PROC_DT")), _text(row.get("LAW_PROC_RSLT")))
    add(BillStage.JUDICIARY_REVIEW, _day(row.get("LAW_PRSNT_DT")))
    plenary = _text(row.get("RGS_CONF_RSLT")) or ""
    if "가결" in plenary:
        add(BillStage.PLENARY_PASSED, _day(row.get("RGS_RSLN_DT")), plenary)
    add(BillStage.SENT_TO_GOVERNMENT, _day(row.get("GVRN_TRSF_DT")))
    number = _text(row.get("PROM_NO"))
    add(BillStage.PROMULGATED, _day(row.get("PROM_DT")), f"제{number}호" if number else None)
    result = _text(row.get("PROC_RESULT")) or _text(row.get("JRCMIT_PROC_RSLT")) or ""
    for words, stage in _ENDINGS:
        if words in result.replace(" ", ""):
            add(
                stage,
                _day(row.get("PROC_DT"))
                or _day(row.get("RGS_RSLN_DT"))
                or _day(row.get("JRCMIT_PROC_DT")),
                result,
            )
    return [
        BillStageEntry(stage, day, LocalizedText(note, None))
        for stage, (day, note) in sorted(found.items(), key=lambda item: item[0].order)
    ]
