"""Small building blocks for replies: keyboards from catalog keys, and edits that never repeat."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

from domain.callback_data import ButtonData
from domain.text import clean_text
from handlers.context import SotongContext
from messages import Markup, t

__all__ = ["button", "edit", "keyboard", "plain_text", "send", "typed_text"]

_TAG = re.compile(r"<[^>]+>")


def button(language: str, key: str, data: ButtonData, **params: object) -> InlineKeyboardButton:
    """An inline button labelled from the catalog, its data from the one callback codec."""
    return InlineKeyboardButton(
        html.unescape(t(language, key, **params)), callback_data=data.encode()
    )


def keyboard(rows: Sequence[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup:
    """An inline keyboard from rows of buttons; empty rows (no page to go to) are left out."""
    return InlineKeyboardMarkup([list(row) for row in rows if row])


def typed_text(update: Update) -> str:
    """What the user typed, in its normal form (see `domain.text.clean_text`).

    Every handler reads typed text through here; NUL never gets this far (`identify` refuses it).
    """
    message = update.effective_message
    if message is None or message.text is None:
        raise ValueError("this update carries no typed text")
    return clean_text(message.text)


def plain_text(markup: str) -> str:
    """What Telegram will show of an HTML text, to compare with a message already sent."""
    return html.unescape(_TAG.sub("", markup))


async def send(
    update: Update,
    context: SotongContext,
    text: Markup,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> Message:
    """Send a new message to the chat the update came from."""
    chat = update.effective_chat
    if chat is None:
        raise ValueError("this update has no chat to answer in")
    return await context.bot.send_message(chat.id, text, reply_markup=reply_markup)


async def edit(
    query: CallbackQuery, text: Markup, reply_markup: InlineKeyboardMarkup | None = None
) -> None:
    """Edit the message a button belongs to; an edit that changes nothing is not an error."""
    message = query.message
    if not isinstance(message, Message):
        return
    current_markup = message.reply_markup
    same_text = (message.text or message.caption or "") == plain_text(text)
    same_markup = (current_markup or None) == (reply_markup or None) or (
        current_markup is not None
        and reply_markup is not None
        and current_markup.to_dict() == reply_markup.to_dict()
    )
    if same_text and same_markup:
        return
    try:
        if same_text:
            await query.edit_message_reply_markup(reply_markup=reply_markup)
            return
        await query.edit_message_text(text, reply_markup=reply_markup)
    except BadRequest as error:
        # The update carries the message as it was when tapped; a second tap on the same
        # button (or on the language already chosen) finds it already edited to this.
        if "not modified" not in str(error).lower():
            raise
