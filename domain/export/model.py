"""What an export is asked for and what one produced, free of any file format or messenger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "ExportError",
    "ExportFilter",
    "ExportFormat",
    "ExportResult",
    "ExportRow",
    "Packaging",
]


class ExportError(Exception):
    """An export could not be produced; the message says why in terms staff can act on."""


class ExportFormat(StrEnum):
    """The file formats staff can ask for."""

    XLSX = "xlsx"
    CSV = "csv"
    JSON = "json"


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Which submissions go into an export, and whether named submitters' contacts go with them.

    `since` is inclusive and `until` exclusive, both aware instants, so consecutive periods
    never count a submission twice.
    """

    since: datetime | None = None
    until: datetime | None = None
    category_id: str | None = None
    region_id: str | None = None
    status: str | None = None
    company_size_id: str | None = None
    industry_id: str | None = None
    include_contacts: bool = False
    include_hidden: bool = False

    def __post_init__(self) -> None:
        for moment in (self.since, self.until):
            if moment is not None and moment.tzinfo is None:
                raise ValueError("export periods need aware datetimes")

    def describe(self) -> dict[str, object]:
        """The filter as plain values, for the audit trail."""
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "category": self.category_id,
            "region": self.region_id,
            "status": self.status,
            "size": self.company_size_id,
            "industry": self.industry_id,
            "contacts": self.include_contacts,
            "hidden": self.include_hidden,
        }


class ExportRow(NamedTuple):
    """One submission as an export shows it: reference names resolved, supporters counted.

    The submitter fields are None unless the submission is named and contacts were asked for;
    storage leaves them out in SQL and the writers check again. A named tuple rather than a
    frozen dataclass: one is built per exported row, and a tuple is several times cheaper to
    build than a frozen dataclass's field-by-field initialisation.
    """

    receipt_code: str
    created_at: datetime
    updated_at: datetime
    answered_at: datetime | None
    status: str
    visibility: str
    category: str | None
    problem: str
    law_or_rule: str | None
    proposal: str | None
    impact: int | None
    cost_hours_low: int | None
    cost_hours_high: int | None
    cost_hours_period: str | None
    cost_won_low: int | None
    cost_won_high: int | None
    cost_won_period: str | None
    region: str | None
    company_size: str | None
    industry: str | None
    supporters: int
    forwarded_to: str | None
    answer_text: str | None
    submitter_name: str | None = None
    submitter_username: str | None = None
    follow_up: str | None = None
    follow_up_note: str | None = None
    follow_up_hours: int | None = None
    follow_up_won: int | None = None
    due_on: str | None = None
    expected_on: str | None = None
    answered_on_time: str | None = None
    """"on_time" or "late" once answered or rejected with a reason; None while it waits."""


class Packaging(StrEnum):
    """How a file was made to fit the upload limit."""

    PLAIN = "plain"
    ZIPPED = "zipped"
    SPLIT = "split"


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The files to hand over (one, or the numbered parts of a split archive) and what they hold."""

    files: tuple[Path, ...]
    row_count: int
    packaging: Packaging
    export_format: ExportFormat
