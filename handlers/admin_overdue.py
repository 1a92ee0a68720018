"""/overdue: what is past or near its answer date, under the ministry each was forwarded to.

Administrators chase answers ministry by ministry; the daily list (services/deadlines.py) has
the same submissions in date order.
"""

from __future__ import annotations

from datetime import date

from telegram import Update

from domain.deadlines import DUE_SOON_DAYS, MinistryDeadlines
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.deadline_texts import day_text, days_left_text
from handlers.ui import send
from messages import Markup, t
from messages.length import split_blocks

__all__ = ["COMMANDS"]


def _block(group: MinistryDeadlines, context: SotongContext, today: date) -> str:
    """One ministry: its name and counts, then each submission with its date and days left."""
    lang, zone = context.lang, context.services.zone
    ministry = group.ministry or t(lang, "overdue.not_forwarded")
    lines = [
        t(
            lang,
            "overdue.ministry",
            ministry=ministry,
            overdue=len(group.overdue),
            soon=len(group.soon),
        )
    ]
    lines.extend(
        t(
            lang,
            "overdue.line",
            code=item.receipt_code,
            due=day_text(item.effective_on, lang, zone),
            left=days_left_text(lang, item.days_left(today)),
        )
        for item in (*group.overdue, *group.soon)
    )
    return "\n".join(lines)


async def overdue(update: Update, context: SotongContext) -> None:
    """Reply with the grouped list, in as few messages as fit; say so when nothing is due."""
    lang = context.lang
    today, groups = await context.services.deadlines.by_ministry()
    if not groups:
        await send(update, context, t(lang, "overdue.none", days=DUE_SOON_DAYS))
        return
    title = t(
        lang,
        "overdue.title",
        date=day_text(today, lang, context.services.zone),
        overdue=sum(len(group.overdue) for group in groups),
        soon=sum(len(group.soon) for group in groups),
    )
    blocks = [title, *(_block(group, context, today) for group in groups)]
    for part in split_blocks(blocks):
        await send(update, context, Markup(part))


COMMANDS = (Command("overdue", Scope.ADMIN, 105, overdue),)
