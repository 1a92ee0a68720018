"""/stats: a summary that fits one phone screen, details and the chart behind buttons."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from domain.reference import Choice
from domain.stats import StatsOverview
from handlers.admin_guard import admin_only
from handlers.burden_views import burden_summary
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.deadline_views import deadline_text, follow_up_text
from handlers.ui import button, edit_or_say, keyboard, plain_text, send
from messages import Markup, t
from messages.length import truncate
from services.chart import WeeklyChart, build_weekly_chart, render_png

__all__ = [
    "COMMANDS",
    "SECTIONS",
    "chart_for",
    "handlers",
    "section_text",
    "stats_markup",
    "summary_text",
]

SECTIONS = ("cat", "reg", "size", "week", "top")
_TOP_LINES = 8
_SNIPPET = 60
_CHART_SERIES = 6


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
    rest = counts[_TOP_LINES:]
    if rest:
        total = sum(count for _, count in rest)
        lines.append(t(lang, "admin_stats.more", groups=len(rest), count=total))
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


def _status_line(lang: str, overview: StatsOverview) -> Markup:
    parts = [
        t(
            lang,
            "admin_stats.status_part",
            name=plain_text(t(lang, f"admin_common.status.{ident}")),
            count=count,
        )
        for ident, count in overview.by_status
        if ident is not None
    ]
    return Markup(" · ".join(parts)) if parts else t(lang, "admin_stats.none")


def summary_text(lang: str, overview: StatsOverview) -> Markup:
    """What fits one phone screen: the total, the statuses on one line, the median answer time."""
    return t(
        lang,
        "admin_stats.summary",
        total=overview.total,
        by_status=_status_line(lang, overview),
        median=_median(lang, overview),
    )


def section_text(
    lang: str, overview: StatsOverview, references: dict[str, Sequence[Choice]], section: str
) -> Markup:
    """One detail behind its button; long lists are cut to their largest entries."""

    def named(kind: str, counts: Sequence[tuple[str | None, int]]) -> Markup:
        return _lines(lang, [(_name(lang, references[kind], ident), n) for ident, n in counts])

    if section == "cat":
        body = named("categories", overview.by_category)
    elif section == "reg":
        body = named("regions", overview.by_region)
    elif section == "size":
        body = named("company_sizes", overview.by_size)
    elif section == "week":
        body = Markup(
            "\n".join(
                t(lang, "admin_stats.week_line", week=f"{week:%m/%d}", count=count)
                for week, count in zip(overview.weeks, overview.per_week, strict=True)
            )
        )
    else:
        top = [
            t(
                lang,
                "admin_stats.top_line",
                code=item.receipt_code,
                supporters=item.supporters,
                category=_name(lang, references["categories"], item.category_id),
                snippet=truncate(" ".join(item.problem.split()), _SNIPPET),
            )
            for item in overview.most_supported
        ]
        body = Markup("\n".join(top)) if top else t(lang, "admin_stats.none")
    return t(lang, "admin_stats.section", title=t(lang, f"admin_stats.title.{section}"), lines=body)


def stats_markup(lang: str, section: str | None) -> InlineKeyboardMarkup:
    """A button per detail and the chart; a detail offers the way back to the summary."""
    buttons = [
        button(lang, f"admin_stats.title.{name}", cb.StatsView(name))
        for name in SECTIONS
        if name != section
    ]
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    rows.append(
        [
            button(lang, "admin_stats.button.chart", cb.STATS_CHART),
            button(lang, "burden.button.top", cb.BURDEN_TOP),
        ]
    )
    if section is not None:
        rows.append([button(lang, "admin_stats.button.summary", cb.StatsView("sum"))])
    return keyboard(rows)


def chart_for(lang: str, overview: StatsOverview, categories: Sequence[Choice]) -> WeeklyChart:
    """The chart's data and words in the reader's language.

    The largest categories keep their own colour; the rest share one "others" series, so the
    legend stays a few lines a phone can read and no two colours repeat.
    """
    weeks = len(overview.weeks)
    ranked = list(overview.per_week_by_category.items())
    series = {_name(lang, categories, ident): values for ident, values in ranked[:_CHART_SERIES]}
    rest = ranked[_CHART_SERIES:]
    if rest:
        others = plain_text(t(lang, "admin_stats.chart.others", groups=len(rest)))
        series[others] = [sum(column) for column in zip(*(v for _, v in rest), strict=True)]
    return WeeklyChart(
        title=plain_text(t(lang, "admin_stats.chart.title", weeks=weeks)),
        x_label=plain_text(t(lang, "admin_stats.chart.x")),
        y_label=plain_text(t(lang, "admin_stats.chart.y")),
        weeks=[f"{week:%m/%d}" for week in overview.weeks],
        series=series,
    )


def _png(chart: WeeklyChart) -> bytes:
    return render_png(build_weekly_chart(chart))


async def _references(context: SotongContext) -> dict[str, Sequence[Choice]]:
    reference = context.services.reference
    return {
        "categories": await reference.categories(),
        "regions": await reference.regions(),
        "company_sizes": await reference.company_sizes(),
    }


async def _summary(context: SotongContext, overview: StatsOverview) -> Markup:
    """The summary, then one labelled line each: deadlines kept, "did it help?", the burden."""
    lang = context.lang
    deadlines = deadline_text(lang, await context.services.deadlines.summary())
    helped = follow_up_text(lang, await context.services.follow_up_answers.summary())
    burden = burden_summary(lang, await context.services.burden.total())
    lines = (summary_text(lang, overview), deadlines, helped, burden, t(lang, "admin_stats.hint"))
    return Markup("\n".join(lines))


@admin_only
async def stats_command(update: Update, context: SotongContext) -> None:
    """/stats or the admin menu button: the summary, with a button per detail and the chart."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    lang = context.lang
    overview = await context.services.stats.overview()
    await send(update, context, await _summary(context, overview), stats_markup(lang, None))


@admin_only
async def stats_view(update: Update, context: SotongContext) -> None:
    """A detail button (or back to the summary): the same message shows that part."""
    query = update.callback_query
    assert query is not None and query.data is not None
    lang = context.lang
    tapped = cb.StatsView.decode(query.data)
    assert tapped is not None
    section = tapped.section
    overview = await context.services.stats.overview()
    unchanged = t(lang, "ui.unchanged")
    if section == "sum":
        summary = await _summary(context, overview)
        await edit_or_say(query, summary, stats_markup(lang, None), unchanged)
        return
    text = section_text(lang, overview, await _references(context), section)
    await edit_or_say(query, text, stats_markup(lang, section), unchanged)


@admin_only
async def stats_chart(update: Update, context: SotongContext) -> None:
    """The chart button: submissions per category per week, as a photo."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    lang = context.lang
    overview = await context.services.stats.overview()
    categories = await context.services.reference.categories()
    png = await asyncio.to_thread(_png, chart_for(lang, overview, categories))
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_photo(
        chat.id, png, caption=t(lang, "admin_stats.chart.caption", weeks=len(overview.weeks))
    )


COMMANDS = (Command("stats", Scope.ADMIN, 30, stats_command),)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/stats and its menu button."""
    return [
        CallbackQueryHandler(stats_command, pattern=cb.ADMIN_STATS.matches),
        CallbackQueryHandler(stats_view, pattern=cb.StatsView.matches),
        CallbackQueryHandler(stats_chart, pattern=cb.STATS_CHART.matches),
    ]
