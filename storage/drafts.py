"""Drafts of submissions (one per user) and remembered company profiles.

A draft's typed answers live in `submission_drafts`; its step is the `feedback` row of
`inputs_in_progress`, written in the same transaction, so where the owner is and what they
answered can never disagree.
"""

from __future__ import annotations

import json
from datetime import datetime

import aiosqlite

from domain.delivery import QueuedMessage
from domain.drafts import FEEDBACK_FLOW, CompanyProfile, Draft, DraftStep
from domain.submissions import Attachment, Visibility
from storage.costs import COST_COLUMNS, cost_values, costs_from_row
from storage.database import Database, Row
from storage.inputs import open_step
from storage.outbox import enqueue_in
from storage.timestamps import from_db, from_db_optional, to_db

__all__ = [
    "CompanyProfileRepository",
    "DraftRepository",
    "expire_reminders_in",
    "forget_reminders_in",
]

_REMINDER_KEY = "draft-reminder:{user_id}:{at}"
"""A draft reminder's delivery key: it names its recipient, so it goes with them."""


async def forget_reminders_in(connection: aiosqlite.Connection, user_id: int) -> int:
    """Delete one person's draft reminders (deliveries and their messages); return how many."""
    cursor = await connection.execute(
        "DELETE FROM deliveries WHERE key LIKE ?",
        (_REMINDER_KEY.format(user_id=user_id, at="%"),),
    )
    return cursor.rowcount


async def expire_reminders_in(connection: aiosqlite.Connection, before: datetime) -> int:
    """Delete everyone's draft reminders created before `before`; return how many."""
    cursor = await connection.execute(
        "DELETE FROM deliveries WHERE key LIKE ? AND created_at < ?",
        (_REMINDER_KEY.format(user_id="%", at="%"), to_db(before)),
    )
    return cursor.rowcount


_COLUMNS = (
    "user_id, editing, category_id, problem, law_or_rule, law_unsure, proposal, impact,"
    f" {COST_COLUMNS}, attachments, region_id, company_size_id, industry_id,"
    " visibility, language, started_at, updated_at, reminded_at, amends"
)
_SELECT = (
    "SELECT i.step, "
    + ", ".join(f"d.{name.strip()}" for name in _COLUMNS.split(","))
    + " FROM submission_drafts AS d JOIN inputs_in_progress AS i"
    f" ON i.user_id = d.user_id AND i.flow = '{FEEDBACK_FLOW}'"
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
    hours_cost, won_cost = costs_from_row(row)
    return Draft(
        user_id=row["user_id"],
        step=DraftStep(row["step"]),
        editing=bool(row["editing"]),
        category_id=row["category_id"],
        problem=row["problem"],
        law_or_rule=row["law_or_rule"],
        law_unsure=bool(row["law_unsure"]),
        proposal=row["proposal"],
        impact=row["impact"],
        hours_cost=hours_cost,
        won_cost=won_cost,
        attachments=tuple(Attachment(**item) for item in json.loads(row["attachments"])),
        region_id=row["region_id"],
        company_size_id=row["company_size_id"],
        industry_id=row["industry_id"],
        visibility=None if row["visibility"] is None else Visibility(row["visibility"]),
        language=row["language"],
        started_at=from_db(row["started_at"]),
        updated_at=from_db(row["updated_at"]),
        reminded_at=from_db_optional(row["reminded_at"]),
        amends=row["amends"],
    )


class DraftRepository:
    """One draft per user, written whole with its step after every answer."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def get(self, user_id: int) -> Draft | None:
        """The user's draft, or None."""
        row = await self._db.fetch_one(f"{_SELECT} WHERE d.user_id = ?", (user_id,))
        return None if row is None else _draft(row)

    async def save(self, draft: Draft, *, asked: bool = False) -> None:
        """Write the draft and open its step as the owner's question, in one transaction.

        A new step is not yet asked (`mark_asked` follows once its question was sent); an
        answer that keeps the step where it is (one more file) keeps it asked.
        """
        async with self._db.transaction() as connection:
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

    async def _write(self, connection: aiosqlite.Connection, draft: Draft) -> None:
        await connection.execute(
            f"INSERT INTO submission_drafts ({_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (user_id) DO UPDATE SET"
            " editing = excluded.editing, category_id = excluded.category_id,"
            " problem = excluded.problem, law_or_rule = excluded.law_or_rule,"
            " law_unsure = excluded.law_unsure, proposal = excluded.proposal,"
            " impact = excluded.impact, cost_hours_low = excluded.cost_hours_low,"
            " cost_hours_high = excluded.cost_hours_high,"
            " cost_hours_period = excluded.cost_hours_period,"
            " cost_won_low = excluded.cost_won_low, cost_won_high = excluded.cost_won_high,"
            " cost_won_period = excluded.cost_won_period, attachments = excluded.attachments,"
            " region_id = excluded.region_id, company_size_id = excluded.company_size_id,"
            " industry_id = excluded.industry_id, visibility = excluded.visibility,"
            " language = excluded.language, started_at = excluded.started_at,"
            " updated_at = excluded.updated_at, reminded_at = excluded.reminded_at,"
            " amends = excluded.amends",
            (
                draft.user_id,
                int(draft.editing),
                draft.category_id,
                draft.problem,
                draft.law_or_rule,
                int(draft.law_unsure),
                draft.proposal,
                draft.impact,
                *cost_values(draft.hours_cost, draft.won_cost),
                _encode_attachments(draft.attachments),
                draft.region_id,
                draft.company_size_id,
                draft.industry_id,
                None if draft.visibility is None else str(draft.visibility),
                draft.language,
                to_db(draft.started_at),
                to_db(draft.updated_at),
                None if draft.reminded_at is None else to_db(draft.reminded_at),
                draft.amends,
            ),
        )

    async def delete(self, user_id: int) -> None:
        """Forget the draft and its step (submitted, discarded or erased)."""
        async with self._db.transaction() as connection:
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


class CompanyProfileRepository:
    """The company profile from a user's last submission."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def get(self, user_id: int) -> CompanyProfile | None:
        """The remembered profile, or None."""
        row = await self._db.fetch_one(
            "SELECT region_id, company_size_id, industry_id FROM company_profiles"
            " WHERE user_id = ?",
            (user_id,),
        )
        if row is None:
            return None
        return CompanyProfile(row["region_id"], row["company_size_id"], row["industry_id"])
