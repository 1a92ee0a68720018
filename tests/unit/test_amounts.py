"""Costs as owners say them, in Korean and English, read into amount, unit and period."""

from __future__ import annotations

import time

import pytest

from domain.amounts import MAX_TEXT, Cost, CostPeriod, CostUnit, ParsedCost, parse_cost
from domain.intake import MAX_COST_WON, AmountError, checked_cost
from messages.costs import describe_cost

H, W = CostUnit.HOURS, CostUnit.WON
ONCE, DAY, WEEK, MONTH, YEAR = (
    CostPeriod.ONE_OFF,
    CostPeriod.DAY,
    CostPeriod.WEEK,
    CostPeriod.MONTH,
    CostPeriod.YEAR,
)

KOREAN = [
    ("월 300만원 정도", 3_000_000, 3_000_000, W, MONTH),
    ("연 1,200만 원", 12_000_000, 12_000_000, W, YEAR),
    ("한 번에 300만원", 3_000_000, 3_000_000, W, ONCE),
    ("주 5시간", 5, 5, H, WEEK),
    ("약 40시간", 40, 40, H, None),
    ("200~300만원", 2_000_000, 3_000_000, W, None),
    ("월 200-300만원 정도", 2_000_000, 3_000_000, W, MONTH),
    ("200만원에서 300만원", 2_000_000, 3_000_000, W, None),
    ("1억 2천만 원", 120_000_000, 120_000_000, W, None),
    ("2천5백만원", 25_000_000, 25_000_000, W, None),
    ("3만 5천", 35_000, 35_000, None, None),
    ("천만원", 10_000_000, 10_000_000, W, None),
    ("1년에 500만원", 5_000_000, 5_000_000, W, YEAR),
    ("한 달에 40시간", 40, 40, H, MONTH),
    ("매주 5시간씩", 5, 5, H, WEEK),
    ("하루 2시간", 2, 2, H, DAY),
    ("1회 300만원", 3_000_000, 3_000_000, W, ONCE),
    ("300만원 (키오스크 구입비)", 3_000_000, 3_000_000, W, ONCE),
    ("매달 50만 원", 500_000, 500_000, W, MONTH),
    ("2~3시간", 2, 3, H, None),
    ("1~2억원", 100_000_000, 200_000_000, W, None),
    ("1,200,000", 1_200_000, 1_200_000, None, None),
    ("120만", 1_200_000, 1_200_000, None, None),
    ("0원", 0, 0, W, None),
]
ENGLISH = [
    ("about 2 million won a year", 2_000_000, 2_000_000, W, YEAR),
    ("3 million won a month", 3_000_000, 3_000_000, W, MONTH),
    ("KRW 3m one-off", 3_000_000, 3_000_000, W, ONCE),
    ("one-off 3 million won", 3_000_000, 3_000_000, W, ONCE),
    ("3 million won once", 3_000_000, 3_000_000, W, ONCE),
    ("₩500,000 a month", 500_000, 500_000, W, MONTH),
    ("500k won per month", 500_000, 500_000, W, MONTH),
    ("1.5 million won annually", 1_500_000, 1_500_000, W, YEAR),
    ("between 2 and 3 million won", 2_000_000, 3_000_000, W, None),
    ("2-3 million won", 2_000_000, 3_000_000, W, None),
    ("5 hours a week", 5, 5, H, WEEK),
    ("around 20 hours monthly", 20, 20, H, MONTH),
    ("2 to 3 hours a week", 2, 3, H, WEEK),
    ("40h", 40, 40, H, None),
    ("40 hours per month", 40, 40, H, MONTH),
    ("roughly 12 million won yearly", 12_000_000, 12_000_000, W, YEAR),
    ("2 hours daily", 2, 2, H, DAY),
    ("a one time cost of 4 million won", 4_000_000, 4_000_000, W, ONCE),
    ("1 billion won", 1_000_000_000, 1_000_000_000, W, None),
    ("10,000 won each week", 10_000, 10_000, W, WEEK),
]


@pytest.mark.parametrize(("typed", "low", "high", "unit", "period"), KOREAN + ENGLISH, ids=str)
def test_costs_as_people_say_them(
    typed: str, low: int, high: int, unit: CostUnit | None, period: CostPeriod | None
) -> None:
    assert parse_cost(typed) == ParsedCost(low, high, unit, period)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "많이",
        "a lot",
        "월 40시간, 300만원",  # two costs at once: which is which?
        "월 300만원, 연 1000만원",
        "3년에 1000만원",  # a cost over several periods
        "40 hours 3 million won",
        "월 300만원 연간",  # two periods
        "1" * 17,  # more digits than any cost
        "1.2.3",
    ],
)
def test_what_is_not_one_cost(typed: str) -> None:
    assert parse_cost(typed) is None


ADVERSARIAL = [
    "1" * MAX_TEXT,
    "1~" * (MAX_TEXT // 2),
    "1만" * (MAX_TEXT // 2),
    "만" * MAX_TEXT,
    "1,1" * (MAX_TEXT // 3),
    "1." * (MAX_TEXT // 2),
    "one " * (MAX_TEXT // 4),
    ("월" + " " * 9) * (MAX_TEXT // 10),
    "9" * 16 + "조" * (MAX_TEXT - 16),
    "1" * (MAX_TEXT * 500),  # far too long: refused before any reading
]


@pytest.mark.parametrize("typed", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_hostile_input_is_read_in_well_under_50_ms(typed: str) -> None:
    started = time.perf_counter()
    parse_cost(typed)
    assert time.perf_counter() - started < 0.05


def test_the_question_fills_in_what_the_owner_left_out() -> None:
    assert checked_cost("40", CostUnit.HOURS) == Cost(H, MONTH, 40, 40)
    assert checked_cost("120만", CostUnit.WON) == Cost(W, MONTH, 1_200_000, 1_200_000)
    # A unit in the text wins over the button pressed.
    assert checked_cost("한 번에 300만원", CostUnit.HOURS) == Cost(W, ONCE, 3_000_000, 3_000_000)
    with pytest.raises(AmountError):
        checked_cost("40", None)  # at the cost question itself, a bare number says too little


def test_numbers_are_bounded_by_what_the_period_can_hold() -> None:
    assert checked_cost("주 168시간", None).high == 168
    with pytest.raises(AmountError) as week:
        checked_cost("주 169시간", None)
    assert week.value.maximum == 168
    with pytest.raises(AmountError):
        checked_cost("월 745시간", None)
    with pytest.raises(AmountError) as money:
        checked_cost("10000조 원", None)
    assert money.value.maximum == MAX_COST_WON


def test_a_range_keeps_both_ends_and_adds_up_as_its_middle() -> None:
    cost = checked_cost("200~300만원", None)
    assert (cost.low, cost.high, cost.is_range, cost.midpoint) == (
        2_000_000,
        3_000_000,
        True,
        2_500_000,
    )
    with pytest.raises(ValueError, match="low to high"):
        Cost(W, MONTH, 5, 4)


@pytest.mark.parametrize(
    ("language", "cost", "words"),
    [
        ("ko", Cost(W, MONTH, 3_000_000, 3_000_000), "월 300만원"),
        ("ko", Cost(W, ONCE, 3_000_000, 3_000_000), "한 번에 300만원"),
        ("ko", Cost(W, YEAR, 120_000_000, 120_000_000), "연 1억 2,000만원"),
        ("ko", Cost(W, MONTH, 2_000_000, 3_000_000), "월 200만~300만원"),
        ("ko", Cost(W, DAY, 15_000, 15_000), "하루 1만 5,000원"),
        ("ko", Cost(H, WEEK, 5, 5), "주 5시간"),
        ("en", Cost(W, YEAR, 2_000_000, 2_000_000), "₩2,000,000 a year"),
        ("en", Cost(W, ONCE, 3_000_000, 3_000_000), "₩3,000,000 once"),
        ("en", Cost(H, MONTH, 1, 1), "1 hour a month"),
        ("en", Cost(H, WEEK, 2, 3), "2–3 hours a week"),
    ],
)
def test_a_cost_is_said_back_in_words(language: str, cost: Cost, words: str) -> None:
    said = describe_cost(language, str(cost.unit), str(cost.period), cost.low, cost.high)
    assert said == words
