"""The domain's rules where SQL must apply them (an order, a filter), built from the domain.

Each fragment is made from the domain's own tables and enums, so a rule changed in domain/
changes its SQL with it.

Only values the domain defines are spelled into the SQL here (enum members, factors), never
user input. `tests/unit/test_domain_sql.py` evaluates each fragment in SQLite over a matrix of
cases and checks it agrees with the Python rule it mirrors.
"""

from __future__ import annotations

from collections.abc import Collection
from enum import StrEnum

from domain.amounts import CostPeriod
from domain.burden import yearly_factor
from domain.meetings import MeetingStatus

__all__ = [
    "ANSWERED_LATE",
    "ANSWERED_ON_TIME",
    "literal",
    "on_time_label",
    "one_of",
    "upcoming_meeting",
    "yearly_cost",
]

ANSWERED_ON_TIME = "on_time"
ANSWERED_LATE = "late"
"""The export's codes for `domain.deadlines.answered_on_time` being true and false."""


def literal(value: StrEnum) -> str:
    """An enum member as an SQL string literal (`Visibility.NAMED` gives `'named'`)."""
    text = str(value)
    if "'" in text:
        raise ValueError(f"{text!r} cannot be an SQL literal")
    return f"'{text}'"


def one_of(values: Collection[StrEnum]) -> str:
    """The members as an SQL list for IN, in the order their enum declares them: `('a', 'b')`.

    A migration's partial index spells such a list in that order, and SQLite uses the index
    only for a query that spells it alike.
    """
    ordered = sorted(values, key=lambda value: list(type(value).__members__).index(value.name))
    return "(" + ", ".join(literal(value) for value in ordered) + ")"


def yearly_cost(low: str, high: str, period: str) -> str:
    """`domain.burden.yearly` of the cost in these columns, as a REAL (NULL without a cost)."""
    whens = " ".join(
        f"WHEN {literal(each)} THEN {float(yearly_factor(each))!r}" for each in CostPeriod
    )
    return f"({low} + {high}) / 2.0 * CASE {period} {whens} END"


def on_time_label(
    due_on: str,
    replied_at: str,
    reply_day: str,
    *,
    on_time: str = f"'{ANSWERED_ON_TIME}'",
    late: str = f"'{ANSWERED_LATE}'",
) -> str:
    """`domain.deadlines.answered_on_time` as the export's code; NULL with no reply or due day.

    `reply_day` is the reply's local day and `due_on` the due day, both ISO dates (text order
    is date order). `on_time` and `late` are the SQL of each outcome's cell: the codes by
    default, or the CSV's finished labels, so the CSV writes its label without a second CASE.
    """
    return (
        f"CASE WHEN {due_on} IS NOT NULL AND {replied_at} IS NOT NULL THEN CASE WHEN"
        f" {reply_day} <= {due_on} THEN {on_time} ELSE {late} END END"
    )


def upcoming_meeting(starts_at: str, ends_at: str, status: str, since: str) -> str:
    """`Meeting.is_upcoming`, `since` being `now - LISTED_AFTER_END` as stored text."""
    return (
        f"COALESCE({ends_at}, {starts_at}) >= {since} AND {status} != {literal(MeetingStatus.HELD)}"
    )
