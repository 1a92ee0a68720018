"""Starting and stopping a bot by hand, one path for `python -m bot`, tests, sandbox and benches.

`run_polling` owns its event loop, which neither pytest nor the sandbox can give it; and it
would not open the database before PTB loads persistence from it.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.app import ALLOWED_UPDATES, SotongApplication, build_application, on_startup
from bot.config import Settings
from bot.services import Services
from domain.clock import Clock, SystemClock
from storage.database import Database

__all__ = ["running_bot"]

logger = logging.getLogger("sotong")


@asynccontextmanager
async def running_bot(
    settings: Settings, *, clock: Clock | None = None, poll_timeout: int = 10
) -> AsyncIterator[SotongApplication]:
    """Open the database, start polling, and stop everything in reverse order on exit."""
    database = await Database.open(settings.database_path)
    try:
        services = Services.create(settings, database, clock or SystemClock())
        application = build_application(services)
        await application.initialize()
        try:
            await on_startup(application)
            assert application.updater is not None
            await application.updater.start_polling(
                timeout=poll_timeout, allowed_updates=ALLOWED_UPDATES
            )
            await application.start()
            logger.info("Sotong is running")
            try:
                yield application
            finally:
                if application.updater.running:
                    await application.updater.stop()
                if application.running:
                    await application.stop()
        finally:
            await application.shutdown()
    finally:
        await database.close()
