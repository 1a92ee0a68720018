"""Every user-visible text, in Korean and English, and the rendering of dates and numbers.

Texts are HTML for Telegram's parse mode: placeholder values are escaped unless wrapped in
`Markup`, so a submitter's `<b>` can never break a message. A placeholder followed by a Korean
particle names it as its format spec (`{name:을}`, see `messages.particles`), so the particle
agrees with whatever the name turns out to be.
"""

from __future__ import annotations

import html
import string
from datetime import datetime
from decimal import Decimal
from typing import Final
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.numbers import format_decimal

from messages.catalog_loader import LANGUAGES, load_catalog
from messages.particles import with_particle

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Markup",
    "MessageKeyError",
    "all_keys",
    "format_date",
    "format_datetime",
    "format_hour",
    "format_number",
    "format_short_date",
    "has_key",
    "normalize_language",
    "placeholders",
    "t",
]

DEFAULT_LANGUAGE: Final = "ko"
_CATALOG = load_catalog()
_FORMATTER = string.Formatter()


class MessageKeyError(KeyError):
    """A handler asked for a text that does not exist: a bug the catalog tests catch."""


class Markup(str):
    """Text that is already safe HTML (built from the catalog), so `t` does not escape it."""

    __slots__ = ()


def normalize_language(code: str | None, fallback: str = DEFAULT_LANGUAGE) -> str:
    """Map a client's language code (e.g. en-US) onto a language Sotong speaks."""
    if code:
        primary = code.split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return fallback


class _Value(str):
    """An escaped placeholder value that renders a particle spec (`{name:을}`) after itself."""

    __slots__ = ("plain",)
    plain: str

    def __new__(cls, value: object) -> _Value:
        plain = str(value)
        escaped = plain if isinstance(value, Markup) else html.escape(plain, quote=False)
        made = super().__new__(cls, escaped)
        made.plain = plain
        return made

    def __format__(self, spec: str) -> str:
        if not spec:
            return str(self)
        return with_particle(self.plain, spec, shown=str(self))


def t(language: str, key: str, /, **params: object) -> Markup:
    """Render a catalog text in a language, escaping every placeholder value."""
    try:
        template = _CATALOG[key][normalize_language(language)]
    except KeyError:
        raise MessageKeyError(key) from None
    return Markup(template.format_map({name: _Value(value) for name, value in params.items()}))


def has_key(key: str) -> bool:
    """Whether the catalog holds this key."""
    return key in _CATALOG


def all_keys() -> frozenset[str]:
    """Every key, for the catalog's own tests."""
    return frozenset(_CATALOG)


def placeholders(key: str, language: str) -> frozenset[str]:
    """The named placeholders a text expects, for the parity test between languages."""
    return frozenset(
        name for _, name, _, _ in _FORMATTER.parse(_CATALOG[key][language]) if name is not None
    )


def _babel_locale(language: str) -> str:
    return "ko_KR" if normalize_language(language) == "ko" else "en_US"


_DATETIME_PATTERNS: Final = {"ko": "y년 M월 d일 (E)", "en": "EEE d MMM y, h:mm a"}
_DATE_PATTERNS: Final = {"ko": "y년 M월 d일 (E)", "en": "EEE d MMM y"}
_SHORT_DATE_PATTERNS: Final = {"ko": "M월 d일", "en": "d MMM"}


def _korean_clock(hour: int, minute: int = 0) -> str:
    """A time of day as Korean speakers say it: 오후 3시, 오후 3시 30분, 오전 12시 for midnight."""
    half = "오전" if hour < 12 else "오후"
    shown = f"{half} {hour % 12 or 12}시"
    return f"{shown} {minute}분" if minute else shown


def format_hour(hour: int, language: str) -> str:
    """A whole hour of the day, e.g. a digest's time: 오전 9시, 09:00."""
    if normalize_language(language) == "ko":
        return _korean_clock(hour)
    return f"{hour:02d}:00"


def format_datetime(moment: datetime, language: str, zone: ZoneInfo) -> str:
    """Render an instant as people in Korea read it, e.g. 2026년 11월 21일 (토) 오후 3시."""
    language = normalize_language(language)
    local = moment.astimezone(zone)
    shown = str(
        babel_format_datetime(local, _DATETIME_PATTERNS[language], locale=_babel_locale(language))
    )
    if language == "ko":
        return f"{shown} {_korean_clock(local.hour, local.minute)}"
    return shown


def format_date(moment: datetime, language: str, zone: ZoneInfo) -> str:
    """Render the calendar day of an instant in the user's zone."""
    language = normalize_language(language)
    return str(
        babel_format_date(
            moment.astimezone(zone).date(), _DATE_PATTERNS[language], locale=_babel_locale(language)
        )
    )


def format_short_date(moment: datetime, language: str, zone: ZoneInfo) -> str:
    """The day alone, for lists where the year is plain from context: 12월 4일, 4 Dec."""
    language = normalize_language(language)
    return str(
        babel_format_date(
            moment.astimezone(zone).date(),
            _SHORT_DATE_PATTERNS[language],
            locale=_babel_locale(language),
        )
    )


def format_number(value: int | float | Decimal, language: str) -> str:
    """Group digits the local way (1,234,000)."""
    return str(format_decimal(value, locale=_babel_locale(language)))
