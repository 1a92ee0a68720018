"""Immutable records the emulator keeps and hands out: messages, buttons, files, calls, toasts.

Records are frozen snapshots so a test or the sandbox can hold one while the bot edits the message;
the emulator replaces the stored snapshot instead of mutating it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from sandbox.emulator.html_entities import Entity, render_html

__all__ = [
    "ApiCall",
    "Attachment",
    "Button",
    "CallbackQueryRecord",
    "ChatMessage",
    "ExpectedRejection",
    "Toast",
    "UserInfo",
    "format_transcript",
]

Sender = Literal["bot", "user"]


@dataclass(frozen=True, slots=True)
class UserInfo:
    """A simulated Telegram user; their private chat with the bot has the same id."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "ko"

    def to_json(self) -> dict[str, Any]:
        """Serialise as the Bot API ``User`` object."""
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name is not None:
            data["last_name"] = self.last_name
        if self.username is not None:
            data["username"] = self.username
        if self.language_code is not None:
            data["language_code"] = self.language_code
        return data


@dataclass(frozen=True, slots=True)
class Button:
    """One inline keyboard button; ``other`` keeps non-callback, non-URL actions as JSON."""

    text: str
    callback_data: str | None = None
    url: str | None = None
    other: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Serialise as the Bot API ``InlineKeyboardButton`` object."""
        data: dict[str, Any] = {"text": self.text}
        if self.callback_data is not None:
            data["callback_data"] = self.callback_data
        if self.url is not None:
            data["url"] = self.url
        if self.other is not None:
            data.update(json.loads(self.other))
        return data


@dataclass(frozen=True, slots=True)
class Attachment:
    """A document, photo or sticker attached to a message, as the receiving client sees it."""

    kind: Literal["document", "photo", "sticker"]
    file_id: str
    file_unique_id: str
    file_size: int
    file_name: str | None = None
    mime_type: str | None = None
    width: int | None = None
    height: int | None = None
    emoji: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Serialise the fields the sandbox and tests need (not the Bot API shape)."""
        return {
            "kind": self.kind,
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": self.file_size,
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "width": self.width,
            "height": self.height,
            "emoji": self.emoji,
        }


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One message in a chat as the user sees it now (after edits; ``deleted`` once removed)."""

    chat_id: int
    message_id: int
    sender: Sender
    sender_id: int
    date: int
    text: str | None = None
    entities: tuple[Entity, ...] = ()
    caption: str | None = None
    caption_entities: tuple[Entity, ...] = ()
    attachment: Attachment | None = None
    inline_keyboard: tuple[tuple[Button, ...], ...] = ()
    reply_keyboard: tuple[tuple[str, ...], ...] | None = None
    remove_keyboard: bool = False
    force_reply: bool = False
    edited: bool = False
    edit_date: int | None = None
    deleted: bool = False

    @property
    def html(self) -> str:
        """Text (or caption) rendered back to Telegram HTML, handy for snapshot assertions."""
        if self.text is not None:
            return render_html(self.text, self.entities)
        return render_html(self.caption or "", self.caption_entities)

    @property
    def keyboard(self) -> list[list[tuple[str, str | None]]]:
        """Inline keyboard rows as ``(text, callback_data or url)`` pairs."""
        return [
            [(button.text, button.callback_data or button.url) for button in row]
            for row in self.inline_keyboard
        ]

    @property
    def buttons(self) -> list[str]:
        """Texts of all inline buttons, row by row."""
        return [button.text for row in self.inline_keyboard for button in row]

    def to_json(self) -> dict[str, Any]:
        """Serialise for the control API, transcripts and the event stream."""
        return {
            "chat_id": self.chat_id,
            "message_id": self.message_id,
            "sender": self.sender,
            "sender_id": self.sender_id,
            "date": self.date,
            "text": self.text,
            "entities": [entity.to_json() for entity in self.entities],
            "caption": self.caption,
            "caption_entities": [entity.to_json() for entity in self.caption_entities],
            "html": self.html,
            "attachment": self.attachment.to_json() if self.attachment else None,
            "inline_keyboard": [
                [button.to_json() for button in row] for row in self.inline_keyboard
            ],
            "reply_keyboard": [list(row) for row in self.reply_keyboard]
            if self.reply_keyboard is not None
            else None,
            "remove_keyboard": self.remove_keyboard,
            "force_reply": self.force_reply,
            "edited": self.edited,
            "edit_date": self.edit_date,
            "deleted": self.deleted,
        }


@dataclass(frozen=True, slots=True)
class ApiCall:
    """One Bot API call as the emulator answered it.

    Attributes:
        seq: position in the call log, starting at 1.
        method: method name as the bot spelled it.
        params: parameters (files replaced by a short description).
        status: HTTP status sent (0 when the connection was dropped on purpose, 499 when the bot
            went away before the answer, e.g. a cancelled long poll).
        result: the ``result`` of a successful call.
        description: Telegram's error description of a failed call.
        timestamp: the emulator clock when the call was answered.
        injected: the failure was a fault or outage the test asked for.

    """

    seq: int
    method: str
    params: dict[str, Any]
    status: int
    result: Any
    description: str | None
    timestamp: float
    injected: bool = False

    @property
    def ok(self) -> bool:
        """Whether the bot got ``{"ok": true}``."""
        return self.status == 200

    @property
    def rejected(self) -> bool:
        """Whether Telegram would have refused this call because of the bot's own request."""
        return not self.injected and self.status not in (200, 499)

    def to_json(self) -> dict[str, Any]:
        """Serialise for the control API."""
        return {
            "seq": self.seq,
            "method": self.method,
            "params": self.params,
            "status": self.status,
            "ok": self.ok,
            "result": self.result,
            "description": self.description,
            "timestamp": self.timestamp,
            "injected": self.injected,
        }


@dataclass(frozen=True, slots=True)
class ExpectedRejection:
    """A rejection a test provokes on purpose, so the conformance check does not fail on it.

    ``None`` fields match anything; ``description`` matches a case-insensitive substring.
    """

    method: str | None = None
    description: str | None = None
    status: int | None = None

    def matches(self, call: ApiCall) -> bool:
        """Tell whether ``call`` is covered by this expectation."""
        if self.method is not None and self.method.lower() != call.method.lower():
            return False
        if self.status is not None and self.status != call.status:
            return False
        return self.description is None or self.description.casefold() in (
            (call.description or "").casefold()
        )


@dataclass(slots=True)
class CallbackQueryRecord:
    """A button tap waiting for ``answerCallbackQuery``."""

    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created_at: float
    answered: bool = False


@dataclass(frozen=True, slots=True)
class Toast:
    """What ``answerCallbackQuery`` showed the user: a notification or an alert box."""

    text: str | None
    show_alert: bool = False
    url: str | None = None
    callback_query_id: str = field(default="")


def format_transcript(messages: list[ChatMessage]) -> str:
    """Render a chat as readable lines for assertion messages ("#3 bot: ... [buttons]")."""
    lines: list[str] = []
    for message in messages:
        body = message.text if message.text is not None else message.caption or ""
        if message.attachment is not None:
            label = message.attachment.file_name or message.attachment.kind
            body = f"[{message.attachment.kind}: {label}] {body}".rstrip()
        flags = "".join(
            (" (edited)" if message.edited else "", " (deleted)" if message.deleted else "")
        )
        line = f"#{message.message_id} {message.sender}{flags}: {body}"
        if message.inline_keyboard:
            line += " " + " | ".join(f"[{text}]" for text in message.buttons)
        lines.append(line)
    return "\n".join(lines) if lines else "(empty chat)"
