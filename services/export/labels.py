"""Header and code labels for an export, in the language of whoever asked for it.

The words are the channel's: the service gets them through `ExportWording`
(services/export/service.py) and writes them as they come, without reading messages/.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["ExportLabels"]


@dataclass(frozen=True, slots=True)
class ExportLabels:
    """Every word a file shows that is not submitted data, as plain characters.

    `headers` has a label for every column key of `domain.export.columns.COLUMNS`; `codes` for
    every status, visibility, cost period, follow-up result and on-time value the file shows.
    """

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

    def code(self, value: str) -> str:
        """The label of a status, visibility or cost period; an unknown code is shown as it is."""
        return self.codes.get(value, value)
