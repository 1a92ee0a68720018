"""Secrets the bot signs its own buttons with, made once by the migration that created them."""

from __future__ import annotations

from storage.database import Database

__all__ = ["SigningKeyRepository"]


class SigningKeyRepository:
    """Reads a signing key once and keeps it: keys never change while the bot runs."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._keys: dict[str, bytes] = {}

    async def key(self, purpose: str) -> bytes:
        """The key for one purpose (e.g. "me_too_offer")."""
        cached = self._keys.get(purpose)
        if cached is not None:
            return cached
        row = await self._db.fetch_one(
            "SELECT secret FROM signing_keys WHERE purpose = ?", (purpose,)
        )
        if row is None:
            raise LookupError(f"no signing key for {purpose!r}")
        key = bytes(row[0])
        self._keys[purpose] = key
        return key
