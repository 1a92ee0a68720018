"""Reading tracked bills' stages from the National Assembly's open API (열린국회정보).

With ASSEMBLY_API_KEY set, a scheduled job looks every tracked, still-moving bill up by its
bill number, in the services of `LOOKUP_ORDER` one after the other (ALLBILLV2, then ALLBILL,
both covering every kind of bill; then TVBPMBILL11, every law bill; then nzmimeepazxkubdpn,
members' bills), with BILLINFODETAIL for the stages the row cannot carry, reads its
processing dates and records what is new; the dispatcher then tells followers and related
submitters through the outbox, as for a stage typed in by hand. Result codes are logged by
name; a bad key, a spent daily quota or a failing server end the run (every further request
would fail alike), a service that refuses the request (e.g. retired: ERROR-310) hands over to
the next, a bill no service knows is skipped. `preview` answers the same question for one
number without writing anything.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from domain.assembly import (
    BILL_DETAIL_SERVICE,
    LOOKUP_ORDER,
    AssemblyApiError,
    AssemblyErrorKind,
    AssemblyRecord,
    KnownStage,
    StageReading,
    SyncPlan,
    assembly_age,
    needs_detail,
    parse_page,
    plan_sync,
    read_stages,
    unread_results,
)
from domain.bills import Bill, BillStage
from domain.clock import Clock
from storage.bill_sync import BillSyncRepository
from storage.bills import BillRepository

__all__ = ["AssemblyClient", "AssemblyFinding", "BillSyncService", "SyncReport", "preview"]

logger = logging.getLogger("sotong.assembly")

_TIMEOUT = aiohttp.ClientTimeout(total=30)


class AssemblyClient:
    """GET `<base>/<service>?KEY=…&Type=json&pIndex=…&pSize=…`, page after page.

    The key travels in the query string, so no URL is ever logged; only service and code.
    """

    def __init__(
        self, session: aiohttp.ClientSession, base_url: str, key: str, *, page_size: int = 100
    ) -> None:
        self._session = session
        self._base = base_url.rstrip("/")
        self._key = key
        self._page_size = page_size

    async def rows(self, service: str, **filters: str | int) -> list[Mapping[str, Any]]:
        """Every row the query matches; none when the API answers INFO-200 (no data).

        Raises:
            AssemblyApiError: any other result code, an HTTP error or an unreadable answer.

        """
        collected: list[Mapping[str, Any]] = []
        index = 1
        while True:
            try:
                page = await self._page(service, index, filters)
            except AssemblyApiError as exc:
                if exc.kind is AssemblyErrorKind.NO_DATA:
                    return collected
                raise
            collected.extend(page.rows)
            if not page.rows or len(collected) >= page.total:
                return collected
            index += 1

    async def _page(self, service: str, index: int, filters: Mapping[str, str | int]) -> Any:
        params = {
            "KEY": self._key,
            "Type": "json",
            "pIndex": str(index),
            "pSize": str(self._page_size),
            **{name: str(value) for name, value in filters.items()},
        }
        try:
            async with self._session.get(
                f"{self._base}/{service}", params=params, timeout=_TIMEOUT
            ) as response:
                if response.status != 200:
                    raise AssemblyApiError(
                        f"HTTP-{response.status}", response.reason or "", AssemblyErrorKind.SERVER
                    )
                body = await response.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            raise AssemblyApiError(
                "network", exc.__class__.__name__, AssemblyErrorKind.SERVER
            ) from None
        return parse_page(service, body)


@dataclass(slots=True)
class SyncReport:
    """One run: bills looked at, what changed, and why it stopped early if it did."""

    bills_checked: int = 0
    stages_added: int = 0
    stages_corrected: int = 0
    kept_by_hand: int = 0
    not_found: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    stopped_by: str | None = None


class BillSyncService:
    """One pass over the tracked bills."""

    def __init__(
        self,
        bills: BillRepository,
        sync: BillSyncRepository,
        clock: Clock,
        *,
        base_url: str,
        key: str,
        page_size: int = 100,
    ) -> None:
        self._bills = bills
        self._sync = sync
        self._clock = clock
        self._base_url = base_url
        self._key = key
        self._page_size = page_size

    async def run(self) -> SyncReport:
        """Sync every tracked bill with a number that has not reached its last stage."""
        report = SyncReport()
        bills = [
            bill
            for bill in await self._bills.all()
            if bill.bill_number
            and (bill.current_stage is None or not bill.current_stage.stage.is_final)
        ]
        async with aiohttp.ClientSession() as session:
            client = AssemblyClient(session, self._base_url, self._key, page_size=self._page_size)
            for bill in bills:
                report.bills_checked += 1
                try:
                    await self._sync_bill(client, bill, report)
                except AssemblyApiError as exc:
                    if exc.kind.stops_the_run:
                        logger.error(
                            "bill sync stopped: the National Assembly API answered %s (%s, %s)",
                            exc.code,
                            exc.kind.value,
                            exc.message,
                        )
                        report.stopped_by = exc.code
                        break
                    logger.warning(
                        "bill %s skipped: the National Assembly API answered %s (%s)",
                        bill.bill_number,
                        exc.code,
                        exc.message,
                    )
                    report.failed.append(str(bill.bill_number))
        logger.info("bill sync: %s", report)
        return report

    async def _sync_bill(self, client: AssemblyClient, bill: Bill, report: SyncReport) -> None:
        number = str(bill.bill_number).strip()
        if assembly_age(number) is None:
            logger.warning("bill %s skipped: not a National Assembly bill number", number)
            report.failed.append(number)
            return
        finding = await find_bill(client, number)
        if finding is None:
            logger.info("bill %s: in none of %s", number, ", ".join(s.name for s in LOOKUP_ORDER))
            report.not_found.append(number)
            return
        plan = await self._sync.apply(
            bill.id,
            assembly_bill_id=finding.assembly_bill_id,
            committee=finding.committee,
            readings=finding.readings,
            now=self._clock.now(),
        )
        report.stages_added += len(plan.added)
        report.stages_corrected += len(plan.corrected)
        report.kept_by_hand += len(plan.conflicts)
        for conflict in plan.conflicts:
            logger.warning(
                "bill %s: the National Assembly (%s) says %s on %s (%s), an administrator "
                "entered %s; the administrator's entry stays (see /audit)",
                number,
                conflict.reading.source,
                conflict.stage.value,
                conflict.reading.entry.on_date,
                conflict.reading.entry.note.ko or "no note",
                conflict.by_hand[0],
            )


@dataclass(frozen=True, slots=True)
class AssemblyFinding:
    """What the Assembly says about one bill number, and from which services."""

    number: str
    assembly_bill_id: str
    committee: str | None
    records: tuple[AssemblyRecord, ...]
    readings: list[StageReading]


_COMMITTEE_FIELDS = ("JRCMIT_NM", "CURR_COMMITTEE", "COMMITTEE")


async def find_bill(client: AssemblyClient, number: str) -> AssemblyFinding | None:
    """Look one bill number up in each service of `LOOKUP_ORDER` until one knows it.

    Raises:
        AssemblyApiError: a code that stops the run (key, quota, server); a detail call that
            fails; the last refusal when a service refused and none knew the bill.

    """
    refused: AssemblyApiError | None = None
    for service in LOOKUP_ORDER:
        filters = service.filters(number)
        if filters is None:
            continue
        try:
            rows = await client.rows(service.name, **filters)
        except AssemblyApiError as exc:
            if exc.kind is not AssemblyErrorKind.BAD_REQUEST:
                raise
            logger.warning(
                "bill %s: %s answered %s (%s); asking the next service",
                number,
                service.name,
                exc.code,
                exc.message,
            )
            refused = exc
            continue
        row = next((r for r in rows if str(r.get("BILL_NO", "")).strip() == number), None)
        if row is None:
            continue
        records = [AssemblyRecord(service.name, row)]
        assembly_id = str(row.get("BILL_ID") or "")
        if assembly_id and needs_detail(row):
            details = await client.rows(BILL_DETAIL_SERVICE, BILL_ID=assembly_id)
            if details:
                # The row that found the bill is believed first; the detail fills its gaps.
                records.append(AssemblyRecord(BILL_DETAIL_SERVICE, details[0]))
        unknown = unread_results(records)
        if unknown:
            logger.warning(
                "bill %s: result %s is not mapped to a stage; the bill stays as it is",
                number,
                ", ".join(unknown),
            )
        committee = next(
            (
                str(record.row[name]).strip()
                for name in _COMMITTEE_FIELDS
                for record in records
                if record.row.get(name)
            ),
            None,
        )
        return AssemblyFinding(number, assembly_id, committee, tuple(records), read_stages(records))
    if refused is not None:
        # Not "not found": a service that might know the bill refused to answer.
        raise refused
    return None


async def preview(
    number: str,
    known: dict[BillStage, KnownStage],
    *,
    base_url: str,
    key: str,
) -> tuple[AssemblyFinding | None, SyncPlan]:
    """What a sync would change for one bill number, given its recorded stages; writes nothing.

    Raises:
        AssemblyApiError: as `find_bill`.

    """
    async with aiohttp.ClientSession() as session:
        finding = await find_bill(AssemblyClient(session, base_url, key), number.strip())
    if finding is None:
        return None, SyncPlan()
    return finding, plan_sync(known, finding.readings)
