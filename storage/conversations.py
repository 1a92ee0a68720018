"""The rows PTB's persistence keeps about one person, removable with the rest of their data.

Whoever adapts PTB's persistence stores conversation keys as JSON lists of chat and user ids
(`[chat_id, user_id]` by default); erasure and retention remove a person's rows through here,
so they do not depend on where that adapter lives.
"""

from __future__ import annotations

import aiosqlite

__all__ = ["delete_user_conversations_in", "delete_user_state_in"]


async def delete_user_conversations_in(connection: aiosqlite.Connection, user_id: int) -> int:
    """Delete every conversation state whose key names `user_id`; return how many."""
    cursor = await connection.execute(
        "DELETE FROM ptb_conversations"
        " WHERE EXISTS (SELECT 1 FROM json_each(ptb_conversations.key) WHERE value = ?)",
        (user_id,),
    )
    return cursor.rowcount


async def delete_user_state_in(connection: aiosqlite.Connection, user_id: int) -> int:
    """Conversation states plus PTB's user data and private-chat data of one person."""
    removed = await delete_user_conversations_in(connection, user_id)
    for table, column in (("ptb_user_data", "user_id"), ("ptb_chat_data", "chat_id")):
        cursor = await connection.execute(f"DELETE FROM {table} WHERE {column} = ?", (user_id,))
        removed += cursor.rowcount
    return removed
