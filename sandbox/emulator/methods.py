"""The Bot API methods the emulator implements, each validating like Telegram before acting.

Handlers take :class:`Params` and return the ``result`` value or raise :class:`ApiError`. The order
of checks follows Telegram where it is observable: chat, reachability (403), content (400), flood
control (429), then the effect.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any, Literal

from sandbox.emulator.bot_profile import parse_commands, parse_language, parse_scope
from sandbox.emulator.errors import ApiError, bad_request, forbidden, too_many_requests
from sandbox.emulator.html_entities import (
    HtmlParseError,
    ParsedText,
    entities_from_json,
    parse_html,
    trim_text,
    utf16_len,
)
from sandbox.emulator.markup import Markup, parse_markup
from sandbox.emulator.media import image_size, is_image
from sandbox.emulator.models import ChatMessage, Toast
from sandbox.emulator.params import Params
from sandbox.emulator.state import Chat, EmulatorState, StoredFile
from sandbox.emulator.webhook import check_secret, check_webhook_url, webhook_conflict

__all__ = ["BotApiMethods", "Handler"]

Handler = Callable[[Params], Awaitable[Any]]

_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_STALE_QUERY = "query is too old and response timeout expired or query ID is invalid"
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)


class BotApiMethods:
    """Method name (case-insensitive, like Telegram) to handler."""

    def __init__(self, state: EmulatorState) -> None:
        self.state = state
        self._handlers: dict[str, Handler] = {
            "getme": self.get_me,
            "setwebhook": self.set_webhook,
            "deletewebhook": self.delete_webhook,
            "getwebhookinfo": self.get_webhook_info,
            "getupdates": self.get_updates,
            "sendmessage": self.send_message,
            "editmessagetext": self.edit_message_text,
            "editmessagereplymarkup": self.edit_message_reply_markup,
            "editmessagecaption": self.edit_message_caption,
            "deletemessage": self.delete_message,
            "answercallbackquery": self.answer_callback_query,
            "senddocument": self.send_document,
            "sendphoto": self.send_photo,
            "sendchataction": self.send_chat_action,
            "leavechat": self.leave_chat,
            "getfile": self.get_file,
            "setmycommands": self.set_my_commands,
            "getmycommands": self.get_my_commands,
            "deletemycommands": self.delete_my_commands,
            "setmydescription": self.set_my_description,
            "getmydescription": self.get_my_description,
            "setmyshortdescription": self.set_my_short_description,
            "getmyshortdescription": self.get_my_short_description,
            "setchatmenubutton": self.set_chat_menu_button,
            "getchatmenubutton": self.get_chat_menu_button,
        }

    def get(self, method: str) -> Handler | None:
        """Return the handler for ``method`` or ``None`` (the server answers 404)."""
        return self._handlers.get(method.lower())

    # ------------------------------------------------------------------ shared checks

    def _reachable_chat(self, params: Params) -> Chat:
        chat = self.state.resolve_chat(params.values.get("chat_id"))
        if chat.type == "private":
            if chat.blocked:
                raise forbidden("bot was blocked by the user")
            if not chat.started:
                raise forbidden("bot can't initiate conversation with a user")
        elif not chat.member:
            raise forbidden("bot is not a member of the group chat")
        return chat

    def _admit(self, chat: Chat) -> None:
        """Spend one message of the chat's and the overall flood budget, or answer 429.

        Sends and edits share the budget: Telegram's limits for editing are the ones for
        sending (tdlib/td#2592, #3034). Answers to callback queries are not limited.
        """
        retry_after = self.state.flood.admit(chat.id, is_group=chat.type != "private")
        if retry_after is not None:
            raise too_many_requests(retry_after)

    def _markup(self, params: Params) -> Markup:
        raw = params.decoded("reply_markup", "can't parse reply keyboard markup JSON object")
        return parse_markup(raw, max_callback_data=self.state.limits.max_callback_data)

    def _parse(self, params: Params, field: str, entities_field: str) -> ParsedText:
        """Turn text + parse_mode/entities into Telegram's stored (trimmed) form."""
        raw = params.text(field)
        if not raw:
            return ParsedText("")
        parse_mode = (params.text("parse_mode") or "").strip()
        if params.has(entities_field):
            decoded = params.decoded(entities_field, "can't parse entities JSON object")
            try:
                parsed = ParsedText(raw, entities_from_json(decoded))
            except ValueError as exc:
                raise bad_request(f"can't parse entities: {exc}") from None
        elif parse_mode.lower() == "html":
            try:
                parsed = parse_html(raw)
            except HtmlParseError as exc:
                raise bad_request(f"can't parse entities: {exc}") from None
        elif parse_mode == "":
            parsed = ParsedText(raw)
        else:
            raise bad_request("unsupported parse_mode")
        return self._within_entity_limit(field, trim_text(parsed))

    def _within_entity_limit(self, field: str, parsed: ParsedText) -> ParsedText:
        """Keep the first ``max_entities`` entities, as Telegram's servers do, and note the loss.

        Telegram accepts such a text and quietly shows the rest unformatted; the emulator keeps
        the same result and lists it among the conformance problems, since a person would see
        broken formatting.
        """
        limit = self.state.limits.max_entities
        if len(parsed.entities) <= limit:
            return parsed
        self.state.dropped_formatting.append(
            f"a {field} with {len(parsed.entities)} entities lost all but the first {limit} "
            f"(it began {parsed.text[:40]!r})"
        )
        return ParsedText(parsed.text, parsed.entities[:limit])

    def _text(self, params: Params) -> ParsedText:
        parsed = self._parse(params, "text", "entities")
        if not parsed.text:
            raise bad_request("message text is empty")
        if utf16_len(parsed.text) > self.state.limits.max_text:
            raise bad_request("message is too long")
        return parsed

    def _caption(self, params: Params) -> ParsedText | None:
        parsed = self._parse(params, "caption", "caption_entities")
        if not parsed.text:
            return None
        if utf16_len(parsed.text) > self.state.limits.max_caption:
            raise bad_request("message caption is too long")
        return parsed

    def _bot_message(self, chat: Chat, markup: Markup, **content: Any) -> dict[str, Any]:
        message = self.state.post(
            chat,
            ChatMessage(
                chat_id=chat.id,
                message_id=0,
                sender="bot",
                sender_id=self.state.bot_id,
                date=self.state.now(),
                inline_keyboard=markup.inline_keyboard,
                reply_keyboard=markup.reply_keyboard,
                remove_keyboard=markup.remove_keyboard,
                force_reply=markup.force_reply,
                **content,
            ),
        )
        return self.state.message_json(message)

    def _input_file(
        self, params: Params, field: str, kind: Literal["document", "photo"]
    ) -> StoredFile:
        """Resolve a file parameter: a new upload (multipart or attach://) or a known file_id."""
        value = params.values.get(field)
        upload = params.uploads.get(field)
        if isinstance(value, str) and value.startswith("attach://"):
            upload = params.uploads.get(value.removeprefix("attach://"))
            if upload is None:
                raise bad_request(f"there is no {field} in the request")
        if upload is not None:
            if upload.size > self.state.limits.max_upload_bytes:
                raise ApiError(413, "Request Entity Too Large")
            if upload.size == 0:
                raise bad_request("file must be non-empty")
            size = None
            if kind == "photo":
                if not is_image(upload.data):
                    raise bad_request("IMAGE_PROCESS_FAILED")
                size = image_size(upload.data)
            mime_type = upload.content_type
            if mime_type in (None, "application/octet-stream") and upload.file_name:
                mime_type = mimetypes.guess_type(upload.file_name)[0] or mime_type
            return self.state.store_file(
                kind,
                upload.data,
                file_name=upload.file_name if kind == "document" else None,
                mime_type=mime_type if kind == "document" else None,
                size=size,
            )
        if not isinstance(value, str) or not value:
            raise bad_request(f"there is no {field} in the request")
        if value.startswith(("http://", "https://")):
            raise bad_request("failed to get HTTP URL content")
        stored = self.state.files.get(value)
        if stored is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        if stored.kind != kind:
            raise bad_request("type of file mismatch")
        return stored

    def _editable(self, params: Params) -> ChatMessage:
        if params.has("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        chat = self.state.resolve_chat(params.values.get("chat_id"))
        message_id = params.integer("message_id")
        if message_id is None:
            raise bad_request("message identifier is not specified")
        message = self.state.live_message(chat, message_id)
        if message is None:
            raise bad_request("message to edit not found")
        if message.sender != "bot":
            raise bad_request("message can't be edited")
        return message

    def _save_edit(self, message: ChatMessage, **changes: Any) -> dict[str, Any]:
        self._admit(self.state.chats[message.chat_id])
        updated = replace(message, edited=True, edit_date=self.state.now(), **changes)
        self.state.update_message(updated)
        return self.state.message_json(updated)

    # ------------------------------------------------------------------ bot & updates

    async def get_me(self, params: Params) -> dict[str, Any]:
        """``getMe``: the bot's identity, id taken from the token."""
        return self.state.bot_json(full=True)

    def _allowed_updates(self, params: Params) -> list[str] | None:
        allowed = params.decoded("allowed_updates", "can't parse allowed_updates JSON object")
        if allowed is not None and (
            not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed)
        ):
            raise bad_request("can't parse allowed_updates JSON object")
        return allowed

    async def set_webhook(self, params: Params) -> bool:
        """``setWebhook``: deliver updates by POST from now on (an empty url deletes it)."""
        url = (params.text("url") or "").strip()
        allowed = self._allowed_updates(params)
        if params.flag("drop_pending_updates"):
            self.state.updates.drop_pending()
        if not url:
            await self.state.webhook.delete()
            return True
        check_webhook_url(url)
        secret = params.text("secret_token")
        check_secret(secret)
        max_connections = params.integer("max_connections", 40) or 40
        if not 1 <= max_connections <= 100:
            raise bad_request("bad webhook: max_connections must be between 1 and 100")
        self.state.updates.set_allowed(allowed)
        self.state.webhook.set(
            url, secret=secret, max_connections=max_connections, allowed_updates=allowed
        )
        return True

    async def delete_webhook(self, params: Params) -> bool:
        """``deleteWebhook``: back to getUpdates; optionally drop pending updates."""
        if params.flag("drop_pending_updates"):
            self.state.updates.drop_pending()
        await self.state.webhook.delete()
        return True

    async def get_webhook_info(self, params: Params) -> dict[str, Any]:
        """``getWebhookInfo``: the registered URL (empty in polling mode) and the backlog."""
        return {
            **self.state.webhook.info(),
            "pending_update_count": self.state.updates.pending_count,
        }

    async def get_updates(self, params: Params) -> list[dict[str, Any]]:
        """``getUpdates``: confirm by offset, long-poll up to ``timeout`` seconds."""
        if self.state.webhook.active:
            raise webhook_conflict()
        allowed = self._allowed_updates(params)
        self.state.updates.set_allowed(allowed)
        limit = min(max(params.integer("limit", 100) or 100, 1), 100)
        timeout = max(params.number("timeout", 0.0), 0.0)
        return await self.state.updates.fetch(params.integer("offset", 0) or 0, limit, timeout)

    # ---------------------------------------------------------------------- messages

    def _check_reply_target(self, params: Params, chat: Chat) -> None:
        """``reply_parameters`` must name an existing message unless told to send anyway."""
        raw = params.decoded("reply_parameters", "can't parse reply parameters JSON object")
        if raw is None:
            return
        if not isinstance(raw, dict) or not isinstance(raw.get("message_id"), int):
            raise bad_request("can't parse reply parameters JSON object")
        target = self.state.live_message(chat, raw["message_id"])
        if target is None and not raw.get("allow_sending_without_reply"):
            raise bad_request("message to be replied not found")

    async def send_message(self, params: Params) -> dict[str, Any]:
        """``sendMessage``."""
        chat = self._reachable_chat(params)
        parsed = self._text(params)
        markup = self._markup(params)
        self._check_reply_target(params, chat)
        self._admit(chat)
        return self._bot_message(chat, markup, text=parsed.text, entities=parsed.entities)

    async def send_document(self, params: Params) -> dict[str, Any]:
        """``sendDocument`` (upload or file_id)."""
        return await self._send_file(params, "document")

    async def send_photo(self, params: Params) -> dict[str, Any]:
        """``sendPhoto`` (upload or file_id)."""
        return await self._send_file(params, "photo")

    async def _send_file(
        self, params: Params, kind: Literal["document", "photo"]
    ) -> dict[str, Any]:
        chat = self._reachable_chat(params)
        caption = self._caption(params)
        markup = self._markup(params)
        self._check_reply_target(params, chat)
        stored = self._input_file(params, kind, kind)
        self._admit(chat)
        return self._bot_message(
            chat,
            markup,
            attachment=stored.attachment(),
            caption=caption.text if caption else None,
            caption_entities=caption.entities if caption else (),
        )

    async def edit_message_text(self, params: Params) -> dict[str, Any]:
        """``editMessageText``; no ``reply_markup`` removes the inline keyboard, as on Telegram."""
        message = self._editable(params)
        if message.text is None:
            raise bad_request("there is no text in the message to edit")
        parsed = self._text(params)
        keyboard = self._markup(params).inline_keyboard
        if (parsed.text, parsed.entities, keyboard) == (
            message.text,
            message.entities,
            message.inline_keyboard,
        ):
            raise bad_request(_NOT_MODIFIED)
        return self._save_edit(
            message, text=parsed.text, entities=parsed.entities, inline_keyboard=keyboard
        )

    async def edit_message_caption(self, params: Params) -> dict[str, Any]:
        """``editMessageCaption``."""
        message = self._editable(params)
        if message.attachment is None:
            raise bad_request("there is no caption in the message to edit")
        caption = self._caption(params)
        text = caption.text if caption else None
        entities = caption.entities if caption else ()
        keyboard = self._markup(params).inline_keyboard
        if (text, entities, keyboard) == (
            message.caption,
            message.caption_entities,
            message.inline_keyboard,
        ):
            raise bad_request(_NOT_MODIFIED)
        return self._save_edit(
            message, caption=text, caption_entities=entities, inline_keyboard=keyboard
        )

    async def edit_message_reply_markup(self, params: Params) -> dict[str, Any]:
        """``editMessageReplyMarkup``."""
        message = self._editable(params)
        keyboard = self._markup(params).inline_keyboard
        if keyboard == message.inline_keyboard:
            raise bad_request(_NOT_MODIFIED)
        return self._save_edit(message, inline_keyboard=keyboard)

    async def delete_message(self, params: Params) -> bool:
        """``deleteMessage``."""
        chat = self.state.resolve_chat(params.values.get("chat_id"))
        message = self.state.live_message(chat, params.integer("message_id"))
        if message is None:
            raise bad_request("message to delete not found")
        self.state.update_message(replace(message, deleted=True), action="message.deleted")
        return True

    async def send_chat_action(self, params: Params) -> bool:
        """``sendChatAction``: accepted, nothing to show."""
        self._reachable_chat(params)
        if params.text("action") not in _CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    async def leave_chat(self, params: Params) -> bool:
        """``leaveChat``: the bot leaves a group; a private chat cannot be left."""
        chat = self._reachable_chat(params)
        if chat.type == "private":
            raise bad_request("chat member status can't be changed in private chats")
        self.state.leave_group(chat.id)
        return True

    # ----------------------------------------------------------------------- callbacks

    async def answer_callback_query(self, params: Params) -> bool:
        """``answerCallbackQuery``: once per query and only within the timeout."""
        state = self.state
        query_id = params.text("callback_query_id") or ""
        record = state.callbacks.get(query_id)
        if (
            record is None
            or record.answered
            or state.clock() - record.created_at > state.limits.callback_query_timeout
        ):
            raise bad_request(_STALE_QUERY)
        record.answered = True
        toast = Toast(
            text=params.text("text") or None,
            show_alert=params.flag("show_alert"),
            url=params.text("url"),
            callback_query_id=query_id,
        )
        state.toasts[record.user_id] = toast
        if state.events.active:
            state.events.publish(
                {
                    "type": "callback.answered",
                    "chat_id": record.chat_id,
                    "user_id": record.user_id,
                    "callback_query_id": query_id,
                    "text": toast.text,
                    "show_alert": toast.show_alert,
                },
                record.chat_id,
            )
        return True

    # --------------------------------------------------------------------------- files

    async def get_file(self, params: Params) -> dict[str, Any]:
        """``getFile``: the download path of a known file (20 MB download limit)."""
        stored = self.state.files.get(params.text("file_id") or "")
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.data) > self.state.limits.max_download_bytes:
            raise bad_request("file is too big")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    # ------------------------------------------------------------------- bot profile

    def _scope(self, params: Params) -> tuple[tuple[str, int | None], str]:
        scope = parse_scope(params.decoded("scope", "can't parse BotCommandScope JSON object"))
        if scope[1] is not None:
            self.state.resolve_chat(scope[1])
        return scope, parse_language(params.values.get("language_code"))

    async def set_my_commands(self, params: Params) -> bool:
        """``setMyCommands``."""
        commands = parse_commands(params.decoded("commands", "can't parse commands JSON object"))
        scope, language = self._scope(params)
        self.state.profile.set_commands(scope, language, commands)
        return True

    async def get_my_commands(self, params: Params) -> list[dict[str, str]]:
        """``getMyCommands``: exactly this scope and language."""
        scope, language = self._scope(params)
        return self.state.profile.get_commands(scope, language)

    async def delete_my_commands(self, params: Params) -> bool:
        """``deleteMyCommands``."""
        scope, language = self._scope(params)
        self.state.profile.delete_commands(scope, language)
        return True

    async def set_my_description(self, params: Params) -> bool:
        """``setMyDescription``."""
        language = parse_language(params.values.get("language_code"))
        text = params.text("description") or ""
        if len(text) > 512:
            raise bad_request("description is too long")
        self.state.profile.set_description(language, text, short=False)
        return True

    async def get_my_description(self, params: Params) -> dict[str, str]:
        """``getMyDescription``."""
        language = parse_language(params.values.get("language_code"))
        return {"description": self.state.profile.get_description(language, short=False)}

    async def set_my_short_description(self, params: Params) -> bool:
        """``setMyShortDescription``."""
        language = parse_language(params.values.get("language_code"))
        text = params.text("short_description") or ""
        if len(text) > 120:
            raise bad_request("short description is too long")
        self.state.profile.set_description(language, text, short=True)
        return True

    async def get_my_short_description(self, params: Params) -> dict[str, str]:
        """``getMyShortDescription``."""
        language = parse_language(params.values.get("language_code"))
        return {"short_description": self.state.profile.get_description(language, short=True)}

    async def set_chat_menu_button(self, params: Params) -> bool:
        """``setChatMenuButton`` (one chat, or the default when ``chat_id`` is absent)."""
        chat_id = None
        if params.has("chat_id"):
            chat_id = self.state.resolve_chat(params.values.get("chat_id")).id
        button = params.decoded("menu_button", "can't parse menu button JSON object")
        if button is not None and (not isinstance(button, dict) or "type" not in button):
            raise bad_request("can't parse menu button JSON object")
        self.state.profile.set_menu_button(chat_id, button)
        return True

    async def get_chat_menu_button(self, params: Params) -> dict[str, Any]:
        """``getChatMenuButton``."""
        chat_id = None
        if params.has("chat_id"):
            chat_id = self.state.resolve_chat(params.values.get("chat_id")).id
        return self.state.profile.menu_button(chat_id)
