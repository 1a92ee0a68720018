"""PTB persistence in Sotong's own database, as JSON, so conversations survive restarts."""

from __future__ import annotations

import json
from typing import Any

from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import CDCData, ConversationDict, ConversationKey

from storage.database import Database

__all__ = ["SQLitePersistence"]

JSONDict = dict[str, Any]


class SQLitePersistence(BasePersistence[JSONDict, JSONDict, JSONDict]):
    """Stores PTB's state as JSON text, never pickle, so a database can be inspected and trusted.

    Conversation states and user data (the half-edited subscription panel, an administrator's
    content draft) are persisted by default. Everything else a user gives lives in Sotong's
    own tables, where it can be shown, exported and erased.
    """

    def __init__(
        self,
        database: Database,
        *,
        store_data: PersistenceInput | None = None,
        update_interval: float = 10,
    ) -> None:
        super().__init__(
            store_data=store_data
            or PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=update_interval,
        )
        self._db = database

    async def get_conversations(self, name: str) -> ConversationDict:
        """Load one handler's conversation states."""
        rows = await self._db.fetch_all(
            "SELECT key, state FROM ptb_conversations WHERE handler = ?", (name,)
        )
        return {tuple(json.loads(row["key"])): json.loads(row["state"]) for row in rows}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        """Write or clear one conversation's state."""
        encoded_key = json.dumps(list(key))
        if new_state is None:
            await self._db.execute(
                "DELETE FROM ptb_conversations WHERE handler = ? AND key = ?", (name, encoded_key)
            )
            return
        await self._db.execute(
            "INSERT INTO ptb_conversations (handler, key, state) VALUES (?, ?, ?)"
            " ON CONFLICT (handler, key) DO UPDATE SET state = excluded.state",
            (name, encoded_key, json.dumps(new_state)),
        )

    async def get_user_data(self) -> dict[int, JSONDict]:
        """Load every user's PTB data."""
        rows = await self._db.fetch_all("SELECT user_id, data FROM ptb_user_data")
        return {row["user_id"]: json.loads(row["data"]) for row in rows}

    async def update_user_data(self, user_id: int, data: JSONDict) -> None:
        """Store one user's PTB data; an empty dict leaves no row, so passers-by leave no trace."""
        if not data:
            await self.drop_user_data(user_id)
            return
        await self._db.execute(
            "INSERT INTO ptb_user_data (user_id, data) VALUES (?, ?)"
            " ON CONFLICT (user_id) DO UPDATE SET data = excluded.data",
            (user_id, json.dumps(data)),
        )

    async def drop_user_data(self, user_id: int) -> None:
        """Forget one user's PTB data."""
        await self._db.execute("DELETE FROM ptb_user_data WHERE user_id = ?", (user_id,))

    async def refresh_user_data(self, user_id: int, user_data: JSONDict) -> None:
        """Nothing to refresh: this process is the only writer."""

    async def get_chat_data(self) -> dict[int, JSONDict]:
        """Load every chat's PTB data."""
        rows = await self._db.fetch_all("SELECT chat_id, data FROM ptb_chat_data")
        return {row["chat_id"]: json.loads(row["data"]) for row in rows}

    async def update_chat_data(self, chat_id: int, data: JSONDict) -> None:
        """Store one chat's PTB data."""
        await self._db.execute(
            "INSERT INTO ptb_chat_data (chat_id, data) VALUES (?, ?)"
            " ON CONFLICT (chat_id) DO UPDATE SET data = excluded.data",
            (chat_id, json.dumps(data)),
        )

    async def drop_chat_data(self, chat_id: int) -> None:
        """Forget one chat's PTB data."""
        await self._db.execute("DELETE FROM ptb_chat_data WHERE chat_id = ?", (chat_id,))

    async def refresh_chat_data(self, chat_id: int, chat_data: JSONDict) -> None:
        """Nothing to refresh: this process is the only writer."""

    async def get_bot_data(self) -> JSONDict:
        """Load the bot-wide PTB data."""
        data = await self._db.fetch_value("SELECT data FROM ptb_bot_data WHERE id = 1")
        return {} if data is None else dict(json.loads(data))

    async def update_bot_data(self, data: JSONDict) -> None:
        """Store the bot-wide PTB data."""
        await self._db.execute(
            "INSERT INTO ptb_bot_data (id, data) VALUES (1, ?)"
            " ON CONFLICT (id) DO UPDATE SET data = excluded.data",
            (json.dumps(data),),
        )

    async def refresh_bot_data(self, bot_data: JSONDict) -> None:
        """Nothing to refresh: this process is the only writer."""

    async def get_callback_data(self) -> CDCData | None:
        """Load arbitrary-callback-data state, if it was ever stored."""
        data = await self._db.fetch_value("SELECT data FROM ptb_callback_data WHERE id = 1")
        if data is None:
            return None
        keyboards, queries = json.loads(data)
        return [(key, time, dict(buttons)) for key, time, buttons in keyboards], dict(queries)

    async def update_callback_data(self, data: CDCData) -> None:
        """Store arbitrary-callback-data state."""
        await self._db.execute(
            "INSERT INTO ptb_callback_data (id, data) VALUES (1, ?)"
            " ON CONFLICT (id) DO UPDATE SET data = excluded.data",
            (json.dumps([list(data[0]), data[1]]),),
        )

    async def flush(self) -> None:
        """Every update is already committed; nothing is buffered here."""
