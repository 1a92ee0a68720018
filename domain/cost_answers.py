"""Answering the cost question: read what the owner typed, and ask the period when it is missing.

The flow calls `answer_cost` with the text and the unit the owner chose (if any). A reading
with a period is a cost to store at once; one without (`needs_period`) is kept while the flow
asks "how often?" with one button per `PERIOD_CHOICES`, and `complete_cost` turns the tap into
the cost to store. Nothing here assumes a month: "1억 2천만원" alone is not 1억 2천만원 a month.
"""

from __future__ import annotations

from domain.amounts import Cost, CostPeriod, CostReading, CostUnit, read_cost
from domain.intake import AmountError, IntakeError, cost_ceiling

__all__ = [
    "PERIOD_CHOICES",
    "PeriodMissingError",
    "answer_cost",
    "complete_cost",
    "needs_period",
]

PERIOD_CHOICES = (
    CostPeriod.MONTH,
    CostPeriod.YEAR,
    CostPeriod.ONE_OFF,
    CostPeriod.WEEK,
    CostPeriod.DAY,
)
"""The periods offered as buttons when the owner gave none, the most common first."""


class PeriodMissingError(IntakeError):
    """A cost read without a period: nothing is stored until the owner says how often."""

    def __init__(self, reading: CostReading) -> None:
        super().__init__("the cost needs a period")
        self.reading = reading


def answer_cost(text: str, chosen_unit: CostUnit | None = None) -> CostReading:
    """What the owner typed at a cost question, read and bounded; its period may be None.

    Raises:
        AmountError: not one cost, no unit known, or more than the period (if said) can hold.

    """
    reading = read_cost(text, chosen_unit)
    if reading is None:
        raise AmountError(cost_ceiling(chosen_unit or CostUnit.HOURS, None))
    maximum = cost_ceiling(reading.unit, reading.period)
    if reading.high > maximum:
        raise AmountError(maximum)
    return reading


def needs_period(reading: CostReading) -> bool:
    """Whether the flow must ask how often (buttons of `PERIOD_CHOICES`) before storing."""
    return reading.period is None


def complete_cost(reading: CostReading, period: CostPeriod) -> Cost:
    """The cost to store once the owner tapped a period.

    Raises:
        AmountError: the hours do not fit that period ("200시간", then "a week").

    """
    maximum = cost_ceiling(reading.unit, period)
    if reading.high > maximum:
        raise AmountError(maximum)
    return reading.with_period(period)
