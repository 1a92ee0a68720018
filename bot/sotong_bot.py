"""PTB's bot with two guarantees: fetched updates are journaled, buttons are answered quietly.

PTB's Updater confirms a batch of updates with the next getUpdates, before they are handled;
journaling inside `get_updates` puts the batch on disk in that gap. And an answer to a button
is a courtesy: its failure (an outage, an expired query) must never abort the work the button
asked for, nor may a query be answered twice. Telegram does not flood-limit answers
(tdlib/telegram-bot-api#648), but should it answer 429 with a short wait, the answer is given
once more after it, within the query's lifetime, so a toast's words still arrive.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import JSONDict, ODVInput, TimePeriod
from telegram.error import BadRequest, RetryAfter, TelegramError

from bot.fitting_bot import FittingBot
from bot.reply_limiter import retry_seconds
from bot.update_inbox import UpdateInbox
from handlers.ui import EditedMessages, KeepsEdits, SkipsReadBack

__all__ = ["SotongBot", "keyboard_json"]

logger = logging.getLogger("sotong.bot")

_REMEMBERED_ANSWERS = 10_000
_ANSWER_WAIT_AT_MOST = 5.0
"""Seconds a 429 on an answer is waited out; a query can be answered for about 15 seconds."""

_EXTRA_FIELDS = tuple(
    sorted(set(InlineKeyboardButton.__slots__) - {"text", "callback_data", "url"})
)
"""Every field of a button but its label, its callback data and its link."""
_extras = attrgetter(*_EXTRA_FIELDS)
_NO_EXTRAS = (None,) * len(_EXTRA_FIELDS)


def keyboard_json(markup: InlineKeyboardMarkup | None) -> JSONDict | None:
    """The reply markup as `markup.to_dict()` gives it, built directly for plain buttons.

    PTB's `to_dict` walks every attribute of every button generically (names from the class
    hierarchy's slots, a check per value); for the keyboards of a tap that was about a tenth of
    the bot's profiled CPU. Nearly every button here is a label with callback data or a link:
    those are written out at once, anything else (a web app, a copied text, extra API fields)
    still goes through `to_dict`.
    """
    if markup is None:
        return None
    if markup.api_kwargs or not markup.inline_keyboard:
        return markup.to_dict()
    return {
        "inline_keyboard": [
            [_button_json(button) for button in row] for row in markup.inline_keyboard
        ]
    }


def _button_json(button: InlineKeyboardButton) -> JSONDict:
    data = button.callback_data
    if (
        button.api_kwargs
        or _extras(button) != _NO_EXTRAS
        or not (data is None or isinstance(data, str))
    ):
        return button.to_dict()
    out: JSONDict = {"text": button.text}
    if button.url is not None:
        out["url"] = button.url
    if data is not None:
        out["callback_data"] = data
    return out


class SotongBot(FittingBot, KeepsEdits, SkipsReadBack):
    """The fitting bot, whose polling goes through the update inbox."""

    __slots__ = ("_answered", "_edited", "_fetched", "_inbox")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        with self._unfrozen():
            self._inbox: UpdateInbox | None = None
            self._fetched: dict[int, JSONDict] = {}
            self._answered: OrderedDict[str, None] = OrderedDict()
            self._edited = EditedMessages()

    @property
    def edited(self) -> EditedMessages:
        """What this bot last put in the messages it edited (handlers/ui.py)."""
        return self._edited

    async def initialize(self) -> None:
        """Open the transports again before each attempt, then check the token.

        A failed `getMe` closes them (FittingBot) while PTB still counts them as open, and
        start-up tries again while Telegram is unreachable (bot/startup.py).
        """
        for transport in self._transports:
            await transport.initialize()
        await super().initialize()

    def use_inbox(self, inbox: UpdateInbox) -> None:
        """Journal every fetched batch through `inbox` from now on."""
        with self._unfrozen():
            self._inbox = inbox

    async def get_updates(
        self,
        offset: int | None = None,
        limit: int | None = None,
        timeout: TimePeriod | None = None,  # noqa: ASYNC109 - the signature is PTB's
        allowed_updates: Sequence[str] | None = None,
        *,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
        api_kwargs: JSONDict | None = None,
    ) -> tuple[Update, ...]:
        """Fetch, journal in one transaction, and return only updates not seen before.

        The offset never goes below what the journal holds: those updates are on disk (handled
        or waiting for the replay), so Telegram may forget them.
        """
        if self._inbox is not None:
            offset = max(offset or 0, self._inbox.next_offset) or None
        updates = await super().get_updates(
            offset=offset,
            limit=limit,
            timeout=timeout,
            allowed_updates=allowed_updates,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
            api_kwargs=api_kwargs,
        )
        if self._inbox is None:
            return updates
        fetched, self._fetched = self._fetched, {}
        return tuple(await self._inbox.journal(updates, fetched))

    async def _do_post(
        self,
        endpoint: str,
        data: JSONDict,
        *,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> bool | JSONDict | list[JSONDict]:
        """Keep a fetched batch's JSON as received, for the journal (see `get_updates`)."""
        result = await super()._do_post(
            endpoint,
            data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
        if endpoint == "getUpdates" and isinstance(result, list):
            with self._unfrozen():
                self._fetched = {item["update_id"]: item for item in result}
        return result

    async def send_text(
        self, chat_id: int, text: str, reply_markup: InlineKeyboardMarkup | None
    ) -> None:
        """Send a text message, as `send_message` does, without reading back what was sent.

        The same request, with the bot's defaults, fitting and pacing; the message Telegram
        sends back is not turned into a `Message`, which no reply of the handlers reads.
        """
        await self._post(
            "sendMessage",
            {
                "chat_id": chat_id,
                "text": text,
                "disable_notification": DEFAULT_NONE,
                "protect_content": DEFAULT_NONE,
                "parse_mode": DEFAULT_NONE,
                "link_preview_options": DEFAULT_NONE,
                "reply_markup": keyboard_json(self._replace_keyboard(reply_markup)),
            },
        )

    async def edit_in_place(
        self,
        chat_id: int,
        message_id: int,
        text: str | None,
        reply_markup: InlineKeyboardMarkup | None,
    ) -> None:
        """Edit a message's text and buttons (or, with no text, its buttons), reading no answer.

        The same request `edit_message_text` and `edit_message_reply_markup` make, with the
        bot's defaults, fitting and pacing, but the edited message Telegram sends back is not
        turned into a `Message`: nothing reads it, and building one (about ninety attributes,
        its keyboard and entities) was the largest single cost of a tap after the HTTP call.
        """
        data: JSONDict = {
            "chat_id": chat_id,
            "message_id": message_id,
            "parse_mode": DEFAULT_NONE,
            "reply_markup": keyboard_json(self._replace_keyboard(reply_markup)),
        }
        if text is None:
            await self._post("editMessageReplyMarkup", data)
        else:
            data.update(text=text, link_preview_options=DEFAULT_NONE)
            await self._post("editMessageText", data)

    def answered(self, callback_query_id: str) -> bool:
        """Whether this query was answered (or can no longer be)."""
        return callback_query_id in self._answered

    def _remember_answer(self, callback_query_id: str) -> None:
        self._answered[callback_query_id] = None
        if len(self._answered) > _REMEMBERED_ANSWERS:
            self._answered.popitem(last=False)

    async def answer_callback_query(
        self, callback_query_id: str, *args: Any, **kwargs: Any
    ) -> bool:
        """Answer once; a failure is logged and returned as False, never raised."""
        if callback_query_id in self._answered:
            return True
        try:
            try:
                result = await super().answer_callback_query(callback_query_id, *args, **kwargs)
            except RetryAfter as exc:
                wait = retry_seconds(exc)
                if wait > _ANSWER_WAIT_AT_MOST:
                    raise
                logger.info("a short 429 on a button's answer: answering again in %.1f s", wait)
                await asyncio.sleep(wait)
                result = await super().answer_callback_query(callback_query_id, *args, **kwargs)
        except BadRequest as exc:
            # "Query is too old" or already answered: trying again cannot help.
            self._remember_answer(callback_query_id)
            logger.info("could not answer a button: %s", exc)
            return False
        except TelegramError as exc:
            logger.warning("could not answer a button: %s", exc)
            return False
        self._remember_answer(callback_query_id)
        return result
