"""The evidence jobs on PTB's JobQueue: the deadline list, agenda notices, follow-ups.

The jobs hold no state: the day each deadline run covered (`daily_runs`), what each linked
owner was told (`link_notices`) and who was asked whether it helped (`follow_ups`) are written
in SQLite with what was queued, so a restart or a repeated run never sends anything twice.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from handlers.context import SERVICES_KEY, SotongApplication, SotongContext
from services.container import Services

__all__ = ["AGENDA_JOB", "DEADLINE_JOB", "FOLLOW_UP_JOB", "install"]

logger = logging.getLogger("sotong.deadlines")

DEADLINE_JOB = "deadline_daily"
AGENDA_JOB = "agenda_notices"
FOLLOW_UP_JOB = "follow_up_questions"
_INTERVAL = timedelta(minutes=5)
_AGENDA_INTERVAL = timedelta(minutes=1)


async def _daily(context: SotongContext) -> None:
    """Queue the administrators' deadline list once the day's hour has come."""
    await context.services.deadlines.daily()


async def _agenda(context: SotongContext) -> None:
    """Tell linked owners what their meeting or bill did since the last pass."""
    await context.services.agenda.notify()


async def _follow_up(context: SotongContext) -> None:
    """Ask owners of submissions resolved FOLLOW_UP_DAYS ago whether it helped."""
    await context.services.follow_ups.ask_due()


async def install(application: SotongApplication) -> None:
    """Give older submissions their due day, then schedule the jobs (at start-up)."""
    services: Services = application.bot_data[SERVICES_KEY]
    await services.deadlines.fill_missing()
    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("the deadline jobs need PTB's job-queue extra")
    job_queue.run_repeating(_daily, interval=_INTERVAL, first=_INTERVAL, name=DEADLINE_JOB)
    job_queue.run_repeating(_follow_up, interval=_INTERVAL, first=_INTERVAL, name=FOLLOW_UP_JOB)
    job_queue.run_repeating(
        _agenda, interval=_AGENDA_INTERVAL, first=_AGENDA_INTERVAL, name=AGENDA_JOB
    )
