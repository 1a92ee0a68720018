"""The six cost columns shared by drafts and submissions, to and from `Cost` values."""

from __future__ import annotations

from domain.amounts import Cost, CostPeriod, CostUnit
from storage.database import Row

__all__ = ["COST_COLUMNS", "cost_cells", "cost_values", "costs_from_row"]

COST_COLUMNS = (
    "cost_hours_low, cost_hours_high, cost_hours_period,"
    " cost_won_low, cost_won_high, cost_won_period"
)
"""In this order: hours low, high, period; won low, high, period."""

_Cells = tuple[int | None, int | None, str | None]


def cost_cells(cost: Cost | None) -> _Cells:
    """One cost's low, high and period columns."""
    return (None, None, None) if cost is None else (cost.low, cost.high, str(cost.period))


def cost_values(hours: Cost | None, won: Cost | None) -> tuple[int | str | None, ...]:
    """The values for COST_COLUMNS."""
    return (*cost_cells(hours), *cost_cells(won))


def _cost(row: Row, unit: CostUnit) -> Cost | None:
    prefix = f"cost_{unit}"
    period = row[f"{prefix}_period"]
    if period is None:
        return None
    return Cost(unit, CostPeriod(period), row[f"{prefix}_low"], row[f"{prefix}_high"])


def costs_from_row(row: Row) -> tuple[Cost | None, Cost | None]:
    """(hours, won) read back from a row that selected COST_COLUMNS."""
    return _cost(row, CostUnit.HOURS), _cost(row, CostUnit.WON)
