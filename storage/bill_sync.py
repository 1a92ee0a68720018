"""Writing what the National Assembly's open API says about a tracked bill.

A stage the API reports is added (an event, so followers and related submitters hear of it
through the dispatcher and the outbox) or corrected when the sync itself had recorded it. A
stage an administrator stated by hand is never overwritten: a disagreement is returned, logged
and audited instead, and the administrator decides. `plan_sync` (domain) decides; this module
reads what is recorded and writes the plan, or only reads it for a dry run.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from domain.assembly import KnownStage, StageReading, SyncPlan, plan_sync
from domain.audit import SYSTEM_ACTOR
from domain.bills import BillStage
from storage.audit import record_in
from storage.bills import record_stage_in
from storage.connection import Connection
from storage.database import Database
from storage.timestamps import to_db

__all__ = ["BillSyncRepository", "TrackedBill", "read_tracked_bill"]


def _known(rows: list[Any]) -> dict[BillStage, KnownStage]:
    return {
        BillStage(row["stage"]): KnownStage(
            date.fromisoformat(row["on_date"]), row["note_ko"], row["source"] == "assembly"
        )
        for row in rows
    }


def _audit_details(plan: SyncPlan) -> dict[str, Any]:
    """Which service gave each stage, then what changed.

    The sources come first because /audit shows only the start of long details.
    """
    return {
        "sources": {
            reading.stage.value: reading.source
            for reading in [*plan.changes, *(c.reading for c in plan.conflicts)]
        },
        "added": [reading.stage.value for reading in plan.added],
        "corrected": [reading.stage.value for reading in plan.corrected],
        "kept_by_hand": [
            {
                "stage": conflict.stage.value,
                "by_hand": conflict.by_hand[0].isoformat(),
                "assembly": conflict.reading.entry.on_date.isoformat(),
                "assembly_note": conflict.reading.entry.note.ko,
            }
            for conflict in plan.conflicts
        ],
    }


class BillSyncRepository:
    """Applies one bill's API stages in one transaction, with its audit entry."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def apply(
        self,
        bill_id: int,
        *,
        assembly_bill_id: str,
        committee: str | None,
        readings: list[StageReading],
        now: datetime,
    ) -> SyncPlan:
        """Record new stages, correct the sync's own, report disagreements with hand-made ones."""
        async with self._db.transaction() as connection:
            # The committee's name fills an empty field only; a typed one stays.
            await connection.execute(
                "UPDATE bills SET assembly_bill_id = ?, assembly_synced_at = ?,"
                " committee_ko = coalesce(committee_ko, ?) WHERE id = ?",
                (assembly_bill_id, to_db(now), committee, bill_id),
            )
            plan = plan_sync(await _recorded_stages(connection, bill_id), readings)
            for reading in plan.changes:
                await record_stage_in(connection, bill_id, reading.entry, now, source="assembly")
            if plan.changes or plan.conflicts:
                await record_in(
                    connection,
                    at=now,
                    actor_id=SYSTEM_ACTOR,
                    action="bill.assembly_sync",
                    target_type="bill",
                    target_ids=[bill_id],
                    details=_audit_details(plan),
                )
        return plan


async def _recorded_stages(connection: Connection, bill_id: int) -> dict[BillStage, KnownStage]:
    async with connection.execute(
        "SELECT stage, on_date, note_ko, source FROM bill_stages WHERE bill_id = ?", (bill_id,)
    ) as rows:
        return _known(list(await rows.fetchall()))


@dataclass(frozen=True, slots=True)
class TrackedBill:
    """A tracked bill as the dry run compares it: its id, name and recorded stages."""

    id: int
    name: str
    stages: dict[BillStage, KnownStage]


def read_tracked_bill(path: Path, bill_number: str) -> TrackedBill | None:
    """The bill tracked under this number, read through a read-only connection.

    For `assembly-sync --dry-run`: nothing is migrated, locked or written, even while the bot
    runs. None when no bill has this number.
    """
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        connection.row_factory = sqlite3.Row
        bill = connection.execute(
            "SELECT id, coalesce(name_ko, name_en) AS name FROM bills"
            " WHERE trim(bill_number) = ? ORDER BY id LIMIT 1",
            (bill_number,),
        ).fetchone()
        if bill is None:
            return None
        rows = connection.execute(
            "SELECT stage, on_date, note_ko, source FROM bill_stages WHERE bill_id = ?",
            (bill["id"],),
        ).fetchall()
        return TrackedBill(int(bill["id"]), str(bill["name"]), _known(rows))
    finally:
        connection.close()
