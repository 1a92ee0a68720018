"""An export row as the burden league table reads it: the same rows, so the same totals."""

from __future__ import annotations

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.burden import BurdenEntry
from domain.export.model import ExportRow

__all__ = ["burden_entry"]


def _cost(unit: CostUnit, low: int | None, high: int | None, period: str | None) -> Cost | None:
    if low is None or high is None or period is None:
        return None
    return Cost(unit, CostPeriod(period), low, high)


def burden_entry(row: ExportRow) -> BurdenEntry:
    """The law, category, supporters and both costs of one exported submission."""
    return BurdenEntry(
        law_or_rule=row.law_or_rule,
        category=row.category,
        supporters=row.supporters,
        hours=_cost(CostUnit.HOURS, row.cost_hours_low, row.cost_hours_high, row.cost_hours_period),
        won=_cost(CostUnit.WON, row.cost_won_low, row.cost_won_high, row.cost_won_period),
    )
