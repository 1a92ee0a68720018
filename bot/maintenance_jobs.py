"""The nightly maintenance job: the retention purge, then the backup, at BACKUP_HOUR local time.

Both are idempotent and keep their state in files and tables, so recreating the job at every
start-up (PTB's jobs are not persisted) loses nothing; a day the bot was down is simply a day
without a backup, and the next purge catches up.
"""

from __future__ import annotations

import logging
from datetime import time

from bot.config import Settings
from handlers.context import SotongApplication, SotongContext

__all__ = ["NIGHTLY_JOB", "install"]

logger = logging.getLogger("sotong.maintenance")

NIGHTLY_JOB = "nightly_maintenance"


async def nightly(context: SotongContext) -> None:
    """Purge what the notice no longer allows us to keep, then back up what remains."""
    services = context.services
    try:
        await services.retention.run()
    except Exception:
        logger.exception("the retention purge failed; it runs again tomorrow")
    try:
        await services.backups.nightly()
    except Exception:
        logger.exception("the nightly backup failed")


def install(application: SotongApplication, settings: Settings) -> None:
    """Schedule the nightly job at BACKUP_HOUR in the configured zone."""
    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("the nightly job needs PTB's job-queue extra")
    job_queue.run_daily(
        nightly, time(hour=settings.backup_hour, tzinfo=settings.zone), name=NIGHTLY_JOB
    )
