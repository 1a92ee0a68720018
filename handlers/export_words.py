"""The words of an export file as the chat shows them: catalog texts made plain.

`services.export.ExportService` writes files through `ExportWording`; this is Telegram's, used
by the chat's /export and the server's command line alike, so both files read the same.
"""

from __future__ import annotations

import html

from domain.export.columns import COLUMNS
from messages import t
from messages.costs import PERIODS
from services.export.burden_sheet import BURDEN_COLUMNS, BurdenWords
from services.export.labels import ExportLabels

__all__ = ["CatalogExportWording"]

STATUSES = ("received", "in_review", "forwarded", "answered", "closed", "rejected")
VISIBILITIES = ("named", "anonymous")
FOLLOW_UPS = ("gone", "smaller", "unchanged", "worse")
ON_TIME = ("on_time", "late")


def _plain(language: str, key: str) -> str:
    """Catalog texts are HTML for Telegram; a file wants the characters themselves."""
    return html.unescape(t(language, key))


class CatalogExportWording:
    """Labels from the admin catalog (`services.export.service.ExportWording`)."""

    def labels(self, language: str) -> ExportLabels:
        """Column headers, code labels and the counts sheet's words."""
        codes = {code: _plain(language, f"admin_common.status.{code}") for code in STATUSES}
        codes.update(
            {code: _plain(language, f"admin_common.visibility.{code}") for code in VISIBILITIES}
        )
        codes.update({code: _plain(language, f"cost.period_label.{code}") for code in PERIODS})
        codes.update({code: _plain(language, f"follow_up.result.{code}") for code in FOLLOW_UPS})
        codes.update({code: _plain(language, f"admin_export.on_time.{code}") for code in ON_TIME})
        return ExportLabels(
            headers={c.key: _plain(language, f"admin_export.column.{c.key}") for c in COLUMNS},
            codes=codes,
            sheet_submissions=_plain(language, "admin_export.sheet.submissions"),
            sheet_counts=_plain(language, "admin_export.sheet.counts"),
            by_status=_plain(language, "admin_export.counts.by_status"),
            by_category=_plain(language, "admin_export.counts.by_category"),
            by_region=_plain(language, "admin_export.counts.by_region"),
            count=_plain(language, "admin_export.counts.count"),
            total=_plain(language, "admin_export.counts.total"),
            unspecified=_plain(language, "admin_export.counts.unspecified"),
        )

    def burden(self, language: str) -> BurdenWords:
        """The burden sheet's title, sections and headers."""
        return BurdenWords(
            sheet=_plain(language, "burden.sheet.name"),
            total=_plain(language, "burden.sheet.total"),
            by_law=_plain(language, "burden.sheet.by_law"),
            by_category=_plain(language, "burden.sheet.by_category"),
            no_law=_plain(language, "burden.no_law"),
            no_category=_plain(language, "burden.no_category"),
            headers=tuple(_plain(language, f"burden.sheet.{key}") for key in BURDEN_COLUMNS),
        )
