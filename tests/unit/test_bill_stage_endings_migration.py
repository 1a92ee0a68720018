"""Migration 0029: 부결 and 폐기 become stages; existing stages and the events naming them stay."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storage.database import Database
from storage.migrations import discover_migrations

STAMP = "2026-11-20T06:30:00+00:00"


async def test_stages_and_their_events_survive_the_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "sotong.db"
    before = [m for m in discover_migrations() if m.version < 29]
    await (await Database.open(path, before)).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(
            "INSERT INTO bills (name_ko, bill_number, created_at, updated_at)"
            " VALUES ('법안', '2214372', ?, ?)",
            (STAMP, STAMP),
        )
        connection.execute(
            "INSERT INTO bill_stages (id, bill_id, stage, on_date, note_ko, recorded_at, source)"
            " VALUES (7, 1, 'referred', '2025-10-28', '산자위', ?, 'assembly')",
            (STAMP,),
        )
        connection.execute(
            "INSERT INTO content_events (at, item_type, item_id, change, stage_id)"
            " VALUES (?, 'bill', 1, 'stage', 7)",
            (STAMP,),
        )
        try:
            connection.execute(
                "INSERT INTO bill_stages (bill_id, stage, on_date, recorded_at)"
                " VALUES (1, 'rejected', '2026-01-01', ?)",
                (STAMP,),
            )
        except sqlite3.IntegrityError:
            refused_before = True
        else:
            refused_before = False
    assert refused_before

    await (await Database.open(path)).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        assert connection.execute(
            "SELECT id, stage, note_ko, source FROM bill_stages"
        ).fetchall() == [(7, "referred", "산자위", "assembly")]
        assert connection.execute("SELECT stage_id FROM content_events").fetchall() == [(7,)]
        for stage in ("rejected", "discarded"):
            connection.execute(
                "INSERT INTO bill_stages (bill_id, stage, on_date, recorded_at)"
                " VALUES (1, ?, '2026-01-01', ?)",
                (stage, STAMP),
            )
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        connection.execute("DELETE FROM bill_stages WHERE id = 7")
        assert connection.execute("SELECT stage_id FROM content_events").fetchall() == [(None,)]
