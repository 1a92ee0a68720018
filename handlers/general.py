"""/help, /cancel outside a flow, and the friendly answer to anything not understood."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, MessageHandler, filters

from domain import callback_data as cb
from handlers.commands import Command, Scope, visible_commands
from handlers.context import SotongContext
from handlers.loose_text import loose_text
from handlers.menu import main_menu, show_menu
from handlers.ui import send, typed_text
from messages import Markup, t
from messages.length import truncate

__all__ = ["fallback_handlers", "handlers"]


async def help_command(update: Update, context: SotongContext) -> None:
    """/help or the menu button: what Sotong is for and every command the user may use."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    lang = context.lang
    lines = "\n".join(
        t(lang, "help.command_line", name=c.name, description=t(lang, c.description_key))
        for c in visible_commands(admin=context.is_admin)
    )
    await send(
        update,
        context,
        t(lang, "help.text", commands=Markup(lines)),
        main_menu(lang, is_admin=context.is_admin),
    )


async def _with_menu(update: Update, context: SotongContext, notice: Markup) -> None:
    """One message: the notice with the menu's buttons under it (one reply per action)."""
    await send(update, context, notice, main_menu(context.lang, is_admin=context.is_admin))


async def cancel_outside_flow(update: Update, context: SotongContext) -> None:
    """/cancel when no flow is running: say so, with the menu."""
    await _with_menu(update, context, t(context.lang, "cancel.nothing"))


async def unknown_command(update: Update, context: SotongContext) -> None:
    """A command Sotong does not have: name it, with the menu."""
    words = typed_text(update).split()
    command = truncate(words[0].lstrip("/").split("@")[0], 40) if words else ""
    await _with_menu(update, context, t(context.lang, "fallback.unknown_command", command=command))


async def not_understood(update: Update, context: SotongContext) -> None:
    """Any other message: a short hint with the menu, never silence.

    Text is first kept for the owner's report when it can be (handlers/loose_text.py).
    """
    message = update.effective_message
    if message is not None and message.text and await loose_text(update, context):
        return
    await _with_menu(update, context, t(context.lang, "fallback.text"))


async def stale_button(update: Update, context: SotongContext) -> None:
    """A button no handler claims (an old message, a finished flow, forged data): say so, briefly.

    A toast, then the menu: never an error, whatever the button carried.
    """
    query = update.callback_query
    assert query is not None
    await query.answer(t(context.lang, "button.stale"))
    await show_menu(update, context)


COMMANDS = (
    Command("help", Scope.EVERYONE, 90, help_command),
    # Inside a flow, the flow's own /cancel answers first.
    Command("cancel", Scope.EVERYONE, 130, cancel_outside_flow),
)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """The menu's help button."""
    return [CallbackQueryHandler(help_command, pattern=cb.MENU_HELP.matches)]


def fallback_handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """Catch-alls, registered last so that every real handler gets its chance first."""
    private = filters.ChatType.PRIVATE
    return [
        MessageHandler(private & filters.COMMAND, unknown_command),
        MessageHandler(private & ~filters.StatusUpdate.ALL, not_understood),
        CallbackQueryHandler(stale_button),
    ]
