"""Webhook mode: Telegram POSTs updates to WEBHOOK_URL, a reverse proxy forwards them here.

PTB's own webhook server would need tornado and offers no room for /healthz; this one is a few
lines of aiohttp, which the bot already uses to reach the Bot API. Updates go into the same
`update_queue` polling fills, so both modes handle them the same way (each user's in order).
"""

from __future__ import annotations

import hmac
import logging
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from bot.app import ALLOWED_UPDATES, WIRING_KEY, JournaledApplication
from bot.config import Settings
from bot.update_processor import UserOrderedUpdateProcessor
from bot.wiring import Wiring
from storage.health import live_state

__all__ = ["WebhookServer", "enqueue_update"]

logger = logging.getLogger("sotong.webhook")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_MAX_BODY = 1 << 20
_SHUTDOWN_GRACE = 2.0


async def enqueue_update(application: JournaledApplication, data: dict[str, Any]) -> None:
    """The one way a webhook update enters the bot: journaled, then queued like a polled one.

    Telegram gets its 200 only after this returns, so the update is on disk by then, and a
    delivery it repeats is dropped by its update_id (bot/update_inbox.py).
    """
    await application.inbox.accept(data)


def webhook_path(settings: Settings) -> str:
    """The path the server answers Telegram on: WEBHOOK_URL's own path."""
    assert settings.webhook_url is not None
    return urlsplit(settings.webhook_url).path or "/"


class WebhookServer:
    """Serves the webhook path and GET /healthz on WEBHOOK_LISTEN."""

    def __init__(self, application: JournaledApplication, settings: Settings) -> None:
        assert settings.webhook_secret is not None, "the configuration requires a secret"
        self._application = application
        self._settings = settings
        self._secret = settings.webhook_secret.get_secret_value().encode()
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        """Listen, then tell Telegram where to post (and what), keeping what it holds."""
        app = web.Application(client_max_size=_MAX_BODY)
        app.router.add_post(webhook_path(self._settings), self._receive)
        app.router.add_get("/healthz", self._health)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=_SHUTDOWN_GRACE)
        await runner.setup()
        host, port = self._settings.webhook_address
        try:
            await web.TCPSite(runner, host, port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        assert self._settings.webhook_url is not None
        await self._application.bot.set_webhook(
            self._settings.webhook_url,
            secret_token=self._secret.decode(),
            allowed_updates=ALLOWED_UPDATES,
            drop_pending_updates=False,
        )
        logger.info("webhook set; listening on %s:%d", host, port)

    async def stop(self) -> None:
        """Stop accepting updates; Telegram keeps new ones until the bot is back."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def _receive(self, request: web.Request) -> web.Response:
        """Check the secret before reading the body, then queue the update."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            # Never the body: whoever sent it is not Telegram and it may be anything.
            logger.warning(
                "webhook request refused (403): %s secret, from %s, %s bytes not read",
                "wrong" if given else "no",
                request.remote,
                request.content_length,
            )
            return web.Response(status=403)
        if not self._application.running:
            # Stopping: Telegram retries a non-2xx answer, so the update waits for the restart.
            return web.Response(status=503)
        try:
            data = await request.json()
        except ValueError:
            logger.warning("webhook request refused (400): the body is not JSON")
            return web.Response(status=400)
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            logger.warning("webhook request refused (400): not an update")
            return web.Response(status=400)
        await enqueue_update(self._application, data)
        return web.Response(status=200)

    async def _health(self, _: web.Request) -> web.Response:
        """200 with the database's and the queues' state, 503 when the database fails."""
        wiring: Wiring = self._application.bot_data[WIRING_KEY]
        processor = self._application.update_processor
        queue: dict[str, Any] = {"updates_waiting": self._application.update_queue.qsize()}
        if isinstance(processor, UserOrderedUpdateProcessor):
            queue["updates_in_progress"] = processor.in_flight
        try:
            state = await live_state(wiring.database)
        except Exception as exc:
            logger.exception("health check: the database failed")
            body = {
                "status": "failing",
                "database": {"ok": False, "error": exc.__class__.__name__},
                "queue": queue,
            }
            return web.json_response(body, status=503)
        queue["outbox_pending"] = state.outbox_pending
        body = {
            "status": "ok",
            "database": {"ok": True, "schema_version": state.schema_version},
            "queue": queue,
        }
        return web.json_response(body)
