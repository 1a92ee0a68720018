"""The once-a-day deadline jobs, checked every few minutes by PTB's JobQueue.

The job holds no state: the day each run covered is written in SQLite with what it queued
(`daily_runs`), so a restart, a missed tick or a second instance never sends a day twice.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from handlers.context import SERVICES_KEY, SotongApplication, SotongContext
from services.container import Services

__all__ = ["DEADLINE_JOB", "install"]

logger = logging.getLogger("sotong.deadlines")

DEADLINE_JOB = "deadline_daily"
_INTERVAL = timedelta(minutes=5)


async def _daily(context: SotongContext) -> None:
    """Queue the administrators' deadline list once the day's hour has come."""
    await context.services.deadlines.daily()


async def install(application: SotongApplication) -> None:
    """Give older submissions their due day, then schedule the daily check (at start-up)."""
    services: Services = application.bot_data[SERVICES_KEY]
    await services.deadlines.fill_missing()
    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("the deadline jobs need PTB's job-queue extra")
    job_queue.run_repeating(_daily, interval=_INTERVAL, first=_INTERVAL, name=DEADLINE_JOB)
