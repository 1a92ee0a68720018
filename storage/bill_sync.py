"""Writing what the National Assembly's open API says about a tracked bill.

A stage the API reports is added (an event, so followers and related submitters hear of it
through the dispatcher and the outbox) or corrected when the sync itself had recorded it. A
stage an administrator stated by hand is never overwritten: a disagreement is returned, logged
and audited instead, and the administrator decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from domain.audit import SYSTEM_ACTOR
from domain.bills import BillStage, BillStageEntry
from storage.audit import record_in
from storage.bills import record_stage_in
from storage.database import Database
from storage.timestamps import to_db

__all__ = ["BillSyncRepository", "StageConflict", "SyncOutcome"]


@dataclass(frozen=True, slots=True)
class StageConflict:
    """The API and an administrator disagree about one stage; the administrator's stays."""

    stage: BillStage
    by_hand: tuple[date, str | None]
    from_assembly: tuple[date, str | None]


@dataclass(slots=True)
class SyncOutcome:
    """What one bill's sync changed."""

    added: list[BillStage] = field(default_factory=list)
    corrected: list[BillStage] = field(default_factory=list)
    conflicts: list[StageConflict] = field(default_factory=list)


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
        entries: list[BillStageEntry],
        now: datetime,
    ) -> SyncOutcome:
        """Record new stages, correct the sync's own, report disagreements with hand-made ones."""
        outcome = SyncOutcome()
        async with self._db.transaction() as connection:
            # The committee's name fills an empty field only; a typed one stays.
            await connection.execute(
                "UPDATE bills SET assembly_bill_id = ?, assembly_synced_at = ?,"
                " committee_ko = coalesce(committee_ko, ?) WHERE id = ?",
                (assembly_bill_id, to_db(now), committee, bill_id),
            )
            async with connection.execute(
                "SELECT stage, on_date, note_ko, source FROM bill_stages WHERE bill_id = ?",
                (bill_id,),
            ) as rows:
                existing = {row["stage"]: row for row in await rows.fetchall()}
            for entry in entries:
                known = existing.get(entry.stage.value)
                stated = (entry.on_date.isoformat(), entry.note.ko)
                if known is None:
                    await record_stage_in(connection, bill_id, entry, now, source="assembly")
                    outcome.added.append(entry.stage)
                elif (known["on_date"], known["note_ko"]) == stated:
                    continue
                elif known["source"] == "assembly":
                    await record_stage_in(connection, bill_id, entry, now, source="assembly")
                    outcome.corrected.append(entry.stage)
                elif known["on_date"] != stated[0] or stated[1] is not None:
                    outcome.conflicts.append(
                        StageConflict(
                            entry.stage,
                            (date.fromisoformat(known["on_date"]), known["note_ko"]),
                            (entry.on_date, entry.note.ko),
                        )
                    )
            if outcome.added or outcome.corrected or outcome.conflicts:
                await record_in(
                    connection,
                    at=now,
                    actor_id=SYSTEM_ACTOR,
                    action="bill.assembly_sync",
                    target_type="bill",
                    target_ids=[bill_id],
                    details={
                        "added": [stage.value for stage in outcome.added],
                        "corrected": [stage.value for stage in outcome.corrected],
                        "kept_by_hand": [
                            {
                                "stage": conflict.stage.value,
                                "by_hand": conflict.by_hand[0].isoformat(),
                                "assembly": conflict.from_assembly[0].isoformat(),
                                "assembly_note": conflict.from_assembly[1],
                            }
                            for conflict in outcome.conflicts
                        ],
                    },
                )
        return outcome
