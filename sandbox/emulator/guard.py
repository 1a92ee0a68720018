"""Keep other web pages out of the control API: same origin, a local name, JSON or files only.

The control API acts as any persona and reads every chat. Without this, any page the visitor
opens in the same browser could post a `text/plain` form to `/_control/...` (a cross-site
request forgery), or reach it through a domain that resolves to 127.0.0.1 (DNS rebinding).
Clients outside a browser (tests, benches) send no Origin and pass.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable

from aiohttp import web

__all__ = ["same_origin_guard"]

_GUARDED = ("/_control", "/_sandbox")
_BODY_TYPES = frozenset({"application/json", "multipart/form-data"})
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


def same_origin_guard(
    bound_host: Callable[[], str],
) -> Callable[..., Awaitable[web.StreamResponse]]:
    """A middleware refusing cross-origin, rebound or non-JSON requests to the guarded paths."""

    @web.middleware
    async def guard(request: web.Request, handler: _Handler) -> web.StreamResponse:
        if not request.path.startswith(_GUARDED):
            return await handler(request)
        host = request.headers.get("Host", "")
        if not _local_name(host, bound_host()):
            return _refuse(f"the sandbox answers only on its own address, not {host!r}")
        origin = request.headers.get("Origin")
        if origin is not None and origin not in {f"http://{host}", f"https://{host}"}:
            return _refuse("requests from other web pages are refused")
        if (
            request.method not in {"GET", "HEAD", "OPTIONS"}
            and request.can_read_body
            and request.content_type not in _BODY_TYPES
        ):
            return _refuse("send JSON (application/json) or a file (multipart/form-data)")
        return await handler(request)

    return guard
