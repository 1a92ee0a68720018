"""Reading tracked bills' stages from the National Assembly's open API (열린국회정보).

With ASSEMBLY_API_KEY set, a scheduled job looks every tracked, still-moving bill up by its
bill number, reads its processing dates and records what is new; the dispatcher then tells
followers and related submitters through the outbox, as for a stage typed in by hand. Result
codes are logged by name; a bad key, a spent daily quota or a failing server end the run
(every further request would fail alike), a bill the API does not know is skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from domain.assembly import (
    BILL_DETAIL_SERVICE,
    BILL_LIST_SERVICE,
    AssemblyApiError,
    AssemblyErrorKind,
    assembly_age,
    parse_page,
    stages_from_records,
)
from domain.bills import Bill
from domain.clock import Clock
from storage.bill_sync import BillSyncRepository
from storage.bills import BillRepository

__all__ = ["AssemblyClient", "BillSyncService", "SyncReport"]

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
        age = assembly_age(number)
        if age is None:
            logger.warning("bill %s skipped: not a National Assembly bill number", number)
            report.failed.append(number)
            return
        listing = [
            row
            for row in await client.rows(BILL_LIST_SERVICE, AGE=age, BILL_NO=number)
            if str(row.get("BILL_NO", "")).strip() == number
        ]
        if not listing:
            logger.info("bill %s: not (yet) in the National Assembly's data", number)
            report.not_found.append(number)
            return
        row = listing[0]
        assembly_id = str(row.get("BILL_ID") or "")
        details = await client.rows(BILL_DETAIL_SERVICE, BILL_ID=assembly_id) if assembly_id else []
        detail = details[0] if details else None
        committee = row.get("COMMITTEE") or (detail or {}).get("JRCMIT_NM")
        outcome = await self._sync.apply(
            bill.id,
            assembly_bill_id=assembly_id,
            committee=str(committee) if committee else None,
            entries=stages_from_records(row, detail),
            now=self._clock.now(),
        )
        report.stages_added += len(outcome.added)
        report.stages_corrected += len(outcome.corrected)
        report.kept_by_hand += len(outcome.conflicts)
        for conflict in outcome.conflicts:
            logger.warning(
                "bill %s: the National Assembly says %s on %s (%s), an administrator entered "
                "%s; the administrator's entry stays (see /audit)",
                number,
                conflict.stage.value,
                conflict.from_assembly[0],
                conflict.from_assembly[1] or "no note",
                conflict.by_hand[0],
            )
