"""Scheduled upkeep: the nightly retention purge and backup, and the National Assembly sync.

The nightly job runs the retention purge, then the backup, at BACKUP_HOUR local time; the bill
sync runs every ASSEMBLY_SYNC_HOURS, only when ASSEMBLY_API_KEY is set. All of them keep their
state in files and tables, so recreating the jobs at every start-up (PTB's jobs are not
persisted) loses nothing; a day the bot was down is a day without a backup, and the next purge
catches up.
"""

from __future__ import annotations

import logging
from datetime import time, timedelta

from bot.config import Settings
from handlers.context import SotongApplication, SotongContext

__all__ = ["ASSEMBLY_JOB", "NIGHTLY_JOB", "install"]

logger = logging.getLogger("sotong.maintenance")

NIGHTLY_JOB = "nightly_maintenance"
ASSEMBLY_JOB = "assembly_sync"
_ASSEMBLY_FIRST = timedelta(minutes=1)


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


async def assembly_sync(context: SotongContext) -> None:
    """Read the tracked bills' stages; new ones reach followers through the dispatcher."""
    sync = context.services.assembly
    if sync is None:
        return
    try:
        await sync.run()
    except Exception:
        logger.exception("the National Assembly bill sync failed; it runs again later")


def install(application: SotongApplication, settings: Settings) -> None:
    """Schedule the nightly job at BACKUP_HOUR, and the bill sync when a key is set."""
    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("the nightly job needs PTB's job-queue extra")
    job_queue.run_daily(
        nightly, time(hour=settings.backup_hour, tzinfo=settings.zone), name=NIGHTLY_JOB
    )
    if settings.assembly_api_key is not None:
        job_queue.run_repeating(
            assembly_sync,
            interval=timedelta(hours=settings.assembly_sync_hours),
            first=_ASSEMBLY_FIRST,
            name=ASSEMBLY_JOB,
        )
