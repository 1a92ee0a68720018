"""Validation of ``reply_markup`` the way Telegram checks it, into a comparable form.

The comparable form matters for "message is not modified": Telegram compares the new keyboard
with the stored one, so both sides must be normalised the same way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sandbox.emulator.errors import bad_request
from sandbox.emulator.models import Button

__all__ = ["Markup", "parse_markup"]

_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_URL = re.compile(r"^(?:https?|tg)://\S+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Markup:
    """A parsed ``reply_markup``: at most one of the four Telegram kinds is set."""

    inline_keyboard: tuple[tuple[Button, ...], ...] = ()
    reply_keyboard: tuple[tuple[str, ...], ...] | None = None
    remove_keyboard: bool = False
    force_reply: bool = False


def _inline_button(raw: Any, max_callback_data: int) -> Button:
    if not isinstance(raw, dict):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    text = raw.get("text")
    if not isinstance(text, str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    if not text.strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    actions = [key for key in _BUTTON_ACTIONS if key in raw]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    callback_data = raw.get("callback_data")
    if callback_data is not None:
        if not isinstance(callback_data, str):
            raise bad_request(
                'can\'t parse inline keyboard button: Field "callback_data" must be of type String'
            )
        if not 1 <= len(callback_data.encode("utf-8")) <= max_callback_data:
            raise bad_request("BUTTON_DATA_INVALID")
    url = raw.get("url")
    if url is not None and (not isinstance(url, str) or not _URL.match(url)):
        raise bad_request("BUTTON_URL_INVALID")
    other = {key: raw[key] for key in actions if key not in ("url", "callback_data")}
    return Button(
        text=text,
        callback_data=callback_data,
        url=url,
        other=json.dumps(other, sort_keys=True, ensure_ascii=False) if other else None,
    )


def _rows(raw: Any, field: str, kind: str) -> list[list[Any]]:
    if not isinstance(raw, list) or not all(isinstance(row, list) for row in raw):
        raise bad_request(f'Field "{field}" of the {kind} must be an Array of Arrays')
    return raw


def _reply_button(raw: Any) -> str:
    text = raw.get("text") if isinstance(raw, dict) else raw
    if not isinstance(text, str) or not text.strip():
        raise bad_request('can\'t parse keyboard button: Field "text" must be of type String')
    return text


def parse_markup(raw: Any, *, max_callback_data: int) -> Markup:
    """Validate a decoded ``reply_markup`` object.

    Raises:
        ApiError: 400 with Telegram's wording (``BUTTON_DATA_INVALID`` etc.).

    """
    if raw is None:
        return Markup()
    if not isinstance(raw, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in raw:
        rows = _rows(raw["inline_keyboard"], "inline_keyboard", "InlineKeyboardMarkup")
        return Markup(
            inline_keyboard=tuple(
                tuple(_inline_button(button, max_callback_data) for button in row) for row in rows
            )
        )
    if "keyboard" in raw:
        rows = _rows(raw["keyboard"], "keyboard", "ReplyKeyboardMarkup")
        return Markup(reply_keyboard=tuple(tuple(_reply_button(b) for b in row) for row in rows))
    if raw.get("remove_keyboard"):
        return Markup(remove_keyboard=True)
    if raw.get("force_reply"):
        return Markup(force_reply=True)
    raise bad_request("can't parse reply keyboard markup JSON object")
