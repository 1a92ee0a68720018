"""Producing an export file end to end: read and write in a worker thread, fit, audit."""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.export.columns import columns_for
from domain.export.model import ExportError, ExportFilter, ExportFormat, ExportResult, Packaging
from domain.export.naming import export_file_name
from domain.export.offsets import offset_spans
from services.export.burden_sheet import BurdenSheet, BurdenWords
from services.export.csv_writer import write_csv
from services.export.json_writer import write_json
from services.export.labels import ExportLabels
from services.export.packaging import TELEGRAM_UPLOAD_LIMIT, fit_for_upload
from services.export.xlsx_writer import write_xlsx

if TYPE_CHECKING:
    from storage.audit import AuditRepository
    from storage.exports import ExportRepository

__all__ = ["CONSOLE_ACTOR_ID", "ExportService", "ExportWording"]

CONSOLE_ACTOR_ID = 0
"""The audit actor for exports run from the server's command line rather than from Telegram."""


class ExportWording(Protocol):
    """The words of a file that are not submitted data, as plain characters, per language.

    They are the channel's words (Telegram's, from the catalog, are
    `handlers.export_words.CatalogExportWording`), so a file reads as the chat that asked for it
    and the service writes it without reading messages/.
    """

    def labels(self, language: str) -> ExportLabels:
        """Column headers, code labels and the counts sheet's words."""

    def burden(self, language: str) -> BurdenWords:
        """The burden sheet's words."""


class ExportService:
    """One export path for the chat and the command line, so both obey the same rules."""

    def __init__(
        self,
        repository: ExportRepository,
        audit: AuditRepository,
        clock: Clock,
        zone: ZoneInfo,
        wording: ExportWording,
        *,
        upload_limit: int = TELEGRAM_UPLOAD_LIMIT,
    ) -> None:
        self._repository = repository
        self._wording = wording
        self._audit = audit
        self._clock = clock
        self._zone = zone
        self._upload_limit = upload_limit

    @property
    def upload_limit(self) -> int:
        """The largest file sent in one piece, in bytes; bigger ones are zipped or split."""
        return self._upload_limit

    def file_name(self, export_filter: ExportFilter, export_format: ExportFormat) -> str:
        """The name the file will get: today's date and the filter."""
        return export_file_name(export_filter, export_format, self._clock.now(), self._zone)

    async def export(
        self,
        export_filter: ExportFilter,
        export_format: ExportFormat,
        *,
        actor_id: int,
        language: str,
        directory: Path,
        file_name: str | None = None,
        fit_upload_limit: bool = True,
        via: str = "telegram",
    ) -> ExportResult:
        """Write the export into `directory` and record who took which data.

        The audit entry says whether contact details were included: that is the personal data
        an export can carry, and the trail must show who took it.
        """
        path = directory / (file_name or self.file_name(export_filter, export_format))
        if path.exists():
            raise ExportError(f"{path} already exists; choose another file name")

        def write() -> int:
            # Runs whole in the worker thread: the rows' SQLite connection is opened, read and
            # closed there, and the event loop stays free for everyone else meanwhile.
            handle, temporary_name = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".partial", dir=path.parent
            )
            os.close(handle)
            temporary = Path(temporary_name)
            try:
                count = self._write(export_filter, export_format, language, temporary)
                _publish(temporary, path)
            finally:
                # Only the file this run created is removed; `path` is never touched on failure.
                temporary.unlink(missing_ok=True)
            return count

        count = await asyncio.to_thread(write)
        if fit_upload_limit:
            files, packaging = await fit_for_upload(path, self._upload_limit)
        else:
            files, packaging = (path,), Packaging.PLAIN
        await self._audit.record(
            at=self._clock.now(),
            actor_id=actor_id,
            action="submissions.export",
            target_type="submission",
            details={
                **export_filter.describe(),
                "format": export_format.value,
                "rows": count,
                "files": [file.name for file in files],
                "packaging": packaging.value,
                "via": via,
            },
        )
        return ExportResult(
            files=files, row_count=count, packaging=packaging, export_format=export_format
        )

    def _write(
        self, export_filter: ExportFilter, export_format: ExportFormat, language: str, path: Path
    ) -> int:
        """Write the file at `path` in the worker thread; return the number of rows."""
        columns = columns_for(include_contacts=export_filter.include_contacts)
        labels = self._wording.labels(language)
        repository = self._repository
        if export_format is ExportFormat.CSV:
            earliest = repository.earliest()
            # Stored times are the clock's, so none is later than now; a year's margin covers
            # a clock set back since.
            now = self._clock.now()
            start = now if earliest is None else min(earliest, now)
            spans = offset_spans(self._zone, start, now + timedelta(days=366))
            lines = repository.csv_lines(export_filter, language, columns, labels.codes, spans)
            with contextlib.closing(lines):
                return write_csv(lines, path, columns, labels)
        with contextlib.closing(repository.rows(export_filter, language, zone=self._zone)) as rows:
            if export_format is ExportFormat.XLSX:
                burden = BurdenSheet(repository.law_aliases(), self._wording.burden(language))
                return write_xlsx(rows, path, columns, labels, self._zone, burden=burden)
            return write_json(rows, path, columns, self._zone)


def _publish(temporary: Path, path: Path) -> None:
    """Give the finished file its name without ever replacing a file someone else put there.

    A hard link fails if the name is taken (even by a file that appeared while the export ran),
    which a rename would silently overwrite.
    """
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise ExportError(f"{path} already exists; choose another file name") from None
