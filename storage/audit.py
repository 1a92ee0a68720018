"""The audit log table; rows are only ever added."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import aiosqlite

from domain.audit import AuditEntry
from storage.database import Database
from storage.timestamps import from_db, to_db

__all__ = ["AuditRepository", "record_in"]


async def record_in(
    connection: aiosqlite.Connection,
    *,
    at: datetime,
    actor_id: int,
    action: str,
    target_type: str | None = None,
    target_ids: Iterable[object] = (),
    details: dict[str, Any] | None = None,
) -> None:
    """Add an entry inside another repository's transaction: action and trail commit together."""
    await connection.execute(
        "INSERT INTO audit_log (at, actor_id, action, target_type, target_ids, details)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            to_db(at),
            actor_id,
            action,
            target_type,
            json.dumps([str(target) for target in target_ids]),
            json.dumps(details or {}, ensure_ascii=False),
        ),
    )


class AuditRepository:
    """Writes and lists audit entries."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def record(
        self,
        *,
        at: datetime,
        actor_id: int,
        action: str,
        target_type: str | None = None,
        target_ids: Iterable[object] = (),
        details: dict[str, Any] | None = None,
    ) -> None:
        """Add one entry in its own transaction."""
        async with self._db.transaction() as connection:
            await record_in(
                connection,
                at=at,
                actor_id=actor_id,
                action=action,
                target_type=target_type,
                target_ids=target_ids,
                details=details,
            )

    async def latest(self, limit: int = 20, offset: int = 0) -> list[AuditEntry]:
        """The newest entries first."""
        rows = await self._db.fetch_all(
            "SELECT id, at, actor_id, action, target_type, target_ids, details FROM audit_log"
            " ORDER BY id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [
            AuditEntry(
                id=row["id"],
                at=from_db(row["at"]),
                actor_id=row["actor_id"],
                action=row["action"],
                target_type=row["target_type"],
                target_ids=tuple(json.loads(row["target_ids"])),
                details=json.loads(row["details"]),
            )
            for row in rows
        ]
