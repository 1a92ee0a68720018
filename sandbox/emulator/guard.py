"""Keep other web pages out of every route on the port: Bot API, files, control API and page.

Everything on this port is powerful: the control API acts as any persona and reads every chat,
the Bot API route sends messages into a persona's chat and answers `getUpdates`, the file
routes serve what owners uploaded. Without this guard any page the visitor opens in the same
browser could post a form to any of them (a cross-site request forgery: a `text/plain` or
urlencoded form needs no permission), load one from an `<img>` tag, or read them through a
domain that resolves to 127.0.0.1 (DNS rebinding). Clients outside a browser (the bot, tests,
benches) send neither Origin nor Sec-Fetch-Site and pass.

Every answer also says it may not be framed (`frame-ancestors 'none'`) nor sniffed into
another type (`nosniff`), and files are served as downloads (`file_response`) in a sandbox of
their own, so an uploaded web page never runs as the page's origin.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable
from urllib.parse import quote

from aiohttp import web

__all__ = ["file_response", "same_origin_guard", "secure_headers"]

_CONTROL = ("/_control", "/_sandbox")
_BODY_TYPES = frozenset({"application/json", "multipart/form-data"})
_OWN_REQUESTS = frozenset({"same-origin", "none"})
"""Sec-Fetch-Site values of the page's own requests and of an address typed by the visitor."""
_FILE_POLICY = "default-src 'none'; sandbox"
_Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _local_name(host: str, bound: str) -> bool:
    """An IP literal, localhost or the name the server was bound to: none can be rebound."""
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    name = name.strip("[]").lower()
    if name in {"localhost", bound.lower()}:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _refuse(reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=403)


def _is_navigation_to_page(request: web.Request) -> bool:
    """Opening the chat page from a link elsewhere is fine: it reads nothing and acts on nothing."""
    return request.method in {"GET", "HEAD"} and request.path == "/"


def same_origin_guard(
    bound_host: Callable[[], str],
) -> Callable[..., Awaitable[web.StreamResponse]]:
    """A middleware refusing cross-origin or rebound requests, and non-JSON control requests."""

    @web.middleware
    async def guard(request: web.Request, handler: _Handler) -> web.StreamResponse:
        host = request.headers.get("Host", "")
        if not _local_name(host, bound_host()):
            return _refuse(f"the sandbox answers only on its own address, not {host!r}")
        origin = request.headers.get("Origin")
        if origin is not None and origin not in {f"http://{host}", f"https://{host}"}:
            return _refuse("requests from other web pages are refused")
        site = request.headers.get("Sec-Fetch-Site")
        if site is not None and site not in _OWN_REQUESTS and not _is_navigation_to_page(request):
            return _refuse("requests from other web pages are refused")
        if (
            request.path.startswith(_CONTROL)
            and request.method not in {"GET", "HEAD", "OPTIONS"}
            and request.can_read_body
            and request.content_type not in _BODY_TYPES
        ):
            return _refuse("send JSON (application/json) or a file (multipart/form-data)")
        return await handler(request)

    return guard


async def secure_headers(_: web.Request, response: web.StreamResponse) -> None:
    """On every answer (`on_response_prepare`): never framed, never sniffed.

    A policy a route set itself is kept; only `frame-ancestors` is added to it.
    """
    response.headers["X-Content-Type-Options"] = "nosniff"
    policy = response.headers.get("Content-Security-Policy")
    if policy is None:
        response.headers["Content-Security-Policy"] = "frame-ancestors 'none'"
    elif "frame-ancestors" not in policy:
        response.headers["Content-Security-Policy"] = f"{policy}; frame-ancestors 'none'"


def file_response(data: bytes, mime_type: str | None, file_name: str | None) -> web.Response:
    """A stored file as a download, in a sandbox with no script, whatever its type claims.

    `<img>` still shows a photo: Content-Disposition only changes what a navigation does.
    """
    disposition = "attachment"
    if file_name:
        fallback = "".join(
            char if char.isascii() and char.isprintable() and char not in '"\\' else "_"
            for char in file_name
        )
        disposition += f"; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"
    return web.Response(
        body=data,
        content_type=mime_type or "application/octet-stream",
        headers={"Content-Disposition": disposition, "Content-Security-Policy": _FILE_POLICY},
    )
