"""Linking submissions to meetings and bills, and each item's agenda with its burden totals.

From a submission's card: "link" offers upcoming meetings and tracked bills as buttons. In bulk:
`/link m3 SV-… SV-…` (or `b2` for a bill). `/agenda` lists the items; each opens its agenda. All
stateless: one tap or one message carries everything.
"""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from domain.agenda import LinkKind, LinkTarget
from domain.bills import BillNotFoundError
from domain.meetings import MeetingNotFoundError
from handlers.admin_guard import admin_only
from handlers.burden_views import burden_summary
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.feedback_views import costs_words
from handlers.ui import button, keyboard, plain_text, send
from messages import Markup, t
from messages.length import split_blocks
from services.agenda import Agenda

__all__ = ["COMMANDS", "agenda_text", "card_line", "handlers", "reference"]

_REF = re.compile(r"^([mb])(\d+)$")
_SNIPPET = 70
_KINDS = {"m": LinkKind.MEETING, "b": LinkKind.BILL}


def reference(target: LinkTarget) -> str:
    """How admins name an item in /link and /agenda: m3 for meeting 3, b2 for bill 2."""
    return f"{'m' if target.kind is LinkKind.MEETING else 'b'}{target.item_id}"


def _target(letter: str, number: str | int) -> LinkTarget:
    return LinkTarget(_KINDS[letter], int(number))


async def card_line(context: SotongContext, submission_id: int) -> Markup | None:
    """What the card says a submission is linked to, or None."""
    agenda = context.services.agenda
    targets = await context.services.links.targets_of(submission_id)
    if not targets:
        return None
    titles = []
    for target in targets:
        try:
            titles.append(f"{await agenda.title(target, context.lang)} ({reference(target)})")
        except (MeetingNotFoundError, BillNotFoundError):
            continue
    return t(context.lang, "agenda.card", items=", ".join(titles)) if titles else None


@admin_only
async def pick(update: Update, context: SotongContext) -> None:
    """The card's link button: offer the meetings and bills to link to."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.AgendaPick.decode(query.data)
    assert tapped is not None
    lang = context.lang
    submission = await context.services.submissions.get(tapped.submission_id)
    if submission is None:
        await send(update, context, t(lang, "admin_common.not_found"))
        return
    choices = await context.services.agenda.choices(lang)
    if not choices:
        await send(update, context, t(lang, "agenda.pick_none"))
        return
    rows = [
        [
            button(
                lang,
                f"agenda.choice.{target.kind}",
                cb.AgendaLink(submission.id, reference(target)[0], target.item_id),
                title=title[:40],
            )
        ]
        for target, title in choices
    ]
    await send(
        update, context, t(lang, "agenda.pick", code=submission.receipt_code), keyboard(rows)
    )


@admin_only
async def link_one(update: Update, context: SotongContext) -> None:
    """A meeting or bill picked for one submission: link it; its owner hears what follows."""
    query = update.callback_query
    user = update.effective_user
    assert query is not None and query.data is not None and user is not None
    await query.answer()
    tapped = cb.AgendaLink.decode(query.data)
    assert tapped is not None
    lang = context.lang
    services = context.services
    submission = await services.submissions.get(tapped.submission_id)
    target = _target(tapped.kind, tapped.item_id)
    if submission is None:
        await send(update, context, t(lang, "admin_common.not_found"))
        return
    try:
        added = await services.agenda.link(target, submission.id, actor_id=user.id)
        title = await services.agenda.title(target, lang)
    except (MeetingNotFoundError, BillNotFoundError):
        await send(update, context, t(lang, "agenda.not_found"))
        return
    key = "agenda.linked" if added else "agenda.already"
    await send(update, context, t(lang, key, code=submission.receipt_code, title=title))


async def link_command(update: Update, context: SotongContext) -> None:
    """/link m3 SV-… SV-…: link many submissions to one meeting or bill."""
    user = update.effective_user
    assert user is not None
    lang = context.lang
    args = context.args or []
    match = _REF.match(args[0].lower()) if args else None
    if match is None or len(args) < 2:
        await send(update, context, t(lang, "agenda.link_usage"))
        return
    target = _target(match[1], match[2])
    agenda = context.services.agenda
    try:
        outcome = await agenda.link_codes(target, " ".join(args[1:]), actor_id=user.id)
        title = await agenda.title(target, lang)
    except (MeetingNotFoundError, BillNotFoundError):
        await send(update, context, t(lang, "agenda.not_found"))
        return
    unknown = (
        t(lang, "agenda.bulk_unknown", codes=", ".join(outcome.unknown)) if outcome.unknown else ""
    )
    text = t(
        lang,
        "agenda.bulk_done",
        title=title,
        count=len(outcome.linked),
        added=outcome.added,
        unknown=unknown,
    )
    await send(update, context, text)


def agenda_text(lang: str, agenda: Agenda, categories: dict[str, str]) -> tuple[str, ...]:
    """The agenda as messages that fit: title, totals, one line per linked submission."""
    dash = plain_text(t(lang, "agenda.dash"))
    ref = reference(agenda.target)
    totals = agenda.totals
    blocks: list[str] = [
        t(
            lang,
            "agenda.view.title",
            title=agenda.title,
            ref=ref,
            count=totals.submissions,
            supporters=totals.supporters,
        ),
        burden_summary(lang, totals),
    ]
    if not agenda.entries:
        blocks.append(t(lang, "agenda.view.empty"))
    for entry in agenda.entries:
        flat = " ".join(entry.problem.split())
        blocks.append(
            t(
                lang,
                "agenda.view.line",
                code=entry.receipt_code,
                category=categories.get(entry.category_id, entry.category_id),
                supporters=entry.supporters,
                cost=costs_words(lang, entry.hours, entry.won) or dash,
                snippet=flat if len(flat) <= _SNIPPET else flat[: _SNIPPET - 1] + "…",
            )
        )
    blocks.append(t(lang, "agenda.view.hint", ref=ref))
    return split_blocks(blocks)


async def _show_agenda(update: Update, context: SotongContext, target: LinkTarget) -> None:
    """One message, unless the linked submissions pass Telegram's length limit.

    Then the agenda is split between lines rather than cut: it is read (and forwarded) as a
    whole before a meeting, so no line may go missing.
    """
    lang = context.lang
    try:
        agenda = await context.services.agenda.agenda(target, lang)
    except (MeetingNotFoundError, BillNotFoundError):
        await send(update, context, t(lang, "agenda.not_found"))
        return
    categories = {c.id: c.name(lang) for c in await context.services.reference.categories()}
    for part in agenda_text(lang, agenda, categories):
        await send(update, context, Markup(part))


async def agenda_command(update: Update, context: SotongContext) -> None:
    """/agenda [m3|b2]: the items to pick from, or one item's agenda."""
    lang = context.lang
    args = context.args or []
    match = _REF.match(args[0].lower()) if args else None
    if match is not None:
        await _show_agenda(update, context, _target(match[1], match[2]))
        return
    choices = await context.services.agenda.choices(lang)
    if not choices:
        await send(update, context, t(lang, "agenda.pick_none"))
        return
    rows: list[list[InlineKeyboardButton]] = [
        [
            button(
                lang,
                f"agenda.choice.{target.kind}",
                cb.AgendaView(reference(target)[0], target.item_id),
                title=f"{title[:40]} ({reference(target)})",
            )
        ]
        for target, title in choices
    ]
    await send(update, context, t(lang, "agenda.list_title"), keyboard(rows))


@admin_only
async def view(update: Update, context: SotongContext) -> None:
    """An item's button in /agenda: its agenda."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.AgendaView.decode(query.data)
    assert tapped is not None
    await _show_agenda(update, context, _target(tapped.kind, tapped.item_id))


COMMANDS = (
    Command("link", Scope.ADMIN, 110, link_command),
    Command("agenda", Scope.ADMIN, 120, agenda_command),
)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/link, /agenda and their buttons."""
    return [
        CallbackQueryHandler(pick, pattern=cb.AgendaPick.matches),
        CallbackQueryHandler(link_one, pattern=cb.AgendaLink.matches),
        CallbackQueryHandler(view, pattern=cb.AgendaView.matches),
    ]
