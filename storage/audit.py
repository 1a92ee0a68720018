"""The audit log table; rows are only ever added."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from domain.audit import AuditEntry
from storage.connection import Connection
from storage.database import Database
from storage.timestamps import from_db, to_db

__all__ = ["AuditQueries", "AuditRepository", "record_in"]


async def record_in(
    connection: Connection,
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


class AuditQueries:
    """The audit trail as /audit reads it: reads only, for a handler."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def latest(
        self, limit: int = 20, offset: int = 0, *, language: str = "ko"
    ) -> list[AuditEntry]:
        """The newest entries first, by time (ties by insertion), with names for people to read.

        The actor's display name comes from the users table; targets are named by receipt code or
        title in `language` (the other language when that one is missing).
        """
        rows = await self._db.fetch_all(
            "SELECT a.id, a.at, a.actor_id, a.action, a.target_type, a.target_ids, a.details,"
            " COALESCE(u.display_name, u.username) AS actor_name"
            " FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id"
            " ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        wanted: dict[str, set[str]] = {}
        for row in rows:
            if row["target_type"] in _NAMED_TARGETS:
                wanted.setdefault(row["target_type"], set()).update(json.loads(row["target_ids"]))
        names = {
            kind: await self._names(kind, sorted(ids), language) for kind, ids in wanted.items()
        }
        entries = []
        for row in rows:
            ids = tuple(json.loads(row["target_ids"]))
            known = names.get(row["target_type"], {})
            entries.append(
                AuditEntry(
                    id=row["id"],
                    at=from_db(row["at"]),
                    actor_id=row["actor_id"],
                    action=row["action"],
                    target_type=row["target_type"],
                    target_ids=ids,
                    details=json.loads(row["details"]),
                    actor_name=row["actor_name"],
                    target_names=tuple(known.get(ident, "") for ident in ids),
                )
            )
        return entries

    async def _names(self, kind: str, ids: list[str], language: str) -> dict[str, str]:
        numbers = [int(ident) for ident in ids if ident.isdigit()][:_NAMES_PER_KIND]
        if not numbers:
            return {}
        table, column = _NAMED_TARGETS[kind]
        first, second = ("ko", "en") if language == "ko" else ("en", "ko")
        name = (
            column
            if "{lang}" not in column
            else (f"COALESCE({column.format(lang=first)}, {column.format(lang=second)})")
        )
        marks = ", ".join("?" for _ in numbers)
        rows = await self._db.fetch_all(
            f"SELECT CAST(id AS TEXT) AS id, {name} AS name FROM {table} WHERE id IN ({marks})",
            numbers,
        )
        return {row["id"]: row["name"] or "" for row in rows}


class AuditRepository(AuditQueries):
    """Writes and lists audit entries."""

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


_NAMES_PER_KIND = 500
"""A page names a few targets per entry; a purge of thousands need not look each one up."""

_NAMED_TARGETS = {
    "submission": ("submissions", "receipt_code"),
    "meeting": ("meetings", "title_{lang}"),
    "bill": ("bills", "name_{lang}"),
    "announcement": ("announcements", "title_{lang}"),
}
"""Where each kind of target keeps the name people know it by."""
