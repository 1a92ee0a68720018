"""A report's content as table columns, derived from the fields of `ReportContent`.

Drafts and submissions store the same facts in the same columns; the column lists, the values
to write and the value read back are all computed here from the one dataclass, so adding a
fact means adding a field and a migration, not editing every statement.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from domain.amounts import CostUnit
from domain.submissions import ReportContent
from storage.costs import cost_cells, costs_from_row
from storage.database import Row

__all__ = [
    "CONTENT_COLUMNS",
    "DETAIL_COLUMNS",
    "assignments",
    "content_from_row",
    "content_values",
    "detail_values",
    "marks",
]

_COSTS = {"hours_cost": CostUnit.HOURS, "won_cost": CostUnit.WON}
"""Fields stored as three columns each: low, high and period."""
_FIXED = ("category_id", "problem")
"""What an owner cannot change after submitting: `DETAIL_COLUMNS` leaves them out."""
_FIELDS = tuple(field.name for field in fields(ReportContent) if field.name not in _COSTS)
_FLAGS = tuple(field.name for field in fields(ReportContent) if field.type in ("bool", bool))
"""Stored as 0 or 1."""


def _columns(names: Iterable[str]) -> tuple[str, ...]:
    columns: list[str] = []
    for name in names:
        if name in _COSTS:
            prefix = f"cost_{_COSTS[name]}"
            columns.extend((f"{prefix}_low", f"{prefix}_high", f"{prefix}_period"))
        else:
            columns.append(name)
    return tuple(columns)


_DETAIL_FIELDS = tuple(field.name for field in fields(ReportContent) if field.name not in _FIXED)
CONTENT_COLUMNS = _columns(field.name for field in fields(ReportContent))
"""Every content column, in field order."""
DETAIL_COLUMNS = _columns(_DETAIL_FIELDS)
"""The columns an owner may still change once the report is sent."""


def _values(content: ReportContent, names: Iterable[str]) -> tuple[Any, ...]:
    values: list[Any] = []
    for name in names:
        value = getattr(content, name)
        if name in _COSTS:
            values.extend(cost_cells(value))
        elif isinstance(value, bool):
            values.append(int(value))
        else:
            values.append(value)
    return tuple(values)


def content_values(content: ReportContent) -> tuple[Any, ...]:
    """The values for `CONTENT_COLUMNS`."""
    return _values(content, (field.name for field in fields(ReportContent)))


def detail_values(content: ReportContent) -> tuple[Any, ...]:
    """The values for `DETAIL_COLUMNS`."""
    return _values(content, _DETAIL_FIELDS)


def content_from_row(row: Row) -> ReportContent:
    """The content read back from a row that selected `CONTENT_COLUMNS` by name."""
    hours_cost, won_cost = costs_from_row(row)
    values: dict[str, Any] = {name: row[name] for name in _FIELDS}
    values.update((name, bool(values[name])) for name in _FLAGS)
    return ReportContent(**values, hours_cost=hours_cost, won_cost=won_cost)


def marks(columns: Iterable[str]) -> str:
    """One `?` per column."""
    return ", ".join("?" for _ in columns)


def assignments(columns: Iterable[str], source: str = "?") -> str:
    """`column = ?` for each column (or `column = excluded.column` with source "excluded")."""
    if source == "?":
        return ", ".join(f"{column} = ?" for column in columns)
    return ", ".join(f"{column} = {source}.{column}" for column in columns)
