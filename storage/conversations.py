"""A person's inputs in progress, removable with the rest of their data.

Erasure and retention remove a person's conversation rows through here: where they are in each
flow and the forms they half-filled (`inputs_in_progress`, see storage/inputs.py).
"""

from __future__ import annotations

from storage.connection import Connection

__all__ = ["delete_user_state_in"]


async def delete_user_state_in(connection: Connection, user_id: int) -> int:
    """Delete the person's open and parked inputs in progress; return how many."""
    cursor = await connection.execute(
        "DELETE FROM inputs_in_progress WHERE user_id = ?", (user_id,)
    )
    return cursor.rowcount
