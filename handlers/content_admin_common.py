"""What the content_admin steps share.

The draft (the flow's stored form), prompts with a skip button, and the category picker.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from domain import callback_data as cb
from handlers.context import SotongContext
from handlers.ui import button, edit, keyboard, send, typed_text
from messages import Markup, t

__all__ = [
    "CATEGORIES",
    "categories_keyboard",
    "draft",
    "new_draft",
    "prompt",
    "reply_text",
    "show_categories",
]

CATEGORIES = "content_categories"
"""The state where any drafted item gets its categories; shared by every content flow."""


def new_draft(context: SotongContext, kind: str, **values: Any) -> dict[str, Any]:
    """Start a fresh draft of one kind (meeting, bill, stage, announcement, edit, held)."""
    context.form.clear()
    context.form.update(type=kind, **values)
    return dict(context.form)


def draft(context: SotongContext) -> dict[str, Any]:
    """The draft being filled in: the flow's form, stored with the step each step returns."""
    context.form.setdefault("type", "none")
    return context.form


def reply_text(update: Update) -> str:
    """The text an administrator typed, trimmed."""
    return typed_text(update).strip()


async def prompt(
    update: Update, context: SotongContext, key: str, *, skippable: bool = False, **params: object
) -> None:
    """Ask for the next field, with a skip button when it is optional."""
    lang = context.lang
    markup = (
        keyboard([[button(lang, "content_admin.button.skip", cb.CADM_SKIP)]]) if skippable else None
    )
    await send(update, context, t(lang, key, **params), markup)


def skip_to(
    next_key: str, next_state: str
) -> Callable[[Update, SotongContext], Coroutine[Any, Any, str]]:
    """The skip button of an optional field: nothing to store, so answer and ask the next one.

    Every optional field's skip is the same three steps; only what comes next differs.
    """

    async def skip(update: Update, context: SotongContext) -> str:
        assert update.callback_query is not None
        await update.callback_query.answer()
        await prompt(update, context, next_key, skippable=True)
        return next_state

    skip.__doc__ = f"Skipped: ask {next_key.rsplit('.', 1)[-1]} next."
    return skip


async def categories_keyboard(context: SotongContext) -> InlineKeyboardMarkup:
    """Every category, ticked as in the draft, with a done button."""
    lang = context.lang
    chosen = set(draft(context).get("categories", []))
    buttons = [
        InlineKeyboardButton(
            f"{'✅' if category.id in chosen else '▫️'} {category.name(lang)}",
            callback_data=cb.CadmCategory(category.id).encode(),
        )
        for category in await context.services.reference.categories()
    ]
    rows = [buttons[index : index + 2] for index in range(0, len(buttons), 2)]
    rows.append([button(lang, "content_admin.button.categories_done", cb.CADM_CATS_DONE)])
    return keyboard(rows)


async def show_categories(update: Update, context: SotongContext, *, fresh: bool) -> None:
    """Ask which categories the item concerns (as a new message, or by editing the picker)."""
    text: Markup = t(context.lang, "content_admin.ask.categories")
    markup = await categories_keyboard(context)
    if fresh or update.callback_query is None:
        await send(update, context, text, markup)
    else:
        await edit(update.callback_query, text, markup)
