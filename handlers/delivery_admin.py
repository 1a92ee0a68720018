"""/delivery: how far the newest deliveries have got (sent, pending, failed), and what was given up.

Give-ups stay listed after newer deliveries push their own out of the newest three.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from domain.delivery import DeliveryProgress, GivenUp
from handlers.admin_guard import admin_only
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.ui import button, edit_or_say, keyboard, send
from messages import Markup, format_datetime, format_number, t

__all__ = ["COMMANDS", "delivery_text", "handlers"]


def _report(lang: str, progress: DeliveryProgress, context: SotongContext) -> Markup:
    heading: dict[str, object] = {
        "kind": t(lang, f"content_admin.delivery.kind.{progress.kind}"),
        "key": progress.key,
        "created": format_datetime(progress.created_at, lang, context.services.zone),
    }
    if progress.private:
        return t(lang, "content_admin.delivery.private", **heading)
    reasons = "".join(
        t(lang, "content_admin.delivery.reason", reason=reason, count=format_number(count, lang))
        for reason, count in progress.failure_reasons
    )
    return t(
        lang,
        "content_admin.delivery.entry",
        recipients=format_number(progress.recipients, lang),
        sent=format_number(progress.sent, lang),
        pending=format_number(progress.pending, lang),
        failed=format_number(progress.failed, lang),
        reasons=Markup(reasons),
        **heading,
    )


def _given_up(lang: str, item: GivenUp) -> Markup:
    return t(
        lang,
        "content_admin.delivery.given_up",
        kind=t(lang, f"content_admin.delivery.kind.{item.kind}"),
        key=item.key,
        rows=format_number(item.rows, lang),
        reason=item.reason,
    )


async def delivery_text(context: SotongContext) -> Markup:
    """The progress of the newest deliveries, newest first, then recent give-ups."""
    lang = context.lang
    services = context.services
    progress = await services.delivery_status.progress(limit=3)
    if not progress:
        return t(lang, "content_admin.delivery.none")
    sections = [t(lang, "content_admin.delivery.title")]
    sections.extend(_report(lang, item, context) for item in progress)
    given_up = await services.delivery_status.given_up(limit=3)
    if given_up:
        lines = "\n".join(_given_up(lang, item) for item in given_up)
        sections.append(Markup(f"{t(lang, 'content_admin.delivery.given_up_title')}\n{lines}"))
    if services.delivery.unrecorded:
        sections.append(
            t(
                lang,
                "content_admin.delivery.unrecorded",
                count=format_number(services.delivery.unrecorded, lang),
            )
        )
    return Markup("\n\n".join(sections))


@admin_only
async def delivery(update: Update, context: SotongContext) -> None:
    """/delivery: show progress, with a refresh button."""
    lang = context.lang
    markup = keyboard([[button(lang, "content_admin.delivery.refresh", cb.DELIVERY_REFRESH)]])
    query = update.callback_query
    if query is not None:
        unchanged = t(lang, "content_admin.delivery.unchanged")
        await edit_or_say(query, await delivery_text(context), markup, unchanged)
        return
    await send(update, context, await delivery_text(context), markup)


COMMANDS = (Command("delivery", Scope.ADMIN, 90, delivery),)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/delivery and its refresh button (admin-only)."""
    return [
        CallbackQueryHandler(delivery, pattern=cb.DELIVERY_REFRESH.matches),
    ]
