"""The National Assembly's open data (열린국회정보, open.assembly.go.kr) in domain terms.

Every service answers JSON shaped
`{"<service>": [{"head": [{"list_total_count": N}, {"RESULT": {"CODE": "INFO-000", ...}}]},
{"row": [...]}]}`, or, on failure and for "no data" (INFO-200), only
`{"RESULT": {"CODE": ..., "MESSAGE": ...}}`; pages are asked for with `pIndex` (from 1) and
`pSize` (at most 1000). Dates are `YYYY-MM-DD` or `null`.

Where each shape comes from (real answers and code of public clients):
- envelopes, codes and rows: StatPan/assembly-api-client, tests/fixtures/*.json (captured
  answers: 국회의원_발의법률안.json, 법률안_심사_및_처리_의안검색_.json, 의안_접수목록.json;
  의안정보_통합_API.json and 의안_상세정보.json hold the real top-level ERROR-300 answer);
- request and row fields per service: the same repository,
  src/assembly_client/generated/models.py (generated from the Assembly's published specs);
- ALLBILLV2, the 의안정보 통합 API as current clients call it: lsy090601/ALBEOP,
  api/_lib/billTracking.ts (`KEY`, `Type=json`, `pIndex`, `pSize`, `ERACO`, `BILL_NO`; INFO-200
  as a top-level `RESULT`; row fields `JRCMIT_*`, `LAW_*`, `RGS_PRSNT_DT`, `RGS_RSLN_DT`,
  `RGS_CONF_RSLT`, `PROM_LAW_NM`, `PROM_DT`, `PROM_NO`, `PROC_STAGE_CD`, `LINK_URL`; dates read
  first, `PROC_STAGE_CD` as the second signal for endings whose dates are empty) and
  api/_lib/runTrackStatus.ts (`ERACO` is `제{AGE}대`); hosungseo/kgov-ready-demo,
  scripts/assembly-bill.mjs (`ERACO`, `BILL_NM`; `PPSR_NM` or `PPSR`, `PPSL_DT`, `JRCMIT_NM`,
  `PROC_STAGE_CD`, `PASSGUBN`, `RGS_CONF_RSLT`, `LINK_URL`). The proposer kind is spelt
  `PPSR_KND` in ALLBILL's generated model and the ALLBILLV2 clients, `PPSR_KIND` in
  BILLINFODETAIL's model and the captured BILLRCP answer; the sync reads neither;
- service names: hollobit/assembly-api-mcp, docs/discovered-all-codes.json (codes found
  against the live API: OOWY4R001216HX11440, 의안정보 통합 API, is ALLBILL; a second 의안정보
  통합 API, OOWY4R001216HX11536, is listed without a code, so the name ALLBILLV2 is taken from
  the clients above) and src/api/codes.ts (TVBPMBILL11, BILLRCP, BILLINFODETAIL,
  nzmimeepazxkubdpn). No public source seen here says ALLBILL is withdrawn; it stays second,
  and a withdrawn service answers ERROR-310, which hands over to the next.

A bill is looked up by its number in these services, in this order (`LOOKUP_ORDER`):
1. `ALLBILLV2` (의안정보 통합 API): every kind of bill, `ERACO` (제22대) and `BILL_NO`; the row
   carries `BILL_KND`, `PPSR_KND`, `PPSR_NM`, `PPSL_DT` and every stage as ALLBILL names it but
   the government transfer day, plus `PROC_STAGE_CD` (심사진행상태) and `PASSGUBN`.
2. `ALLBILL` (의안정보 통합 API, OOWY4R001216HX11440): every kind of bill (`BILL_KND`,
   `PPSR_KND`: 의원, 정부, 위원장), `BILL_NO` required; the row carries every stage:
   `PPSL_DT`, `JRCMIT_NM`, `JRCMIT_CMMT_DT`, `JRCMIT_PRSNT_DT`, `JRCMIT_PROC_DT`,
   `JRCMIT_PROC_RSLT`, `LAW_CMMT_DT`, `LAW_PRSNT_DT`, `LAW_PROC_DT`, `LAW_PROC_RSLT`,
   `RGS_PRSNT_DT`, `RGS_RSLN_DT`, `RGS_CONF_RSLT`, `GVRN_TRSF_DT`, `PROM_DT`, `PROM_NO`.
3. `TVBPMBILL11` (법률안 심사 및 처리(의안검색), O4K6HM0012064I15889): every law bill
   whoever proposed it (`PROPOSER_KIND`), `AGE` required, `BILL_NO` narrows; rows carry
   `CURR_COMMITTEE`, `COMMITTEE_DT`, `CMT_PRESENT_DT`, `CMT_PROC_DT`, `CMT_PROC_RESULT_CD`,
   `LAW_SUBMIT_DT`, `LAW_PRESENT_DT`, `LAW_PROC_DT`, `LAW_PROC_RESULT_CD`, `PROC_RESULT_CD`,
   `PROC_DT`.
4. `nzmimeepazxkubdpn` (국회의원 발의법률안, OK7XM1000938DS17215): bills proposed by members
   only, `AGE` required; the same stage fields as 3, with `COMMITTEE` and `PROC_RESULT`.
`BILLINFODETAIL` (의안 상세정보, OOWY4R001216HX11461, `BILL_ID` required) then adds what the row
cannot carry (`needs_detail`): the plenary, government and promulgation stages after 3 or 4,
the government transfer day after 1 once the plenary passed the bill. `BILLRCP` (의안
접수목록) is not used: its only documented filter is `ERACO`, so finding one bill means
reading the whole list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from domain.bills import BillStage, BillStageEntry
from domain.content import LocalizedText

__all__ = [
    "ALL_BILLS_SERVICE",
    "ALL_BILLS_V2_SERVICE",
    "BILL_DETAIL_SERVICE",
    "LAW_BILLS_SERVICE",
    "LOOKUP_ORDER",
    "MEMBER_BILLS_SERVICE",
    "RESULT_STAGES",
    "AssemblyApiError",
    "AssemblyErrorKind",
    "AssemblyPage",
    "AssemblyRecord",
    "KnownStage",
    "LookupService",
    "StageConflict",
    "StageReading",
    "SyncPlan",
    "TermFilter",
    "assembly_age",
    "assembly_term",
    "needs_detail",
    "parse_page",
    "plan_sync",
    "read_stages",
    "unread_results",
]

ALL_BILLS_V2_SERVICE = "ALLBILLV2"
ALL_BILLS_SERVICE = "ALLBILL"
LAW_BILLS_SERVICE = "TVBPMBILL11"
MEMBER_BILLS_SERVICE = "nzmimeepazxkubdpn"
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
        found = block.get("row") if isinstance(block, Mapping) else None
        if isinstance(found, Mapping):  # a single row may come as an object, not a list
            rows.append(found)
        elif isinstance(found, list):
            rows.extend(row for row in found if isinstance(row, Mapping))
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


def assembly_term(age: int) -> str:
    """The Assembly as `ERACO` names it: 22 → 제22대."""
    return f"제{age}대"


class TermFilter(StrEnum):
    """How a service wants the Assembly a bill belongs to: `AGE=22` or `ERACO=제22대`."""

    AGE = "AGE"
    ERACO = "ERACO"


@dataclass(frozen=True, slots=True)
class LookupService:
    """A list service that finds a bill by its number, and the term filter it requires."""

    name: str
    term: TermFilter | None

    def filters(self, number: str) -> dict[str, str | int] | None:
        """The query for one bill number; None when the number says no Assembly term."""
        filters: dict[str, str | int] = {"BILL_NO": number}
        if self.term is None:
            return filters
        age = assembly_age(number)
        if age is None:
            return None
        filters[self.term.value] = age if self.term is TermFilter.AGE else assembly_term(age)
        return filters


LOOKUP_ORDER = (
    LookupService(ALL_BILLS_V2_SERVICE, TermFilter.ERACO),
    LookupService(ALL_BILLS_SERVICE, None),
    LookupService(LAW_BILLS_SERVICE, TermFilter.AGE),
    LookupService(MEMBER_BILLS_SERVICE, TermFilter.AGE),
)


@dataclass(frozen=True, slots=True)
class AssemblyRecord:
    """One row and the service that answered it."""

    service: str
    row: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class StageReading:
    """A stage the Assembly reports, and the service whose row gave its day."""

    entry: BillStageEntry
    source: str

    @property
    def stage(self) -> BillStage:
        """The stage read."""
        return self.entry.stage


# The one mapping from the 의안정보시스템's processing results to our stages. A final or
# plenary result (PROC_RESULT, PROC_RESULT_CD, RGS_CONF_RSLT) advances or ends the bill; a
# committee's result (JRCMIT_PROC_RSLT, CMT_PROC_RESULT_CD) only ends it (its 가결 is the
# committee's decision, noted on the committee stage); ALLBILLV2's 심사진행상태
# (PROC_STAGE_CD) is read last, as a second signal for endings whose result fields are empty
# (lsy090601/ALBEOP, api/_lib/billTracking.ts, reads it so for 폐기 and 철회); its other
# values (소관위심사, 본회의의결, 공포, ...) name no result and leave the dates to speak. Values
# seen in real answers: StatPan/assembly-api-client tests/fixtures (임기만료폐기, 대안반영폐기,
# 대안가결) and the 처리결과 the 의안정보시스템 lists (원안가결, 수정가결, 부결, 폐기, 철회,
# 수정안반영폐기).
RESULT_STAGES: Mapping[str, BillStage] = {
    "원안가결": BillStage.PLENARY_PASSED,
    "수정가결": BillStage.PLENARY_PASSED,
    "부결": BillStage.REJECTED,
    "폐기": BillStage.DISCARDED,
    "대안반영폐기": BillStage.MERGED,
    "수정안반영폐기": BillStage.MERGED,
    "임기만료폐기": BillStage.EXPIRED,
    "철회": BillStage.WITHDRAWN,
}

# (result field, its day's fields) in the order they are believed.
_FINAL_RESULTS = (
    ("RGS_CONF_RSLT", ("RGS_RSLN_DT",)),
    ("PROC_RESULT_CD", ("PROC_DT",)),
    ("PROC_RESULT", ("PROC_DT",)),
)
_COMMITTEE_RESULTS = (
    ("JRCMIT_PROC_RSLT", ("JRCMIT_PROC_DT",)),
    ("CMT_PROC_RESULT_CD", ("CMT_PROC_DT", "COMMITTEE_PROC_DT")),
)
_STAGE_SIGNALS = (("PROC_STAGE_CD", ()),)
# A result without its own day (a withdrawal, say) ends on the last decision recorded, else
# on the last day the Assembly records for the bill at all: it ended no earlier.
_LAST_KNOWN_DAY = (
    "PROC_DT",
    "RGS_RSLN_DT",
    "LAW_PROC_DT",
    "JRCMIT_PROC_DT",
    "CMT_PROC_DT",
    "RGS_PRSNT_DT",
    "LAW_PRSNT_DT",
    "LAW_PRESENT_DT",
    "LAW_CMMT_DT",
    "LAW_SUBMIT_DT",
    "JRCMIT_PRSNT_DT",
    "CMT_PRESENT_DT",
    "JRCMIT_CMMT_DT",
    "COMMITTEE_DT",
    "PPSL_DT",
    "PROPOSE_DT",
)

# Per stage, (day field, note fields) in the order they are believed: the names ALLBILLV2,
# ALLBILL and BILLINFODETAIL share first, then the list rows' (TVBPMBILL11, nzmimeepazxkubdpn).
# A review stage takes its decision day and result when decided, else the day it was taken up.
_STAGE_DAYS: tuple[tuple[BillStage, tuple[tuple[str, tuple[str, ...]], ...]], ...] = (
    (BillStage.SUBMITTED, (("PPSL_DT", ()), ("PROPOSE_DT", ()))),
    (
        BillStage.REFERRED,
        (
            ("JRCMIT_CMMT_DT", ("JRCMIT_NM",)),
            ("COMMITTEE_DT", ("COMMITTEE", "CURR_COMMITTEE")),
        ),
    ),
    (
        BillStage.COMMITTEE_REVIEW,
        (
            ("JRCMIT_PROC_DT", ("JRCMIT_PROC_RSLT",)),
            ("CMT_PROC_DT", ("CMT_PROC_RESULT_CD",)),
            ("COMMITTEE_PROC_DT", ("CMT_PROC_RESULT_CD",)),
            ("JRCMIT_PRSNT_DT", ()),
            ("CMT_PRESENT_DT", ()),
        ),
    ),
    (
        BillStage.JUDICIARY_REVIEW,
        (
            ("LAW_PROC_DT", ("LAW_PROC_RSLT", "LAW_PROC_RESULT_CD")),
            ("LAW_PRSNT_DT", ()),
            ("LAW_PRESENT_DT", ()),
            ("LAW_CMMT_DT", ()),
            ("LAW_SUBMIT_DT", ()),
        ),
    ),
    (BillStage.SENT_TO_GOVERNMENT, (("GVRN_TRSF_DT", ()),)),
)


def _result_word(value: Any) -> str | None:
    text = _text(value)
    return text.replace(" ", "") if text else None


def _first_day(
    records: Sequence[AssemblyRecord], fields: Sequence[str]
) -> tuple[date, AssemblyRecord] | None:
    for field_name in fields:
        for record in records:
            day = _day(record.row.get(field_name))
            if day is not None:
                return day, record
    return None


def read_stages(records: Sequence[AssemblyRecord]) -> list[StageReading]:
    """The stages a bill reached, each from the first record (in the order given) that has it.

    Notes are in Korean, as the Assembly writes them.
    """
    found: dict[BillStage, StageReading] = {}

    def add(stage: BillStage, day: date, source: str, note: str | None = None) -> None:
        if stage not in found:
            entry = BillStageEntry(stage, day, LocalizedText(note, None))
            found[stage] = StageReading(entry, source)

    for stage, readings in _STAGE_DAYS:
        for day_field, note_fields in readings:
            hit = _first_day(records, (day_field,))
            if hit is None:
                continue
            day, record = hit
            notes = (_text(record.row.get(name)) for name in note_fields)
            add(stage, day, record.service, next((note for note in notes if note), None))
            break
    promulgated = _first_day(records, ("PROM_DT",))
    if promulgated is not None:
        number = _text(promulgated[1].row.get("PROM_NO"))
        add(
            BillStage.PROMULGATED,
            promulgated[0],
            promulgated[1].service,
            f"제{number}호" if number else None,
        )
    decided = False
    tiers = ((_FINAL_RESULTS, True), (_COMMITTEE_RESULTS, False), (_STAGE_SIGNALS, True))
    for results, final in tiers:
        if results is _STAGE_SIGNALS and decided:
            break  # the stage code only speaks when no result field did
        for result_field, day_fields in results:
            for record in records:
                result = _result_word(record.row.get(result_field))
                ending = RESULT_STAGES.get(result or "")
                if ending is None or (not final and ending is BillStage.PLENARY_PASSED):
                    continue
                hit = _first_day([record], day_fields) or _first_day(records, _LAST_KNOWN_DAY)
                if hit is not None:
                    add(ending, hit[0], record.service, result)
                    decided = True
    return sorted(found.values(), key=lambda reading: reading.stage.order)


def needs_detail(row: Mapping[str, Any]) -> bool:
    """Whether BILLINFODETAIL can add stages this row cannot carry.

    The list rows (TVBPMBILL11, nzmimeepazxkubdpn) have no plenary, government or promulgation
    fields; an ALLBILLV2 row has all but the government transfer day, which only a bill the
    plenary passed can have; an ALLBILL row has every one.
    """
    if "RGS_CONF_RSLT" not in row:
        return True
    if "GVRN_TRSF_DT" in row:
        return False
    passed = RESULT_STAGES.get(_result_word(row.get("RGS_CONF_RSLT")) or "")
    return passed is BillStage.PLENARY_PASSED


def unread_results(records: Sequence[AssemblyRecord]) -> list[str]:
    """Final results the mapping does not know, for the log: a new word must not pass unseen."""
    return sorted(
        {
            result
            for record in records
            for field_name, _ in _FINAL_RESULTS
            if (result := _result_word(record.row.get(field_name))) and result not in RESULT_STAGES
        }
    )


@dataclass(frozen=True, slots=True)
class KnownStage:
    """A stage already recorded for a bill, and whether the sync recorded it."""

    on_date: date
    note: str | None
    by_assembly: bool


@dataclass(frozen=True, slots=True)
class StageConflict:
    """The API and an administrator disagree about one stage; the administrator's stays."""

    reading: StageReading
    by_hand: tuple[date, str | None]

    @property
    def stage(self) -> BillStage:
        """The stage in dispute."""
        return self.reading.stage


@dataclass(slots=True)
class SyncPlan:
    """What applying the readings to a bill changes: stages to add or correct, disputes."""

    added: list[StageReading] = field(default_factory=list)
    corrected: list[StageReading] = field(default_factory=list)
    conflicts: list[StageConflict] = field(default_factory=list)
    unchanged: list[StageReading] = field(default_factory=list)

    @property
    def changes(self) -> list[StageReading]:
        """The readings that will be written."""
        return [*self.added, *self.corrected]


def plan_sync(known: Mapping[BillStage, KnownStage], readings: Sequence[StageReading]) -> SyncPlan:
    """Add what is new, correct the sync's own entries, never overwrite an administrator's.

    An administrator's stage with the same day and no note from the API is agreement, not a
    dispute.
    """
    plan = SyncPlan()
    for reading in readings:
        stated = (reading.entry.on_date, reading.entry.note.ko)
        recorded = known.get(reading.stage)
        if recorded is None:
            plan.added.append(reading)
        elif (recorded.on_date, recorded.note) == stated:
            plan.unchanged.append(reading)
        elif recorded.by_assembly:
            plan.corrected.append(reading)
        elif recorded.on_date != stated[0] or stated[1] is not None:
            plan.conflicts.append(StageConflict(reading, (recorded.on_date, recorded.note)))
        else:
            plan.unchanged.append(reading)
    return plan
