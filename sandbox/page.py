"""The chat page's routes on the emulator's aiohttp app: the files, the personas, the bot's zone.

Everything else the page does (sending, tapping, uploading, transcripts, the live event stream,
the call log) goes through the emulator's own control API under `/_control`.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Protocol

from aiohttp import web

from sandbox.personas import Persona

__all__ = ["STATIC_DIR", "PersonaDirectory", "install_page"]

STATIC_DIR = Path(__file__).with_name("static")
_FILES = {
    "index.html": "text/html",
    "app.js": "text/javascript",
    "style.css": "text/css",
}
_NO_CACHE = {"Cache-Control": "no-cache"}
_LANGUAGES = frozenset({"ko", "en"})
_dumps = partial(json.dumps, ensure_ascii=False)


class PersonaDirectory(Protocol):
    """Who the visitor can be; the running sandbox provides it."""

    def personas(self) -> list[Persona]:
        """The fixed personas, in the order the page lists them."""
        ...

    async def new_person(self, language: str) -> Persona:
        """A user nobody has seen yet."""
        ...

    def time_zone(self) -> str:
        """The bot's IANA zone, in which its texts give times; the page's bubbles follow it."""
        ...


def _file(name: str) -> web.FileResponse:
    # no-cache: after an upgrade the browser must not mix an old app.js with a new page.
    return web.FileResponse(
        STATIC_DIR / name, headers={**_NO_CACHE, "Content-Type": f"{_FILES[name]}; charset=utf-8"}
    )


def install_page(app: web.Application, directory: PersonaDirectory) -> None:
    """Add `/`, `/static/{name}`, `/_sandbox/personas` and `/_sandbox/bot` to the emulator's app."""

    async def index(_: web.Request) -> web.StreamResponse:
        return _file("index.html")

    async def static(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in _FILES or name == "index.html":
            raise web.HTTPNotFound
        return _file(name)

    async def personas(_: web.Request) -> web.StreamResponse:
        return web.json_response(
            {"personas": [persona.to_json() for persona in directory.personas()]}, dumps=_dumps
        )

    async def new_person(request: web.Request) -> web.StreamResponse:
        body = await request.json() if request.can_read_body else {}
        language = body.get("language_code") if isinstance(body, dict) else None
        persona = await directory.new_person(language if language in _LANGUAGES else "ko")
        return web.json_response(persona.to_json(), status=201, dumps=_dumps)

    async def bot(_: web.Request) -> web.StreamResponse:
        # The browser's own zone may differ from the bot's; bubble times must match the texts.
        return web.json_response({"time_zone": directory.time_zone()})

    app.router.add_get("/", index)
    app.router.add_get("/static/{name}", static)
    app.router.add_get("/_sandbox/personas", personas)
    app.router.add_post("/_sandbox/personas/new", new_person)
    app.router.add_get("/_sandbox/bot", bot)
