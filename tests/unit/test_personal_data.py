"""Every column that can hold a person has a declared purge rule, and the README names it."""

from __future__ import annotations

import re
from pathlib import Path

from storage.database import Database
from storage.personal_data import COLUMN_RULES, TABLE_RULES, PurgeRule, can_hold_a_person

ROOT = Path(__file__).resolve().parents[2]


async def _schema(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Each table of a freshly migrated database with its columns and declared types."""
    database = await Database.open(path)
    try:
        tables = await database.fetch_all(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        schema: dict[str, list[tuple[str, str]]] = {}
        for table in tables:
            columns = await database.fetch_all(f"PRAGMA table_info({table['name']})")
            schema[table["name"]] = [(column["name"], column["type"]) for column in columns]
    finally:
        await database.close()
    return schema


async def test_every_column_that_can_hold_a_person_has_a_purge_rule(tmp_path: Path) -> None:
    schema = await _schema(tmp_path / "sotong.db")
    missing = [
        f"{table}.{column}"
        for table, columns in schema.items()
        if table not in TABLE_RULES
        for column, declared in columns
        if can_hold_a_person(column, declared) and column not in COLUMN_RULES.get(table, {})
    ]
    assert missing == [], f"declare a purge rule in storage/personal_data.py for {missing}"
    stale = [
        f"{table}.{column}"
        for table, columns in COLUMN_RULES.items()
        for column in columns
        if column not in {name for name, _ in schema.get(table, [])}
    ] + [table for table in TABLE_RULES if table not in schema]
    assert stale == [], f"rules for columns the schema does not have: {stale}"
    assert not set(TABLE_RULES) & set(COLUMN_RULES)


def test_the_check_recognises_ids_names_and_text_but_not_timestamps() -> None:
    assert can_hold_a_person("user_id", "INTEGER")
    assert can_hold_a_person("answered_by", "INTEGER")
    assert can_hold_a_person("nickname", "TEXT")
    assert can_hold_a_person("photo", "BLOB")
    assert not can_hold_a_person("created_at", "TEXT")
    assert not can_hold_a_person("due_on", "TEXT")
    assert not can_hold_a_person("attempts", "INTEGER")


def test_the_readme_privacy_section_covers_every_table_that_holds_a_person() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Privacy\n", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`([a-z_]+)`", section))
    personal = {
        table
        for table, columns in COLUMN_RULES.items()
        if any(rule is not PurgeRule.NO_PERSON for rule in columns.values())
    }
    assert sorted(personal - named) == []
