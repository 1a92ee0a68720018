"""The answer-deadline rules: due days in the zone's calendar, on time, the summary, later dates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from domain.deadlines import (
    AnswerRecord,
    DeadlineItem,
    ExpectedDateError,
    answered_on_time,
    by_ministry,
    due_date,
    parse_extension,
    summarize,
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


def test_summary_counts_late_open_ones_and_ignores_those_still_in_time() -> None:
    received = datetime(2026, 11, 1, 1, tzinfo=UTC)
    records = [
        AnswerRecord(received, date(2026, 11, 15), datetime(2026, 11, 3, 1, tzinfo=UTC)),
        AnswerRecord(received, date(2026, 11, 15), datetime(2026, 11, 20, 1, tzinfo=UTC)),
        AnswerRecord(received, date(2026, 11, 15), None),  # overdue, unanswered: late
        AnswerRecord(received, date(2026, 12, 15), None),  # still in time: not judged
    ]
    summary = summarize(records, date(2026, 11, 21), SEOUL)
    assert (summary.judged, summary.on_time, summary.answered) == (3, 1, 2)
    assert summary.on_time_rate == pytest.approx(1 / 3)
    assert summarize([], date(2026, 11, 21), SEOUL).on_time_rate is None


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
