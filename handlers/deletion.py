"""/deletemydata: erase a user's personal data after confirmation, and say exactly what stayed."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.ui import button, edit, keyboard, send
from messages import Markup, t

__all__ = ["COMMANDS", "handlers"]

_CODES_SHOWN = 30


async def ask(update: Update, context: SotongContext) -> None:
    """/deletemydata: explain what goes and what stays, and ask to confirm."""
    assert update.effective_user is not None
    lang = context.lang
    count = await context.services.submissions.count_for_owner(update.effective_user.id)
    await send(
        update,
        context,
        t(lang, "deletion.confirm", count=count),
        keyboard(
            [
                [
                    button(lang, "deletion.button.confirm", cb.DELETION_YES),
                    button(lang, "deletion.button.keep", cb.DELETION_NO),
                ]
            ]
        ),
    )


async def answer(update: Update, context: SotongContext) -> None:
    """Confirmed: erase in one transaction and report; refused: say nothing changed."""
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    await query.answer()
    lang = context.lang
    if not cb.DELETION_YES.matches(query.data):
        await edit(query, t(lang, "deletion.kept_nothing"))
        return
    # PTB writes conversation states periodically: flush what waits now, so the erasure below
    # removes it instead of a later write bringing the user's rows back.
    await context.application.update_persistence()
    report = await context.services.accounts.erase(update.effective_user.id)
    # Half-edited panels and drafts kept in memory would otherwise be written back.
    context.application.drop_user_data(update.effective_user.id)
    context.user = None
    kept = []
    if report.kept_receipt_codes:
        kept.append(
            t(
                lang,
                "deletion.kept.submissions",
                count=len(report.kept_receipt_codes),
                codes=", ".join(report.kept_receipt_codes[:_CODES_SHOWN])
                + (" …" if len(report.kept_receipt_codes) > _CODES_SHOWN else ""),
            )
        )
    if report.kept_supports:
        kept.append(t(lang, "deletion.kept.supports", count=report.kept_supports))
    await edit(
        query,
        t(
            lang,
            "deletion.done",
            draft=t(lang, "deletion.done.draft") if report.had_draft else "",
            kept=Markup(" ".join(kept)) if kept else t(lang, "deletion.kept.nothing"),
        ),
    )


COMMANDS = (Command("deletemydata", Scope.WITH_CONSENT, 120, ask),)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/deletemydata and its confirmation buttons."""
    return [
        CallbackQueryHandler(answer, pattern=cb.any_of(cb.DELETION_YES, cb.DELETION_NO)),
    ]
