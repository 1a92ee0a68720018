"""The emulated Telegram world: users, chats, messages, files, callback queries and the call log.

Everything is keyed for O(1) access (chat id, message id, file id, query id) so thousands of
simulated users cost the same per call as one. The HTTP layers and the facade only translate
into calls on this object.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from sandbox.emulator.bot_profile import BotProfile
from sandbox.emulator.errors import bad_request
from sandbox.emulator.events import EventBus
from sandbox.emulator.flood import FloodControl
from sandbox.emulator.html_entities import Entity, utf16_len
from sandbox.emulator.limits import Clock, EmulatorLimits
from sandbox.emulator.models import (
    ApiCall,
    Attachment,
    CallbackQueryRecord,
    ChatMessage,
    ExpectedRejection,
    Toast,
    UserInfo,
)
from sandbox.emulator.updates import UpdateQueue
from sandbox.emulator.webhook import WebhookSender

__all__ = ["STICKER_BYTES", "Chat", "EmulatorState", "StoredFile", "command_entities"]

_BOT_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?")
_FILE_PREFIX = {"document": "BQAC", "photo": "AgAC", "sticker": "CAAC"}
STICKER_BYTES = (
    b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00/\x00\x00\x00"
    b"\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"
)
"""A tiny WebP image used as the content of simulated stickers."""


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def command_entities(text: str) -> tuple[Entity, ...]:
    """Find ``bot_command`` entities the way Telegram does (``/cmd``, ``/cmd@bot``, mid-text)."""
    found: list[Entity] = []
    for match in _BOT_COMMAND.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if (before and (_is_word(before) or before in "/<>")) or (
            after and (_is_word(after) or after in "/<>@")
        ):
            continue
        found.append(Entity("bot_command", utf16_len(text[:start]), utf16_len(match.group())))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A file known to the emulated Telegram, reachable by ``file_id`` and ``file_path``."""

    kind: Literal["document", "photo", "sticker"]
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    file_name: str | None
    mime_type: str | None
    width: int | None = None
    height: int | None = None

    def attachment(self, emoji: str | None = None) -> Attachment:
        """Describe the file as a message attachment."""
        return Attachment(
            kind=self.kind,
            file_id=self.file_id,
            file_unique_id=self.file_unique_id,
            file_size=len(self.data),
            file_name=self.file_name,
            mime_type=self.mime_type,
            width=self.width,
            height=self.height,
            emoji=emoji,
        )


@dataclass(slots=True)
class Chat:
    """A private chat (id == user id) or a group (negative id) and its messages."""

    id: int
    type: Literal["private", "group"]
    title: str | None = None
    user: UserInfo | None = None
    messages: dict[int, ChatMessage] = field(default_factory=dict)
    next_message_id: int = 1
    blocked: bool = False
    started: bool = False
    member: bool = True
    recent: dict[int, None] = field(default_factory=dict)
    reply_keyboard: tuple[tuple[str, ...], ...] | None = None

    def to_json(self) -> dict[str, Any]:
        """Serialise as the Bot API ``Chat`` object."""
        if self.user is None:
            return {"id": self.id, "type": self.type, "title": self.title or ""}
        data: dict[str, Any] = {
            "id": self.id,
            "type": "private",
            "first_name": self.user.first_name,
        }
        if self.user.last_name is not None:
            data["last_name"] = self.user.last_name
        if self.user.username is not None:
            data["username"] = self.user.username
        return data


class EmulatorState:
    """All emulated data plus the bookkeeping tests observe."""

    def __init__(
        self,
        limits: EmulatorLimits,
        clock: Clock,
        *,
        bot_username: str,
        bot_first_name: str,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.limits = limits
        self.clock = clock
        self.wall_clock = wall_clock
        self.bot_id = 0
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.users: dict[int, UserInfo] = {}
        self.chats: dict[int, Chat] = {}
        self.usernames: dict[str, int] = {}
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.callbacks: dict[str, CallbackQueryRecord] = {}
        self.toasts: dict[int, Toast] = {}
        self.profile = BotProfile()
        self.updates = UpdateQueue()
        self.webhook = WebhookSender(self.updates)
        self.events = EventBus()
        self.flood = FloodControl(limits, clock)
        self.calls: list[ApiCall] = []
        self.expectations: list[ExpectedRejection] = []
        self.allow_unanswered_callbacks = False
        self.dropped_formatting: list[str] = []
        """Texts whose entities past ``max_entities`` Telegram would have dropped, silently."""
        self._next_user_id = 700_000_001
        self._next_group_id = -4_000_000_001
        self._file_seq = 0
        self._callback_seq = 0

    # ----------------------------------------------------------------- identities and chats

    def now(self) -> int:
        """Unix time for ``date`` fields."""
        return int(self.wall_clock())

    def bot_json(self, *, full: bool = False) -> dict[str, Any]:
        """The bot's ``User`` object (``full`` adds the getMe-only capability flags)."""
        data: dict[str, Any] = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }
        if full:
            data.update(
                can_join_groups=True,
                can_read_all_group_messages=False,
                supports_inline_queries=False,
                can_connect_to_business=False,
                has_main_web_app=False,
            )
        return data

    def add_user(
        self,
        first_name: str,
        *,
        last_name: str | None,
        username: str | None,
        language_code: str | None,
        user_id: int | None,
        started: bool,
    ) -> UserInfo:
        """Create a user and their private chat with the bot."""
        if user_id is None:
            while self._next_user_id in self.chats:
                self._next_user_id += 1
            user_id = self._next_user_id
            self._next_user_id += 1
        if user_id <= 0 or user_id in self.chats:
            raise ValueError(f"user id {user_id} is invalid or already taken")
        if username is not None and username.lower() in self.usernames:
            raise ValueError(f"username @{username} is already taken")
        user = UserInfo(user_id, first_name, last_name, username, language_code)
        self.users[user_id] = user
        self.chats[user_id] = Chat(user_id, "private", user=user, started=started)
        if username is not None:
            self.usernames[username.lower()] = user_id
        if self.events.active:
            self.events.publish({"type": "user.created", "user": user.to_json()}, None)
        return user

    def add_group(self, title: str, chat_id: int | None) -> Chat:
        """Create a group chat the bot is a member of (negative id)."""
        if chat_id is None:
            chat_id = self._next_group_id
            self._next_group_id -= 1
        if chat_id >= 0 or chat_id in self.chats:
            raise ValueError(f"group id {chat_id} is invalid or already taken")
        chat = Chat(chat_id, "group", title=title, started=True)
        self.chats[chat_id] = chat
        return chat

    def user(self, user_id: int) -> UserInfo:
        """Return a user or fail loudly (test helper misuse, not a Bot API error)."""
        try:
            return self.users[user_id]
        except KeyError:
            raise KeyError(f"no simulated user with id {user_id}") from None

    def resolve_chat(self, raw: Any) -> Chat:
        """Find the chat named by a Bot API ``chat_id`` (number or ``@username``).

        Raises:
            ApiError: 400 "chat_id is empty" / "chat not found".

        """
        if raw is None or raw == "":
            raise bad_request("chat_id is empty")
        chat: Chat | None = None
        if isinstance(raw, int) and not isinstance(raw, bool):
            chat = self.chats.get(raw)
        elif isinstance(raw, str):
            text = raw.strip()
            if text.lstrip("-").isdigit():
                chat = self.chats.get(int(text))
            elif text.startswith("@") and text[1:].lower() in self.usernames:
                chat = self.chats.get(self.usernames[text[1:].lower()])
        if chat is None:
            raise bad_request("chat not found")
        return chat

    # ----------------------------------------------------------------------- files

    def store_file(
        self,
        kind: Literal["document", "photo", "sticker"],
        data: bytes,
        *,
        file_name: str | None,
        mime_type: str | None,
        size: tuple[int, int] | None = None,
    ) -> StoredFile:
        """Keep uploaded bytes and give them a ``file_id`` and a download path."""
        self._file_seq += 1
        digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
        if mime_type is None and file_name:
            mime_type = mimetypes.guess_type(file_name)[0]
        extension = ""
        if file_name and "." in file_name:
            extension = "." + file_name.rsplit(".", 1)[1]
        elif mime_type:
            extension = mimetypes.guess_extension(mime_type) or ""
        stored = StoredFile(
            kind=kind,
            file_id=f"{_FILE_PREFIX[kind]}{self._file_seq:010d}{digest[:12]}",
            file_unique_id=f"AQAD{digest[:16]}",
            file_path=f"{kind}s/file_{self._file_seq}{extension}",
            data=data,
            file_name=file_name,
            mime_type=mime_type,
            width=size[0] if size else None,
            height=size[1] if size else None,
        )
        self.files[stored.file_id] = stored
        self.files_by_path[stored.file_path] = stored
        return stored

    # -------------------------------------------------------------------- messages

    def post(self, chat: Chat, message: ChatMessage) -> ChatMessage:
        """Store a new message (its ``message_id`` is assigned here) and announce it."""
        message = replace(message, message_id=chat.next_message_id, chat_id=chat.id)
        chat.next_message_id += 1
        chat.messages[message.message_id] = message
        if message.sender == "bot":
            chat.recent[message.message_id] = None
            if message.reply_keyboard is not None:
                chat.reply_keyboard = message.reply_keyboard
            elif message.remove_keyboard:
                chat.reply_keyboard = None
        self._publish_message("message.created", message)
        return message

    def update_message(self, message: ChatMessage, *, action: str = "message.edited") -> None:
        """Replace a stored message snapshot (edit or deletion) and announce it."""
        chat = self.chats[message.chat_id]
        chat.messages[message.message_id] = message
        if message.sender == "bot":
            chat.recent.pop(message.message_id, None)
            if not message.deleted:
                chat.recent[message.message_id] = None
        self._publish_message(action, message)

    def _publish_message(self, action: str, message: ChatMessage) -> None:
        if self.events.active:
            self.events.publish(
                {"type": action, "chat_id": message.chat_id, "message": message.to_json()},
                message.chat_id,
            )

    def live_message(self, chat: Chat, message_id: int | None) -> ChatMessage | None:
        """Return a message that exists and was not deleted, else ``None``."""
        if message_id is None:
            return None
        message = chat.messages.get(message_id)
        return None if message is None or message.deleted else message

    def message_json(self, message: ChatMessage) -> dict[str, Any]:
        """Serialise as the Bot API ``Message`` object."""
        chat = self.chats[message.chat_id]
        sender = self.bot_json() if message.sender == "bot" else self.users[message.sender_id]
        data: dict[str, Any] = {
            "message_id": message.message_id,
            "from": sender if isinstance(sender, dict) else sender.to_json(),
            "chat": chat.to_json(),
            "date": message.date,
        }
        if message.edit_date is not None:
            data["edit_date"] = message.edit_date
        if message.text is not None:
            data["text"] = message.text
            if message.entities:
                data["entities"] = [entity.to_json() for entity in message.entities]
        attachment = message.attachment
        if attachment is not None:
            data.update(_attachment_json(attachment))
        if message.caption is not None:
            data["caption"] = message.caption
            if message.caption_entities:
                data["caption_entities"] = [e.to_json() for e in message.caption_entities]
        if message.inline_keyboard:
            data["reply_markup"] = {
                "inline_keyboard": [[b.to_json() for b in row] for row in message.inline_keyboard]
            }
        return data

    # ------------------------------------------------------------------- user side

    def begin_user_action(self, user_id: int) -> tuple[UserInfo, Chat]:
        """Start a user action: forget "replies since last action" and mark the chat started."""
        user = self.user(user_id)
        chat = self.chats[user_id]
        if chat.blocked:
            raise AssertionError(
                f"{user.first_name} ({user_id}) blocked the bot; call unblock() before acting"
            )
        chat.recent.clear()
        chat.started = True
        return user, chat

    def group(self, chat_id: int) -> Chat:
        """Return a group chat or fail loudly (test helper misuse)."""
        chat = self.chats.get(chat_id)
        if chat is None or chat.type != "group":
            raise KeyError(f"no group with id {chat_id}")
        return chat

    def user_message(
        self,
        user_id: int,
        *,
        text: str | None = None,
        attachment: Attachment | None = None,
        caption: str | None = None,
        group_id: int | None = None,
    ) -> tuple[ChatMessage, int | None]:
        """Post a message from the user (in a group if given) and queue the ``message`` update."""
        _, chat = self.begin_user_action(user_id)
        if group_id is not None:
            chat = self.group(group_id)
            chat.recent.clear()
            if not chat.member:
                raise AssertionError(f"the bot is not in group {group_id}: it would see nothing")
        entities = command_entities(text) if text is not None else ()
        caption_entities = command_entities(caption) if caption is not None else ()
        message = self.post(
            chat,
            ChatMessage(
                chat_id=chat.id,
                message_id=0,
                sender="user",
                sender_id=user_id,
                date=self.now(),
                text=text,
                entities=entities,
                caption=caption,
                caption_entities=caption_entities,
                attachment=attachment,
            ),
        )
        return message, self.updates.push("message", self.message_json(message))

    def user_tap(self, user_id: int, message: ChatMessage, data: str) -> tuple[str, int | None]:
        """Queue a ``callback_query`` for a tap on ``message``'s button carrying ``data``."""
        user, chat = self.begin_user_action(user_id)
        if message.chat_id != chat.id:
            chat = self.group(message.chat_id)
            chat.recent.clear()
        self._callback_seq += 1
        query_id = str(4_000_000_000_000_000_000 + self._callback_seq)
        self.callbacks[query_id] = CallbackQueryRecord(
            id=query_id,
            user_id=user_id,
            chat_id=chat.id,
            message_id=message.message_id,
            data=data,
            created_at=self.clock(),
        )
        payload = {
            "id": query_id,
            "from": user.to_json(),
            "message": self.message_json(message),
            "chat_instance": str(chat.id * 31 + 7),
            "data": data,
        }
        return query_id, self.updates.push("callback_query", payload)

    def set_blocked(self, user_id: int, blocked: bool) -> int | None:
        """Block or unblock the bot and queue the ``my_chat_member`` update Telegram sends."""
        user = self.user(user_id)
        chat = self.chats[user_id]
        if chat.blocked == blocked:
            return None
        chat.blocked = blocked
        chat.recent.clear()
        old, new = ("member", "kicked") if blocked else ("kicked", "member")
        bot = self.bot_json()
        new_member: dict[str, Any] = {"user": bot, "status": new}
        if blocked:
            new_member["until_date"] = 0
        old_member: dict[str, Any] = {"user": bot, "status": old}
        if not blocked:
            old_member["until_date"] = 0
        if self.events.active:
            kind = "user.blocked" if blocked else "user.unblocked"
            self.events.publish({"type": kind, "user_id": user_id}, user_id)
        return self.updates.push(
            "my_chat_member",
            {
                "chat": chat.to_json(),
                "from": user.to_json(),
                "date": self.now(),
                "old_chat_member": old_member,
                "new_chat_member": new_member,
            },
        )

    def set_group_membership(self, user_id: int, group_id: int, *, present: bool) -> int:
        """The user adds the bot to a group or removes it; queue the ``my_chat_member`` update."""
        user = self.user(user_id)
        chat = self.group(group_id)
        old, new = ("left", "member") if present else ("member", "kicked")
        chat.member = present
        bot = self.bot_json()
        new_member: dict[str, Any] = {"user": bot, "status": new}
        if not present:
            new_member["until_date"] = 0
        update_id = self.updates.push(
            "my_chat_member",
            {
                "chat": chat.to_json(),
                "from": user.to_json(),
                "date": self.now(),
                "old_chat_member": {"user": bot, "status": old},
                "new_chat_member": new_member,
            },
        )
        assert update_id is not None
        return update_id

    def leave_group(self, group_id: int) -> None:
        """The bot leaves a group: it receives nothing more from it and cannot post there."""
        self.group(group_id).member = False

    # ---------------------------------------------------------------- observation

    def transcript(self, chat_id: int) -> list[ChatMessage]:
        """Every message of the chat in order, in its current state (deleted ones flagged)."""
        try:
            return list(self.chats[chat_id].messages.values())
        except KeyError:
            raise KeyError(f"no chat with id {chat_id}") from None

    def replies(self, chat_id: int) -> list[ChatMessage]:
        """Bot messages created or edited since the user's last action, oldest activity first."""
        chat = self.chats[chat_id]
        return [chat.messages[message_id] for message_id in chat.recent]

    def record_call(
        self,
        method: str,
        params: dict[str, Any],
        status: int,
        *,
        result: Any = None,
        description: str | None = None,
        injected: bool = False,
    ) -> ApiCall:
        """Append to the call log and announce the call."""
        call = ApiCall(
            seq=len(self.calls) + 1,
            method=method,
            params=params,
            status=status,
            result=result,
            description=description,
            timestamp=self.clock(),
            injected=injected,
        )
        self.calls.append(call)
        if self.events.active:
            chat_id = params.get("chat_id")
            self.events.publish(
                {
                    "type": "api.call",
                    "seq": call.seq,
                    "method": method,
                    "ok": call.ok,
                    "status": status,
                    "description": description,
                    "injected": injected,
                    "chat_id": chat_id,
                },
                _chat_id_of(chat_id),
            )
        return call

    def unexpected_rejections(self) -> list[ApiCall]:
        """Rejected calls no :class:`ExpectedRejection` covers."""
        return [
            call
            for call in self.calls
            if call.rejected and not any(e.matches(call) for e in self.expectations)
        ]

    def unanswered_callbacks(self) -> list[CallbackQueryRecord]:
        """Callback queries the bot never answered (successfully)."""
        return [record for record in self.callbacks.values() if not record.answered]


def _chat_id_of(value: Any) -> int | None:
    """Read a numeric ``chat_id`` parameter for event routing (``None`` if not numeric)."""
    text = str(value) if isinstance(value, int | str) else ""
    return int(text) if text.lstrip("-").isdigit() else None


def _attachment_json(attachment: Attachment) -> dict[str, Any]:
    """The Bot API fields for a document, photo or sticker."""
    base: dict[str, Any] = {
        "file_id": attachment.file_id,
        "file_unique_id": attachment.file_unique_id,
        "file_size": attachment.file_size,
    }
    if attachment.kind == "photo":
        base.update(width=attachment.width, height=attachment.height)
        return {"photo": [base]}
    if attachment.kind == "sticker":
        base.update(
            type="regular",
            width=attachment.width,
            height=attachment.height,
            is_animated=False,
            is_video=False,
            emoji=attachment.emoji,
        )
        return {"sticker": base}
    if attachment.file_name is not None:
        base["file_name"] = attachment.file_name
    if attachment.mime_type is not None:
        base["mime_type"] = attachment.mime_type
    return {"document": base}
