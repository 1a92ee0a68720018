"""/start: choose a language, read the privacy notice, answer it, reach the menu.

The flow is drawn in start.mmd next to this module.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from domain import callback_data as cb
from handlers.commands import Command, Scope, set_chat_commands
from handlers.context import SotongContext
from handlers.conversation import END, Flow, build_conversation
from handlers.menu import main_menu, menu_text, show_menu
from handlers.privacy import CONSENT_ANSWER_PATTERN, answer_consent, notice_markup, notice_text
from handlers.ui import button, edit, keyboard, send
from messages import LANGUAGES, t

__all__ = ["CHOOSING_LANGUAGE", "COMMANDS", "READING_NOTICE", "conversation"]

CHOOSING_LANGUAGE = "choosing_language"
READING_NOTICE = "reading_notice"


def _language_keyboard(language: str) -> InlineKeyboardMarkup:
    return keyboard(
        [
            [
                button(language, f"start.language_button.{code}", cb.StartLanguage(code))
                for code in LANGUAGES
            ]
        ]
    )


async def start(update: Update, context: SotongContext) -> str | int:
    """/start: greet a returning user with the menu, or ask a newcomer for their language."""
    user = context.user
    if context.is_admin and update.effective_user is not None:
        await set_chat_commands(context.bot, update.effective_user.id, context.lang, admin=True)
    if user is not None and user.language_chosen and user.has_answered:
        await show_menu(update, context, t(context.lang, "start.welcome_back"))
        return END
    await send(
        update,
        context,
        t(context.lang, "start.choose_language"),
        _language_keyboard(context.lang),
    )
    return CHOOSING_LANGUAGE


async def choose_language(update: Update, context: SotongContext) -> str | int:
    """Store the language; then show the notice, unless the current one is already agreed."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    await query.answer()
    tapped = cb.StartLanguage.decode(query.data)
    assert tapped is not None
    language = tapped.language
    context.user = await context.services.accounts.choose_language(
        update.effective_user.id, language
    )
    await set_chat_commands(context.bot, update.effective_user.id, language, admin=context.is_admin)
    chosen = t(language, "start.language_chosen")
    if context.user.has_consent(context.services.privacy.notice_version):
        # Nothing left to ask: the picker itself becomes the menu, no new message.
        await edit(
            query, menu_text(language, chosen), main_menu(language, is_admin=context.is_admin)
        )
        return END
    await edit(query, chosen)
    await send(update, context, notice_text(context), keyboard(notice_markup(language)))
    return READING_NOTICE


async def consent_answered(update: Update, context: SotongContext) -> int:
    """Agree or decline from the notice: recorded like anywhere else, and the flow ends."""
    await answer_consent(update, context)
    return END


async def hint_language(update: Update, context: SotongContext) -> str:
    """Anything but a language button: say what this step expects."""
    await send(update, context, t(context.lang, "start.pick_language_hint"))
    return CHOOSING_LANGUAGE


async def hint_notice(update: Update, context: SotongContext) -> str:
    """Anything but a consent button: say what this step expects."""
    await send(update, context, t(context.lang, "start.pick_consent_hint"))
    return READING_NOTICE


async def cancel(update: Update, context: SotongContext) -> int:
    """/cancel: leave /start; nothing was half-saved, so nothing is lost."""
    await send(update, context, t(context.lang, "cancel.done"))
    return END


# Entry points of the conversation below.
COMMANDS = (Command("start", Scope.EVERYONE, 10),)


def conversation() -> Flow:
    """The persistent /start conversation."""
    not_a_command = filters.ALL & ~filters.COMMAND
    return build_conversation(
        "start",
        entry_points=[CommandHandler("start", start)],
        states={
            CHOOSING_LANGUAGE: [
                CallbackQueryHandler(choose_language, pattern=cb.StartLanguage.matches),
                MessageHandler(not_a_command, hint_language),
            ],
            READING_NOTICE: [
                CallbackQueryHandler(consent_answered, pattern=CONSENT_ANSWER_PATTERN),
                MessageHandler(not_a_command, hint_notice),
            ],
        },
        fallbacks=[CommandHandler("cancel", cancel)],
    )
