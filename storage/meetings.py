"""The meetings table: create, edit, cancel, mark held; each change audited and fed to digests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from domain.content import ContentChange, ItemKind, LocalizedText
from domain.meetings import (
    LISTED_AFTER_END,
    Meeting,
    MeetingDraft,
    MeetingKind,
    MeetingNotFoundError,
    MeetingStatus,
)
from storage.audit import record_in
from storage.connection import Connection
from storage.content_events import add_event_in, categories_in, id_marks, set_categories_in
from storage.database import Database, Row
from storage.domain_sql import upcoming_meeting
from storage.timestamps import from_db, from_db_optional, to_db

__all__ = [
    "MeetingQueries",
    "MeetingRepository",
    "insert_meeting_in",
    "meeting_values",
    "update_meeting_in",
]

_COLUMNS = (
    "id, key, kind, title_ko, title_en, organizer_ko, organizer_en, starts_at, ends_at,"
    " place_ko, place_en, online_url, agenda_ko, agenda_en, status, outcome_ko, outcome_en,"
    " created_at, updated_at"
)
_FIELDS = (
    "kind, title_ko, title_en, organizer_ko, organizer_en, starts_at, ends_at, place_ko,"
    " place_en, online_url, agenda_ko, agenda_en, status, outcome_ko, outcome_en"
)
_UPCOMING = upcoming_meeting("starts_at", "ends_at", "status", "?")


def _text(row: Row, name: str) -> LocalizedText:
    return LocalizedText(row[f"{name}_ko"], row[f"{name}_en"])


def _meeting(row: Row, categories: frozenset[str]) -> Meeting:
    return Meeting(
        id=row["id"],
        key=row["key"],
        kind=MeetingKind(row["kind"]),
        title=_text(row, "title"),
        organizer=_text(row, "organizer"),
        starts_at=from_db(row["starts_at"]),
        ends_at=from_db_optional(row["ends_at"]),
        place=_text(row, "place"),
        online_url=row["online_url"],
        agenda=_text(row, "agenda"),
        status=MeetingStatus(row["status"]),
        outcome=_text(row, "outcome"),
        categories=categories,
        created_at=from_db(row["created_at"]),
        updated_at=from_db(row["updated_at"]),
    )


def meeting_values(draft: MeetingDraft) -> tuple[object, ...]:
    """The draft's values in `_FIELDS` order, as the import compares and writes them."""
    return (
        draft.kind.value,
        draft.title.ko,
        draft.title.en,
        draft.organizer.ko,
        draft.organizer.en,
        to_db(draft.starts_at),
        None if draft.ends_at is None else to_db(draft.ends_at),
        draft.place.ko,
        draft.place.en,
        draft.online_url,
        draft.agenda.ko,
        draft.agenda.en,
        draft.status.value,
        draft.outcome.ko,
        draft.outcome.en,
    )


async def insert_meeting_in(connection: Connection, draft: MeetingDraft, now: datetime) -> int:
    """Insert a meeting with its categories and a "created" event; return its id."""
    stamp = to_db(now)
    cursor = await connection.execute(
        f"INSERT INTO meetings (key, {_FIELDS}, created_at, updated_at)"
        f" VALUES (?, {id_marks(15)}, ?, ?)",
        (draft.key, *meeting_values(draft), stamp, stamp),
    )
    assert cursor.lastrowid is not None
    meeting_id = cursor.lastrowid
    await set_categories_in(connection, ItemKind.MEETING, meeting_id, draft.categories)
    await add_event_in(
        connection, at=now, kind=ItemKind.MEETING, item_id=meeting_id, change=ContentChange.CREATED
    )
    return meeting_id


async def update_meeting_in(
    connection: Connection,
    meeting_id: int,
    draft: MeetingDraft,
    now: datetime,
    change: ContentChange,
) -> None:
    """Overwrite a meeting's fields, record the change, and re-arm reminders if it moved."""
    async with connection.execute(
        "SELECT starts_at FROM meetings WHERE id = ?", (meeting_id,)
    ) as cursor:
        row = await cursor.fetchone()
    if row is None:
        raise MeetingNotFoundError(meeting_id)
    assignments = ", ".join(f"{name.strip()} = ?" for name in _FIELDS.split(","))
    await connection.execute(
        f"UPDATE meetings SET {assignments}, updated_at = ? WHERE id = ?",
        (*meeting_values(draft), to_db(now), meeting_id),
    )
    if row[0] != to_db(draft.starts_at):
        await connection.execute(
            "UPDATE meeting_reminders SET day_queued_at = NULL, hour_queued_at = NULL"
            " WHERE meeting_id = ?",
            (meeting_id,),
        )
    await set_categories_in(connection, ItemKind.MEETING, meeting_id, draft.categories)
    await add_event_in(connection, at=now, kind=ItemKind.MEETING, item_id=meeting_id, change=change)


class MeetingQueries:
    """Meetings as the views read them: reads only, for a handler."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def _with_categories(self, rows: Sequence[Row]) -> list[Meeting]:
        categories = await categories_in(self._db, ItemKind.MEETING, [row["id"] for row in rows])
        return [_meeting(row, categories.get(row["id"], frozenset())) for row in rows]

    async def get(self, meeting_id: int) -> Meeting:
        """One meeting; raises MeetingNotFoundError for an unknown id."""
        row = await self._db.fetch_one(
            f"SELECT {_COLUMNS} FROM meetings WHERE id = ?", (meeting_id,)
        )
        if row is None:
            raise MeetingNotFoundError(meeting_id)
        return (await self._with_categories([row]))[0]

    async def many(self, meeting_ids: Sequence[int]) -> dict[int, Meeting]:
        """Meetings by id, for composing digests."""
        if not meeting_ids:
            return {}
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM meetings WHERE id IN ({id_marks(len(meeting_ids))})",
            tuple(meeting_ids),
        )
        return {meeting.id: meeting for meeting in await self._with_categories(rows)}

    async def upcoming(self, now: datetime, *, limit: int = 10) -> list[Meeting]:
        """Meetings not yet over (a meeting in progress still counts), soonest first."""
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM meetings WHERE {_UPCOMING} ORDER BY starts_at, id LIMIT ?",
            (to_db(now - LISTED_AFTER_END), limit),
        )
        return await self._with_categories(rows)


class MeetingRepository(MeetingQueries):
    """Reads and changes meetings; every change is one transaction with its audit entry."""

    async def create(self, draft: MeetingDraft, *, actor_id: int, now: datetime) -> Meeting:
        """Add a meeting an administrator described."""
        draft.validate()
        async with self._db.transaction() as connection:
            meeting_id = await insert_meeting_in(connection, draft, now)
            await record_in(
                connection,
                at=now,
                actor_id=actor_id,
                action="meeting.create",
                target_type="meeting",
                target_ids=[meeting_id],
                details={"kind": draft.kind.value, "starts_at": to_db(draft.starts_at)},
            )
        return await self.get(meeting_id)

    async def change(
        self,
        meeting_id: int,
        draft: MeetingDraft,
        *,
        change: ContentChange,
        actor_id: int,
        action: str,
        details: dict[str, object] | None = None,
        now: datetime,
    ) -> Meeting:
        """Store an edited, cancelled or held meeting with its event and audit entry."""
        draft.validate()
        async with self._db.transaction() as connection:
            await update_meeting_in(connection, meeting_id, draft, now, change)
            await record_in(
                connection,
                at=now,
                actor_id=actor_id,
                action=action,
                target_type="meeting",
                target_ids=[meeting_id],
                details=details or {},
            )
        return await self.get(meeting_id)
