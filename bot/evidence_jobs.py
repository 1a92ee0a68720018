"""The evidence jobs on PTB's JobQueue: the daily deadline list and the agenda notices.

The jobs hold no state: the day each deadline run covered (`daily_runs`) and what each linked
owner was told (`link_notices`) are written in SQLite with what was queued, so a restart, a
missed tick or a repeated run never sends anything twice.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from handlers.context import SERVICES_KEY, SotongApplication, SotongContext
from services.container import Services

__all__ = ["AGENDA_JOB", "DEADLINE_JOB", "install"]

logger = logging.getLogger("sotong.deadlines")

DEADLINE_JOB = "deadline_daily"
AGENDA_JOB = "agenda_notices"
_INTERVAL = timedelta(minutes=5)
_AGENDA_INTERVAL = timedelta(minutes=1)


async def _daily(context: SotongContext) -> None:
    """Queue the administrators' deadline list once the day's hour has come."""
    await context.services.deadlines.daily()


async def _agenda(context: SotongContext) -> None:
    """Tell linked owners what their meeting or bill did since the last pass."""
    await context.services.agenda.notify()


async def install(application: SotongApplication) -> None:
    """Give older submissions their due day, then schedule the jobs (at start-up)."""
    services: Services = application.bot_data[SERVICES_KEY]
    await services.deadlines.fill_missing()
    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("the deadline jobs need PTB's job-queue extra")
    job_queue.run_repeating(_daily, interval=_INTERVAL, first=_INTERVAL, name=DEADLINE_JOB)
    job_queue.run_repeating(
        _agenda, interval=_AGENDA_INTERVAL, first=_AGENDA_INTERVAL, name=AGENDA_JOB
    )
