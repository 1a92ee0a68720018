"""The burden league table behind /stats: a compact top 5, details behind more buttons.

"All laws" and "by category" list every line (split into messages that fit); "chart" draws
the heaviest laws as horizontal bars sized for a phone.
"""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from domain.burden import BurdenLine, BurdenTable
from handlers.admin_guard import admin_only
from handlers.burden_views import burden_parts, burden_summary, won
from handlers.context import SotongContext
from handlers.ui import button, keyboard, plain_text, send
from messages import Markup, t
from messages.length import split_blocks
from services.chart import BurdenChart, build_burden_chart, render_png

__all__ = ["TOP", "burden_block", "burden_markup", "chart_for", "handlers"]

TOP = 5
_CHART_BARS = 10


def _label(lang: str, line: BurdenLine, kind: str) -> str:
    if line.label is not None:
        return line.label
    return plain_text(t(lang, "burden.no_law" if kind == "law" else "burden.no_category"))


def _line(lang: str, rank: int, line: BurdenLine, kind: str) -> Markup:
    return t(
        lang,
        "burden.top_line",
        rank=rank,
        label=_label(lang, line, kind),
        count=line.submissions,
        supporters=line.supporters,
        parts=burden_parts(lang, line),
    )


def burden_block(lang: str, table: BurdenTable) -> Markup:
    """/stats' part: the total burden and the heaviest laws."""
    top = table.by_law[:TOP]
    lines = [burden_summary(lang, table.total)]
    if top:
        lines.append(t(lang, "burden.top_title", count=len(top)))
        lines.extend(_line(lang, rank, line, "law") for rank, line in enumerate(top, start=1))
    return Markup("\n".join(lines))


def burden_markup(lang: str) -> InlineKeyboardMarkup:
    """The details behind /stats' compact view."""
    return keyboard(
        [
            [
                button(lang, "burden.button.laws", cb.BURDEN_LAWS),
                button(lang, "burden.button.categories", cb.BURDEN_CATEGORIES),
            ],
            [button(lang, "burden.button.chart", cb.BURDEN_CHART)],
        ]
    )


def chart_for(lang: str, table: BurdenTable) -> BurdenChart | None:
    """The heaviest laws by won a month, or None when nobody gave a monthly cost."""
    lines = [line for line in table.by_law if line.label and line.won_per_month][:_CHART_BARS]
    if not lines:
        return None
    return BurdenChart(
        title=plain_text(t(lang, "burden.chart.title", count=len(lines))),
        x_label=plain_text(t(lang, "burden.chart.x")),
        labels=[_label(lang, line, "law") for line in lines],
        values=[line.won_per_month or 0.0 for line in lines],
        value_labels=[
            plain_text(t(lang, "burden.chart.value", amount=won(lang, line.won_per_month)))
            for line in lines
        ],
    )


def _png(chart: BurdenChart) -> bytes:
    return render_png(build_burden_chart(chart))


@admin_only
async def top(update: Update, context: SotongContext) -> None:
    """/stats' burden button: the total and the heaviest laws, with the detail buttons."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    lang = context.lang
    table = await context.services.burden.table(language=lang)
    await send(update, context, burden_block(lang, table), burden_markup(lang))


@admin_only
async def details(update: Update, context: SotongContext) -> None:
    """Every line per law or per category, in as few messages as fit.

    One message unless the lines pass Telegram's length limit; they are then split between
    lines rather than cut, since "all laws" promises every line.
    """
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    lang = context.lang
    kind = "law" if cb.BURDEN_LAWS.matches(query.data) else "category"
    table = await context.services.burden.table(language=lang)
    lines = table.by_law if kind == "law" else table.by_category
    blocks = [t(lang, f"burden.details_title.{kind}", count=len(lines))]
    blocks.extend(_line(lang, rank, line, kind) for rank, line in enumerate(lines, start=1))
    for part in split_blocks(blocks):
        await send(update, context, Markup(part))


@admin_only
async def chart(update: Update, context: SotongContext) -> None:
    """The heaviest laws as a phone-width bar chart."""
    query = update.callback_query
    chat = update.effective_chat
    assert query is not None and chat is not None
    await query.answer()
    lang = context.lang
    drawing = chart_for(lang, await context.services.burden.table(language=lang))
    if drawing is None:
        await send(update, context, t(lang, "burden.chart.empty"))
        return
    png = await asyncio.to_thread(_png, drawing)
    caption = t(lang, "burden.chart.caption", count=len(drawing.labels))
    await context.bot.send_photo(chat.id, png, caption=caption)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """The league table's buttons."""
    return [
        CallbackQueryHandler(top, pattern=cb.BURDEN_TOP.matches),
        CallbackQueryHandler(details, pattern=cb.any_of(cb.BURDEN_LAWS, cb.BURDEN_CATEGORIES)),
        CallbackQueryHandler(chart, pattern=cb.BURDEN_CHART.matches),
    ]
