"""Migration 0033: which typed texts a CSV must quote or defuse is kept with each report."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storage.database import Database
from storage.migrations import discover_migrations

STAMP = "2026-11-20T06:30:00+00:00"
PROBLEMS = {
    "SV-2026-000001": ("직원 12명, 3년차", None, None),  # a comma: problem (1)
    "SV-2026-000002": ("기준이 없어요", 'TDM "면책"', None),  # a quote: law (2)
    "SV-2026-000003": ("기준이 없어요", None, "첫째 줄\n둘째 줄"),  # a line end: proposal (4)
    "SV-2026-000004": ("=1+1 기준이 없어요", None, None),  # defused (1 * 256), not quoted
}


def _insert(connection: sqlite3.Connection) -> None:
    for code, (problem, law, proposal) in PROBLEMS.items():
        connection.execute(
            "INSERT INTO submissions (receipt_code, visibility, category_id, problem,"
            " law_or_rule, proposal, impact, created_at, updated_at, language)"
            " VALUES (?, 'anonymous', 'ai_copyright', ?, ?, ?, 3, ?, ?, 'ko')",
            (code, problem, law, proposal, STAMP, STAMP),
        )


def _marks(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT receipt_code, csv_marks FROM submissions").fetchall()
    return dict(rows)


EXPECTED = {"SV-2026-000001": 1, "SV-2026-000002": 2, "SV-2026-000003": 4, "SV-2026-000004": 256}


async def test_reports_written_before_get_their_marks(tmp_path: Path) -> None:
    path = tmp_path / "sotong.db"
    before = [m for m in discover_migrations() if m.version < 33]
    await (await Database.open(path, before)).close()
    with sqlite3.connect(path) as connection:
        _insert(connection)
    await (await Database.open(path)).close()
    assert _marks(path) == EXPECTED


async def test_the_marks_follow_every_write(tmp_path: Path) -> None:
    path = tmp_path / "sotong.db"
    await (await Database.open(path)).close()
    with sqlite3.connect(path) as connection:
        _insert(connection)
    assert _marks(path) == EXPECTED
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE submissions SET problem = '쉼표 없음', answer_text = '검토, 회신'"
            " WHERE receipt_code = 'SV-2026-000001'"
        )
        connection.execute(
            "UPDATE submissions SET visibility = 'named', submitter_name = '김, 민수',"
            " submitter_username = '@minsu'"
            " WHERE receipt_code = 'SV-2026-000004'"
        )
    # The answer now needs quoting (16); a name quoting (32), a username defusing (64 * 256).
    assert _marks(path) == {
        **EXPECTED,
        "SV-2026-000001": 16,
        "SV-2026-000004": 256 + 32 + 64 * 256,
    }
