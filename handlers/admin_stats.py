"""/stats: the counts in text, and a chart of submissions per category over recent weeks."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from domain.reference import Choice
from domain.stats import StatsOverview
from handlers.admin_guard import admin_only
from handlers.context import SotongContext
from handlers.ui import plain_text, send
from messages import Markup, t
from services.chart import WeeklyChart, build_weekly_chart, render_png

__all__ = ["chart_for", "handlers", "stats_text"]

_TOP_LINES = 8
_SNIPPET = 60


def _name(lang: str, choices: Sequence[Choice], ident: str | None) -> str:
    for choice in choices:
        if choice.id == ident:
            return choice.name(lang)
    return plain_text(t(lang, "admin_common.unspecified"))


def _lines(lang: str, counts: Sequence[tuple[str, int]]) -> Markup:
    if not counts:
        return t(lang, "admin_stats.none")
    lines = [
        t(lang, "admin_stats.line", name=name, count=count) for name, count in counts[:_TOP_LINES]
    ]
    rest = sum(count for _, count in counts[_TOP_LINES:])
    if rest:
        lines.append(t(lang, "admin_stats.more", count=rest))
    return Markup("\n".join(lines))


def _median(lang: str, overview: StatsOverview) -> Markup:
    delay = overview.median_time_to_answer
    if delay is None:
        return t(lang, "admin_stats.no_answers")
    return t(
        lang,
        "admin_stats.median",
        days=delay.days,
        hours=delay.seconds // 3600,
        answered=overview.answered,
    )


def stats_text(
    lang: str, overview: StatsOverview, references: dict[str, Sequence[Choice]]
) -> Markup:
    """Every count in one message; long lists are cut to their largest entries."""

    def named(kind: str, counts: Sequence[tuple[str | None, int]]) -> Markup:
        return _lines(lang, [(_name(lang, references[kind], ident), n) for ident, n in counts])

    statuses = [
        (plain_text(t(lang, f"admin_common.status.{ident}")), count)
        for ident, count in overview.by_status
        if ident is not None
    ]
    weeks = [
        (f"{week:%m/%d}", count)
        for week, count in zip(overview.weeks, overview.per_week, strict=True)
    ]
    top = [
        t(
            lang,
            "admin_stats.top_line",
            code=item.receipt_code,
            supporters=item.supporters,
            category=_name(lang, references["categories"], item.category_id),
            snippet=" ".join(item.problem.split())[:_SNIPPET],
        )
        for item in overview.most_supported
    ]
    return t(
        lang,
        "admin_stats.text",
        total=overview.total,
        by_status=_lines(lang, statuses),
        by_category=named("categories", overview.by_category),
        by_region=named("regions", overview.by_region),
        by_size=named("company_sizes", overview.by_size),
        by_week=Markup(
            "\n".join(t(lang, "admin_stats.week_line", week=w, count=n) for w, n in weeks)
        ),
        top=Markup("\n".join(top)) if top else t(lang, "admin_stats.none"),
        median=_median(lang, overview),
    )


def chart_for(lang: str, overview: StatsOverview, categories: Sequence[Choice]) -> WeeklyChart:
    """The chart's data and words in the reader's language."""
    weeks = len(overview.weeks)
    return WeeklyChart(
        title=plain_text(t(lang, "admin_stats.chart.title", weeks=weeks)),
        x_label=plain_text(t(lang, "admin_stats.chart.x")),
        y_label=plain_text(t(lang, "admin_stats.chart.y")),
        weeks=[f"{week:%m/%d}" for week in overview.weeks],
        series={
            _name(lang, categories, ident): values
            for ident, values in overview.per_week_by_category.items()
        },
    )


def _png(chart: WeeklyChart) -> bytes:
    return render_png(build_weekly_chart(chart))


@admin_only
async def stats_command(update: Update, context: SotongContext) -> None:
    """/stats or the admin menu button: the counts, then the chart as a photo."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    lang = context.lang
    overview = await context.services.stats.overview()
    reference = context.services.reference
    references: dict[str, Sequence[Choice]] = {
        "categories": await reference.categories(),
        "regions": await reference.regions(),
        "company_sizes": await reference.company_sizes(),
    }
    await send(update, context, stats_text(lang, overview, references))
    chart = chart_for(lang, overview, references["categories"])
    png = await asyncio.to_thread(_png, chart)
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_photo(
        chat.id, png, caption=t(lang, "admin_stats.chart.caption", weeks=len(overview.weeks))
    )


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/stats and its menu button."""
    return [
        CommandHandler("stats", stats_command),
        CallbackQueryHandler(stats_command, pattern=r"^admin:stats$"),
    ]
