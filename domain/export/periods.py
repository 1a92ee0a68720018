"""The periods an administrator can pick from in chat, as exact instants in the bot's zone."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

__all__ = ["Period", "period_range"]


class Period(StrEnum):
    """Preset periods; each ends now or at the end of a calendar month."""

    ALL = "all"
    LAST_7_DAYS = "7d"
    LAST_30_DAYS = "30d"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"


def _midnight(day: datetime, zone: ZoneInfo) -> datetime:
    return datetime.combine(day.date(), time(), tzinfo=zone)


def period_range(
    period: Period, now: datetime, zone: ZoneInfo
) -> tuple[datetime | None, datetime | None]:
    """The [since, until) pair for a period; days start at local midnight, not UTC's."""
    local = now.astimezone(zone)
    today = _midnight(local, zone)
    if period is Period.ALL:
        return None, None
    if period is Period.LAST_7_DAYS:
        return today - timedelta(days=6), None
    if period is Period.LAST_30_DAYS:
        return today - timedelta(days=29), None
    month_start = today.replace(day=1)
    if period is Period.THIS_MONTH:
        return month_start, None
    previous_start = (month_start - timedelta(days=1)).replace(day=1)
    return previous_start, month_start
