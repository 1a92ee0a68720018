"""The main menu: one inline keyboard that every flow adds its entry to."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers.context import SotongContext
from handlers.ui import button, keyboard, send
from messages import t

__all__ = ["MENU_ROWS", "MenuEntry", "handlers", "main_menu", "show_menu"]


@dataclass(frozen=True, slots=True)
class MenuEntry:
    """A menu button: its catalog label and the callback data its flow listens for."""

    label_key: str
    data: str
    admin_only: bool = False


MENU_ROWS: tuple[tuple[MenuEntry, ...], ...] = (
    (
        MenuEntry("menu.button.feedback", "menu:feedback"),
        MenuEntry("menu.button.my", "menu:my"),
    ),
    (
        MenuEntry("subscribe.menu_button", "menu:subscribe"),
        MenuEntry("meetings.menu_button", "menu:meetings"),
        MenuEntry("bills.menu_button", "menu:bills"),
    ),
    (
        MenuEntry("menu.button.help", "menu:help"),
        MenuEntry("menu.button.language", "menu:language"),
    ),
    (MenuEntry("menu.button.privacy", "menu:privacy"),),
    (
        MenuEntry("admin_common.menu.inbox", "admin:inbox", admin_only=True),
        MenuEntry("admin_common.menu.export", "admin:export", admin_only=True),
        MenuEntry("admin_common.menu.stats", "admin:stats", admin_only=True),
        MenuEntry("admin_common.menu.audit", "admin:audit", admin_only=True),
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


async def show_menu(update: Update, context: SotongContext) -> None:
    """Send the menu as a new message at the bottom of the chat."""
    await send(
        update,
        context,
        t(context.lang, "menu.title"),
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


def handlers() -> list[
    CommandHandler[SotongContext, None] | CallbackQueryHandler[SotongContext, None]
]:
    """The menu's own handlers."""
    return [
        CommandHandler("menu", menu_command),
        CallbackQueryHandler(menu_button, pattern=r"^menu:home$"),
    ]
