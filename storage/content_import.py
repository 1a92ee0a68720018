"""Writes a checked content file in one transaction: all of it, or on any error none of it."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from domain.announcements import AnnouncementDraft
from domain.bills import BillDraft
from domain.content import ContentChange, ItemKind
from domain.content_import import ContentBundle, ImportSummary
from domain.meetings import MeetingDraft, MeetingStatus
from storage.announcements import insert_announcement_in, update_announcement_in
from storage.audit import record_in
from storage.bills import bill_values, insert_bill_in, record_stage_in, update_bill_in
from storage.connection import Connection
from storage.database import Database
from storage.errors import StorageError
from storage.meetings import insert_meeting_in, meeting_values, update_meeting_in

__all__ = ["ContentImportRepository", "ContentImportStorageError"]

_MEETING_FIELDS = (
    "kind, title_ko, title_en, organizer_ko, organizer_en, starts_at, ends_at, place_ko,"
    " place_en, online_url, agenda_ko, agenda_en, status, outcome_ko, outcome_en"
)
_BILL_FIELDS = (
    "name_ko, name_en, bill_number, sponsor_ko, sponsor_en, committee_ko, committee_en,"
    " summary_ko, summary_en"
)


class ContentImportStorageError(StorageError):
    """The database refused part of the import; everything was rolled back."""


async def _categories(connection: Connection, kind: ItemKind, item_id: int) -> frozenset[str]:
    async with connection.execute(
        "SELECT category_id FROM content_categories WHERE item_type = ? AND item_id = ?",
        (kind.value, item_id),
    ) as cursor:
        return frozenset(row[0] for row in await cursor.fetchall())


async def _existing(
    connection: Connection, table: str, columns: str, key: str | None
) -> tuple[int, tuple[object, ...]] | None:
    if key is None:
        return None
    async with connection.execute(
        f"SELECT id, {columns} FROM {table} WHERE key = ?", (key,)
    ) as cursor:
        row = await cursor.fetchone()
    return None if row is None else (int(row[0]), tuple(row)[1:])


async def _law_alias(connection: Connection, alias: str, law: str, summary: ImportSummary) -> None:
    async with connection.execute("SELECT law FROM law_aliases WHERE alias = ?", (alias,)) as c:
        found = await c.fetchone()
    if found is not None and found[0] == law:
        summary.count(summary.unchanged, "law_alias")
        return
    await connection.execute(
        "INSERT INTO law_aliases (alias, law) VALUES (?, ?)"
        " ON CONFLICT (alias) DO UPDATE SET law = excluded.law",
        (alias, law),
    )
    summary.count(summary.created if found is None else summary.updated, "law_alias")


class ContentImportRepository:
    """Applies a content bundle, matching items with a key to those imported before."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def apply(
        self, bundle: ContentBundle, *, actor_id: int, source: str, now: datetime
    ) -> ImportSummary:
        """Write the bundle and one audit entry, atomically; report what changed."""
        summary = ImportSummary()
        try:
            async with self._db.transaction(large=True) as connection:
                for meeting in bundle.meetings:
                    await self._meeting(connection, meeting, now, summary)
                for bill in bundle.bills:
                    await self._bill(connection, bill, now, summary)
                for announcement in bundle.announcements:
                    await self._announcement(connection, announcement, now, summary)
                for alias, law in bundle.law_aliases:
                    await _law_alias(connection, alias, law, summary)
                await record_in(
                    connection,
                    at=now,
                    actor_id=actor_id,
                    action="content.import",
                    target_type="content",
                    details={
                        "source": source,
                        "created": summary.created,
                        "updated": summary.updated,
                    },
                )
        except sqlite3.Error as exc:
            raise ContentImportStorageError(
                f"the import was rolled back, nothing was changed: {exc}"
            ) from exc
        return summary

    async def _meeting(
        self,
        connection: Connection,
        draft: MeetingDraft,
        now: datetime,
        summary: ImportSummary,
    ) -> None:
        found = await _existing(connection, "meetings", _MEETING_FIELDS, draft.key)
        if found is None:
            await insert_meeting_in(connection, draft, now)
            summary.count(summary.created, "meetings")
            return
        meeting_id, values = found
        same_categories = (
            await _categories(connection, ItemKind.MEETING, meeting_id) == draft.categories
        )
        if values == meeting_values(draft) and same_categories:
            summary.count(summary.unchanged, "meetings")
            return
        await update_meeting_in(connection, meeting_id, draft, now, _meeting_change(draft))
        summary.count(summary.updated, "meetings")

    async def _bill(
        self,
        connection: Connection,
        draft: BillDraft,
        now: datetime,
        summary: ImportSummary,
    ) -> None:
        found = await _existing(connection, "bills", _BILL_FIELDS, draft.key)
        if found is None:
            await insert_bill_in(connection, draft, now)
            summary.count(summary.created, "bills")
            return
        bill_id, values = found
        changed = False
        same_categories = await _categories(connection, ItemKind.BILL, bill_id) == draft.categories
        if values != bill_values(draft) or not same_categories:
            await update_bill_in(connection, bill_id, draft, now)
            changed = True
        for entry in draft.stages:
            if await record_stage_in(connection, bill_id, entry, now) is not None:
                changed = True
        summary.count(summary.updated if changed else summary.unchanged, "bills")

    async def _announcement(
        self,
        connection: Connection,
        draft: AnnouncementDraft,
        now: datetime,
        summary: ImportSummary,
    ) -> None:
        found = await _existing(
            connection, "announcements", "title_ko, title_en, body_ko, body_en", draft.key
        )
        if found is None:
            await insert_announcement_in(connection, draft, now)
            summary.count(summary.created, "announcements")
            return
        announcement_id, values = found
        same_categories = (
            await _categories(connection, ItemKind.ANNOUNCEMENT, announcement_id)
            == draft.categories
        )
        if (
            values == (draft.title.ko, draft.title.en, draft.body.ko, draft.body.en)
            and same_categories
        ):
            summary.count(summary.unchanged, "announcements")
            return
        await update_announcement_in(connection, announcement_id, draft, now)
        summary.count(summary.updated, "announcements")


def _meeting_change(draft: MeetingDraft) -> ContentChange:
    if draft.status is MeetingStatus.CANCELLED:
        return ContentChange.CANCELLED
    if draft.status is MeetingStatus.HELD:
        return ContentChange.HELD
    return ContentChange.UPDATED
