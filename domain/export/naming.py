"""File names that say what an export holds: the date and every filter applied."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from domain.export.model import ExportFilter, ExportFormat

__all__ = ["export_file_name"]

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def _slug(value: str) -> str:
    return _UNSAFE.sub("_", value).strip("_") or "x"


def export_file_name(
    export_filter: ExportFilter, export_format: ExportFormat, now: datetime, zone: ZoneInfo
) -> str:
    """E.g. sotong-2026-11-21-from-2026-11-01-ai_copyright-answered-contacts.xlsx."""
    parts = ["sotong", now.astimezone(zone).strftime("%Y-%m-%d")]
    if export_filter.since is not None:
        parts += ["from", export_filter.since.astimezone(zone).strftime("%Y-%m-%d")]
    if export_filter.until is not None:
        last_day = export_filter.until.astimezone(zone) - timedelta(microseconds=1)
        parts += ["to", last_day.strftime("%Y-%m-%d")]
    for value in (export_filter.category_id, export_filter.region_id, export_filter.status):
        if value is not None:
            parts.append(_slug(value))
    if export_filter.include_contacts:
        parts.append("contacts")
    if export_filter.include_hidden:
        parts.append("all-records")
    return "-".join(parts) + f".{export_format.value}"
