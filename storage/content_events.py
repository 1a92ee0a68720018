"""The change feed digests read, and the item-to-category links every content table shares."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from domain.content import ContentChange, ContentEvent, ItemKind
from storage.connection import Connection
from storage.database import Database
from storage.timestamps import from_db, to_db

__all__ = [
    "ContentEventRepository",
    "add_event_in",
    "categories_in",
    "id_marks",
    "set_categories_in",
]

_MAX_PARAMETERS = 500


def id_marks(count: int) -> str:
    """`?, ?, ?` for an IN clause of `count` parameters."""
    return ", ".join("?" for _ in range(count))


async def add_event_in(
    connection: Connection,
    *,
    at: datetime,
    kind: ItemKind,
    item_id: int,
    change: ContentChange,
    stage_id: int | None = None,
) -> int:
    """Append a change inside the transaction that made it, so the two commit together."""
    cursor = await connection.execute(
        "INSERT INTO content_events (at, item_type, item_id, change, stage_id)"
        " VALUES (?, ?, ?, ?, ?)",
        (to_db(at), kind.value, item_id, change.value, stage_id),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


async def set_categories_in(
    connection: Connection, kind: ItemKind, item_id: int, categories: Iterable[str]
) -> None:
    """Replace an item's categories."""
    await connection.execute(
        "DELETE FROM content_categories WHERE item_type = ? AND item_id = ?",
        (kind.value, item_id),
    )
    await connection.executemany(
        "INSERT INTO content_categories (item_type, item_id, category_id) VALUES (?, ?, ?)",
        [(kind.value, item_id, category) for category in sorted(set(categories))],
    )


async def categories_in(
    database: Database, kind: ItemKind, item_ids: Sequence[int]
) -> dict[int, frozenset[str]]:
    """The categories of many items at once (items without any are absent)."""
    found: dict[int, set[str]] = {}
    for start in range(0, len(item_ids), _MAX_PARAMETERS):
        chunk = list(item_ids[start : start + _MAX_PARAMETERS])
        rows = await database.fetch_all(
            "SELECT item_id, category_id FROM content_categories"
            f" WHERE item_type = ? AND item_id IN ({id_marks(len(chunk))})",
            (kind.value, *chunk),
        )
        for row in rows:
            found.setdefault(row[0], set()).add(row[1])
    return {item_id: frozenset(values) for item_id, values in found.items()}


class ContentEventRepository:
    """Reads the change feed."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def latest_id(self) -> int:
        """The newest event id, 0 when there is none."""
        value = await self._db.fetch_value("SELECT COALESCE(MAX(id), 0) FROM content_events")
        return int(value)

    async def between(self, after_id: int, upto_id: int) -> list[ContentEvent]:
        """Events with after_id < id <= upto_id, oldest first."""
        rows = await self._db.fetch_all(
            "SELECT id, at, item_type, item_id, change, stage_id FROM content_events"
            " WHERE id > ? AND id <= ? ORDER BY id",
            (after_id, upto_id),
        )
        return [
            ContentEvent(
                id=row["id"],
                at=from_db(row["at"]),
                kind=ItemKind(row["item_type"]),
                item_id=row["item_id"],
                change=ContentChange(row["change"]),
                stage_id=row["stage_id"],
            )
            for row in rows
        ]
