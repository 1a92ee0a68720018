"""The main menu: one inline keyboard that every flow adds its entry to."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from domain import callback_data as cb
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.ui import button, keyboard, send
from messages import Markup, t

__all__ = ["COMMANDS", "MENU_ROWS", "MenuEntry", "handlers", "main_menu", "menu_text", "show_menu"]


@dataclass(frozen=True, slots=True)
class MenuEntry:
    """A menu button: its catalog label and the callback data its flow listens for."""

    label_key: str
    data: cb.ButtonData
    admin_only: bool = False


MENU_ROWS: tuple[tuple[MenuEntry, ...], ...] = (
    (
        MenuEntry("menu.button.feedback", cb.MENU_FEEDBACK),
        MenuEntry("menu.button.my", cb.MENU_MY),
    ),
    (
        MenuEntry("subscribe.menu_button", cb.MENU_SUBSCRIBE),
        MenuEntry("meetings.menu_button", cb.MENU_MEETINGS),
        MenuEntry("bills.menu_button", cb.MENU_BILLS),
    ),
    (
        MenuEntry("menu.button.help", cb.MENU_HELP),
        MenuEntry("menu.button.language", cb.MENU_LANGUAGE),
    ),
    (MenuEntry("menu.button.privacy", cb.MENU_PRIVACY),),
    (
        MenuEntry("admin_common.menu.inbox", cb.ADMIN_INBOX, admin_only=True),
        MenuEntry("admin_common.menu.export", cb.ADMIN_EXPORT, admin_only=True),
        MenuEntry("admin_common.menu.stats", cb.ADMIN_STATS, admin_only=True),
        MenuEntry("admin_common.menu.audit", cb.ADMIN_AUDIT, admin_only=True),
    ),
)


def main_menu(language: str, *, is_admin: bool) -> InlineKeyboardMarkup:
    """The menu keyboard in a language, with admin entries only for admins."""
    rows = []
    for row in MENU_ROWS:
        buttons = [
            button(language, entry.label_key, entry.data)
            for entry in row
            if is_admin or not entry.admin_only
        ]
        if buttons:
            rows.append(buttons)
    return keyboard(rows)


def menu_text(language: str, notice: Markup | None = None) -> Markup:
    """The menu's title, under a notice when an action has something to say first."""
    title = t(language, "menu.title")
    return title if notice is None else Markup(f"{notice}\n\n{title}")


async def show_menu(update: Update, context: SotongContext, notice: Markup | None = None) -> None:
    """Send the menu as a new message at the bottom of the chat.

    What the action has to say (a welcome, a confirmation) goes above the menu in the same
    message: one reply per action, and no second message racing Telegram's per-chat limit.
    """
    await send(
        update,
        context,
        menu_text(context.lang, notice),
        main_menu(context.lang, is_admin=context.is_admin),
    )


async def menu_command(update: Update, context: SotongContext) -> None:
    """/menu: show the menu."""
    await show_menu(update, context)


async def menu_button(update: Update, context: SotongContext) -> None:
    """The "back to menu" button: answer, then show the menu."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await show_menu(update, context)


COMMANDS = (Command("menu", Scope.EVERYONE, 20, menu_command),)


def handlers() -> list[CallbackQueryHandler[SotongContext, None]]:
    """The menu's home button."""
    return [CallbackQueryHandler(menu_button, pattern=cb.MENU_HOME.matches)]
