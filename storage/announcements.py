"""The announcements table; publishing one is audited and fed to digests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from domain.announcements import Announcement, AnnouncementDraft
from domain.content import ContentChange, ItemKind, LocalizedText
from storage.audit import record_in
from storage.connection import Connection
from storage.content_events import add_event_in, categories_in, id_marks, set_categories_in
from storage.database import Database, Row
from storage.timestamps import from_db, to_db

__all__ = ["AnnouncementRepository", "insert_announcement_in", "update_announcement_in"]

_COLUMNS = "id, key, title_ko, title_en, body_ko, body_en, published_at"


async def insert_announcement_in(
    connection: Connection, draft: AnnouncementDraft, now: datetime
) -> int:
    """Publish an announcement with its categories and a "created" event."""
    cursor = await connection.execute(
        "INSERT INTO announcements (key, title_ko, title_en, body_ko, body_en, published_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (draft.key, draft.title.ko, draft.title.en, draft.body.ko, draft.body.en, to_db(now)),
    )
    assert cursor.lastrowid is not None
    announcement_id = cursor.lastrowid
    await set_categories_in(connection, ItemKind.ANNOUNCEMENT, announcement_id, draft.categories)
    await add_event_in(
        connection,
        at=now,
        kind=ItemKind.ANNOUNCEMENT,
        item_id=announcement_id,
        change=ContentChange.CREATED,
    )
    return announcement_id


async def update_announcement_in(
    connection: Connection, announcement_id: int, draft: AnnouncementDraft, now: datetime
) -> None:
    """Correct an announcement's texts, recording an "updated" event."""
    await connection.execute(
        "UPDATE announcements SET title_ko = ?, title_en = ?, body_ko = ?, body_en = ?"
        " WHERE id = ?",
        (draft.title.ko, draft.title.en, draft.body.ko, draft.body.en, announcement_id),
    )
    await set_categories_in(connection, ItemKind.ANNOUNCEMENT, announcement_id, draft.categories)
    await add_event_in(
        connection,
        at=now,
        kind=ItemKind.ANNOUNCEMENT,
        item_id=announcement_id,
        change=ContentChange.UPDATED,
    )


class AnnouncementRepository:
    """Publishes and reads announcements."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def _complete(self, rows: Sequence[Row]) -> list[Announcement]:
        categories = await categories_in(
            self._db, ItemKind.ANNOUNCEMENT, [row["id"] for row in rows]
        )
        return [
            Announcement(
                id=row["id"],
                key=row["key"],
                title=LocalizedText(row["title_ko"], row["title_en"]),
                body=LocalizedText(row["body_ko"], row["body_en"]),
                published_at=from_db(row["published_at"]),
                categories=categories.get(row["id"], frozenset()),
            )
            for row in rows
        ]

    async def many(self, announcement_ids: Sequence[int]) -> dict[int, Announcement]:
        """Announcements by id, for composing digests."""
        if not announcement_ids:
            return {}
        rows = await self._db.fetch_all(
            f"SELECT {_COLUMNS} FROM announcements WHERE id IN ({id_marks(len(announcement_ids))})",
            tuple(announcement_ids),
        )
        return {item.id: item for item in await self._complete(rows)}

    async def publish(
        self, draft: AnnouncementDraft, *, actor_id: int, now: datetime
    ) -> Announcement:
        """Publish an announcement an administrator wrote; subscribers get it in their digest."""
        async with self._db.transaction() as connection:
            announcement_id = await insert_announcement_in(connection, draft, now)
            await record_in(
                connection,
                at=now,
                actor_id=actor_id,
                action="announcement.publish",
                target_type="announcement",
                target_ids=[announcement_id],
            )
        return (await self.many([announcement_id]))[announcement_id]
