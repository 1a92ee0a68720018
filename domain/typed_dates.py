"""Dates and times as administrators type them: "12월 30일", "다음 주 화요일 14:00", "Dec 30 2pm".

Also ISO ("2026-12-30", "2026-12-30 14:00", "2026.12.30"), "오늘", "내일", "모레", "today",
"tomorrow", "12/30", "30 December 2026", "next Tuesday", "오후 2시 30분", "2시 반", "2:30 pm".

Without a year, a day means its next occurrence: "1월 5일" typed in December is next January.
"다음 주 화요일" and "next Tuesday" both mean the Tuesday of next week (weeks start on Monday),
"이번 주 금요일" and "this Friday" the Friday of this week, a bare "화요일" or "Tuesday" the first
one after today. Whoever uses the result shows the day it resolved to before anything is stored,
so an administrator who meant otherwise sees it at once.

The reader is a handful of anchored patterns with no nested repetition, tried over text that is
cut to `MAX_TEXT` first, so no input can make it slow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

__all__ = [
    "MAX_TEXT",
    "TypedDateError",
    "TypedMoment",
    "parse_typed_clock",
    "parse_typed_moment",
    "split_leading_moment",
]

MAX_TEXT = 80
"""A date and a time are never longer; longer text is refused before any pattern runs."""
_MAX_DATE_WORDS = 6

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    **{name: number for number, name in enumerate("월화수목금토일")},
    **{
        name: number
        for number, names in enumerate(
            (
                ("mon", "monday"),
                ("tue", "tues", "tuesday"),
                ("wed", "wednesday"),
                ("thu", "thur", "thurs", "thursday"),
                ("fri", "friday"),
                ("sat", "saturday"),
                ("sun", "sunday"),
            )
        )
        for name in names
    },
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EN_DAY = "|".join(sorted((k for k in _WEEKDAYS if k.isascii()), key=len, reverse=True))

_ISO = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?")
_KOREAN = re.compile(r"(?:(\d{4}) ?년 ?)?(\d{1,2}) ?월 ?(\d{1,2}) ?일")
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})")
_EN_MONTH_FIRST = re.compile(rf"({_MONTH})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?")
_EN_DAY_FIRST = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH})\.?(?:,? (\d{{4}}))?")
_RELATIVE = re.compile(r"(오늘|내일|모레|today|tomorrow)")
_KO_WEEKDAY = re.compile(r"(?:(다음 ?주|이번 ?주|다다음 ?주) ?)?([월화수목금토일])요일")
_EN_WEEKDAY = re.compile(rf"(?:(next|this) )?({_EN_DAY})")
_RELATIVE_DAYS = {"오늘": 0, "today": 0, "내일": 1, "tomorrow": 1, "모레": 2}
_WEEK_OFFSETS = {"이번주": 0, "this": 0, "다음주": 1, "next": 1, "다다음주": 2}

_KO_CLOCK = re.compile(r"(?:(오전|오후|낮|저녁|밤) ?)?(\d{1,2}) ?시(?: ?(\d{1,2}) ?분| ?(반))?")
_COLON_CLOCK = re.compile(r"(?:(오전|오후) ?)?(\d{1,2}):(\d{2})(?: ?(am|pm|a\.m\.|p\.m\.))?")
_EN_CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))? ?(am|pm|a\.m\.|p\.m\.)")
_NOON = re.compile(r"(정오|noon)")
_AFTERNOON = {"오후", "낮", "저녁", "밤", "pm", "p.m."}


class TypedDateError(ValueError):
    """The text is not a date (or time) this reader knows; the caller asks again."""


@dataclass(frozen=True, slots=True)
class TypedMoment:
    """A day, and the time of day when one was typed (None for a day alone)."""

    day: date
    clock: time | None


def _normalise(text: str) -> str:
    """Lower case, single spaces, no commas but those between a day and a year."""
    cleaned = " ".join(text.replace("\u3000", " ").split()).lower()
    return cleaned.replace("t", " ", 1) if re.fullmatch(r"\d{4}-\d\d-\d\dt.*", cleaned) else cleaned


def _next_occurrence(month: int, day: int, today: date) -> date:
    candidate = date(today.year, month, day)
    return candidate if candidate >= today else date(today.year + 1, month, day)


def _day(year: str | None, month: int, day: int, today: date) -> date:
    if year is not None:
        return date(int(year), month, day)
    return _next_occurrence(month, day, today)


def _weekday(which: str | None, weekday: int, today: date) -> date:
    if which is None:
        ahead = (weekday - today.weekday() - 1) % 7 + 1
        return today + timedelta(days=ahead)
    monday = today - timedelta(days=today.weekday())
    return monday + timedelta(weeks=_WEEK_OFFSETS[which.replace(" ", "")], days=weekday)


def _read_day(text: str, today: date) -> tuple[date, str] | None:
    """The day at the start of `text` and what follows it, or None when none is there."""
    if match := _ISO.match(text):
        found = date(int(match[1]), int(match[2]), int(match[3]))
    elif match := _KOREAN.match(text):
        found = _day(match[1], int(match[2]), int(match[3]), today)
    elif match := _EN_MONTH_FIRST.match(text):
        found = _day(match[3], _MONTHS[match[1]], int(match[2]), today)
    elif match := _EN_DAY_FIRST.match(text):
        found = _day(match[3], _MONTHS[match[2]], int(match[1]), today)
    elif match := _SLASH.match(text):
        found = _next_occurrence(int(match[1]), int(match[2]), today)
    elif match := _RELATIVE.match(text):
        found = today + timedelta(days=_RELATIVE_DAYS[match[1]])
    elif match := _KO_WEEKDAY.match(text) or _EN_WEEKDAY.match(text):
        found = _weekday(match[1], _WEEKDAYS[match[2]], today)
    else:
        return None
    return found, text[match.end() :].strip()


def _hour(hour: int, half: str | None) -> int:
    """12-hour readings: 오후 2시 is 14:00, 오전 12시 is midnight, 12 pm is noon."""
    if half is None:
        return hour
    if hour > 12:
        raise ValueError(f"{hour} o'clock has no morning or afternoon")
    hour %= 12
    return hour + 12 if half in _AFTERNOON else hour


def _read_clock(text: str) -> time:
    """The whole of `text` as a time of day; ValueError when it is not one."""
    if _NOON.fullmatch(text):
        return time(12, 0)
    if match := _KO_CLOCK.fullmatch(text):
        minute = 30 if match[4] else int(match[3] or 0)
        return time(_hour(int(match[2]), match[1]), minute)
    if match := _COLON_CLOCK.fullmatch(text):
        return time(_hour(int(match[2]), match[1] or match[4]), int(match[3]))
    if match := _EN_CLOCK.fullmatch(text):
        return time(_hour(int(match[1]), match[3]), int(match[2] or 0))
    raise ValueError(f"not a time of day: {text!r}")


def parse_typed_clock(text: str) -> time:
    """A time of day alone ("16:00", "오후 4시", "4pm"); TypedDateError for anything else."""
    cleaned = _normalise(text)
    if len(cleaned) > MAX_TEXT:
        raise TypedDateError("far too long for a time of day")
    try:
        return _read_clock(cleaned)
    except ValueError as error:
        raise TypedDateError(str(error)) from None


def parse_typed_moment(text: str, today: date) -> TypedMoment:
    """Read a day, optionally followed by a time of day; TypedDateError for anything else."""
    cleaned = _normalise(text)
    if not cleaned or len(cleaned) > MAX_TEXT:
        raise TypedDateError("no date, or far too long for one")
    try:
        read = _read_day(cleaned, today)
        if read is None:
            raise TypedDateError(f"not a date: {text!r}")
        day, rest = read
        return TypedMoment(day, _read_clock(rest) if rest else None)
    except ValueError as error:  # a day that does not exist (2월 30일), an hour past 23
        raise TypedDateError(str(error)) from None


def split_leading_moment(text: str, today: date) -> tuple[TypedMoment, str]:
    """A date (and time) at the start of `text`, and the words after it ("12월 30일 자료 검토").

    The longest run of leading words that reads as a date wins, so "다음 주 화요일 회의 뒤" keeps
    "회의 뒤" as the rest. ValueError when no leading words read as a date.
    """
    words = text.split()
    for count in range(min(len(words), _MAX_DATE_WORDS), 0, -1):
        try:
            moment = parse_typed_moment(" ".join(words[:count]), today)
        except TypedDateError:
            continue
        return moment, " ".join(words[count:])
    raise TypedDateError(f"no date at the start of {text[:MAX_TEXT]!r}")
