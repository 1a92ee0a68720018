"""HTTP control API under ``/_control``: a thin JSON mapping onto :class:`BotApiEmulator`.

The offline sandbox page and out-of-process benchmarks drive users and read transcripts through
these routes; ``/_control/events`` streams the same events as ``emulator.subscribe()`` over a
WebSocket. Actions here return immediately (they do not wait for the bot).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import unquote

from aiohttp import BodyPartReader, web

from sandbox.emulator.faults import Fault, FaultKind, FaultPlan, Outage
from sandbox.emulator.guard import file_response
from sandbox.emulator.models import ApiCall, CallbackQueryRecord, ChatMessage
from sandbox.emulator.state import EmulatorState
from sandbox.emulator.user import ScriptedUser, UserActions

if TYPE_CHECKING:
    from sandbox.emulator.events import EventSubscription

__all__ = ["ControlRoutes"]

_dumps = partial(json.dumps, ensure_ascii=False)
_Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _json(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=_dumps)


def _guarded(handler: _Handler) -> _Handler:
    """Map misuse to JSON errors: unknown ids 404, bad input or missing buttons 400."""

    async def wrapper(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except KeyError as exc:
            return _json({"error": str(exc.args[0]) if exc.args else "not found"}, 404)
        except (AssertionError, ValueError, TypeError) as exc:
            return _json({"error": str(exc)}, 400)

    return wrapper


async def _body(request: web.Request) -> dict[str, Any]:
    if not request.can_read_body:
        return {}
    data = await request.json()
    if not isinstance(data, dict):
        raise ValueError("JSON object expected")
    return data


async def _multipart_file(request: web.Request) -> tuple[bytes, str | None, dict[str, str]]:
    """Read a multipart form with one ``file`` part and text fields."""
    reader = await request.multipart()
    data: bytes | None = None
    file_name: str | None = None
    fields: dict[str, str] = {}
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader):
            raise ValueError("nested multipart is not supported")
        if part.name == "file":
            data = bytes(await part.read())
            # aiohttp clients percent-encode non-ASCII names; browsers send raw UTF-8
            file_name = unquote(part.filename) if part.filename else None
        elif part.name:
            fields[part.name] = await part.text()
    if data is None:
        raise ValueError('multipart field "file" is required')
    return data, file_name, fields


def _sent(message: ChatMessage, update_id: int | None) -> web.Response:
    return _json({"message": message.to_json(), "update_id": update_id}, 201)


class ControlledEmulator(UserActions, Protocol):
    """What the control API drives; `BotApiEmulator` provides it and installs these routes."""

    state: EmulatorState
    faults: FaultPlan

    @property
    def users(self) -> list[ScriptedUser]:
        """All simulated users in creation order."""
        ...

    def get_user(self, user_id: int) -> ScriptedUser:
        """A simulated user by id."""
        ...

    def create_user(
        self,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "ko",
        user_id: int | None = None,
        started: bool = False,
    ) -> ScriptedUser:
        """Create a simulated user."""
        ...

    def is_blocked(self, user_id: int) -> bool:
        """Whether the user currently blocks the bot."""
        ...

    def description_for(self, user_id: int, *, short: bool = False) -> str:
        """The bot description the user sees."""
        ...

    def menu_button_for(self, chat_id: int) -> dict[str, object]:
        """The chat's menu button."""
        ...

    def calls(self, method: str | None = None) -> list[ApiCall]:
        """Bot API calls the bot made, optionally of one method."""
        ...

    def rejected_calls(self) -> list[ApiCall]:
        """Calls the emulator refused."""
        ...

    def conformance_problems(self) -> list[str]:
        """Rules of the Bot API the bot broke."""
        ...

    def unanswered_callbacks(self) -> list[CallbackQueryRecord]:
        """Callback queries the bot never answered."""
        ...

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
        """Make the next calls (of one method, into one chat, when given) fail or lag."""
        ...

    def clear_faults(self) -> None:
        """Cancel scheduled faults and end an outage."""
        ...

    def start_outage(
        self,
        seconds: float | None = None,
        *,
        method: str | None = None,
        chat_id: int | None = None,
        status: int = 502,
    ) -> Outage:
        """Every call (of one method, into one chat, when given) fails until the outage ends."""
        ...

    def end_outage(self) -> None:
        """End an outage."""
        ...

    def subscribe(self, chat_id: int | None = None) -> EventSubscription:
        """A stream of emulator events, optionally of one chat."""
        ...


class ControlRoutes:
    """Routes of the control API bound to one emulator."""

    def __init__(self, emulator: ControlledEmulator) -> None:
        self._emulator = emulator

    def install(self, app: web.Application) -> None:
        """Register every ``/_control`` route on ``app``."""
        routes = [
            ("GET", "/_control/users", self.list_users),
            ("POST", "/_control/users", self.create_user),
            ("GET", "/_control/users/{user_id}", self.get_user),
            ("POST", "/_control/users/{user_id}/messages", self.send_text),
            ("POST", "/_control/users/{user_id}/taps", self.tap),
            ("POST", "/_control/users/{user_id}/documents", self.upload_document),
            ("POST", "/_control/users/{user_id}/photos", self.upload_photo),
            ("POST", "/_control/users/{user_id}/stickers", self.send_sticker),
            ("POST", "/_control/users/{user_id}/block", self.block),
            ("POST", "/_control/users/{user_id}/unblock", self.unblock),
            ("GET", "/_control/chats/{chat_id}/transcript", self.transcript),
            ("GET", "/_control/calls", self.calls),
            ("GET", "/_control/errors", self.errors),
            ("GET", "/_control/callbacks/unanswered", self.unanswered),
            ("GET", "/_control/faults", self.list_faults),
            ("POST", "/_control/faults", self.add_fault),
            ("DELETE", "/_control/faults", self.clear_faults),
            ("POST", "/_control/outage", self.outage),
            ("GET", "/_control/files/{file_id}", self.file),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, path, _guarded(handler))
        app.router.add_get("/_control/events", self.events)

    def _user_json(self, user_id: int) -> dict[str, Any]:
        emulator = self._emulator
        info = emulator.get_user(user_id).info
        toast = emulator.last_toast(user_id)
        keyboard = emulator.reply_keyboard(user_id)
        return {
            **info.to_json(),
            "blocked": emulator.is_blocked(user_id),
            "commands": emulator.commands_for(user_id),
            "description": emulator.description_for(user_id),
            "short_description": emulator.description_for(user_id, short=True),
            "menu_button": emulator.menu_button_for(user_id),
            "reply_keyboard": [list(row) for row in keyboard] if keyboard else None,
            "last_toast": {"text": toast.text, "show_alert": toast.show_alert} if toast else None,
        }

    # ---------------------------------------------------------------------- users

    async def list_users(self, request: web.Request) -> web.Response:
        """``GET /_control/users``."""
        return _json({"users": [self._user_json(u.id) for u in self._emulator.users]})

    async def create_user(self, request: web.Request) -> web.Response:
        """``POST /_control/users`` with ``first_name`` and optional profile fields."""
        body = await _body(request)
        if not body.get("first_name"):
            raise ValueError("first_name is required")
        user = self._emulator.create_user(
            str(body["first_name"]),
            last_name=body.get("last_name"),
            username=body.get("username"),
            language_code=body.get("language_code", "ko"),
            user_id=body.get("user_id"),
            started=bool(body.get("started", False)),
        )
        return _json(self._user_json(user.id), 201)

    async def get_user(self, request: web.Request) -> web.Response:
        """``GET /_control/users/{id}`` including what the user sees (commands, toast...)."""
        return _json(self._user_json(int(request.match_info["user_id"])))

    async def send_text(self, request: web.Request) -> web.Response:
        """``POST .../messages`` ``{"text": ...}``."""
        body = await _body(request)
        user_id = self._emulator.get_user(int(request.match_info["user_id"])).id
        return _sent(*self._emulator.send_text(user_id, str(body.get("text", ""))))

    async def tap(self, request: web.Request) -> web.Response:
        """``POST .../taps`` ``{"text"|"callback_data", "message_id"?}``."""
        body = await _body(request)
        user_id = self._emulator.get_user(int(request.match_info["user_id"])).id
        query_id, update_id = self._emulator.tap(
            user_id,
            body.get("text"),
            callback_data=body.get("callback_data"),
            message_id=body.get("message_id"),
        )
        return _json({"callback_query_id": query_id, "update_id": update_id}, 201)

    async def upload_document(self, request: web.Request) -> web.Response:
        """``POST .../documents`` multipart: ``file`` (+ ``caption``, ``mime_type``)."""
        user_id = self._emulator.get_user(int(request.match_info["user_id"])).id
        data, file_name, fields = await _multipart_file(request)
        return _sent(
            *self._emulator.upload_document(
                user_id,
                data,
                file_name or "file",
                mime_type=fields.get("mime_type"),
                caption=fields.get("caption"),
            )
        )

    async def upload_photo(self, request: web.Request) -> web.Response:
        """``POST .../photos`` multipart: ``file`` (+ ``caption``)."""
        user_id = self._emulator.get_user(int(request.match_info["user_id"])).id
        data, _, fields = await _multipart_file(request)
        return _sent(*self._emulator.upload_photo(user_id, data, caption=fields.get("caption")))

    async def send_sticker(self, request: web.Request) -> web.Response:
        """``POST .../stickers`` ``{"emoji"?}``."""
        body = await _body(request)
        user_id = self._emulator.get_user(int(request.match_info["user_id"])).id
        return _sent(*self._emulator.send_sticker(user_id, str(body.get("emoji", "👍"))))

    async def block(self, request: web.Request) -> web.Response:
        """``POST .../block``."""
        user_id = self._emulator.get_user(int(request.match_info["user_id"])).id
        return _json({"update_id": self._emulator.block(user_id)})

    async def unblock(self, request: web.Request) -> web.Response:
        """``POST .../unblock``."""
        user_id = self._emulator.get_user(int(request.match_info["user_id"])).id
        return _json({"update_id": self._emulator.unblock(user_id)})

    # ----------------------------------------------------------------- observation

    async def transcript(self, request: web.Request) -> web.Response:
        """``GET /_control/chats/{id}/transcript``."""
        messages = self._emulator.transcript(int(request.match_info["chat_id"]))
        return _json({"messages": [message.to_json() for message in messages]})

    async def calls(self, request: web.Request) -> web.Response:
        """``GET /_control/calls?method=&since=`` (``since``: only calls with a larger seq)."""
        since = int(request.query.get("since", "0"))
        calls = self._emulator.calls(request.query.get("method"))
        return _json({"calls": [call.to_json() for call in calls if call.seq > since]})

    async def errors(self, request: web.Request) -> web.Response:
        """``GET /_control/errors``: rejected calls and the conformance verdict."""
        return _json(
            {
                "rejected": [call.to_json() for call in self._emulator.rejected_calls()],
                "problems": self._emulator.conformance_problems(),
            }
        )

    async def unanswered(self, request: web.Request) -> web.Response:
        """``GET /_control/callbacks/unanswered``."""
        return _json(
            {
                "callbacks": [
                    {
                        "id": record.id,
                        "user_id": record.user_id,
                        "chat_id": record.chat_id,
                        "message_id": record.message_id,
                        "data": record.data,
                    }
                    for record in self._emulator.unanswered_callbacks()
                ]
            }
        )

    async def file(self, request: web.Request) -> web.Response:
        """``GET /_control/files/{file_id}``: a download; an `<img>` still shows it."""
        stored = self._emulator.state.files[request.match_info["file_id"]]
        return file_response(stored.data, stored.mime_type, stored.file_name)

    # ---------------------------------------------------------------------- faults

    async def list_faults(self, request: web.Request) -> web.Response:
        """``GET /_control/faults``."""
        faults = self._emulator.faults
        return _json(
            {
                "faults": [
                    {
                        "kind": str(fault.kind),
                        "method": fault.method,
                        "remaining": fault.remaining,
                        "retry_after": fault.retry_after,
                        "chat_id": fault.chat_id,
                        "status": fault.status,
                        "seconds": fault.seconds,
                    }
                    for fault in faults.pending
                ],
                "outage": faults.outage_active,
            }
        )

    async def add_fault(self, request: web.Request) -> web.Response:
        """``POST /_control/faults``.

        ``{"kind", "method"?, "chat_id"?, "count"?, "retry_after"?, "status"?, "seconds"?}``.
        """
        body = await _body(request)
        chat_id = body.get("chat_id")
        fault = self._emulator.inject_fault(
            FaultKind(str(body.get("kind"))),
            method=body.get("method"),
            count=int(body.get("count", 1)),
            retry_after=int(body.get("retry_after", 5)),
            chat_id=None if chat_id is None else int(chat_id),
            status=int(body.get("status", 500)),
            seconds=float(body.get("seconds", 0.0)),
        )
        return _json(
            {"kind": str(fault.kind), "method": fault.method, "remaining": fault.remaining}, 201
        )

    async def clear_faults(self, request: web.Request) -> web.Response:
        """``DELETE /_control/faults`` (also ends an outage)."""
        self._emulator.clear_faults()
        return _json({"faults": [], "outage": False})

    async def outage(self, request: web.Request) -> web.Response:
        """``POST /_control/outage``.

        ``{"active": bool, "seconds"?: float, "method"?, "chat_id"?, "status"?: 5xx}``.
        """
        body = await _body(request)
        if body.get("active", True):
            seconds = body.get("seconds")
            chat_id = body.get("chat_id")
            self._emulator.start_outage(
                float(seconds) if seconds is not None else None,
                method=body.get("method"),
                chat_id=None if chat_id is None else int(chat_id),
                status=int(body.get("status", 502)),
            )
        else:
            self._emulator.end_outage()
        return _json({"outage": self._emulator.faults.outage_active})

    # ---------------------------------------------------------------------- events

    async def events(self, request: web.Request) -> web.WebSocketResponse:
        """``GET /_control/events[?chat_id=N]``: WebSocket of JSON events."""
        chat_id = request.query.get("chat_id")
        subscription = self._emulator.subscribe(int(chat_id) if chat_id else None)
        socket = web.WebSocketResponse()
        await socket.prepare(request)

        async def pump() -> None:
            with contextlib.suppress(ConnectionResetError):
                async for event in subscription:
                    await socket.send_json(event, dumps=_dumps)
            await socket.close()

        pumping = asyncio.create_task(pump())
        try:
            async for _ in socket:
                pass
        finally:
            subscription.close()
            pumping.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pumping
        return socket
