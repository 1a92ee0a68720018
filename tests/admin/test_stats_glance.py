"""/stats read at a glance: one labelled figure per fact, won in 만/억, a chart a phone can read."""

from __future__ import annotations

from datetime import timedelta

from domain.amounts import Cost, CostPeriod, CostUnit
from handlers.admin_stats import chart_for
from messages.costs import won_figure
from services.chart import build_weekly_chart, render_png
from tests.admin.support import onboard, submit
from tests.fixtures.app import ADMIN_ID, BotHarness


async def _eleven_topics(sotong: BotHarness) -> None:
    """Twelve submissions over eleven categories, one a month's 713 million won, one answered."""
    won = Cost(CostUnit.WON, CostPeriod.MONTH, 713_000_000, 713_000_000)
    hours = Cost(CostUnit.HOURS, CostPeriod.MONTH, 50, 50)
    first = await submit(sotong, 5000, category_id="funding", won_cost=won, hours_cost=hours)
    categories = [choice.id for choice in await sotong.services.reference.categories()]
    assert len(categories) == 11
    for index, category in enumerate(categories):
        await submit(sotong, 5001 + index, category_id=category, won_cost=None, hours_cost=None)
    sotong.clock.advance(timedelta(days=9))
    await sotong.services.review.answer(first.id, "답변드립니다", actor_id=ADMIN_ID)


def test_won_reads_in_man_and_eok_in_korean_and_in_millions_in_english() -> None:
    assert won_figure("ko", 713_000_000) == "7억 1,300만"
    assert won_figure("ko", 156_100_000) == "1억 5,610만"
    assert won_figure("en", 713_000_000) == "713 million"
    assert won_figure("en", 156_100_000) == "156.1 million"
    assert won_figure("en", 1_250_000_000) == "1.2 billion"
    assert won_figure("en", 45_000) == "45,000"


async def test_stats_gives_one_labelled_figure_per_fact_in_korean(sotong: BotHarness) -> None:
    await _eleven_topics(sotong)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/stats")
    text = admin.reply().text or ""
    assert text.count("중앙값") == 3  # time to answer, hours a month, won a month: each labelled
    assert "답변까지 걸린 시간: 중앙값 9일" in text
    assert "기한 안에 답변:" in text
    assert "월 7억 1,300만원 합계" in text and "713,000,000" not in text
    assert "월 50시간 합계, 의견당 중앙값 50시간" in text
    assert "(" not in text.replace("(숨김", "")  # no unexplained figure in parentheses
    await admin.tap("분야별")
    detail = admin.reply().text or ""
    assert "• 나머지 3개: 모두 3건" in detail


async def test_stats_gives_one_labelled_figure_per_fact_in_english(sotong: BotHarness) -> None:
    await _eleven_topics(sotong)
    admin = sotong.admin()
    await onboard(admin, "en")
    await admin.send("/stats")
    text = admin.reply().text or ""
    assert "Time to answer: median 9 d" in text
    assert "Answered on time:" in text
    assert "₩713 million a month in all" in text and "713,000,000" not in text
    assert "(" not in text
    await admin.tap("By category")
    assert "• 3 others: 3 in all" in (admin.reply().text or "")


async def test_the_chart_is_drawn_for_a_phone_with_a_short_legend(sotong: BotHarness) -> None:
    await _eleven_topics(sotong)
    overview = await sotong.services.stats.overview()
    categories = await sotong.services.reference.categories()
    for lang, others in (("ko", "나머지 5개 분야"), ("en", "5 other categories")):
        chart = chart_for(lang, overview, categories)
        assert len(chart.series) == 7 and others in chart.series
        figure = build_weekly_chart(chart)
        width, _ = figure.get_size_inches() * figure.dpi
        # Shown 390 points wide, the legend's 12-point text stays at least 6 points tall.
        legend = figure.legends[0]
        smallest = min(text.get_fontsize() for text in legend.get_texts())
        assert width <= 800 and smallest * 390 / width * figure.dpi / 72 >= 11
        assert render_png(figure).startswith(b"\x89PNG")
