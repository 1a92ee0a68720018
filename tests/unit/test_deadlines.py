"""The answer-deadline rules: due days in the zone's calendar, on time, the summary, later dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.deadlines import (
    DeadlineItem,
    DeadlineSummary,
    ExpectedDateError,
    answered_on_time,
    by_ministry,
    due_date,
    parse_extension,
    reply_edge,
)

SEOUL = ZoneInfo("Asia/Seoul")


def test_due_date_counts_calendar_days_in_the_zone() -> None:
    # 23:30 UTC on the 20th is already the 21st in Seoul.
    assert due_date(datetime(2026, 11, 20, 23, 30, tzinfo=UTC), SEOUL, 14) == date(2026, 12, 5)
    assert due_date(datetime(2026, 11, 20, 14, 59, tzinfo=UTC), SEOUL, 14) == date(2026, 12, 4)
    assert due_date(datetime(2026, 11, 20, 23, 30, tzinfo=UTC), ZoneInfo("UTC"), 14) == date(
        2026, 12, 4
    )


def test_a_reply_on_the_due_day_is_on_time_the_day_after_is_not() -> None:
    due = date(2026, 12, 5)
    assert answered_on_time(due, datetime(2026, 12, 5, 14, 59, tzinfo=UTC), SEOUL)
    assert not answered_on_time(due, datetime(2026, 12, 5, 15, 0, tzinfo=UTC), SEOUL)


def test_the_reply_edge_is_where_on_time_ends_in_any_zone() -> None:
    due = date(2026, 12, 5)
    assert reply_edge(due, SEOUL) == datetime(2026, 12, 5, 15, 0, tzinfo=UTC)
    new_york = ZoneInfo("America/New_York")
    # 8 March 2026 starts summer time in New York: the day after still starts at midnight.
    for zone, day in ((SEOUL, due), (new_york, date(2026, 3, 7)), (new_york, date(2026, 11, 1))):
        edge = reply_edge(day, zone)
        assert answered_on_time(day, edge - timedelta(microseconds=1), zone)
        assert not answered_on_time(day, edge, zone)


def test_nothing_judged_gives_no_rate() -> None:
    assert DeadlineSummary(0, 0, 0).on_time_rate is None
    assert DeadlineSummary(3, 1, 2).on_time_rate == pytest.approx(1 / 3)


def test_days_left_use_the_announced_date() -> None:
    item = DeadlineItem(1, "SV-2026-000001", "ai_copyright", date(2026, 12, 5), None)
    assert item.days_left(date(2026, 12, 3)) == 2
    assert item.days_left(date(2026, 12, 7)) == -2
    later = DeadlineItem(1, "SV-2026-000001", "ai_copyright", date(2026, 12, 5), date(2026, 12, 20))
    assert later.days_left(date(2026, 12, 7)) == 13


def test_parse_extension() -> None:
    today = date(2026, 11, 21)
    parsed = parse_extension("2026.12.10  부처 검토가\n길어지고 있어요", today)
    assert parsed.expected_on == date(2026, 12, 10)
    assert parsed.reason == "부처 검토가 길어지고 있어요"
    for text, reason in (
        ("next week", "format"),
        ("2026-12-10", "format"),
        ("2026-02-30 why", "format"),
        ("2026-11-21 today", "past"),
        ("2026-12-10 " + "x" * 501, "too_long"),
    ):
        with pytest.raises(ExpectedDateError) as caught:
            parse_extension(text, today)
        assert caught.value.reason == reason


def test_by_ministry_puts_the_most_overdue_first_and_the_unforwarded_last() -> None:
    today = date(2026, 12, 5)

    def item(number: int, due: date, ministry: str | None) -> DeadlineItem:
        return DeadlineItem(number, f"SV-2026-{number:06d}", "ai_copyright", due, None, ministry)

    late, soon = date(2026, 12, 1), date(2026, 12, 6)
    groups = by_ministry(
        [
            item(1, late, None),
            item(2, soon, "과학기술정보통신부"),
            item(3, late, "고용노동부 "),
            item(4, late, " 고용노동부"),
            item(5, soon, "고용노동부"),
        ],
        today,
    )
    assert [(g.ministry, len(g.overdue), len(g.soon)) for g in groups] == [
        ("고용노동부", 2, 1),
        ("과학기술정보통신부", 0, 1),
        (None, 1, 0),
    ]
