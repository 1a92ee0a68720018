"""PTB persistence as JSON in the bot's own database."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from storage.database import Database
from storage.persistence import SQLitePersistence


async def test_conversation_states_round_trip_as_json(tmp_path: Path) -> None:
    path = tmp_path / "sotong.db"
    database = await Database.open(path)
    persistence = SQLitePersistence(database)
    await persistence.update_conversation("start", (42, 42), "reading_notice")
    await persistence.update_conversation("start", (7, 7), "choosing_language")
    await persistence.update_conversation("start", (7, 7), None)
    assert await persistence.get_conversations("start") == {(42, 42): "reading_notice"}
    assert await persistence.get_conversations("other") == {}
    await database.close()
    with sqlite3.connect(path) as connection:
        key, state = connection.execute("SELECT key, state FROM ptb_conversations").fetchone()
    assert json.loads(key) == [42, 42]
    assert json.loads(state) == "reading_notice"


async def test_user_chat_and_bot_data_round_trip(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "sotong.db")
    persistence = SQLitePersistence(database)
    await persistence.update_user_data(1, {"a": [1, 2]})
    await persistence.update_chat_data(2, {"b": "텍스트"})
    await persistence.update_bot_data({"c": 3})
    assert await persistence.get_user_data() == {1: {"a": [1, 2]}}
    assert await persistence.get_chat_data() == {2: {"b": "텍스트"}}
    assert await persistence.get_bot_data() == {"c": 3}
    await persistence.drop_user_data(1)
    await persistence.drop_chat_data(2)
    assert await persistence.get_user_data() == {}
    assert await persistence.get_chat_data() == {}
    assert await persistence.get_callback_data() is None
    await persistence.update_callback_data(([("k", 1.5, {"b": "v"})], {"q": "k"}))
    assert await persistence.get_callback_data() == ([("k", 1.5, {"b": "v"})], {"q": "k"})
    await database.close()


async def test_by_default_conversations_and_user_data_are_persisted(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "sotong.db")
    persistence = SQLitePersistence(database)
    assert persistence.store_data.user_data
    assert not persistence.store_data.chat_data
    assert not persistence.store_data.bot_data
    await database.close()


async def test_empty_user_data_leaves_no_row(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "sotong.db")
    persistence = SQLitePersistence(database)
    await persistence.update_user_data(5, {"draft": {"title": "x"}})
    await persistence.update_user_data(5, {})
    await persistence.update_user_data(6, {})
    assert await database.fetch_value("SELECT COUNT(*) FROM ptb_user_data") == 0
    await database.close()
