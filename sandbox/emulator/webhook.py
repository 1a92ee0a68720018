"""Webhook delivery: what Telegram does after ``setWebhook``, to loopback addresses only.

Telegram POSTs each update as JSON to the registered URL, with the secret in
``X-Telegram-Bot-Api-Secret-Token``, and keeps an update until the bot answers 2xx; on any other
answer or a dead connection it retries later and reports the error in ``getWebhookInfo``.
Updates go out one at a time in id order here (Telegram may use up to ``max_connections`` in
parallel; order within one chat is what a bot may rely on, and one at a time keeps it).

Real Telegram only posts to public HTTPS URLs on ports 443, 80, 88 and 8443; the emulator posts
only to this machine (``127.0.0.1``, ``localhost``, ``::1``), over plain HTTP too and then on any
port, as a local Bot API server (``--local``) does, which is what a test needs.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import aiohttp

from sandbox.emulator.errors import ApiError, bad_request
from sandbox.emulator.updates import UpdateQueue

__all__ = [
    "LOOPBACK_HOSTS",
    "WEBHOOK_PORTS",
    "WebhookAttempt",
    "WebhookSender",
    "check_webhook_url",
]

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
WEBHOOK_PORTS = frozenset({443, 80, 88, 8443})
"""The only ports Telegram posts an HTTPS webhook to (the Bot API server's WebhookActor)."""
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_RETRY_FIRST = 0.05
_RETRY_MAX = 1.0
_TIMEOUT = 10.0


@dataclass(frozen=True, slots=True)
class WebhookAttempt:
    """One POST of one update and how the bot answered (0: no answer at all)."""

    update_id: int
    status: int
    error: str | None = None


@dataclass(slots=True)
class _Registration:
    url: str
    secret: str | None
    max_connections: int
    allowed_updates: list[str] | None
    attempts: list[WebhookAttempt] = field(default_factory=list)


def check_webhook_url(url: str) -> None:
    """Refuse what Telegram refuses (no HTTPS, another port) and what the emulator cannot reach.

    Raises:
        ApiError: 400 with Telegram's wording.

    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    try:
        port = parts.port
    except ValueError:
        raise bad_request("invalid webhook URL specified") from None
    if parts.scheme == "https" and (port or 443) not in WEBHOOK_PORTS:
        raise bad_request("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
    if parts.hostname not in LOOPBACK_HOSTS:
        raise bad_request(
            "bad webhook: the emulator delivers webhooks to loopback addresses only "
            "(127.0.0.1, localhost, ::1)"
        )


def check_secret(secret: str | None) -> None:
    """Telegram's rule for ``secret_token``.

    Raises:
        ApiError: 400 when it has characters Telegram does not allow.

    """
    if secret is not None and not _SECRET.match(secret):
        raise bad_request("secret token contains unallowed characters")


class WebhookSender:
    """Posts pending updates to the registered URL until confirmed, as one background task."""

    def __init__(self, updates: UpdateQueue) -> None:
        self._updates = updates
        self._registration: _Registration | None = None
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None
        self.last_error_date: int | None = None
        self.last_error_message: str | None = None

    @property
    def url(self) -> str:
        """The registered URL, or "" in polling mode."""
        return "" if self._registration is None else self._registration.url

    @property
    def active(self) -> bool:
        """Whether a webhook is set (getUpdates is then refused)."""
        return self._registration is not None

    @property
    def attempts(self) -> list[WebhookAttempt]:
        """Every POST since the webhook was set, for tests to inspect."""
        return [] if self._registration is None else list(self._registration.attempts)

    def info(self) -> dict[str, object]:
        """The webhook part of ``getWebhookInfo``."""
        info: dict[str, object] = {"url": self.url, "has_custom_certificate": False}
        registration = self._registration
        if registration is not None:
            info["max_connections"] = registration.max_connections
            if registration.allowed_updates is not None:
                info["allowed_updates"] = registration.allowed_updates
        if self.last_error_date is not None:
            info["last_error_date"] = self.last_error_date
            info["last_error_message"] = self.last_error_message
        return info

    def set(
        self,
        url: str,
        *,
        secret: str | None,
        max_connections: int,
        allowed_updates: list[str] | None,
    ) -> None:
        """Register (or replace) the webhook and start delivering."""
        self._registration = _Registration(url, secret, max_connections, allowed_updates)
        self.last_error_date = self.last_error_message = None
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(
                self._deliver(), name="emulator-webhook"
            )

    async def delete(self) -> None:
        """Back to polling mode; pending updates stay for getUpdates."""
        self._registration = None
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    async def _deliver(self) -> None:
        delay = _RETRY_FIRST
        while (registration := self._registration) is not None:
            update = await self._updates.next_pending()
            status, error = await self._post(registration, update)
            registration.attempts.append(WebhookAttempt(update["update_id"], status, error))
            if 200 <= status < 300:
                self._updates.confirm(update["update_id"] + 1)
                delay = _RETRY_FIRST
                continue
            self.last_error_date = int(time.time())
            self.last_error_message = error or f"Wrong response from the webhook: {status}"
            await asyncio.sleep(delay)
            delay = min(delay * 2, _RETRY_MAX)

    async def _post(
        self, registration: _Registration, update: dict[str, object]
    ) -> tuple[int, str | None]:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=_TIMEOUT))
        headers = {"Content-Type": "application/json"}
        if registration.secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = registration.secret
        try:
            async with self._session.post(
                registration.url, data=json.dumps(update, ensure_ascii=False), headers=headers
            ) as response:
                await response.read()
                return response.status, None
        except (aiohttp.ClientError, TimeoutError) as exc:
            return 0, f"Connection failed: {exc.__class__.__name__}"

    async def close(self) -> None:
        """Stop delivering (emulator shutdown)."""
        await self.delete()


def webhook_conflict() -> ApiError:
    """What ``getUpdates`` answers while a webhook is set."""
    return ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook "
        "to delete the webhook first",
    )
