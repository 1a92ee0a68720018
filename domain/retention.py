"""How long personal data is kept, exactly as the privacy notice says it.

The notice (messages/catalog/privacy.py): who wrote a report is kept "RETENTION_YEARS years
after it is answered, closed or rejected" (답변·종결·반려된 날부터 N년). A submission's
processing ends when it is answered, closed or rejected: an answered report waits for nothing
more from its owner, so its period starts then; a reopened one is not finished. The period is
counted as the Civil Act counts periods in years (민법 제157조, 제160조): the closing day itself
does not count, the period ends on the day before the corresponding day N years later, or on
the last day of that month when it has no such day. The data may be destroyed from the next
day on.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["FINISHED_STATUSES", "RetentionRule"]

FINISHED_STATUSES = frozenset({"answered", "closed", "rejected"})
"""Statuses that end a submission's processing (the notice's "handled")."""


@dataclass(frozen=True, slots=True)
class RetentionRule:
    """The notice's period, in whole years."""

    years: int

    def __post_init__(self) -> None:
        if self.years < 1:
            raise ValueError("the retention period is at least one year")

    def kept_until(self, closed_on: date) -> date:
        """The last day the data may be kept for a submission closed on `closed_on`."""
        start = closed_on + timedelta(days=1)
        year = start.year + self.years
        last_day = calendar.monthrange(year, start.month)[1]
        if start.day > last_day:
            return date(year, start.month, last_day)
        return date(year, start.month, start.day) - timedelta(days=1)

    def has_expired(self, closed_on: date, today: date) -> bool:
        """Whether data tied to a closing on `closed_on` must be gone by `today`."""
        return today > self.kept_until(closed_on)

    def query_bound(self, today: date) -> date:
        """A day after every closing that can have expired by `today`, for a database query.

        A query selects closings before this day; `has_expired` then decides each one exactly.
        """
        year = today.year - self.years
        day = min(today.day, calendar.monthrange(year, today.month)[1])
        return date(year, today.month, day) + timedelta(days=2)

    def first_kept_day(self, today: date) -> date:
        """The earliest day whose data is still kept on `today`: anything older has expired."""
        day = self.query_bound(today)
        while self.has_expired(day - timedelta(days=1), today) is False:
            day -= timedelta(days=1)
        return day
