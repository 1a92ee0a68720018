"""A cost said back in words: "월 300만원", "한 번에 300만원", "주 5시간", "₩2,000,000 a year".

Korean amounts of money read in 만 and 억 as people say them ("1억 2,000만원", not
"120,000,000원"); a range shows both ends ("200만~300만원"), since that is what was said. The
arguments are plain values: messages imports nothing from the rest of the project.
"""

from __future__ import annotations

from messages import Markup, format_number, t

__all__ = ["PERIODS", "describe_cost", "won_figure"]

PERIODS = ("one_off", "day", "week", "month", "year")
_KOREAN_UNITS = ((1_000_000_000_000, "조"), (100_000_000, "억"), (10_000, "만"))


def _korean_won(value: int) -> str:
    """3000000 → 300만, 120000000 → 1억 2,000만, 15000 → 1만 5,000, 900 → 900."""
    if value < 10_000:
        return format_number(value, "ko")
    parts = []
    rest = value
    for size, name in _KOREAN_UNITS:
        if rest >= size:
            parts.append(f"{format_number(rest // size, 'ko')}{name}")
            rest %= size
    if rest:
        parts.append(format_number(rest, "ko"))
    return " ".join(parts)


def _english_won(value: int) -> str:
    """713000000 → 713 million, 1250000000 → 1.3 billion, 45000 → 45,000: a figure read at once."""
    for size, name in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if value >= size:
            scaled = round(value / size, 1)
            shown = int(scaled) if scaled == int(scaled) else scaled
            return f"{format_number(shown, 'en')} {name}"
    return format_number(value, "en")


def won_figure(language: str, value: int) -> str:
    """An amount of won as a reader takes it in: 만 and 억 in Korean, millions in English.

    Exact to the won in Korean up to 조 (a sum the administrator may quote back); rounded to one
    decimal of a million in English, since "713,000,000" is counted, not read.
    """
    return _korean_won(value) if language == "ko" else _english_won(value)


def _amount(language: str, unit: str, low: int, high: int) -> Markup:
    if unit == "won" and language == "ko":
        low_text, high_text = _korean_won(low), _korean_won(high)
        if low < 10_000 <= high:
            # "1~3억" reads as 1억 to 3억: a bare low end takes the high end's scale, so it says 원.
            low_text += "원"
    else:
        low_text, high_text = format_number(low, language), format_number(high, language)
    if low == high:
        key = "cost.hours_one" if unit == "hours" and low == 1 else f"cost.{unit}"
        return t(language, key, amount=low_text)
    return t(language, f"cost.{unit}_range", low=low_text, high=high_text)


def cost_amount(language: str, unit: str, low: int, high: int) -> Markup:
    """A cost's figure without its period ("1억 2,000만원", "5시간"), while the period is asked."""
    return _amount(language, unit, low, high)


def describe_cost(language: str, unit: str, period: str, low: int, high: int) -> Markup:
    """One cost in words, its period included: unit "hours" or "won", a period of PERIODS."""
    return t(language, f"cost.period.{period}", amount=_amount(language, unit, low, high))
