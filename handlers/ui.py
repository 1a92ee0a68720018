"""Small building blocks for replies: keyboards from catalog keys, and edits that never repeat."""

from __future__ import annotations

import html
import re
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Sequence
from contextvars import ContextVar

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

from domain.callback_data import ButtonData
from domain.text import clean_text
from handlers.context import SotongContext
from messages import Markup, t

__all__ = [
    "EditedMessages",
    "KeepsEdits",
    "SkipsReadBack",
    "button",
    "drop_buttons",
    "edit",
    "edit_or_say",
    "keyboard",
    "note_on_reply",
    "plain_text",
    "send",
    "typed_text",
]

_TAG = re.compile(r"<[^>]+>")
_SHOWN_KEPT = 2048

_NOTE: ContextVar[tuple[int, Markup] | None] = ContextVar("note_on_reply", default=None)
"""A line the reply to the update being handled ends with, and the chat it is for.

A context variable, as `bot.reply_limiter.handling_update` is: each update is handled in a task
of its own, and every handler of one update runs in that task.
"""

_Content = tuple[str, tuple[tuple[tuple[str, object, str | None], ...], ...] | None]


class EditedMessages(OrderedDict[tuple[int, int], _Content]):
    """What a bot last put in the messages it edited, by (chat, message), newest last.

    Held by the running bot (`KeepsEdits`), so it lives and dies with the application.
    """

    def remember(self, key: tuple[int, int], content: _Content) -> None:
        """Note an edit, forgetting the oldest beyond a bound."""
        self[key] = content
        self.move_to_end(key)
        if len(self) > _SHOWN_KEPT:
            self.popitem(last=False)


class KeepsEdits(ABC):
    """A bot that remembers its edits (bot/sotong_bot.py declares it as a base).

    A declared base, not a runtime protocol: `isinstance` against a runtime protocol looks up
    each of its members every time (7 to 12 µs, on every send and edit), against a base it is
    a cached lookup of the bot's class.
    """

    __slots__ = ()

    @property
    @abstractmethod
    def edited(self) -> EditedMessages:
        """The bot's memory of its edits."""


class SkipsReadBack(ABC):
    """A bot that sends and edits without reading back the message (bot/sotong_bot.py).

    PTB turns the message Telegram returns for every send and edit into a `Message`, which no
    reply here reads; building it cost more than anything else a tap does but the HTTP call.
    A declared base, as `KeepsEdits` is.
    """

    __slots__ = ()

    @abstractmethod
    async def send_text(
        self, chat_id: int, text: str, reply_markup: InlineKeyboardMarkup | None
    ) -> None:
        """Send a text message."""

    @abstractmethod
    async def edit_in_place(
        self,
        chat_id: int,
        message_id: int,
        text: str | None,
        reply_markup: InlineKeyboardMarkup | None,
    ) -> None:
        """Edit the text and buttons, or with no text the buttons only."""


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


def note_on_reply(chat_id: int | None = None, note: Markup | None = None) -> None:
    """End the first reply sent or edited into `chat_id` for this update with `note`.

    Called for every update before any handler runs (`handlers.conversation.track`), with no
    note to clear the last one; a note goes with whatever the handler answers (a list, a panel,
    a menu), so the answer stays one message.
    """
    _NOTE.set(None if chat_id is None or note is None else (chat_id, note))


def _noted(chat_id: int, text: Markup) -> Markup:
    """The text, followed by the note waiting for this chat (once)."""
    pending = _NOTE.get()
    if pending is None or pending[0] != chat_id:
        return text
    _NOTE.set(None)
    return Markup(f"{text}\n\n{pending[1]}")


async def send(
    update: Update,
    context: SotongContext,
    text: Markup,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Send a new message to the chat the update came from."""
    chat = update.effective_chat
    if chat is None:
        raise ValueError("this update has no chat to answer in")
    text = _noted(chat.id, text)
    bot = context.bot
    if isinstance(bot, SkipsReadBack):
        await bot.send_text(chat.id, text, reply_markup)
    else:
        await bot.send_message(chat.id, text, reply_markup=reply_markup)


def _shown(bot: object) -> EditedMessages:
    """What this bot last put in the messages it edited; a bot without a memory forgets."""
    return bot.edited if isinstance(bot, KeepsEdits) else EditedMessages()


def _content(text: str, markup: InlineKeyboardMarkup | None) -> _Content:
    """Text and buttons as compared for "not modified": each button's label and action.

    Cheaper than `to_dict()` (which walks every attribute) on every edit.
    """
    if not markup:
        return text, None
    return text, tuple(
        tuple((button.text, button.callback_data, button.url) for button in row)
        for row in markup.inline_keyboard
    )


async def edit(
    query: CallbackQuery, text: Markup, reply_markup: InlineKeyboardMarkup | None = None
) -> bool:
    """Edit the message a button belongs to, skipping edits Telegram would call "not modified".

    Returns whether the message changed (see `edit_or_say`).

    The message a tap carries is what the user saw when tapping: after a double tap, the second
    one still shows the content the first one replaced. So the content compared with is the
    bot's own last edit of that message when there is one, else the carried message; an edit
    Telegram still finds unchanged (the bot restarted in between) is not an error either.
    """
    message = query.message
    if not isinstance(message, Message):
        return False
    text = _noted(message.chat_id, text)
    shown = _shown(query.get_bot())
    key = (message.chat_id, message.message_id)
    current = shown.get(key) or _content(
        message.text or message.caption or "", message.reply_markup
    )
    wanted = _content(plain_text(text), reply_markup)
    if current == wanted:
        return False
    try:
        await _edit(query, message, None if current[0] == wanted[0] else text, reply_markup)
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise
    shown.remember(key, wanted)
    return True


async def edit_or_say(
    query: CallbackQuery,
    text: Markup,
    reply_markup: InlineKeyboardMarkup | None,
    unchanged: Markup,
) -> None:
    """Edit in place; when the tap changes nothing, say so in a toast instead of silence.

    The query must not have been answered yet: an unchanged screen and an empty answer look
    like a button that does not work. When the message changed, the application's closing
    answer stops the spinner (bot/app.py).
    """
    if not await edit(query, text, reply_markup):
        message = query.message
        if isinstance(message, Message):
            unchanged = _noted(message.chat_id, unchanged)
        await query.answer(plain_text(unchanged))


async def drop_buttons(query: CallbackQuery) -> None:
    """Take the buttons off the tapped message (once: a double tap does not ask twice)."""
    message = query.message
    if not isinstance(message, Message):
        return
    shown = _shown(query.get_bot())
    key = (message.chat_id, message.message_id)
    current = shown.get(key) or _content(
        message.text or message.caption or "", message.reply_markup
    )
    if current[1] is None:
        return
    await _edit(query, message, None, None)
    shown.remember(key, (current[0], None))


async def _edit(
    query: CallbackQuery,
    message: Message,
    text: Markup | None,
    reply_markup: InlineKeyboardMarkup | None,
) -> None:
    """Edit the tapped message's text and buttons, or with no text its buttons only."""
    bot = query.get_bot()
    if isinstance(bot, SkipsReadBack):
        await bot.edit_in_place(message.chat_id, message.message_id, text, reply_markup)
    elif text is None:
        await query.edit_message_reply_markup(reply_markup=reply_markup)
    else:
        await query.edit_message_text(text, reply_markup=reply_markup)
