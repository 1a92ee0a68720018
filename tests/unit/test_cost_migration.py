"""Migration 0020: monthly cost figures become costs with a unit and a period, nothing lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from storage.database import Database
from storage.drafts import DraftRepository
from storage.migrations import discover_migrations
from storage.submissions import SubmissionRepository

STAMP = "2026-11-20T06:30:00+00:00"


async def _old_database(path: Path) -> None:
    """A database as the code before 0020 left it, with costs in the old monthly columns."""
    before = [m for m in discover_migrations() if m.version < 12]
    await (await Database.open(path, before)).close()
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO submissions (receipt_code, visibility, category_id, problem, impact,"
            " cost_hours_per_month, cost_won, created_at, updated_at, language)"
            " VALUES (?, 'anonymous', 'ai_copyright', '문제', 3, ?, ?, ?, ?, 'ko')",
            [
                ("SV-2026-000001", 40, 1_200_000, STAMP, STAMP),
                ("SV-2026-000002", None, 3_000_000, STAMP, STAMP),
                ("SV-2026-000003", None, None, STAMP, STAMP),
            ],
        )
        connection.execute(
            "INSERT INTO submission_drafts (user_id, step, cost_hours_per_month, cost_won,"
            " language, started_at, updated_at) VALUES (7, 'cost', 12, NULL, 'ko', ?, ?)",
            (STAMP, STAMP),
        )


async def test_existing_costs_become_monthly_costs_with_their_unit(tmp_path: Path) -> None:
    path = tmp_path / "sotong.db"
    await _old_database(path)
    database = await Database.open(path)
    try:
        submissions = SubmissionRepository(database)
        first = await submissions.get_by_code("SV-2026-000001")
        second = await submissions.get_by_code("SV-2026-000002")
        third = await submissions.get_by_code("SV-2026-000003")
        draft = await DraftRepository(database).get(7)
    finally:
        await database.close()
    assert first is not None and second is not None and third is not None and draft is not None
    assert first.content.hours_cost == Cost(CostUnit.HOURS, CostPeriod.MONTH, 40, 40)
    assert first.content.won_cost == Cost(CostUnit.WON, CostPeriod.MONTH, 1_200_000, 1_200_000)
    assert second.content.hours_cost is None
    assert second.content.won_cost == Cost(CostUnit.WON, CostPeriod.MONTH, 3_000_000, 3_000_000)
    assert third.content.hours_cost is None and third.content.won_cost is None
    assert draft.content.hours_cost == Cost(CostUnit.HOURS, CostPeriod.MONTH, 12, 12)
    assert draft.content.won_cost is None
    with sqlite3.connect(path) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(submissions)")}
    assert "cost_won" not in columns and "cost_hours_per_month" not in columns


async def test_the_new_columns_refuse_an_unknown_period(tmp_path: Path) -> None:
    path = tmp_path / "sotong.db"
    await (await Database.open(path)).close()
    with sqlite3.connect(path) as connection, pytest.raises(sqlite3.IntegrityError):
        connection.execute(
            "INSERT INTO submission_drafts (user_id, cost_won_low, cost_won_high,"
            " cost_won_period, language, started_at, updated_at)"
            " VALUES (8, 1, 1, 'fortnight', 'ko', ?, ?)",
            (STAMP, STAMP),
        )
