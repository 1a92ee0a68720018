"""A second chance after a storage fault: the update is kept in memory behind a button.

While the database cannot save (locked, full, read-only), what a person sent cannot be stored
either; the error handler shelves the update itself and offers "try again". Tapping it feeds
the same update through the handlers once more, as if it had just arrived, so nothing typed
has to be typed again. The shelf lives in memory only: the fault is exactly when the disk
cannot take it.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ApplicationHandlerStop, CallbackQueryHandler

from domain import callback_data as cb
from handlers.context import SotongContext
from handlers.ui import button, keyboard, send
from messages import t

__all__ = ["RetryShelf", "handlers", "retry_keyboard"]

_SHELF_KEY = "retry_shelf"
_KEPT = 1000
"""Updates kept at most; the oldest go first (their button then says to send again)."""


class RetryShelf:
    """Updates waiting for their "try again" tap, under short random keys."""

    def __init__(self, capacity: int = _KEPT) -> None:
        self._capacity = capacity
        self._kept: OrderedDict[str, Update] = OrderedDict()

    def keep(self, update: Update) -> str:
        """Shelve `update` and return the key its button carries."""
        key = secrets.token_urlsafe(9)
        self._kept[key] = update
        while len(self._kept) > self._capacity:
            self._kept.popitem(last=False)
        return key

    def take(self, key: str) -> Update | None:
        """The shelved update, removed from the shelf, or None if it is gone."""
        return self._kept.pop(key, None)


def _shelf(context: SotongContext) -> RetryShelf:
    shelf = context.bot_data.get(_SHELF_KEY)
    if not isinstance(shelf, RetryShelf):
        shelf = RetryShelf()
        context.bot_data[_SHELF_KEY] = shelf
    return shelf


def retry_keyboard(update: Update, context: SotongContext, language: str) -> InlineKeyboardMarkup:
    """Shelve `update` and return the "try again" button that replays it."""
    key = _shelf(context).keep(update)
    return keyboard([[button(language, "storage.retry_button", cb.Retry(key))]])


async def retry(update: Update, context: SotongContext) -> None:
    """Feed the shelved update through the handlers again; nothing else handles this tap."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.Retry.decode(query.data)
    assert tapped is not None
    kept = _shelf(context).take(tapped.key)
    if kept is None:
        await send(update, context, t(context.lang, "storage.retry_expired"))
    else:
        await query.edit_message_reply_markup(reply_markup=None)
        await context.application.update_queue.put(kept)
    raise ApplicationHandlerStop


def handlers() -> list[CallbackQueryHandler[SotongContext, None]]:
    """The "try again" button, registered before every flow so no flow claims the tap."""
    return [CallbackQueryHandler(retry, pattern=cb.Retry.matches)]
