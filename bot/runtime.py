"""Starting and stopping a bot by hand, one path for `python -m bot`, tests, sandbox and benches.

`run_polling` owns its event loop, which neither pytest nor the sandbox can give it; and it
would not open the database before PTB loads persistence from it.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.app import ALLOWED_UPDATES, build_application, on_startup
from bot.config import Settings
from bot.webhook import WebhookServer
from bot.wiring import Wiring
from domain.clock import Clock, SystemClock
from handlers.context import SotongApplication
from storage.database import Database
from storage.lock import database_lock

__all__ = ["running_bot"]

logger = logging.getLogger("sotong")


@asynccontextmanager
async def running_bot(
    settings: Settings, *, clock: Clock | None = None, poll_timeout: int = 10
) -> AsyncIterator[SotongApplication]:
    """Open the database, take updates, and stop everything in reverse order on exit.

    Updates come by long polling, or by the webhook when WEBHOOK_URL is set.
    """
    # The lock first: `restore` must never swap the file under a running bot.
    with database_lock(settings.database_path):
        database = await Database.open(settings.database_path)
        try:
            application = build_application(
                Wiring.create(settings, database, clock or SystemClock())
            )
            await application.initialize()
            try:
                await on_startup(application)
                assert application.updater is not None
                if settings.webhook_url is None:
                    await application.updater.start_polling(
                        timeout=poll_timeout, allowed_updates=ALLOWED_UPDATES
                    )
                await application.start()
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
                    if application.updater.running:
                        await application.updater.stop()
                    if application.running:
                        await application.stop()
            finally:
                await application.shutdown()
        finally:
            await database.close()
