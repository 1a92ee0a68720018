"""Answering the cost question: read what the owner typed, and ask the period when it is missing.

The flow calls `answer_cost` with the text and the unit the owner chose (if any). A reading
with a period is a cost to store at once; one without (`needs_period`) is kept while the flow
asks "how often?" with one button per `PERIOD_CHOICES`, and `complete_cost` turns the tap into
the cost to store. Nothing here assumes a month: "1억 2천만원" alone is not 1억 2천만원 a month.

Nor a unit of money: a plain figure under `SMALL_WON` typed after "₩ 금액" ("300", "월 300",
"3천", "200~300") is most likely counted in 만 and left unsaid, since no regulation's burden
worth reporting is a few hundred won, but it may be exactly that. `ScaleUnclearError` offers
both readings (300만원 and 300원) and the owner taps one. A figure with its unit ("300원",
"300만", "300 won", "5k") is taken as written, and hours are never in doubt.
"""

from __future__ import annotations

from domain.amounts import Cost, CostPeriod, CostReading, CostUnit, read_cost
from domain.intake import AmountError, IntakeError, cost_ceiling

__all__ = [
    "PERIOD_CHOICES",
    "SMALL_WON",
    "PeriodMissingError",
    "ScaleUnclearError",
    "answer_cost",
    "complete_cost",
    "needs_period",
    "scale_choices",
]

PERIOD_CHOICES = (
    CostPeriod.MONTH,
    CostPeriod.YEAR,
    CostPeriod.ONE_OFF,
    CostPeriod.WEEK,
    CostPeriod.DAY,
)
"""The periods offered as buttons when the owner gave none, the most common first."""

SMALL_WON = 10_000
"""Under 1만원, a plain figure typed for money is as likely short for 만 as it is won."""


class PeriodMissingError(IntakeError):
    """A cost read without a period: nothing is stored until the owner says how often."""

    def __init__(self, reading: CostReading) -> None:
        super().__init__("the cost needs a period")
        self.reading = reading


class ScaleUnclearError(IntakeError):
    """A plain figure of won too small to take as written: 300만원 or 300원? Nothing is stored.

    `choices` are the two readings, in 만 first (the likely one), then as written; each keeps
    the period the text said, or None.
    """

    def __init__(self, choices: tuple[CostReading, CostReading]) -> None:
        super().__init__("the amount may be counted in 만")
        self.choices = choices


def answer_cost(text: str, chosen_unit: CostUnit | None = None) -> CostReading:
    """What the owner typed at a cost question, read and bounded; its period may be None.

    Raises:
        AmountError: not one cost, no unit known, or more than the period (if said) can hold.
        ScaleUnclearError: a plain figure under `SMALL_WON` after the owner chose won.

    """
    reading = read_cost(text, chosen_unit)
    if reading is None:
        raise AmountError(cost_ceiling(chosen_unit or CostUnit.HOURS, None))
    maximum = cost_ceiling(reading.unit, reading.period)
    if reading.high > maximum:
        raise AmountError(maximum)
    choices = scale_choices(reading)
    if choices is not None:
        raise ScaleUnclearError(choices)
    return reading


def scale_choices(reading: CostReading) -> tuple[CostReading, CostReading] | None:
    """The readings in 만 and as written, when the figure's unit is in doubt; else None.

    In doubt: won taken from the owner's choice, written plain (`CostReading.in_man`), more
    than nothing and under `SMALL_WON`.
    """
    if reading.in_man is None or not 0 < reading.high < SMALL_WON:
        return None
    low, high = reading.in_man
    as_written = CostReading(reading.low, reading.high, reading.unit, reading.period)
    return CostReading(low, high, reading.unit, reading.period), as_written


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
