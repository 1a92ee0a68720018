"""/audit: the latest administrative actions, newest first, paged."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from domain.audit import SYSTEM_ACTOR, AuditEntry
from handlers.admin_guard import admin_only
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.deadline_texts import day_text
from handlers.ui import button, edit_or_say, keyboard, send
from messages import Markup, format_datetime, has_key, t
from messages.length import TEXT_LIMIT, fit_html
from services.export import CONSOLE_ACTOR_ID

__all__ = ["COMMANDS", "PAGE_SIZE", "handlers"]

PAGE_SIZE = 15
_NAMES_SHOWN = 3


def _actor(lang: str, entry: AuditEntry) -> Markup:
    """Who acted, by name: the bot itself, the server console, or the administrator's name.

    The console and the bot share actor 0; only an export is ever run from the console.
    """
    if entry.actor_id in (SYSTEM_ACTOR, CONSOLE_ACTOR_ID):
        console = entry.action == "submissions.export"
        return t(lang, "admin_audit.console" if console else "admin_audit.system")
    if entry.actor_name:
        return t(lang, "admin_audit.actor", name=entry.actor_name)
    return t(lang, "admin_audit.actor_unknown")


def _targets(lang: str, entry: AuditEntry) -> Markup:
    """What was acted on, by receipt code or title; a long list shows its first few and a count."""
    if not entry.target_ids:
        return Markup("")
    kind_key = f"admin_audit.target.{entry.target_type}"
    kind = t(lang, kind_key) if has_key(kind_key) else t(lang, "admin_audit.target.other")
    names = [name for name in entry.target_names if name][:_NAMES_SHOWN]
    rest = len(entry.target_ids) - len(names)
    if not names:
        return t(lang, "admin_audit.targets_counted", kind=kind, count=len(entry.target_ids))
    shown = ", ".join(names)
    if rest > 0:
        return t(lang, "admin_audit.targets_more", kind=kind, names=shown, count=rest)
    return t(lang, "admin_audit.targets", kind=kind, names=shown)


def _detail(context: SotongContext, entry: AuditEntry) -> Markup:
    """The details worth reading, in words; nothing of the stored JSON is shown as it is."""
    lang = context.lang
    details = entry.details
    zone = context.services.zone
    action = entry.action
    if action == "submission.status" and "status" in details:
        key = f"admin_common.status.{details['status']}"
        return (
            t(lang, "admin_audit.detail.status", status=t(lang, key))
            if has_key(key)
            else Markup("")
        )
    if action == "submission.answer" and "length" in details:
        return t(lang, "admin_audit.detail.length", count=details["length"])
    if action == "submission.deadline" and "expected_on" in details:
        day = date.fromisoformat(details["expected_on"])
        return t(lang, "admin_audit.detail.expected_on", date=day_text(day, lang, zone))
    if action == "submissions.export" and "rows" in details:
        return t(
            lang,
            "admin_audit.detail.export",
            rows=details["rows"],
            format=str(details.get("format", "")).upper(),
        )
    if action == "meeting.create" and "starts_at" in details:
        starts = datetime.fromisoformat(details["starts_at"])
        return t(lang, "admin_audit.detail.starts", at=format_datetime(starts, lang, zone))
    if action == "meeting.edit" and has_key(f"content_admin.field.{details.get('field')}"):
        field = t(lang, f"content_admin.field.{details['field']}")
        return t(lang, "admin_audit.detail.field", field=field)
    if action == "bill.stage" and has_key(f"bills.stage.{details.get('stage')}"):
        day = date.fromisoformat(details["on_date"])
        return t(
            lang,
            "admin_audit.detail.stage",
            stage=t(lang, f"bills.stage.{details['stage']}"),
            date=day_text(day, lang, zone),
        )
    if action == "bill.assembly_sync":
        return _sync_detail(lang, details)
    if action == "content.import" and "created" in details:
        return t(
            lang,
            "admin_audit.detail.import",
            created=details["created"],
            updated=details.get("updated", 0),
        )
    return Markup("")


def _sync_detail(lang: str, details: dict[str, Any]) -> Markup:
    """How many stages the sync wrote, and which National Assembly service gave each one.

    An operator who doubts a stage looks it up in the service named here (issue 21).
    """
    counts = t(
        lang,
        "admin_audit.detail.sync",
        added=len(details.get("added", ())),
        corrected=len(details.get("corrected", ())),
    )
    by_service: dict[str, list[Markup]] = {}
    for stage, service in (details.get("sources") or {}).items():
        if has_key(f"bills.stage.{stage}"):
            by_service.setdefault(str(service), []).append(t(lang, f"bills.stage.{stage}"))
    if not by_service:
        return counts
    sources = [
        t(lang, "admin_audit.detail.sync_source", service=service, stages=Markup(", ".join(stages)))
        for service, stages in by_service.items()
    ]
    return t(
        lang, "admin_audit.detail.sync_sources", counts=counts, sources=Markup("; ".join(sources))
    )


def _line(context: SotongContext, entry: AuditEntry) -> Markup:
    lang = context.lang
    key = f"admin_audit.action.{entry.action}"
    action = t(lang, key) if has_key(key) else t(lang, "admin_audit.action_other")
    detail = _detail(context, entry)
    return t(
        lang,
        "admin_audit.line",
        at=format_datetime(entry.at, lang, context.services.zone),
        actor=_actor(lang, entry),
        action=action,
        targets=_targets(lang, entry),
        details=t(lang, "admin_audit.details", details=detail) if detail else "",
    )


async def _page(context: SotongContext, offset: int) -> tuple[Markup, InlineKeyboardMarkup | None]:
    lang = context.lang
    entries = await context.services.audit.latest(limit=PAGE_SIZE + 1, offset=offset, language=lang)
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
