"""The cost question as owners answer it, in Korean and English: no period is ever assumed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.amounts import Cost, CostPeriod, CostReading, CostUnit, parse_cost, read_cost
from domain.cost_answers import (
    PERIOD_CHOICES,
    SMALL_WON,
    ScaleUnclearError,
    answer_cost,
    complete_cost,
    needs_period,
    scale_choices,
)
from domain.intake import MAX_COST_WON, MAX_HOURS, AmountError, checked_cost
from messages import format_number, t
from messages.costs import describe_cost
from tests.unit.test_amounts import DAY, MONTH, ONCE, WEEK, YEAR, H, W

# (typed, unit chosen before typing, amount low, high, unit, period or None)
SAID = [
    # Korean amounts with 억 and a bare 천 after it: 2천 means 2천만.
    ("1억2천", None, 120_000_000, 120_000_000, W, None),
    ("1억 2천", None, 120_000_000, 120_000_000, W, None),
    ("1억 2천만원", None, 120_000_000, 120_000_000, W, None),
    ("1억 2천만 원", None, 120_000_000, 120_000_000, W, None),
    ("1억2천만원", None, 120_000_000, 120_000_000, W, None),
    ("1억 2천원", None, 120_000_000, 120_000_000, W, None),
    ("1억 5000", None, 150_000_000, 150_000_000, W, None),
    ("1.5억", None, 150_000_000, 150_000_000, W, None),
    ("12억 3456만 7890원", None, 1_234_567_890, 1_234_567_890, W, None),
    ("1억 2,000원", None, 100_002_000, 100_002_000, W, None),  # digits and 원: as written
    ("1조 5000", None, 1_500_000_000_000, 1_500_000_000_000, W, None),
    ("3만 5천", None, 35_000, 35_000, W, None),  # after 만 a bare 천 is just 천
    # Periods in every place owners put them.
    ("연 2억", None, 200_000_000, 200_000_000, W, YEAR),
    ("연2억", None, 200_000_000, 200_000_000, W, YEAR),
    ("2억/년", None, 200_000_000, 200_000_000, W, YEAR),
    ("일년에 2억", None, 200_000_000, 200_000_000, W, YEAR),
    ("연간 2억원 정도", None, 200_000_000, 200_000_000, W, YEAR),
    ("2억원(연간)", None, 200_000_000, 200_000_000, W, YEAR),
    ("년간 1억 2천", None, 120_000_000, 120_000_000, W, YEAR),
    ("연평균 3천만원", None, 30_000_000, 30_000_000, W, YEAR),
    ("월 300만", None, 3_000_000, 3_000_000, W, MONTH),
    ("월300만", None, 3_000_000, 3_000_000, W, MONTH),
    ("300만/월", None, 3_000_000, 3_000_000, W, MONTH),
    ("월평균 300만원", None, 3_000_000, 3_000_000, W, MONTH),
    ("매월 약 300만원 정도 들어요", None, 3_000_000, 3_000_000, W, MONTH),
    ("3,000,000원/월", None, 3_000_000, 3_000_000, W, MONTH),
    ("한 번에 300만원", None, 3_000_000, 3_000_000, W, ONCE),
    ("주 5시간", None, 5, 5, H, WEEK),
    ("하루 2시간", None, 2, 2, H, DAY),
    ("200~300만원", None, 2_000_000, 3_000_000, W, None),
    # After the owner chose a unit, a bare number is in that unit.
    ("300원", W, 300, 300, W, None),  # 원 said: as written, however small
    ("1,200,000", W, 1_200_000, 1_200_000, W, None),
    ("120만", W, 1_200_000, 1_200_000, W, None),
    ("월 300만", W, 3_000_000, 3_000_000, W, MONTH),
    ("10000", W, 10_000, 10_000, W, None),  # 1만원 and more: as written
    ("40", H, 40, 40, H, None),
    ("주 5", H, 5, 5, H, WEEK),
    ("한 번에 300만원", H, 3_000_000, 3_000_000, W, ONCE),  # the text's unit wins
    # English, as owners write it.
    ("2 million won a year", None, 2_000_000, 2_000_000, W, YEAR),
    ("2 million a year", None, 2_000_000, 2_000_000, W, YEAR),
    ("₩3,000,000/month", None, 3_000_000, 3_000_000, W, MONTH),
    ("₩3,000,000 per month", None, 3_000_000, 3_000_000, W, MONTH),
    ("KRW 120 million", None, 120_000_000, 120_000_000, W, None),
    ("120 million won", None, 120_000_000, 120_000_000, W, None),
    ("1.2 billion won annually", None, 1_200_000_000, 1_200_000_000, W, YEAR),
    ("500k won per month", None, 500_000, 500_000, W, MONTH),
    ("3 million won once", None, 3_000_000, 3_000_000, W, ONCE),
    ("5 hours a week", None, 5, 5, H, WEEK),
    ("40 hours", None, 40, 40, H, None),
    ("300 won", W, 300, 300, W, None),
    ("5k", W, 5_000, 5_000, W, None),  # said in full: k is never short for 만
    ("1.5 million", W, 1_500_000, 1_500_000, W, None),
]


@pytest.mark.parametrize("case", SAID, ids=str)
def test_costs_as_owners_say_them(
    case: tuple[str, CostUnit | None, int, int, CostUnit, CostPeriod | None],
) -> None:
    typed, chosen, low, high, unit, period = case
    assert answer_cost(typed, chosen) == CostReading(low, high, unit, period)


@pytest.mark.parametrize("typed", ["1억 2천만원", "300만원", "2 million won", "40시간"])
def test_without_a_period_the_reading_says_so_instead_of_assuming_a_month(typed: str) -> None:
    reading = answer_cost(typed)
    assert reading.period is None
    assert needs_period(reading)
    assert reading.cost() is None


def test_the_period_tapped_completes_the_cost() -> None:
    reading = answer_cost("1억 2천만원")
    assert complete_cost(reading, YEAR) == Cost(W, YEAR, 120_000_000, 120_000_000)
    assert not needs_period(answer_cost("연 1억 2천만원"))
    assert answer_cost("연 1억 2천만원").cost() == Cost(W, YEAR, 120_000_000, 120_000_000)
    assert PERIOD_CHOICES[0] is MONTH
    assert set(PERIOD_CHOICES) == set(CostPeriod)


def test_hours_are_bounded_by_the_period_chosen_afterwards() -> None:
    reading = answer_cost("200시간")
    assert complete_cost(reading, MONTH).high == 200
    with pytest.raises(AmountError) as week:
        complete_cost(reading, WEEK)
    assert week.value.maximum == MAX_HOURS[WEEK]
    with pytest.raises(AmountError):
        answer_cost("주 169시간")
    with pytest.raises(AmountError):
        answer_cost("200000시간")  # more than any period holds


@pytest.mark.parametrize(
    ("typed", "chosen"),
    [
        ("300", None),  # a bare number at the question that did not say which unit
        ("40", None),
        ("많이 들어요", W),
        ("월 40시간, 300만원", None),
        ("10000조 원", None),
        ("", W),
    ],
)
def test_what_is_refused(typed: str, chosen: CostUnit | None) -> None:
    with pytest.raises(AmountError):
        answer_cost(typed, chosen)


# (typed after ₩, the reading in 만, the reading as written, period)
IN_DOUBT = [
    ("300", (3_000_000, 3_000_000), (300, 300), None),
    ("월 300", (3_000_000, 3_000_000), (300, 300), MONTH),
    ("300 정도요", (3_000_000, 3_000_000), (300, 300), None),
    ("3천", (30_000_000, 30_000_000), (3_000, 3_000), None),  # 3천만원 or 3천원
    ("200~300", (2_000_000, 3_000_000), (200, 300), None),
    ("1.5", (15_000, 15_000), (2, 2), None),
    ("9,999", (99_990_000, 99_990_000), (9_999, 9_999), None),
    ("연 500", (5_000_000, 5_000_000), (500, 500), YEAR),
]


@pytest.mark.parametrize("case", IN_DOUBT, ids=str)
def test_a_plain_figure_too_small_for_won_is_asked_not_stored(
    case: tuple[str, tuple[int, int], tuple[int, int], CostPeriod | None],
) -> None:
    """A bare 300 after ₩ 금액: 300만원 or 300원? Both are offered, 만 first; neither assumed."""
    typed, in_man, as_written, period = case
    with pytest.raises(ScaleUnclearError) as unclear:
        answer_cost(typed, W)
    likely, literal = unclear.value.choices
    assert (likely.low, likely.high, likely.unit, likely.period) == (*in_man, W, period)
    assert (literal.low, literal.high, literal.unit, literal.period) == (*as_written, W, period)


@pytest.mark.parametrize(
    ("typed", "chosen"),
    [
        ("300원", W),  # the unit said
        ("300 won", W),
        ("₩300", W),
        ("300만", W),  # 만 said
        ("5k", W),  # an English multiplier said
        ("10000", W),  # 1만원: not implausible
        ("0", W),  # nothing at all
        ("300", H),  # hours are never in doubt
        ("300원", None),
    ],
)
def test_a_figure_whose_unit_is_said_or_plausible_is_taken_as_written(
    typed: str, chosen: CostUnit | None
) -> None:
    reading = answer_cost(typed, chosen)
    assert scale_choices(reading) is None


def test_the_line_is_one_man() -> None:
    assert SMALL_WON == 10_000
    with pytest.raises(ScaleUnclearError):
        answer_cost(str(SMALL_WON - 1), W)
    assert answer_cost(str(SMALL_WON), W).high == SMALL_WON


def test_the_flow_of_today_still_reads_a_missing_period_as_a_month() -> None:
    """`checked_cost` keeps its callers working; the new readings reach it too."""
    assert checked_cost("연 2억", None) == Cost(W, YEAR, 200_000_000, 200_000_000)
    assert checked_cost("1억2천", None) == Cost(W, MONTH, 120_000_000, 120_000_000)
    assert checked_cost("300", W) == Cost(W, MONTH, 300, 300)
    assert read_cost("40") is None


amounts = st.integers(min_value=0, max_value=MAX_COST_WON)
units = st.sampled_from(list(CostUnit))
periods = st.sampled_from(list(CostPeriod))
languages = st.sampled_from(["ko", "en"])


@given(language=languages, unit=units, period=periods, ends=st.tuples(amounts, amounts))
def test_a_cost_said_back_reads_as_the_same_cost(
    language: str, unit: CostUnit, period: CostPeriod, ends: tuple[int, int]
) -> None:
    """What the bot writes ("월 1억 2,000만원", "₩3,000,000 a month") reads back unchanged."""
    low, high = sorted(ends)
    if unit is H:
        low, high = low % (MAX_HOURS[period] + 1), high % (MAX_HOURS[period] + 1)
        low, high = sorted((low, high))
    said = str(describe_cost(language, str(unit), str(period), low, high))
    assert answer_cost(said) == CostReading(low, high, unit, period), said


@given(language=languages, unit=units, amount=amounts)
def test_an_amount_said_back_without_a_period_reads_with_none(
    language: str, unit: CostUnit, amount: int
) -> None:
    if unit is H:
        amount %= MAX_HOURS[CostPeriod.ONE_OFF] + 1
    key = "cost.hours" if unit is H else "cost.won"
    said = str(t(language, key, amount=format_number(amount, language)))
    parsed = parse_cost(said)
    assert parsed is not None and (parsed.low, parsed.high, parsed.period) == (amount, amount, None)


@pytest.mark.parametrize(
    ("low", "high", "period"),
    [
        (1, 19_531_250_000, MONTH),
        (11, 5_000_000_000_000, CostPeriod.ONE_OFF),
        (200, 3_000_000, MONTH),
        (100_001, 312_500_000_000, CostPeriod.ONE_OFF),
    ],
)
def test_a_range_whose_low_end_is_under_man_reads_back_in_won(
    low: int, high: int, period: CostPeriod
) -> None:
    """A bare low end ("1~195억원") would take the high end's scale, so it is said in 원.

    A low end written with a big unit of its own ("10만 1") keeps it, whatever its last figure.
    """
    said = str(describe_cost("ko", "won", str(period), low, high))
    assert answer_cost(said) == CostReading(low, high, W, period)
