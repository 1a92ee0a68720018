"""Header and code labels for an export, in the language of whoever asked for it."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

from domain.export.columns import COLUMNS
from messages import t
from messages.costs import PERIODS

__all__ = ["FOLLOW_UPS", "ON_TIME", "STATUSES", "VISIBILITIES", "ExportLabels"]

STATUSES = ("received", "in_review", "forwarded", "answered", "closed", "rejected")
VISIBILITIES = ("named", "anonymous")
FOLLOW_UPS = ("gone", "smaller", "unchanged", "worse")
ON_TIME = ("on_time", "late")


def _plain(language: str, key: str) -> str:
    """Catalog texts are HTML for Telegram; a file wants the characters themselves."""
    return html.unescape(t(language, key))


@dataclass(frozen=True, slots=True)
class ExportLabels:
    """Every word a file shows that is not submitted data."""

    headers: Mapping[str, str]
    codes: Mapping[str, str]
    sheet_submissions: str
    sheet_counts: str
    by_status: str
    by_category: str
    by_region: str
    count: str
    total: str
    unspecified: str

    @classmethod
    def for_language(cls, language: str) -> ExportLabels:
        """Labels from the admin catalog."""
        codes = {code: _plain(language, f"admin_common.status.{code}") for code in STATUSES}
        codes.update(
            {code: _plain(language, f"admin_common.visibility.{code}") for code in VISIBILITIES}
        )
        codes.update({code: _plain(language, f"cost.period_label.{code}") for code in PERIODS})
        codes.update({code: _plain(language, f"follow_up.result.{code}") for code in FOLLOW_UPS})
        codes.update({code: _plain(language, f"admin_export.on_time.{code}") for code in ON_TIME})
        return cls(
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

    def code(self, value: str) -> str:
        """The label of a status, visibility or cost period; an unknown code is shown as it is."""
        return self.codes.get(value, value)
