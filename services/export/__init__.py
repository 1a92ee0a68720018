"""Exports of submissions to Excel, CSV and JSON, streamed so memory stays flat."""

from domain.export.model import (
    ExportError,
    ExportFilter,
    ExportFormat,
    ExportResult,
    ExportRow,
    Packaging,
)
from domain.export.periods import Period, period_range
from services.export.service import CONSOLE_ACTOR_ID, ExportService

__all__ = [
    "CONSOLE_ACTOR_ID",
    "ExportError",
    "ExportFilter",
    "ExportFormat",
    "ExportResult",
    "ExportRow",
    "ExportService",
    "Packaging",
    "Period",
    "period_range",
]
