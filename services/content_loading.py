"""Importing a content file: check it against the live categories, then write it atomically.

`python -m bot import` and the offline sandbox's demo data both come through here.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.content_import import ImportSummary, parse_content_file
from storage.content_import import ContentImportRepository
from storage.reference import ReferenceQueries

__all__ = ["CLI_ACTOR_ID", "ContentImporter"]

CLI_ACTOR_ID = 0
"""The audit log's actor for changes made from the command line, where no Telegram user acts."""


class ContentImporter:
    """Parses, validates and imports content files."""

    def __init__(
        self,
        reference: ReferenceQueries,
        repository: ContentImportRepository,
        clock: Clock,
        zone: ZoneInfo,
    ) -> None:
        self._reference = reference
        self._repository = repository
        self._clock = clock
        self._zone = zone

    async def import_file(self, path: Path, *, actor_id: int = CLI_ACTOR_ID) -> ImportSummary:
        """Import one file; raises ContentImportError (nothing written) listing every problem."""
        known = frozenset(choice.id for choice in await self._reference.categories())
        bundle = parse_content_file(path, zone=self._zone, categories=known)
        return await self._repository.apply(
            bundle, actor_id=actor_id, source=path.name, now=self._clock.now()
        )
