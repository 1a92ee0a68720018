"""What administrators did, newest first, for /audit."""

from __future__ import annotations

from domain.audit import AuditEntry
from storage.audit import AuditRepository

__all__ = ["AuditLog"]


class AuditLog:
    """Reads the audit trail; entries are written by the repositories that make each change."""

    def __init__(self, repository: AuditRepository) -> None:
        self._repository = repository

    async def latest(
        self, limit: int = 20, offset: int = 0, *, language: str = "ko"
    ) -> list[AuditEntry]:
        """One page of entries, newest first, targets named in `language`."""
        return await self._repository.latest(limit=limit, offset=offset, language=language)
