"""The export's columns, in order, and how each cell is taken from a row."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.export.model import ExportRow

__all__ = ["COLUMNS", "Column", "ColumnKind", "columns_for", "contact_allowed"]


class ColumnKind(StrEnum):
    """How a writer should store a cell: text, a code shown by its label, a date or a number."""

    TEXT = "text"
    CODE = "code"
    DATETIME = "datetime"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class Column:
    """One column: the row attribute (also the JSON key), its kind and its width in Excel."""

    key: str
    kind: ColumnKind
    width: int
    contact: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("receipt_code", ColumnKind.TEXT, 14),
    Column("created_at", ColumnKind.DATETIME, 17),
    Column("updated_at", ColumnKind.DATETIME, 17),
    Column("status", ColumnKind.CODE, 12),
    Column("category", ColumnKind.TEXT, 28),
    Column("problem", ColumnKind.TEXT, 60),
    Column("law_or_rule", ColumnKind.TEXT, 30),
    Column("proposal", ColumnKind.TEXT, 50),
    Column("impact", ColumnKind.NUMBER, 8),
    # A cost as the owner gave it: both ends (equal for one amount) and how often it recurs.
    Column("cost_hours_low", ColumnKind.NUMBER, 10),
    Column("cost_hours_high", ColumnKind.NUMBER, 10),
    Column("cost_hours_period", ColumnKind.CODE, 10),
    Column("cost_won_low", ColumnKind.NUMBER, 14),
    Column("cost_won_high", ColumnKind.NUMBER, 14),
    Column("cost_won_period", ColumnKind.CODE, 10),
    Column("region", ColumnKind.TEXT, 10),
    Column("company_size", ColumnKind.TEXT, 14),
    Column("industry", ColumnKind.TEXT, 20),
    Column("supporters", ColumnKind.NUMBER, 10),
    Column("visibility", ColumnKind.CODE, 10),
    Column("forwarded_to", ColumnKind.TEXT, 20),
    # The promise and how it was kept: the due day fixed at receipt, a later day an administrator
    # announced, and whether the reply came by the due day (an extension does not move it).
    Column("due_on", ColumnKind.TEXT, 12),
    Column("expected_on", ColumnKind.TEXT, 12),
    Column("answered_at", ColumnKind.DATETIME, 17),
    Column("answered_on_time", ColumnKind.CODE, 12),
    Column("answer_text", ColumnKind.TEXT, 60),
    Column("follow_up", ColumnKind.CODE, 12),
    Column("follow_up_note", ColumnKind.TEXT, 40),
    Column("follow_up_hours", ColumnKind.NUMBER, 12),
    Column("follow_up_won", ColumnKind.NUMBER, 14),
    Column("submitter_name", ColumnKind.TEXT, 16, contact=True),
    Column("submitter_username", ColumnKind.TEXT, 16, contact=True),
)


def columns_for(*, include_contacts: bool) -> tuple[Column, ...]:
    """The columns of an export; contact columns only when an administrator asked for them."""
    return tuple(column for column in COLUMNS if include_contacts or not column.contact)


def contact_allowed(row: ExportRow) -> bool:
    """Only a named submission may ever show who sent it; anonymity holds in every format."""
    return row.visibility == "named"
