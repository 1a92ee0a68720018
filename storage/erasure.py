"""/deletemydata in one transaction: personal data goes, submissions stay as anonymous records.

Each erasure also leaves a record a restore uses to erase the person again from an older
backup: an HMAC-SHA256 of their Telegram id under a key kept in `signing_keys`, never the id.
Someone holding the database could still test whether a known id was erased, so the nightly
purge deletes the record once no backup predates it (storage/retention.py).
"""

from __future__ import annotations

import hashlib
import hmac
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from domain.users import ErasureReport
from storage.connection import Connection
from storage.conversations import delete_user_state_in
from storage.database import Database
from storage.drafts import forget_reminders_in
from storage.timestamps import from_db, to_db
from storage.update_journal import forget_sender_in

__all__ = ["ErasureLog", "ErasureRepository", "read_erasure_log"]

_KEY = "erasure"


@dataclass(frozen=True, slots=True)
class ErasureLog:
    """The erasures recorded in one database file, with the key their subjects are hashed under."""

    key: bytes
    entries: tuple[tuple[bytes, datetime], ...]


def _subject(key: bytes, user_id: int) -> bytes:
    return hmac.new(key, str(user_id).encode("ascii"), hashlib.sha256).digest()


def read_erasure_log(path: Path) -> ErasureLog | None:
    """The erasure log of a database file (the one a restore replaces); None without one."""
    if not path.is_file():
        return None
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        key = connection.execute(
            "SELECT secret FROM signing_keys WHERE purpose = ?", (_KEY,)
        ).fetchone()
        rows = connection.execute("SELECT subject, at FROM erasures").fetchall()
    except sqlite3.OperationalError:
        return None  # made before the log existed
    finally:
        connection.close()
    if key is None:
        return None
    return ErasureLog(bytes(key[0]), tuple((bytes(subject), from_db(at)) for subject, at in rows))


async def _key_in(connection: Connection) -> bytes:
    async with connection.execute(
        "SELECT secret FROM signing_keys WHERE purpose = ?", (_KEY,)
    ) as cursor:
        row = await cursor.fetchone()
    assert row is not None, "migration 0028 makes the erasure key"
    return bytes(row[0])


class ErasureRepository:
    """Erases a user's personal data across the intake tables and the user row."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def erase_user(self, user_id: int, *, now: datetime) -> ErasureReport:
        """Remove every row that names the user, atomically, then empty the WAL.

        Submissions and supports stay, unlinked; evidence files, drafts, profile, inputs in
        progress, administrators' saved searches naming the person or their codes, and the
        user row go, and the erasure is logged for a restore. With `secure_delete` on and the
        WAL checkpointed, the erased text is not left in the files.
        """
        async with self._db.transaction() as connection:
            report = await self._erase_in(connection, user_id, now)
        await self._db.checkpoint()
        return report

    async def reapply(self, log: ErasureLog, *, now: datetime) -> int:
        """After a restore: erase again everyone the log says was erased after this copy.

        The log and its key come from the database the restore replaced; they are adopted
        here so a later restore of an even older copy still finds them. A person is erased
        again only if the restored row is older than their erasure: someone who came back
        after erasing their data and is in the copy as a new user stays.
        """
        erased = 0
        async with self._db.transaction(large=True) as connection:
            await connection.execute(
                "UPDATE signing_keys SET secret = ? WHERE purpose = ?", (log.key, _KEY)
            )
            await connection.executemany(
                "INSERT INTO erasures (subject, at) VALUES (?, ?)"
                " ON CONFLICT (subject) DO UPDATE SET at = max(at, excluded.at)",
                [(subject, to_db(at)) for subject, at in log.entries],
            )
            when = dict(log.entries)
            async with connection.execute("SELECT id, first_seen_at FROM users") as cursor:
                users = await cursor.fetchall()
            for user_id, first_seen in users:
                erased_at = when.get(_subject(log.key, user_id))
                if erased_at is not None and from_db(first_seen) <= erased_at:
                    await self._erase_in(connection, user_id, now)
                    erased += 1
        if erased:
            await self._db.checkpoint()
        return erased

    @staticmethod
    async def _erase_in(connection: Connection, user_id: int, now: datetime) -> ErasureReport:
        async with connection.execute(
            "SELECT display_name, username FROM users WHERE id = ?", (user_id,)
        ) as cursor:
            person = await cursor.fetchone()
        async with connection.execute(
            "SELECT receipt_code, submitter_name, submitter_username FROM submissions"
            " WHERE user_id = ? ORDER BY id",
            (user_id,),
        ) as cursor:
            submitted = await cursor.fetchall()
        codes = tuple(row[0] for row in submitted)
        # What an administrator's saved search may have named them by.
        names = {
            str(value) for row in (*submitted, *([person] if person else [])) for value in row
        } - {"None", ""}
        # Evidence files' names and Telegram ids would still lead back to the person, and so
        # could what they wrote in a follow-up note.
        await connection.execute(
            "UPDATE follow_ups SET note = NULL, awaiting_note = 0 WHERE submission_id IN"
            " (SELECT id FROM submissions WHERE user_id = ?)",
            (user_id,),
        )
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
        await forget_reminders_in(connection, user_id)
        await delete_user_state_in(connection, user_id)
        await forget_sender_in(connection, user_id, now)
        for name in sorted(names):
            await connection.execute(
                "DELETE FROM admin_searches WHERE instr(lower(query), lower(?)) > 0", (name,)
            )
        # Subscriptions, follows, reminders, notices and queued messages go by cascade.
        await connection.execute("DELETE FROM users WHERE id = ?", (user_id,))
        await connection.execute(
            "INSERT INTO erasures (subject, at) VALUES (?, ?)"
            " ON CONFLICT (subject) DO UPDATE SET at = excluded.at",
            (_subject(await _key_in(connection), user_id), to_db(now)),
        )
        return ErasureReport(codes, supports, had_draft)
