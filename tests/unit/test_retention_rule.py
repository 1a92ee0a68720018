"""The retention period as the privacy notice states it, counted as the Civil Act counts years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.retention import RetentionRule


@pytest.mark.parametrize(
    ("years", "closed_on", "kept_until"),
    [
        (3, date(2026, 11, 21), date(2029, 11, 21)),
        (1, date(2026, 12, 31), date(2027, 12, 31)),
        # Closed on 28 February of a leap year: counting starts on the 29th, and 2031 has no
        # 29 February, so the period ends on the last day of that February.
        (3, date(2028, 2, 28), date(2031, 2, 28)),
        # Closed on 29 February: counting starts on 1 March.
        (3, date(2028, 2, 29), date(2031, 2, 28)),
        (4, date(2028, 2, 28), date(2032, 2, 28)),
    ],
)
def test_the_period_ends_on_the_day_the_civil_act_says(
    years: int, closed_on: date, kept_until: date
) -> None:
    rule = RetentionRule(years)
    assert rule.kept_until(closed_on) == kept_until
    assert not rule.has_expired(closed_on, kept_until)
    assert rule.has_expired(closed_on, kept_until + timedelta(days=1))


def test_the_query_bound_never_misses_an_expired_closing() -> None:
    rule = RetentionRule(3)
    start = date(2027, 1, 1)
    for offset in range(0, 3 * 366, 7):
        today = start + timedelta(days=offset)
        bound = rule.query_bound(today)
        for closed_offset in range(-10, 10):
            closed_on = bound + timedelta(days=closed_offset)
            if rule.has_expired(closed_on, today):
                assert closed_on < bound


def test_a_period_of_less_than_a_year_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one year"):
        RetentionRule(0)


def test_the_first_kept_day_splits_expired_days_from_kept_ones() -> None:
    rule = RetentionRule(3)
    start = date(2027, 1, 1)
    for offset in range(0, 3 * 366, 5):
        today = start + timedelta(days=offset)
        first = rule.first_kept_day(today)
        assert not rule.has_expired(first, today)
        assert rule.has_expired(first - timedelta(days=1), today)
