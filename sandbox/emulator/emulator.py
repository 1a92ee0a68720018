"""``BotApiEmulator``: the one object tests, the sandbox and benchmarks hold.

It owns the emulated world, serves the Bot API and the control API over HTTP, and offers the same
control operations in-process. The HTTP control layer maps one-to-one onto these methods.
"""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

from aiohttp import web

from sandbox.emulator.control import ControlRoutes
from sandbox.emulator.faults import Fault, FaultKind, FaultPlan, Outage
from sandbox.emulator.guard import same_origin_guard, secure_headers
from sandbox.emulator.limits import Clock, EmulatorLimits, Settle
from sandbox.emulator.media import image_size
from sandbox.emulator.methods import BotApiMethods
from sandbox.emulator.models import (
    ApiCall,
    Button,
    CallbackQueryRecord,
    ChatMessage,
    ExpectedRejection,
    Toast,
    format_transcript,
)
from sandbox.emulator.server import DEFAULT_TOKEN_PATTERN, BotApiRoutes
from sandbox.emulator.state import STICKER_BYTES, EmulatorState
from sandbox.emulator.user import ScriptedUser

if TYPE_CHECKING:
    from sandbox.emulator.events import EventSubscription

__all__ = ["BotApiEmulator"]


class BotApiEmulator:
    """An in-process Telegram Bot API server with scripted users and observation hooks."""

    def __init__(
        self,
        *,
        limits: EmulatorLimits | None = None,
        token_pattern: str = DEFAULT_TOKEN_PATTERN,
        clock: Clock = time.monotonic,
        settle: Settle | None = None,
        bot_username: str = "sotong_bot",
        bot_first_name: str = "Sotong",
        delivery_timeout: float = 10.0,
    ) -> None:
        self.limits = limits or EmulatorLimits()
        self.clock = clock
        self.settle = settle
        self.delivery_timeout = delivery_timeout
        self.state = EmulatorState(
            self.limits, clock, bot_username=bot_username, bot_first_name=bot_first_name
        )
        self.faults = FaultPlan(clock)
        self._routes = BotApiRoutes(
            self.state, BotApiMethods(self.state), self.faults, token_pattern
        )
        self._scripted: dict[int, ScriptedUser] = {}
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._host = "127.0.0.1"

    # ------------------------------------------------------------------ lifecycle

    def build_app(self) -> web.Application:
        """Create the aiohttp application (Bot API + file downloads + control API)."""
        app = web.Application(
            client_max_size=self.limits.max_upload_bytes + (1 << 20),
            middlewares=[same_origin_guard(lambda: self._host)],
        )
        app.on_response_prepare.append(secure_headers)
        self._routes.install(app)
        ControlRoutes(self).install(app)
        return app

    async def start(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        extend: Callable[[web.Application], None] | None = None,
    ) -> None:
        """Listen on ``host:port`` (0 picks a free port, see :attr:`port`).

        ``extend`` may add routes to the app before it is frozen (the sandbox page does).
        """
        if self._runner is not None:
            return
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        app = self.build_app()
        if extend is not None:
            extend(app)
        runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=1.0
        )
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
            await runner.setup()
            await web.SockSite(runner, sock).start()
        except BaseException:
            sock.close()
            await runner.cleanup()
            raise
        self._runner = runner
        self._host = host
        self._port = sock.getsockname()[1]

    async def stop(self) -> None:
        """Stop serving; pending long polls return empty and event streams end. Idempotent."""
        runner, self._runner = self._runner, None
        if runner is None:
            return
        self.state.updates.close()
        self.state.events.close()
        await self.state.webhook.close()
        await runner.cleanup()

    async def __aenter__(self) -> BotApiEmulator:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        """The TCP port (only after :meth:`start`)."""
        if self._port is None:
            raise RuntimeError("the emulator is not started")
        return self._port

    @property
    def url(self) -> str:
        """Root URL, e.g. ``http://127.0.0.1:PORT`` (control API under ``/_control``)."""
        return f"http://{self._host}:{self.port}"

    @property
    def base_url(self) -> str:
        """Value for PTB's ``base_url`` (PTB appends ``<token>/<method>``)."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for PTB's ``base_file_url``."""
        return f"{self.url}/file/bot"

    # ---------------------------------------------------------------- users & chats

    def create_user(
        self,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "ko",
        user_id: int | None = None,
        started: bool = False,
        settle: Settle | None = None,
    ) -> ScriptedUser:
        """Create a simulated user (private chat id == user id).

        ``started=False`` mirrors Telegram: the bot cannot message the user (403) until the user
        has written to it once. ``settle`` overrides :attr:`settle` for this user.
        """
        info = self.state.add_user(
            first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
            user_id=user_id,
            started=started,
        )
        scripted = ScriptedUser(self, info, settle=settle)
        self._scripted[info.id] = scripted
        return scripted

    @property
    def users(self) -> list[ScriptedUser]:
        """All simulated users in creation order."""
        return list(self._scripted.values())

    def get_user(self, user_id: int) -> ScriptedUser:
        """Return a simulated user by id (``KeyError`` if unknown)."""
        try:
            return self._scripted[user_id]
        except KeyError:
            raise KeyError(f"no simulated user with id {user_id}") from None

    def create_group(self, title: str, *, chat_id: int | None = None) -> int:
        """Create a group the bot belongs to (20 messages/minute flood limit); return its id."""
        return self.state.add_group(title, chat_id).id

    def is_blocked(self, user_id: int) -> bool:
        """Whether the user currently blocks the bot."""
        return self.state.chats[user_id].blocked

    # ------------------------------------------------------------- user actions

    def send_text(
        self, user_id: int, text: str, *, group_id: int | None = None
    ) -> tuple[ChatMessage, int | None]:
        """The user sends ``text`` (in a group if given); returns the message and update id."""
        if not text:
            raise ValueError("a user cannot send an empty message")
        return self.state.user_message(user_id, text=text, group_id=group_id)

    def upload_document(
        self,
        user_id: int,
        data: bytes,
        file_name: str,
        *,
        mime_type: str | None = None,
        caption: str | None = None,
    ) -> tuple[ChatMessage, int | None]:
        """The user sends a file as a document."""
        stored = self.state.store_file("document", data, file_name=file_name, mime_type=mime_type)
        return self.state.user_message(user_id, attachment=stored.attachment(), caption=caption)

    def upload_photo(
        self, user_id: int, data: bytes, *, caption: str | None = None
    ) -> tuple[ChatMessage, int | None]:
        """The user sends a picture (compressed photo)."""
        stored = self.state.store_file(
            "photo", data, file_name=None, mime_type=None, size=image_size(data)
        )
        return self.state.user_message(user_id, attachment=stored.attachment(), caption=caption)

    def send_sticker(self, user_id: int, emoji: str = "👍") -> tuple[ChatMessage, int | None]:
        """The user sends a sticker (input most bots do not expect)."""
        stored = self.state.store_file(
            "sticker", STICKER_BYTES, file_name=None, mime_type="image/webp", size=(512, 512)
        )
        return self.state.user_message(user_id, attachment=stored.attachment(emoji))

    def find_button(
        self,
        user_id: int,
        text: str | None = None,
        *,
        callback_data: str | None = None,
        message_id: int | None = None,
        chat_id: int | None = None,
    ) -> tuple[ChatMessage, Button]:
        """Locate an inline button by exact text, unique substring or callback data.

        Looks in ``message_id`` or else the latest bot message with an inline keyboard, in the
        user's private chat or in the group ``chat_id``.

        Raises:
            AssertionError: with the chat transcript when nothing (or more than one) matches.

        """
        chat = self.state.chats[user_id if chat_id is None else chat_id]
        message: ChatMessage | None = None
        if message_id is not None:
            message = self.state.live_message(chat, message_id)
        else:
            for candidate in reversed(chat.messages.values()):
                if (
                    candidate.sender == "bot"
                    and not candidate.deleted
                    and candidate.inline_keyboard
                ):
                    message = candidate
                    break
        if message is None:
            where = f"message {message_id}" if message_id is not None else "any bot message"
            raise AssertionError(f"no inline keyboard in {where}; chat:\n{self._describe(user_id)}")
        buttons = [button for row in message.inline_keyboard for button in row]
        if callback_data is not None:
            found = [b for b in buttons if b.callback_data == callback_data]
        else:
            found = [b for b in buttons if b.text == text] or [
                b for b in buttons if text and text in b.text
            ]
        wanted = text if callback_data is None else f"callback_data={callback_data!r}"
        if len(found) != 1:
            problem = "no button" if not found else "several buttons"
            raise AssertionError(
                f"{problem} matching {wanted!r} in message #{message.message_id} "
                f"(buttons: {message.buttons}); chat:\n{self._describe(user_id)}"
            )
        if found[0].callback_data is None:
            raise AssertionError(f"button {found[0].text!r} is not a callback button")
        return message, found[0]

    def _describe(self, chat_id: int) -> str:
        return format_transcript(self.state.transcript(chat_id))

    def tap(
        self,
        user_id: int,
        text: str | None = None,
        *,
        callback_data: str | None = None,
        message_id: int | None = None,
        chat_id: int | None = None,
    ) -> tuple[str, int | None]:
        """The user taps an inline button; returns the callback query id and the update id."""
        message, button = self.find_button(
            user_id, text, callback_data=callback_data, message_id=message_id, chat_id=chat_id
        )
        return self.state.user_tap(user_id, message, button.callback_data or "")

    def add_bot_to_group(self, user_id: int, group_id: int) -> int:
        """The user adds the bot to a group (``my_chat_member``: left → member)."""
        return self.state.set_group_membership(user_id, group_id, present=True)

    def remove_bot_from_group(self, user_id: int, group_id: int) -> int:
        """The user removes the bot from a group (``my_chat_member``: member → kicked)."""
        return self.state.set_group_membership(user_id, group_id, present=False)

    def block(self, user_id: int) -> int | None:
        """The user blocks the bot (sends ``my_chat_member`` with status ``kicked``)."""
        return self.state.set_blocked(user_id, True)

    def unblock(self, user_id: int) -> int | None:
        """The user unblocks the bot (``my_chat_member`` back to ``member``)."""
        return self.state.set_blocked(user_id, False)

    async def wait_delivered(
        self, update_id: int | None = None, *, within: float | None = None
    ) -> None:
        """Wait until the bot confirmed ``update_id`` (default: every queued update).

        Raises:
            DeliveryTimeoutError: if the bot did not fetch and confirm it in time.

        """
        await self.state.updates.wait_delivered(
            update_id, self.delivery_timeout if within is None else within
        )

    # ------------------------------------------------------------------- faults

    def inject_fault(
        self,
        kind: FaultKind | str,
        *,
        method: str | None = None,
        count: int = 1,
        retry_after: int = 5,
        chat_id: int | None = None,
        status: int = 500,
        seconds: float = 0.0,
    ) -> Fault:
        """Make the next ``count`` calls of ``method`` to ``chat_id`` (or any) fail with ``kind``.

        ``status`` picks the 5xx of a server error; ``seconds`` is a delay's length.
        """
        return self.faults.add(
            kind,
            method=method,
            count=count,
            retry_after=retry_after,
            chat_id=chat_id,
            status=status,
            seconds=seconds,
        )

    def clear_faults(self) -> None:
        """Cancel scheduled faults and end an outage."""
        self.faults.clear()

    def start_outage(
        self,
        seconds: float | None = None,
        *,
        method: str | None = None,
        chat_id: int | None = None,
        status: int = 502,
    ) -> Outage:
        """Calls fail with ``status`` until :meth:`end_outage` (or ``seconds`` pass).

        Every call, or only ``method``'s, or only those to ``chat_id``.
        """
        return self.faults.start_outage(seconds, method=method, chat_id=chat_id, status=status)

    def end_outage(self) -> None:
        """End every outage."""
        self.faults.end_outage()

    @contextlib.asynccontextmanager
    async def outage(
        self, *, method: str | None = None, chat_id: int | None = None, status: int = 502
    ) -> AsyncIterator[None]:
        """``async with emulator.outage():`` — Telegram (or one method, one chat) is down."""
        self.start_outage(method=method, chat_id=chat_id, status=status)
        try:
            yield
        finally:
            self.end_outage()

    # -------------------------------------------------------------- observation

    def transcript(self, chat_id: int) -> list[ChatMessage]:
        """The chat as the user sees it now (edited and deleted messages flagged)."""
        return self.state.transcript(chat_id)

    def message(self, chat_id: int, message_id: int) -> ChatMessage:
        """One message's current state."""
        return self.state.chats[chat_id].messages[message_id]

    def replies(self, chat_id: int) -> list[ChatMessage]:
        """Bot messages created or edited since the user's last action."""
        return self.state.replies(chat_id)

    def reply_keyboard(self, chat_id: int) -> tuple[tuple[str, ...], ...] | None:
        """The reply keyboard currently shown under the input field, if any."""
        return self.state.chats[chat_id].reply_keyboard

    def calls(self, method: str | None = None) -> list[ApiCall]:
        """Every Bot API call (optionally of one method, case-insensitive)."""
        if method is None:
            return list(self.state.calls)
        name = method.lower()
        return [call for call in self.state.calls if call.method.lower() == name]

    def rejected_calls(self) -> list[ApiCall]:
        """Calls Telegram would have refused (expected ones included, injected faults not)."""
        return [call for call in self.state.calls if call.rejected]

    def unanswered_callbacks(self) -> list[CallbackQueryRecord]:
        """Callback queries the bot never answered."""
        return self.state.unanswered_callbacks()

    def last_toast(self, user_id: int) -> Toast | None:
        """What the latest ``answerCallbackQuery`` for this user showed."""
        return self.state.toasts.get(user_id)

    def commands_for(self, user_id: int) -> list[dict[str, str]]:
        """The command menu this user sees (scope and language fallback applied)."""
        user = self.state.user(user_id)
        return self.state.profile.commands_for(user.id, user.language_code)

    def description_for(self, user_id: int, *, short: bool = False) -> str:
        """The (short) description this user sees, falling back to the default language."""
        return self.state.profile.description(self.state.user(user_id).language_code, short=short)

    def menu_button_for(self, chat_id: int) -> dict[str, object]:
        """The menu button shown in this chat."""
        return self.state.profile.menu_button(chat_id)

    def file_bytes(self, file_id: str) -> bytes:
        """Content of a stored file (uploaded by the bot or by a user)."""
        return self.state.files[file_id].data

    def subscribe(self, chat_id: int | None = None) -> EventSubscription:
        """Live event stream (all chats or one); see :mod:`sandbox.emulator.events`."""
        return self.state.events.subscribe(chat_id)

    # -------------------------------------------------------------- conformance

    def expect_rejection(
        self,
        description: str | None = None,
        *,
        method: str | None = None,
        status: int | None = None,
    ) -> ExpectedRejection:
        """Whitelist rejections a test provokes on purpose (case-insensitive substring)."""
        expectation = ExpectedRejection(method=method, description=description, status=status)
        self.state.expectations.append(expectation)
        return expectation

    def allow_unanswered_callbacks(self) -> None:
        """Do not fail the conformance check on unanswered callback queries."""
        self.state.allow_unanswered_callbacks = True

    def conformance_problems(self) -> list[str]:
        """Why the bot would misbehave on real Telegram; empty when all is well."""
        problems = [
            f"{call.method} was rejected with {call.status} {call.description!r} "
            f"(params: {call.params})"
            for call in self.state.unexpected_rejections()
        ]
        problems.extend(
            f"{loss}: Telegram keeps {self.state.limits.max_entities} entities per message"
            for loss in self.state.dropped_formatting
        )
        if not self.state.allow_unanswered_callbacks:
            problems.extend(
                f"callback query {record.id} (data {record.data!r}, chat {record.chat_id}) "
                "was never answered"
                for record in self.state.unanswered_callbacks()
            )
        return problems
