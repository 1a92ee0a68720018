"""The burden rules: law names folded onto one line, periods brought to a month, kept apart."""

from __future__ import annotations

from fractions import Fraction

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.burden import BurdenEntry, BurdenTally, fold_law_name, law_line, monthly

ALIASES = {
    fold_law_name(name): law
    for law, names in {
        "저작권법": ("저작권법", "copyright act"),
        "AI 기본법": ("AI 기본법", "framework act on ai"),
    }.items()
    for name in names
}


@pytest.mark.parametrize(
    "text",
    [
        "저작권법 제35조의5",
        "저작권법 35조의5",
        "copyright act art. 35-5",
        "Copyright Act, Article 35-5",
        "저작권법 제35조의5(저작물의 공정한 이용)",
        "저작권 법 제 35 조의 5",
    ],
)
def test_spellings_of_one_article_land_on_one_line(text: str) -> None:
    assert law_line(text, ALIASES) == "저작권법 제35조의5"


def test_names_without_an_article_or_alias_and_the_first_of_several() -> None:
    assert law_line("Framework Act on AI, high-impact AI provisions", ALIASES) == "AI 기본법"
    assert law_line("AI 기본법 투명성 의무(생성형 AI 결과물 표시)", ALIASES) == "AI 기본법"
    assert law_line("농지법 제34조, 건축법 제2조", ALIASES) == "농지법 제34조"
    assert law_line("  ", ALIASES) is None
    assert law_line(None, ALIASES) is None


def test_periods_come_to_a_month_and_one_off_stays_out() -> None:
    assert monthly(Cost(CostUnit.WON, CostPeriod.YEAR, 1_200_000, 1_200_000)) == 100_000
    assert monthly(Cost(CostUnit.HOURS, CostPeriod.WEEK, 3, 3)) == 13
    assert monthly(Cost(CostUnit.HOURS, CostPeriod.DAY, 1, 1)) == Fraction(365, 12)
    assert monthly(Cost(CostUnit.WON, CostPeriod.MONTH, 200, 300)) == 250
    assert monthly(Cost(CostUnit.WON, CostPeriod.ONE_OFF, 5, 5)) is None


def _won(period: CostPeriod, low: int, high: int | None = None) -> Cost:
    return Cost(CostUnit.WON, period, low, high if high is not None else low)


def test_tally_keeps_monthly_and_one_off_apart_with_totals_medians_and_support() -> None:
    tally = BurdenTally(ALIASES).extend(
        [
            BurdenEntry("저작권법 35조의5", "AI", 2, None, _won(CostPeriod.MONTH, 1_000_000)),
            BurdenEntry(
                "copyright act art. 35-5",
                "AI",
                0,
                Cost(CostUnit.HOURS, CostPeriod.MONTH, 10, 20),
                _won(CostPeriod.YEAR, 12_000_000),
            ),
            BurdenEntry("저작권법 제35조의5", "AI", 1, None, _won(CostPeriod.ONE_OFF, 5_000_000)),
            BurdenEntry(None, "Kiosk", 4, None, None),
        ]
    )
    table = tally.table()
    (copyright, unnamed) = table.by_law
    assert copyright.label == "저작권법 제35조의5"
    assert (copyright.submissions, copyright.supporters) == (3, 3)
    assert copyright.won_per_month == 2_000_000
    assert copyright.won_per_month_median == 1_000_000
    assert copyright.won_one_off == 5_000_000
    assert copyright.hours_per_month == 15
    assert unnamed.label is None and unnamed.won_per_month is None
    assert table.total.submissions == 4 and table.total.supporters == 7
    assert [line.label for line in table.by_category] == ["AI", "Kiosk"]
    assert table.as_json()["total"] == table.total.as_json()
