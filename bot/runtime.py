"""Starting and stopping a bot by hand, one path for `python -m bot`, tests, sandbox and benches.

`run_polling` owns its event loop, which neither pytest nor the sandbox can give it; and it
would not open the database before PTB loads persistence from it. Start-up waits for Telegram
with growing pauses (bot/startup.py) and, before taking updates, queues the ones a crash left
unhandled (bot/update_inbox.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.app import ALLOWED_UPDATES, JournaledApplication, build_application, on_startup
from bot.config import Settings
from bot.reply_limiter import PacingClock
from bot.startup import Backoff, with_retries
from bot.update_processor import UserOrderedUpdateProcessor
from bot.webhook import WebhookServer
from bot.wiring import Wiring
from domain.clock import Clock, SystemClock
from storage.database import Database
from storage.lock import database_lock

__all__ = ["BACKLOG_GRACE", "running_bot"]

BACKLOG_GRACE = 5.0
"""Seconds a stopping bot keeps handling updates it already took before leaving the rest."""

logger = logging.getLogger("sotong")


async def _start(
    application: JournaledApplication,
    *,
    polling: bool,
    poll_timeout: int,
    backoff: Backoff,
    stop: asyncio.Event | None,
) -> None:
    """Reach Telegram, publish the menus, replay the journal, then take and handle updates."""
    await with_retries(
        application.bot.initialize, "reach Telegram (getMe)", backoff=backoff, stop=stop
    )
    await application.initialize()
    await with_retries(
        lambda: on_startup(application), "publish the command menus", backoff=backoff, stop=stop
    )
    await application.inbox.open(application.bot, application.update_queue)
    assert application.updater is not None
    updater = application.updater

    async def start_polling() -> None:
        await updater.start_polling(timeout=poll_timeout, allowed_updates=ALLOWED_UPDATES)

    if polling:
        await with_retries(start_polling, "start polling", backoff=backoff, stop=stop)
    await application.start()


@asynccontextmanager
async def running_bot(
    settings: Settings,
    *,
    clock: Clock | None = None,
    poll_timeout: int = 10,
    backoff: Backoff | None = None,
    stop: asyncio.Event | None = None,
    pacing: PacingClock | None = None,
) -> AsyncIterator[JournaledApplication]:
    """Open the database, take updates, and stop everything in reverse order on exit.

    Updates come by long polling, or by the webhook when WEBHOOK_URL is set. `stop`, when
    given, ends a start-up still waiting for Telegram (StartupAbandonedError). `pacing` is the
    reply limiter's time (real time unless a test drives it).
    """
    # The lock first: `restore` must never swap the file under a running bot.
    with database_lock(settings.database_path):
        database = await Database.open(settings.database_path)
        try:
            application = build_application(
                Wiring.create(settings, database, clock or SystemClock()), pacing
            )
            try:
                await _start(
                    application,
                    polling=settings.webhook_url is None,
                    poll_timeout=poll_timeout,
                    backoff=backoff or Backoff(),
                    stop=stop,
                )
                webhook = WebhookServer(application, settings) if settings.webhook_url else None
                try:
                    if webhook is not None:
                        await webhook.start()
                    logger.info("Sotong is running")
                    yield application
                finally:
                    # Stop taking updates first, then finish the ones already taken.
                    if webhook is not None:
                        await webhook.stop()
            finally:
                # Updates already taken are handled for a few seconds more; whatever still
                # waits behind a user's backlog then is left unhandled, and the journal replays
                # it at the next start: a flood's whole queue never holds the stop.
                processor = application.update_processor
                cut = (
                    asyncio.get_running_loop().call_later(BACKLOG_GRACE, processor.leave_backlog)
                    if isinstance(processor, UserOrderedUpdateProcessor)
                    else None
                )
                if application.updater is not None and application.updater.running:
                    await application.updater.stop()
                if application.running:
                    await application.stop()
                if cut is not None:
                    cut.cancel()
                await application.inbox.close()
                await application.shutdown()
        finally:
            await database.close()
