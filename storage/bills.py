"""The bills table and its stage history; each change is audited and fed to digests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from domain.bills import Bill, BillDraft, BillNotFoundError, BillStage, BillStageEntry
from domain.content import ContentChange, ItemKind, LocalizedText
from storage.audit import record_in
from storage.connection import Connection
from storage.content_events import add_event_in, categories_in, id_marks, set_categories_in
from storage.database import Database, Row
from storage.timestamps import from_db, to_db

__all__ = [
    "BillQueries",
    "BillRepository",
    "bill_values",
    "insert_bill_in",
    "record_stage_in",
    "update_bill_in",
]

_COLUMNS = (
    "id, key, name_ko, name_en, bill_number, sponsor_ko, sponsor_en, committee_ko,"
    " committee_en, summary_ko, summary_en, created_at, updated_at"
)
_FIELDS = (
    "name_ko, name_en, bill_number, sponsor_ko, sponsor_en, committee_ko, committee_en,"
    " summary_ko, summary_en"
)


def _text(row: Row, name: str) -> LocalizedText:
    return LocalizedText(row[f"{name}_ko"], row[f"{name}_en"])


def bill_values(draft: BillDraft) -> tuple[object, ...]:
    """The draft's values in `_FIELDS` order."""
    return (
        draft.name.ko,
        draft.name.en,
        draft.bill_number,
        draft.sponsor.ko,
        draft.sponsor.en,
        draft.committee.ko,
        draft.committee.en,
        draft.summary.ko,
        draft.summary.en,
    )


async def record_stage_in(
    connection: Connection,
    bill_id: int,
    entry: BillStageEntry,
    now: datetime,
    *,
    source: str = "admin",
) -> int | None:
    """Add or correct one stage; return its id when it is news (new, or moved to another day).

    `source` says who stated it: "admin" (by hand or an import file) or "assembly" (the open
    API); a stage an administrator corrects becomes theirs, and the sync leaves it alone.
    """
    async with connection.execute(
        "SELECT id, on_date, note_ko, note_en FROM bill_stages WHERE bill_id = ? AND stage = ?",
        (bill_id, entry.stage.value),
    ) as cursor:
        existing = await cursor.fetchone()
    values = (entry.on_date.isoformat(), entry.note.ko, entry.note.en)
    if existing is not None:
        if tuple(existing)[1:] == values:
            return None
        await connection.execute(
            "UPDATE bill_stages SET on_date = ?, note_ko = ?, note_en = ?, recorded_at = ?,"
            " source = ? WHERE id = ?",
            (*values, to_db(now), source, existing["id"]),
        )
        stage_id = int(existing["id"])
        if existing["on_date"] == values[0]:
            return None
    else:
        cursor = await connection.execute(
            "INSERT INTO bill_stages"
            " (bill_id, stage, on_date, note_ko, note_en, recorded_at, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (bill_id, entry.stage.value, *values, to_db(now), source),
        )
        assert cursor.lastrowid is not None
        stage_id = cursor.lastrowid
    await connection.execute("UPDATE bills SET updated_at = ? WHERE id = ?", (to_db(now), bill_id))
    await add_event_in(
        connection,
        at=now,
        kind=ItemKind.BILL,
        item_id=bill_id,
        change=ContentChange.STAGE,
        stage_id=stage_id,
    )
    return stage_id


async def insert_bill_in(connection: Connection, draft: BillDraft, now: datetime) -> int:
    """Insert a bill with its categories, its history so far and a "created" event."""
    stamp = to_db(now)
    cursor = await connection.execute(
        f"INSERT INTO bills (key, {_FIELDS}, created_at, updated_at)"
        f" VALUES (?, {id_marks(9)}, ?, ?)",
        (draft.key, *bill_values(draft), stamp, stamp),
    )
    assert cursor.lastrowid is not None
    bill_id = cursor.lastrowid
    await set_categories_in(connection, ItemKind.BILL, bill_id, draft.categories)
    await add_event_in(
        connection, at=now, kind=ItemKind.BILL, item_id=bill_id, change=ContentChange.CREATED
    )
    for entry in draft.stages:
        await connection.execute(
            "INSERT INTO bill_stages (bill_id, stage, on_date, note_ko, note_en, recorded_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                bill_id,
                entry.stage.value,
                entry.on_date.isoformat(),
                entry.note.ko,
                entry.note.en,
                stamp,
            ),
        )
    return bill_id


async def update_bill_in(
    connection: Connection, bill_id: int, draft: BillDraft, now: datetime
) -> None:
    """Overwrite a bill's description and categories, recording an "updated" event."""
    assignments = ", ".join(f"{name.strip()} = ?" for name in _FIELDS.split(","))
    cursor = await connection.execute(
        f"UPDATE bills SET {assignments}, updated_at = ? WHERE id = ?",
        (*bill_values(draft), to_db(now), bill_id),
    )
    if cursor.rowcount == 0:
        raise BillNotFoundError(bill_id)
    await set_categories_in(connection, ItemKind.BILL, bill_id, draft.categories)
    await add_event_in(
        connection, at=now, kind=ItemKind.BILL, item_id=bill_id, change=ContentChange.UPDATED
    )


class BillQueries:
    """Bills with their stages as the views read them: reads only, for a handler."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def _complete(self, rows: Sequence[Row]) -> list[Bill]:
        ids = [row["id"] for row in rows]
        if not ids:
            return []
        categories = await categories_in(self._db, ItemKind.BILL, ids)
        stage_rows = await self._db.fetch_all(
            "SELECT id, bill_id, stage, on_date, note_ko, note_en FROM bill_stages"
            f" WHERE bill_id IN ({id_marks(len(ids))}) ORDER BY on_date, id",
            tuple(ids),
        )
        stages: dict[int, list[BillStageEntry]] = {}
        for stage in stage_rows:
            stages.setdefault(stage["bill_id"], []).append(
                BillStageEntry(
                    stage=BillStage(stage["stage"]),
                    on_date=date.fromisoformat(stage["on_date"]),
                    note=LocalizedText(stage["note_ko"], stage["note_en"]),
                    id=stage["id"],
                )
            )
        return [
            Bill(
                id=row["id"],
                key=row["key"],
                name=_text(row, "name"),
                bill_number=row["bill_number"],
                sponsor=_text(row, "sponsor"),
                committee=_text(row, "committee"),
                summary=_text(row, "summary"),
                stages=tuple(
                    sorted(
                        stages.get(row["id"], []),
                        key=lambda entry: (entry.on_date, entry.stage.order),
                    )
                ),
                categories=categories.get(row["id"], frozenset()),
                created_at=from_db(row["created_at"]),
                updated_at=from_db(row["updated_at"]),
            )
            for row in rows
        ]

    async def get(self, bill_id: int) -> Bill:
        """One bill with its history; raises BillNotFoundError for an unknown id."""
        row = await self._db.fetch_one(f"SELECT {_COLUMNS} FROM bills WHERE id = ?", (bill_id,))
        if row is None:
            raise BillNotFoundError(bill_id)
        return (await self._complete([row]))[0]

    async def many(self, bill_ids: Sequence[int]) -> dict[int, Bill]:
        """Bills by id, for composing digests."""
        if not bill_ids:
            return {}
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM bills WHERE id IN ({id_marks(len(bill_ids))})",
            tuple(bill_ids),
        )
        return {bill.id: bill for bill in await self._complete(rows)}

    async def all(self) -> list[Bill]:
        """Every bill, most recently moved first."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM bills ORDER BY updated_at DESC, id DESC"
        )
        return await self._complete(rows)


class BillRepository(BillQueries):
    """Reads and changes bills; every change is one transaction with its audit entry."""

    async def create(self, draft: BillDraft, *, actor_id: int, now: datetime) -> Bill:
        """Add a bill an administrator described."""
        draft.validate()
        async with self._db.transaction() as connection:
            bill_id = await insert_bill_in(connection, draft, now)
            await record_in(
                connection,
                at=now,
                actor_id=actor_id,
                action="bill.create",
                target_type="bill",
                target_ids=[bill_id],
                details={"bill_number": draft.bill_number},
            )
        return await self.get(bill_id)

    async def edit(self, bill_id: int, draft: BillDraft, *, actor_id: int, now: datetime) -> Bill:
        """Store an edited description."""
        draft.validate()
        async with self._db.transaction() as connection:
            await update_bill_in(connection, bill_id, draft, now)
            await record_in(
                connection,
                at=now,
                actor_id=actor_id,
                action="bill.edit",
                target_type="bill",
                target_ids=[bill_id],
            )
        return await self.get(bill_id)

    async def add_stage(
        self, bill_id: int, entry: BillStageEntry, *, actor_id: int, now: datetime
    ) -> Bill:
        """Record that a bill reached a stage; followers hear of it."""
        async with self._db.transaction() as connection:
            async with connection.execute("SELECT 1 FROM bills WHERE id = ?", (bill_id,)) as cur:
                if await cur.fetchone() is None:
                    raise BillNotFoundError(bill_id)
            await record_stage_in(connection, bill_id, entry, now)
            await record_in(
                connection,
                at=now,
                actor_id=actor_id,
                action="bill.stage",
                target_type="bill",
                target_ids=[bill_id],
                details={"stage": entry.stage.value, "on_date": entry.on_date.isoformat()},
            )
        return await self.get(bill_id)
