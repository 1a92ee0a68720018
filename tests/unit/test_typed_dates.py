"""Dates and times typed by administrators, in Korean, English and ISO."""

from __future__ import annotations

from datetime import date, time

import pytest

from domain.typed_dates import (
    MAX_TEXT,
    TypedDateError,
    TypedMoment,
    parse_typed_moment,
    split_leading_moment,
)

TODAY = date(2026, 12, 2)  # a Wednesday


@pytest.mark.parametrize(
    ("typed", "day", "clock"),
    [
        ("2026-12-30", date(2026, 12, 30), None),
        ("2026.12.30", date(2026, 12, 30), None),
        ("2026-12-30 14:00", date(2026, 12, 30), time(14, 0)),
        ("2026-12-30T14:00", date(2026, 12, 30), time(14, 0)),
        ("12월 30일", date(2026, 12, 30), None),
        ("12월30일", date(2026, 12, 30), None),
        ("2027년 1월 5일", date(2027, 1, 5), None),
        ("1월 5일", date(2027, 1, 5), None),  # already past this year: next January
        ("12월 15일 오후 2시", date(2026, 12, 15), time(14, 0)),
        ("12월 15일 오전 10시 30분", date(2026, 12, 15), time(10, 30)),
        ("12월 15일 2시 반", date(2026, 12, 15), time(2, 30)),
        ("12월 15일 오후 2:30", date(2026, 12, 15), time(14, 30)),
        ("12월 15일 정오", date(2026, 12, 15), time(12, 0)),
        ("다음 주 화요일 14:00", date(2026, 12, 8), time(14, 0)),
        ("다음주 화요일", date(2026, 12, 8), None),
        ("이번 주 금요일", date(2026, 12, 4), None),
        ("화요일", date(2026, 12, 8), None),
        ("수요일", date(2026, 12, 9), None),  # today is Wednesday: the next one
        ("내일 오후 3시", date(2026, 12, 3), time(15, 0)),
        ("오늘", TODAY, None),
        ("모레", date(2026, 12, 4), None),
        ("Dec 30", date(2026, 12, 30), None),
        ("December 30, 2026", date(2026, 12, 30), None),
        ("30 Dec", date(2026, 12, 30), None),
        ("Dec 15 2pm", date(2026, 12, 15), time(14, 0)),
        ("Dec 15 2:30 PM", date(2026, 12, 15), time(14, 30)),
        ("Dec 15 12 am", date(2026, 12, 15), time(0, 0)),
        ("next Tuesday 2pm", date(2026, 12, 8), time(14, 0)),
        ("this Friday", date(2026, 12, 4), None),
        ("tomorrow 09:30", date(2026, 12, 3), time(9, 30)),
        ("12/30", date(2026, 12, 30), None),
    ],
)
def test_reads_what_administrators_type(typed: str, day: date, clock: time | None) -> None:
    assert parse_typed_moment(typed, TODAY) == TypedMoment(day, clock)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "언젠가",
        "13월 1일",
        "2월 30일",
        "12월 30일 오후 14시",
        "12월 30일 25:00",
        "Dec 30 tea time",
        "다음 주",
        "2026-13-01",
        "1" * (MAX_TEXT + 1),
    ],
)
def test_refuses_what_is_not_a_date(typed: str) -> None:
    with pytest.raises(TypedDateError):
        parse_typed_moment(typed, TODAY)


def test_the_longest_leading_date_is_split_from_the_words_after_it() -> None:
    moment, rest = split_leading_moment("다음 주 화요일 추가 자료 검토 중", TODAY)
    assert moment.day == date(2026, 12, 8) and rest == "추가 자료 검토 중"
    moment, rest = split_leading_moment("12월 30일 관계 부처 협의", TODAY)
    assert moment.day == date(2026, 12, 30) and rest == "관계 부처 협의"
    moment, rest = split_leading_moment("2026-12-10 reason here", TODAY)
    assert moment.day == date(2026, 12, 10) and rest == "reason here"
    with pytest.raises(TypedDateError):
        split_leading_moment("사유만 적었어요", TODAY)
