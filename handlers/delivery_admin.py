"""/delivery: how far the newest deliveries have got (sent, pending, failed), and what was given up.

Give-ups stay listed after newer deliveries push their own out of the newest three.
"""

from __future__ import annotations

import re
from datetime import datetime

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

_SUBJECTS = {
    "digest": "digest",
    "immediate": "immediate",
    "reminder": "reminder",
    "deadline_digest": "deadline_digest",
    "deadline-change": "deadline_change",
    "link": "link",
    "draft-reminder": "draft_reminder",
    "follow-up": "follow_up",
    "status": "status",
    "answer": "answer",
    "merge": "merge",
}
"""The first part of a delivery's key names what was sent; the rest are internal numbers."""

_GAVE_UP = re.compile(r"gave up after ([0-9.]+) h: ([0-9]+) attempts")
_REASONS = ("blocked", "refused", "error", "gave up", "erased", "unsubscribed")


def _moment(text: str, lang: str, context: SotongContext) -> str:
    try:
        return format_datetime(datetime.fromisoformat(text), lang, context.services.zone)
    except ValueError:
        return ""


def subject(lang: str, key: str, context: SotongContext) -> Markup:
    """What a delivery was, in words, with its time in Seoul where the key carries one.

    Internal numbers (submission, meeting, user ids) are left out: they mean nothing to a reader
    and a user id must never be shown.
    """
    head, _, rest = key.partition(":")
    name = _SUBJECTS.get(head)
    if name is None:
        return t(lang, "content_admin.delivery.subject.other")
    if name == "digest":
        return t(lang, "content_admin.delivery.subject.digest", at=_moment(rest, lang, context))
    if name == "reminder":
        starts = rest.split(":", 2)[-1]
        return t(lang, "content_admin.delivery.subject.reminder", at=_moment(starts, lang, context))
    if name == "link":
        parts = rest.split(":")
        what = parts[3] if len(parts) > 3 else ""
        known = what if what in ("scheduled", "held", "stage") else "other"
        return t(lang, f"content_admin.delivery.subject.link.{known}")
    return t(lang, f"content_admin.delivery.subject.{name}")


def reason_text(lang: str, reason: str) -> Markup:
    """Why sends failed, in words: the start of the stored error names its class."""
    for known in _REASONS:
        if reason.startswith(known):
            return t(lang, f"content_admin.delivery.why.{known.replace(' ', '_')}")
    return t(lang, "content_admin.delivery.why.other")


def _report(lang: str, progress: DeliveryProgress, context: SotongContext) -> Markup:
    heading: dict[str, object] = {
        "subject": subject(lang, progress.key, context),
        "created": format_datetime(progress.created_at, lang, context.services.zone),
    }
    if progress.private:
        return t(lang, "content_admin.delivery.private", **heading)
    reasons = "".join(
        t(
            lang,
            "content_admin.delivery.reason",
            reason=reason_text(lang, reason),
            count=format_number(count, lang),
        )
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


def _given_up(lang: str, item: GivenUp, context: SotongContext) -> Markup:
    tried = _GAVE_UP.match(item.reason)
    reason = (
        t(lang, "content_admin.delivery.why.tried", hours=tried[1], attempts=tried[2])
        if tried
        else reason_text(lang, item.reason)
    )
    return t(
        lang,
        "content_admin.delivery.given_up",
        subject=subject(lang, item.key, context),
        rows=format_number(item.rows, lang),
        reason=reason,
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
        lines = "\n".join(_given_up(lang, item, context) for item in given_up)
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
