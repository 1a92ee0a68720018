"""A zone's UTC offsets over a span of time, so local times can be formatted without Python.

The CSV export builds each line in SQL, where a zone is unknown: SQLite can only add a fixed
number of seconds. The zone's offset is constant between transitions (daylight saving, law
changes), so the instants it changes at and the offset from each are all SQL needs.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

__all__ = ["OffsetSpan", "offset_spans"]

OffsetSpan = tuple[datetime | None, int]
"""(instant the offset starts to apply, or None for "from the start of the span"; seconds)."""

# Zones change their offset at most a few times a year, never twice within this step, so
# stepping by it finds every change, and bisection then finds the exact second.
_STEP = timedelta(hours=6)
_SECOND = timedelta(seconds=1)


def _offset(zone: ZoneInfo, moment: datetime) -> int:
    offset = moment.astimezone(zone).utcoffset()
    assert offset is not None  # a ZoneInfo always gives an aware local time
    return int(offset.total_seconds())


def _change(zone: ZoneInfo, before: datetime, after: datetime) -> datetime:
    """The first second in (before, after] with after's offset; both ends are whole seconds."""
    wanted = _offset(zone, after)
    low, high = before, after
    while high - low > _SECOND:
        middle = (low + (high - low) // 2).replace(microsecond=0)
        if _offset(zone, middle) == wanted:
            high = middle
        else:
            low = middle
    return high


def offset_spans(zone: ZoneInfo, start: datetime, end: datetime) -> list[OffsetSpan]:
    """The zone's offsets from `start` (UTC, aware) to `end`, oldest first.

    The first span has no start instant: it covers everything before the first change too.
    """
    moment = start.replace(microsecond=0)
    end = end.replace(microsecond=0) + _SECOND
    spans: list[OffsetSpan] = [(None, _offset(zone, moment))]
    while moment < end:
        following = min(moment + _STEP, end)
        if _offset(zone, following) != spans[-1][1]:
            spans.append((_change(zone, moment, following), _offset(zone, following)))
        moment = following
    return spans
