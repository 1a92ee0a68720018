"""Migration 0027: impact becomes optional, nothing else about existing reports changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from domain.drafts import DraftStep
from domain.submissions import SubmissionFilter
from storage.database import Database
from storage.drafts import DraftRepository
from storage.migrations import discover_migrations
from storage.submissions import SubmissionRepository

STAMP = "2026-11-20T06:30:00+00:00"


async def _database_before(path: Path) -> None:
    """A database as the code before 0027 left it: a report, its evidence, a similar-step draft."""
    before = [m for m in discover_migrations() if m.version < 27]
    await (await Database.open(path, before)).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(
            "INSERT INTO submissions (receipt_code, visibility, category_id, problem, impact,"
            " created_at, updated_at, language)"
            " VALUES ('SV-2026-000001', 'anonymous', 'ai_copyright', '키오스크 높이 기준이 모호함',"
            " 4, ?, ?, 'ko')",
            (STAMP, STAMP),
        )
        connection.execute(
            "INSERT INTO submission_attachments (submission_id, position, file_id,"
            " file_unique_id, kind) VALUES (1, 0, 'f', 'u', 'photo')"
        )
        connection.execute(
            "INSERT INTO submission_drafts (user_id, language, started_at, updated_at,"
            " category_id, problem) VALUES (7, 'ko', ?, ?, 'other', '규제 때문에 힘들어요.')",
            (STAMP, STAMP),
        )
        connection.execute(
            "INSERT INTO inputs_in_progress (user_id, flow, step, is_open, asked, form,"
            " updated_at) VALUES (7, 'feedback', 'similar', 1, 1, '{}', ?)",
            (STAMP,),
        )


async def test_existing_reports_keep_their_impact_evidence_and_search(tmp_path: Path) -> None:
    path = tmp_path / "sotong.db"
    await _database_before(path)
    database = await Database.open(path)
    try:
        submissions = SubmissionRepository(database)
        report = await submissions.get_by_code("SV-2026-000001")
        assert report is not None and report.content.impact == 4
        assert len(await submissions.attachments(report.id)) == 1
        found = await submissions.list_filtered(
            SubmissionFilter(search_terms=("키오스크",)), limit=5
        )
        assert [item.receipt_code for item in found] == ["SV-2026-000001"]
        draft = await DraftRepository(database).get(7)
        assert draft is not None and draft.step is DraftStep.READY and draft.amends is None
    finally:
        await database.close()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO submissions (receipt_code, visibility, category_id, problem,"
            " created_at, updated_at, language)"
            " VALUES ('SV-2026-000002', 'anonymous', 'other', '영향 없이', ?, ?, 'ko')",
            (STAMP, STAMP),
        )
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute("UPDATE submissions SET impact = 6 WHERE id = 1")
