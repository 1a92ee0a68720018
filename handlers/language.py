"""/language: switch between Korean and English at any time."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from handlers.commands import Command, Scope, set_chat_commands
from handlers.context import SotongContext
from handlers.menu import main_menu, menu_text
from handlers.ui import button, edit, keyboard, send
from messages import LANGUAGES, t

__all__ = ["COMMANDS", "handlers"]


def _picker(language: str) -> InlineKeyboardMarkup:
    return keyboard(
        [
            [
                button(language, f"start.language_button.{code}", cb.Language(code))
                for code in LANGUAGES
            ]
        ]
    )


async def ask_language(update: Update, context: SotongContext) -> None:
    """/language or the menu button: offer both languages, the current one ticked."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    await send(update, context, t(context.lang, "language.choose"), _picker(context.lang))


async def set_language(update: Update, context: SotongContext) -> None:
    """A language button: store it, switch the command menu, confirm in the new language.

    The language already in use only gets a toast.
    """
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    tapped = cb.Language.decode(query.data)
    assert tapped is not None
    language = tapped.language
    if context.user is not None and context.user.language_chosen and language == context.lang:
        # Nothing changes, so nothing is edited: a second tap on the picker would otherwise
        # edit a message already showing this, which Telegram refuses as "not modified".
        await query.answer(t(language, "language.already"))
        return
    await query.answer()
    context.user = await context.services.accounts.choose_language(
        update.effective_user.id, language
    )
    await set_chat_commands(context.bot, update.effective_user.id, language, admin=context.is_admin)
    # The picker becomes the menu in the new language: the change is confirmed in place, and
    # no second message follows.
    await edit(
        query,
        menu_text(language, t(language, "language.changed")),
        main_menu(language, is_admin=context.is_admin),
    )


COMMANDS = (Command("language", Scope.EVERYONE, 100, ask_language),)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/language and its buttons."""
    return [
        CallbackQueryHandler(ask_language, pattern=cb.MENU_LANGUAGE.matches),
        CallbackQueryHandler(set_language, pattern=cb.Language.matches),
    ]
