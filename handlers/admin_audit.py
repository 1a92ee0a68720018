"""/audit: the latest administrative actions, newest first, paged."""

from __future__ import annotations

import json

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from domain.audit import AuditEntry
from handlers.admin_guard import admin_only
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.ui import button, edit_or_say, keyboard, send
from messages import Markup, format_datetime, has_key, t
from messages.length import TEXT_LIMIT, fit_html, truncate
from services.export import CONSOLE_ACTOR_ID

__all__ = ["COMMANDS", "PAGE_SIZE", "handlers"]

PAGE_SIZE = 15
_DETAILS_LIMIT = 160


def _line(context: SotongContext, entry: AuditEntry) -> Markup:
    lang = context.lang
    key = f"admin_audit.action.{entry.action}"
    action = t(lang, key) if has_key(key) else entry.action
    actor = (
        t(lang, "admin_audit.console")
        if entry.actor_id == CONSOLE_ACTOR_ID
        else t(lang, "admin_audit.actor", id=entry.actor_id)
    )
    targets = f" · {entry.target_type} {', '.join(entry.target_ids)}" if entry.target_ids else ""
    details = json.dumps(entry.details, ensure_ascii=False) if entry.details else ""
    details = truncate(details, _DETAILS_LIMIT)
    return t(
        lang,
        "admin_audit.line",
        at=format_datetime(entry.at, lang, context.services.zone),
        actor=actor,
        action=action,
        targets=targets,
        details=f"\n  {details}" if details else "",
    )


async def _page(context: SotongContext, offset: int) -> tuple[Markup, InlineKeyboardMarkup | None]:
    lang = context.lang
    entries = await context.services.audit.latest(limit=PAGE_SIZE + 1, offset=offset)
    if not entries:
        return t(lang, "admin_audit.empty"), None
    shown = entries[:PAGE_SIZE]
    # Each line gets an equal share of the message, so no entry can push the page over.
    share = (TEXT_LIMIT - 200) // PAGE_SIZE
    text = t(
        lang,
        "admin_audit.title",
        first=offset + 1,
        last=offset + len(shown),
        lines=Markup("\n".join(fit_html(_line(context, entry), share) for entry in shown)),
    )
    buttons = []
    if offset > 0:
        buttons.append(
            button(lang, "admin_audit.button.newer", cb.AuditPage(max(0, offset - PAGE_SIZE)))
        )
    if len(entries) > PAGE_SIZE:
        buttons.append(button(lang, "admin_audit.button.older", cb.AuditPage(offset + PAGE_SIZE)))
    return text, keyboard([buttons]) if buttons else None


@admin_only
async def audit_command(update: Update, context: SotongContext) -> None:
    """/audit or the admin menu button: the newest entries."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    text, markup = await _page(context, 0)
    await send(update, context, text, markup)


@admin_only
async def audit_page(update: Update, context: SotongContext) -> None:
    """Newer or older: the page at that offset, in place."""
    query = update.callback_query
    assert query is not None and query.data is not None
    tapped = cb.AuditPage.decode(query.data)
    assert tapped is not None
    text, markup = await _page(context, tapped.offset)
    await edit_or_say(query, text, markup, t(context.lang, "paging.same_page"))


COMMANDS = (Command("audit", Scope.ADMIN, 40, audit_command),)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/audit and its buttons."""
    return [
        CallbackQueryHandler(audit_command, pattern=cb.ADMIN_AUDIT.matches),
        CallbackQueryHandler(audit_page, pattern=cb.AuditPage.matches),
    ]
