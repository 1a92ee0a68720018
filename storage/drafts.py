"""Drafts of submissions (one per user) and remembered company profiles.

A draft's typed answers live in `submission_drafts`; its step is the `feedback` row of
`inputs_in_progress`, written in the same transaction, so where the owner is and what they
answered can never disagree.
"""

from __future__ import annotations

import json
from datetime import datetime

from domain.delivery import QueuedMessage
from domain.drafts import FEEDBACK_FLOW, CompanyProfile, Draft, DraftStep, Remembered
from domain.submissions import Attachment, Visibility
from storage.connection import Connection
from storage.database import Database, Row, UnitOfWork
from storage.inputs import open_step
from storage.outbox import enqueue_in
from storage.report_content import (
    CONTENT_COLUMNS,
    assignments,
    content_from_row,
    content_values,
    marks,
)
from storage.timestamps import from_db, from_db_optional, to_db

__all__ = [
    "DraftQueries",
    "DraftRepository",
    "expire_reminders_in",
    "forget_reminders_in",
]

_REMINDER_KEY = "draft-reminder:{user_id}:{at}"
"""A draft reminder's delivery key: it names its recipient, so it goes with them."""


async def forget_reminders_in(connection: Connection, user_id: int) -> int:
    """Delete one person's draft reminders (deliveries and their messages); return how many."""
    cursor = await connection.execute(
        "DELETE FROM deliveries WHERE key LIKE ?",
        (_REMINDER_KEY.format(user_id=user_id, at="%"),),
    )
    return cursor.rowcount


async def expire_reminders_in(connection: Connection, before: datetime) -> int:
    """Delete everyone's draft reminders created before `before`; return how many."""
    cursor = await connection.execute(
        "DELETE FROM deliveries WHERE key LIKE ? AND created_at < ?",
        (_REMINDER_KEY.format(user_id="%", at="%"), to_db(before)),
    )
    return cursor.rowcount


_COLUMNS = (
    "user_id",
    "editing",
    *CONTENT_COLUMNS,
    "attachments",
    "visibility",
    "language",
    "started_at",
    "updated_at",
    "reminded_at",
    "amends",
)
_SELECT = (
    "SELECT i.step, "
    + ", ".join(f"d.{name}" for name in _COLUMNS)
    + " FROM submission_drafts AS d JOIN inputs_in_progress AS i"
    f" ON i.user_id = d.user_id AND i.flow = '{FEEDBACK_FLOW}'"
)
_REMEMBERED = (
    "SELECT p.region_id AS p_region, p.company_size_id AS p_size, p.industry_id AS p_industry,"
    " (SELECT s.visibility FROM submissions AS s WHERE s.user_id = q.user_id"
    " ORDER BY s.created_at DESC, s.id DESC LIMIT 1) AS last_visibility, q.*"
)
"""What the owner's earlier reports offer back, read with whatever `q` (with its user_id) is."""
_LOAD = f"{_REMEMBERED} FROM ({_SELECT}"
_PROFILE = " LEFT JOIN company_profiles AS p ON p.user_id = q.user_id"
_UPSERT = (
    f"INSERT INTO submission_drafts ({', '.join(_COLUMNS)}) VALUES ({marks(_COLUMNS)})"
    f" ON CONFLICT (user_id) DO UPDATE SET {assignments(_COLUMNS[1:], 'excluded')}"
)


def _encode_attachments(attachments: tuple[Attachment, ...]) -> str:
    return json.dumps(
        [
            {
                "file_id": item.file_id,
                "file_unique_id": item.file_unique_id,
                "kind": item.kind,
                "file_name": item.file_name,
                "mime_type": item.mime_type,
                "file_size": item.file_size,
            }
            for item in attachments
        ],
        ensure_ascii=False,
    )


def _draft(row: Row) -> Draft:
    return Draft(
        user_id=row["user_id"],
        step=DraftStep(row["step"]),
        editing=bool(row["editing"]),
        content=content_from_row(row),
        attachments=tuple(Attachment(**item) for item in json.loads(row["attachments"])),
        visibility=None if row["visibility"] is None else Visibility(row["visibility"]),
        language=row["language"],
        started_at=from_db(row["started_at"]),
        updated_at=from_db(row["updated_at"]),
        reminded_at=from_db_optional(row["reminded_at"]),
        amends=row["amends"],
    )


def _remembered(row: Row) -> Remembered:
    profile = CompanyProfile(row["p_region"], row["p_size"], row["p_industry"])
    last = row["last_visibility"]
    return Remembered(
        None if profile.is_empty else profile, None if last is None else Visibility(last)
    )


class DraftQueries:
    """Reading drafts, for the screens that only show one: no writes."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def get(self, user_id: int) -> Draft | None:
        """The user's draft, or None."""
        row = await self._db.fetch_one(f"{_SELECT} WHERE d.user_id = ?", (user_id,))
        return None if row is None else _draft(row)

    async def shown(self, user_id: int) -> tuple[Draft, Remembered] | None:
        """The user's draft and what it offers back, in one read; or None.

        For a screen that asks the open question again without changing the draft.
        """
        row = await self._db.fetch_one(f"{_LOAD} WHERE d.user_id = ?) AS q{_PROFILE}", (user_id,))
        return None if row is None else (_draft(row), _remembered(row))


class DraftRepository(DraftQueries):
    """One draft per user, written whole with its step after every answer."""

    async def load(self, work: UnitOfWork, user_id: int) -> tuple[Draft, Remembered] | None:
        """Inside a unit of work: the user's draft and what it offers back, in one read; or None."""
        row = await work.fetch_one(f"{_LOAD} WHERE d.user_id = ?) AS q{_PROFILE}", (user_id,))
        return None if row is None else (_draft(row), _remembered(row))

    async def remembered(self, work: UnitOfWork, user_id: int) -> Remembered:
        """Inside a unit of work: what the owner's earlier reports offer back, in one read."""
        row = await work.fetch_one(
            f"{_REMEMBERED} FROM (SELECT ? AS user_id) AS q{_PROFILE}", (user_id,)
        )
        assert row is not None
        return _remembered(row)

    async def save(
        self, draft: Draft, *, asked: bool = False, work: UnitOfWork | None = None
    ) -> None:
        """Write the draft and open its step as the owner's question, in one transaction.

        Joins the caller's unit of work when given one. A new step is not yet asked
        (`mark_asked` follows once its question was sent); an answer that keeps the step
        where it is (one more file) keeps it asked.
        """
        if work is not None:
            await self._save_in(work.connection, draft, asked=asked)
            return
        async with self._db.transaction() as connection:
            await self._save_in(connection, draft, asked=asked)

    async def _save_in(self, connection: Connection, draft: Draft, *, asked: bool) -> None:
        await self._write(connection, draft)
        await open_step(
            connection,
            draft.user_id,
            FEEDBACK_FLOW,
            str(draft.step),
            now=draft.updated_at,
            asked=asked,
            form={},
        )

    async def _write(self, connection: Connection, draft: Draft) -> None:
        await connection.execute(
            _UPSERT,
            (
                draft.user_id,
                int(draft.editing),
                *content_values(draft.content),
                _encode_attachments(draft.attachments),
                None if draft.visibility is None else str(draft.visibility),
                draft.language,
                to_db(draft.started_at),
                to_db(draft.updated_at),
                None if draft.reminded_at is None else to_db(draft.reminded_at),
                draft.amends,
            ),
        )

    async def delete(self, user_id: int, *, work: UnitOfWork | None = None) -> None:
        """Forget the draft and its step (submitted, discarded or erased).

        Joins the caller's unit of work when given one.
        """
        if work is not None:
            await self._delete_in(work.connection, user_id)
            return
        async with self._db.transaction() as connection:
            await self._delete_in(connection, user_id)

    async def _delete_in(self, connection: Connection, user_id: int) -> None:
        await connection.execute("DELETE FROM submission_drafts WHERE user_id = ?", (user_id,))
        await connection.execute(
            "DELETE FROM inputs_in_progress WHERE user_id = ? AND flow = ?",
            (user_id, FEEDBACK_FLOW),
        )

    async def idle_since(self, cutoff: datetime, *, limit: int = 500) -> list[Draft]:
        """Drafts untouched since the cutoff that have not been reminded yet."""
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE d.reminded_at IS NULL AND d.updated_at <= ?"
            " ORDER BY d.updated_at LIMIT ?",
            (to_db(cutoff), limit),
        )
        return [_draft(row) for row in rows]

    async def mark_reminded(
        self, user_id: int, *, now: datetime, reminder: QueuedMessage | None = None
    ) -> bool:
        """Note the one reminder a draft gets, queuing it in the same transaction.

        False (and nothing queued) when the draft is gone or was reminded already.
        """
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "UPDATE submission_drafts SET reminded_at = ?"
                " WHERE user_id = ? AND reminded_at IS NULL",
                (to_db(now), user_id),
            )
            if cursor.rowcount != 1:
                return False
            if reminder is not None:
                await enqueue_in(
                    connection,
                    key=_REMINDER_KEY.format(user_id=user_id, at=to_db(now)),
                    kind="reminder",
                    messages=(reminder,),
                    now=now,
                )
        return True
