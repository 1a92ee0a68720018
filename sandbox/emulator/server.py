"""HTTP side of the Bot API: ``/bot<token>/<method>`` and ``/file/bot<token>/<path>``.

Reads every encoding PTB and other clients use, applies injected faults, dispatches to
:class:`BotApiMethods` and logs each call with the exact answer, so tests can assert on what the bot
was told and the conformance check can find calls Telegram would have refused.
"""

from __future__ import annotations

import asyncio
import json
import re
from functools import partial
from typing import Any

from aiohttp import BodyPartReader, web

from sandbox.emulator.errors import ApiError, bad_request
from sandbox.emulator.faults import DROP, Delay, FaultPlan
from sandbox.emulator.guard import file_response
from sandbox.emulator.methods import BotApiMethods
from sandbox.emulator.params import Params, Upload
from sandbox.emulator.state import EmulatorState

__all__ = ["DEFAULT_TOKEN_PATTERN", "BotApiRoutes"]

DEFAULT_TOKEN_PATTERN = r"[0-9]{1,20}:[A-Za-z0-9_-]{1,64}"
"""Tokens look like ``123456:ABC-def_...``; anything else is answered 401."""

_CHUNK = 1 << 16
_dumps = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))


def _error_response(error: ApiError) -> web.Response:
    return web.json_response(error.to_json(), status=error.status, dumps=_dumps)


async def _read_upload(part: BodyPartReader, limit: int) -> Upload:
    """Read a file part, keeping at most ``limit`` bytes but always draining the body."""
    chunks: list[bytes] = []
    size = 0
    while chunk := await part.read_chunk(_CHUNK):
        size += len(chunk)
        if size <= limit:
            chunks.append(chunk)
        else:
            chunks.clear()
    return Upload(
        field=part.name or "",
        file_name=part.filename,
        content_type=part.headers.get("Content-Type"),
        data=b"".join(chunks) if size <= limit else b"",
        size=size,
    )


async def read_params(request: web.Request, upload_limit: int) -> Params:
    """Collect query, form, multipart or JSON parameters into :class:`Params`.

    Raises:
        ApiError: 400 when a JSON body is not an object.

    """
    values: dict[str, Any] = dict(request.query)
    uploads: dict[str, Upload] = {}
    if request.method == "POST" and request.can_read_body:
        content_type = request.content_type
        if content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise bad_request("can't parse JSON object") from None
            if not isinstance(body, dict):
                raise bad_request("JSON object expected")
            values.update(body)
        elif content_type == "multipart/form-data":
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                if not isinstance(part, BodyPartReader):
                    raise bad_request("nested multipart is not supported")
                if part.filename is not None:
                    upload = await _read_upload(part, upload_limit)
                    uploads[upload.field] = upload
                elif part.name:
                    values[part.name] = await part.text()
        else:
            form = await request.post()
            values.update({key: value for key, value in form.items() if isinstance(value, str)})
    return Params(values, uploads)


def _chat_id(params: Params) -> int | None:
    """The numeric chat a call is about, for faults narrowed to one chat (None: none or @name)."""
    value = params.values.get("chat_id")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


class BotApiRoutes:
    """The Bot API and file download handlers bound to one emulator state."""

    def __init__(
        self,
        state: EmulatorState,
        methods: BotApiMethods,
        faults: FaultPlan,
        token_pattern: str,
    ) -> None:
        self._state = state
        self._methods = methods
        self._faults = faults
        self._token = re.compile(token_pattern)

    def install(self, app: web.Application) -> None:
        """Register the routes on ``app``."""
        app.router.add_route("*", r"/bot{token}/{method}", self.handle_call)
        app.router.add_get(r"/file/bot{token}/{path:.+}", self.handle_download)

    async def handle_call(self, request: web.Request) -> web.StreamResponse:
        """Answer one Bot API call like Telegram, recording it in the call log."""
        state = self._state
        token = request.match_info["token"]
        method = request.match_info["method"]
        if not self._token.fullmatch(token):
            unauthorized = ApiError(401, "Unauthorized")
            state.record_call(method, {}, 401, description=unauthorized.description)
            return _error_response(unauthorized)
        state.bot_id = int(token.split(":", 1)[0])
        try:
            params = await read_params(request, state.limits.max_upload_bytes)
        except ApiError as error:
            state.record_call(method, {}, error.status, description=error.description)
            return _error_response(error)
        fault = self._faults.take(method, _chat_id(params))
        logged = params.loggable()
        if isinstance(fault, Delay):
            await asyncio.sleep(fault.seconds)
            fault = None
        if fault is DROP:
            state.record_call(method, logged, 0, description="connection dropped", injected=True)
            if request.transport is not None:
                request.transport.close()
            raise asyncio.CancelledError
        if isinstance(fault, ApiError):
            state.record_call(
                method, logged, fault.status, description=fault.description, injected=True
            )
            return _error_response(fault)
        handler = self._methods.get(method)
        if handler is None:
            missing = ApiError(404, "Not Found")
            state.record_call(method, logged, missing.status, description=missing.description)
            return _error_response(missing)
        try:
            result = await handler(params)
        except ApiError as error:
            state.record_call(method, logged, error.status, description=error.description)
            return _error_response(error)
        except asyncio.CancelledError:
            state.record_call(method, logged, 499, description="client closed the request")
            raise
        state.record_call(method, logged, 200, result=result)
        return web.json_response({"ok": True, "result": result}, dumps=_dumps)

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """Serve a file by the ``file_path`` that ``getFile`` returned."""
        if not self._token.fullmatch(request.match_info["token"]):
            return _error_response(ApiError(401, "Unauthorized"))
        stored = self._state.files_by_path.get(request.match_info["path"])
        if stored is None:
            return _error_response(ApiError(404, "Not Found"))
        return file_response(stored.data, stored.mime_type, stored.file_name)
