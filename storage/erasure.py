"""/deletemydata in one transaction: personal data goes, submissions stay as anonymous records."""

from __future__ import annotations

from datetime import datetime

from domain.users import ErasureReport
from storage.conversations import delete_user_state_in
from storage.database import Database
from storage.timestamps import to_db
from storage.update_journal import forget_sender_in

__all__ = ["ErasureRepository"]


class ErasureRepository:
    """Erases a user's personal data across the intake tables and the user row."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def erase_user(self, user_id: int, *, now: datetime) -> ErasureReport:
        """Remove every row that names the user, atomically, then empty the WAL.

        Submissions and supports stay, unlinked; evidence files, drafts, profile, PTB state
        (conversations included), pending admin inputs and the user row go. With
        `secure_delete` on and the WAL checkpointed, the erased text is not left in the files.
        """
        async with self._db.transaction() as connection:
            async with connection.execute(
                "SELECT receipt_code FROM submissions WHERE user_id = ? ORDER BY id", (user_id,)
            ) as cursor:
                codes = tuple(row[0] for row in await cursor.fetchall())
            # Evidence files' names and Telegram ids would still lead back to the person.
            await connection.execute(
                "DELETE FROM submission_attachments WHERE submission_id IN"
                " (SELECT id FROM submissions WHERE user_id = ?)",
                (user_id,),
            )
            await connection.execute(
                "UPDATE submissions SET user_id = NULL, visibility = 'anonymous',"
                " submitter_name = NULL, submitter_username = NULL, deleted_at = ?"
                " WHERE user_id = ?",
                (to_db(now), user_id),
            )
            cursor = await connection.execute(
                "UPDATE submission_supporters SET user_id = NULL WHERE user_id = ?", (user_id,)
            )
            supports = cursor.rowcount
            cursor = await connection.execute(
                "DELETE FROM submission_drafts WHERE user_id = ?", (user_id,)
            )
            had_draft = cursor.rowcount > 0
            await connection.execute("DELETE FROM company_profiles WHERE user_id = ?", (user_id,))
            await delete_user_state_in(connection, user_id)
            await forget_sender_in(connection, user_id, now)
            # Subscriptions, follows, reminders, notices and queued messages go by cascade.
            await connection.execute("DELETE FROM users WHERE id = ?", (user_id,))
        await self._db.checkpoint()
        return ErasureReport(codes, supports, had_draft)
