"""/delivery: how far the current digest (and the two before it) has got: sent, pending, failed."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from domain.delivery import DeliveryProgress
from handlers.admin_guard import admin_only
from handlers.context import SotongContext
from handlers.ui import button, edit, keyboard, send
from messages import Markup, format_datetime, format_number, t

__all__ = ["delivery_text", "handlers"]


def _report(lang: str, progress: DeliveryProgress, context: SotongContext) -> Markup:
    zone = context.services.zone
    reasons = "".join(
        t(lang, "content_admin.delivery.reason", reason=reason, count=format_number(count, lang))
        for reason, count in progress.failure_reasons
    )
    return t(
        lang,
        "content_admin.delivery.entry",
        kind=t(lang, f"content_admin.delivery.kind.{progress.kind}"),
        key=progress.key,
        created=format_datetime(progress.created_at, lang, zone),
        recipients=format_number(progress.recipients, lang),
        sent=format_number(progress.sent, lang),
        pending=format_number(progress.pending, lang),
        failed=format_number(progress.failed, lang),
        reasons=Markup(reasons),
    )


async def delivery_text(context: SotongContext) -> Markup:
    """The progress of the newest deliveries, newest first."""
    lang = context.lang
    progress = await context.services.delivery_status.progress(limit=3)
    if not progress:
        return t(lang, "content_admin.delivery.none")
    entries = "\n\n".join(_report(lang, item, context) for item in progress)
    return Markup(f"{t(lang, 'content_admin.delivery.title')}\n\n{entries}")


@admin_only
async def delivery(update: Update, context: SotongContext) -> None:
    """/delivery: show progress, with a refresh button."""
    lang = context.lang
    markup = keyboard([[button(lang, "content_admin.delivery.refresh", "dlv:refresh")]])
    query = update.callback_query
    if query is not None:
        await query.answer()
        await edit(query, await delivery_text(context), markup)
        return
    await send(update, context, await delivery_text(context), markup)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/delivery and its refresh button (admin-only)."""
    return [
        CommandHandler("delivery", delivery),
        CallbackQueryHandler(delivery, pattern=r"^dlv:refresh$"),
    ]
