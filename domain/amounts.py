"""Reading a cost as owners say it: "월 300만원 정도", "한 번에 300만원", "about 2 million won".

Also "주 5시간", "연 1,200만 원", "200~300만원", "1억 2천만", "500k won per month".

A cost is an amount (or a range of two), a unit (hours or won) and a period (one-off, a day, a
week, a month, a year). `parse_cost` says only what the text says. `read_cost` adds what the
question supplies: after "₩ 금액" a bare "300" is won; an amount written in 만, 억 or millions
("연 2억", "월 300만") is money, since no period holds that many hours. The period is never made
up: a text without one reads with `period=None`, and the flow asks for it. A range is kept as a
range, both ends; `Cost.midpoint` is the one figure to add up.

Korean amounts follow how they are said: "1억2천" is 1억 2천만 (a figure after 억 with no unit
of its own counts in 만, after 조 in 억), while "3만 5천" stays 35,000. A tail in digits counts
in 만 too ("1억 5000"), unless the text says 원: "1억 2,000원" is how `messages.costs` writes
100,002,000, so it stays as written.

The reader is a small hand-written scanner, not one large pattern: every loop advances, so its
time grows with the length of the text, which is bounded (`MAX_TEXT`), and no regular expression
here can backtrack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

__all__ = [
    "MAX_TEXT",
    "Cost",
    "CostPeriod",
    "CostReading",
    "CostUnit",
    "ParsedCost",
    "parse_cost",
    "read_cost",
]

MAX_TEXT = 200
"""Longer answers are not a cost; refusing them also bounds the reader's work."""
_MAX_DIGITS = 16


class CostUnit(StrEnum):
    """What the owner loses: working time or money."""

    HOURS = "hours"
    WON = "won"


class CostPeriod(StrEnum):
    """How often the cost comes back; ONE_OFF is paid once (a kiosk bought, a consultant hired)."""

    ONE_OFF = "one_off"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Cost:
    """A cost as stored: `low` == `high` for one amount, `low` < `high` for a range."""

    unit: CostUnit
    period: CostPeriod
    low: int
    high: int

    def __post_init__(self) -> None:
        if not 0 <= self.low <= self.high:
            raise ValueError(f"a cost runs from low to high: {self.low}..{self.high}")

    @property
    def is_range(self) -> bool:
        """Whether the owner gave two ends ("200~300만원")."""
        return self.low != self.high

    @property
    def midpoint(self) -> int:
        """The single figure for sums and sorting: a range counts as its middle."""
        return (self.low + self.high) // 2


@dataclass(frozen=True, slots=True)
class ParsedCost:
    """What the text itself said; None where it said nothing."""

    low: int
    high: int
    unit: CostUnit | None
    period: CostPeriod | None
    scaled: bool = field(default=False, compare=False)
    """Whether the amount was written in 만, 억, 조, millions or billions: money, not hours."""
    in_man: tuple[int, int] | None = field(default=None, compare=False)
    """The same figures read in 만 ("300" as 300만), when the text wrote them plain.

    Plain: digits, perhaps with 천, 백 or 십, and no unit, no 만 or more, no k or million. Korean
    owners leave 만 out when the money is counted in it ("300 들어요" for 300만원), so such a
    figure may mean either; `domain.cost_answers` decides when to ask. None otherwise.
    """


@dataclass(frozen=True, slots=True)
class CostReading:
    """A cost read in the context of its question: the unit is known, the period may not be.

    `period` is None when neither the text nor the question said how often; the flow then asks
    (see `domain.cost_answers`), and `with_period` makes the cost to store.
    """

    low: int
    high: int
    unit: CostUnit
    period: CostPeriod | None
    in_man: tuple[int, int] | None = field(default=None, compare=False)
    """For won taken from the owner's choice, not the text: the figures read in 만 (see
    `ParsedCost.in_man`), else None."""

    def with_period(self, period: CostPeriod) -> Cost:
        """The cost to store, with the period the owner chose."""
        return Cost(self.unit, period, self.low, self.high)

    def cost(self) -> Cost | None:
        """The cost to store, or None while its period is still unknown."""
        return None if self.period is None else self.with_period(self.period)


# --------------------------------------------------------------------------------- tokens

_RANGE_MARKS = frozenset("~∼〜～-–—")
_SMALL_UNITS = {"십": 10, "백": 100, "천": 1_000}
_BIG_UNITS = {"만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000}
# The unit a bare figure after a big unit counts in: "1억2천" is 1억 2천만, "1조 5000" 1조 5000억.
_NEXT_BIG_DOWN = {100_000_000: 10_000, 1_000_000_000_000: 100_000_000}
_MAN = _BIG_UNITS["만"]
_MONEY_SCALE = _MAN
"""An amount written at this scale or more (만, million) is money: no period has that many hours."""
_ENGLISH_MULTIPLIERS = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mil": 1_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}
_WON_WORDS = frozenset({"won", "krw", "₩", "원"})
_HOUR_WORDS = frozenset({"h", "hr", "hrs", "hour", "hours", "시간"})
_RANGE_WORDS = frozenset({"to", "and", "or", "에서", "내지", "부터"})
# Words naming a period, matched whole; Korean words may carry a particle ("달에", "번에").
_PERIOD_WORDS = {
    CostPeriod.MONTH: frozenset(
        {"월", "월간", "매월", "매달", "달", "달에", "한달", "한달에", "달마다", "월마다", "월에"}
        | {"월평균", "달마다요", "월별"}
        | {"month", "months", "monthly", "mo", "mth"}
    ),
    CostPeriod.YEAR: frozenset(
        {"연", "연간", "연에", "매년", "년", "년에", "일년", "일년에", "해마다", "한해", "한해에"}
        | {"년간", "연평균", "일년간", "한해동안", "일년동안"}
        | {"year", "years", "yearly", "annually", "annual", "annum", "yr", "pa"}
    ),
    CostPeriod.WEEK: frozenset(
        {"주", "주간", "주에", "매주", "주마다", "일주일", "일주일에", "주일에"}
        | {"week", "weeks", "weekly", "wk"}
    ),
    CostPeriod.DAY: frozenset(
        {"하루", "하루에", "매일", "날마다", "일일"} | {"day", "days", "daily"}
    ),
    CostPeriod.ONE_OFF: frozenset(
        {"번에", "한번에", "한번", "일회", "일회성", "일시불", "일시금", "단발"}
        | {"도입비", "구입비", "구매비", "설치비"}
        | {"once", "one-off", "oneoff", "one-time", "onetime", "upfront", "lump"}
    ),
}
# "one off", "one time", "in one go": the second word decides, after "one".
_AFTER_ONE = {"off": CostPeriod.ONE_OFF, "time": CostPeriod.ONE_OFF, "go": CostPeriod.ONE_OFF}
# Korean words that only count a period ("1년에", "1주일에", "한 달"): not an amount.
_SPAN_WORDS = {
    "년": CostPeriod.YEAR,
    "년에": CostPeriod.YEAR,
    "달": CostPeriod.MONTH,
    "달에": CostPeriod.MONTH,
    "개월": CostPeriod.MONTH,
    "개월에": CostPeriod.MONTH,
    "주일": CostPeriod.WEEK,
    "주일에": CostPeriod.WEEK,
    "주에": CostPeriod.WEEK,
    "일에": CostPeriod.DAY,
    "회": CostPeriod.ONE_OFF,
    "번": CostPeriod.ONE_OFF,
    "번에": CostPeriod.ONE_OFF,
}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "number", "word" or "range"
    text: str


def _is_hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def _tokens(text: str) -> list[_Token] | None:
    """Numbers (commas dropped), Hangul runs, Latin runs, range marks; None for odd numbers."""
    found: list[_Token] = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char.isdigit() and char.isascii():
            start = index
            while index < length and (
                (text[index].isascii() and text[index].isdigit())
                or (text[index] in ",." and index + 1 < length and text[index + 1].isdigit())
            ):
                index += 1
            number = text[start:index].replace(",", "")
            if len(number) > _MAX_DIGITS or number.count(".") > 1:
                return None
            found.append(_Token("number", number))
            continue
        if char in _RANGE_MARKS:
            found.append(_Token("range", char))
        elif char == "₩":
            found.append(_Token("word", "₩"))
        elif _is_hangul(char):
            start = index
            while index < length and _is_hangul(text[index]):
                index += 1
            found.append(_Token("word", text[start:index]))
            continue
        elif char.isascii() and char.isalpha():
            start = index
            while index < length and text[index].isascii() and text[index].isalpha():
                index += 1
            found.append(_Token("word", text[start:index].lower()))
            continue
        index += 1
    return found


# ------------------------------------------------------------------------------- reading


@dataclass(slots=True)
class _Amount:
    value: Decimal
    scale: int  # the multiplier its last figure was written with: 만 in 300만, 1 for "300"
    money: bool = False  # written in 만, 억, 조 or millions: too many for hours
    english: bool = False  # written with k, thousand, million: said in full, never short for 만
    unsaid: Decimal = Decimal(0)  # what a digit tail after 억 adds when read as 만 ("1억 5000")
    unit_said: bool = False  # its unit right after it ("1원~3억원"): not the other end's scale


@dataclass(slots=True)
class _Reading:
    """What the scan has found so far."""

    amounts: list[_Amount]
    units: set[CostUnit]
    periods: set[CostPeriod]
    pending_range: bool = False


def _korean_units(word: str) -> tuple[int, int, str]:
    """Split 천만원 into its small unit (천), big unit (만) and the rest (원)."""
    small, big, index = 1, 1, 0
    if index < len(word) and word[index] in _SMALL_UNITS:
        small = _SMALL_UNITS[word[index]]
        index += 1
    while index < len(word) and word[index] in _BIG_UNITS:
        big *= _BIG_UNITS[word[index]]
        index += 1
    return small, big, word[index:]


def _is_number_word(word: str) -> bool:
    """만원, 천만원, 십만: a number written with units alone, one understood before them."""
    _, _, rest = _korean_units(word)
    return len(rest) < len(word) and (rest == "" or rest.startswith(("원", "시간")))


def _note_word(word: str, reading: _Reading) -> None:
    """A word outside a number: a unit, a period, a range word, or noise ("정도", "about")."""
    if word in _RANGE_WORDS:
        reading.pending_range = bool(reading.amounts)
        return
    if word in _WON_WORDS:
        reading.units.add(CostUnit.WON)
        return
    if word in _HOUR_WORDS:
        reading.units.add(CostUnit.HOURS)
        return
    for ending, unit in (("원", CostUnit.WON), ("시간", CostUnit.HOURS)):
        if word.startswith(ending):
            reading.units.add(unit)
            if word[len(ending) :] in _RANGE_WORDS:  # 만원에서, 시간에서
                reading.pending_range = True
            return
    for period, words in _PERIOD_WORDS.items():
        if word in words:
            reading.periods.add(period)
            return


def _read(tokens: list[_Token]) -> _Reading | None:
    reading = _Reading(amounts=[], units=set(), periods=set())
    index = 0
    previous_word = ""
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "range":
            reading.pending_range = bool(reading.amounts)
            index += 1
            continue
        if token.kind == "word" and _is_number_word(token.text):
            tokens = [*tokens[:index], _Token("number", "1"), *tokens[index:]]
            continue
        if token.kind == "word":
            if token.text in _AFTER_ONE and previous_word == "one":
                reading.periods.add(_AFTER_ONE[token.text])
            else:
                _note_word(token.text, reading)
            previous_word = token.text
            index += 1
            continue
        after = _read_number(tokens, index, reading)
        if after is None:
            return None
        index = after
        previous_word = ""
    return reading


def _read_number(tokens: list[_Token], index: int, reading: _Reading) -> int | None:
    """Read one amount from `tokens[index]` on (300만, 1억 2천만, 2천5백만, 2.5 million)."""
    joins_range = reading.pending_range
    reading.pending_range = False
    total = Decimal(0)
    section = Decimal(0)
    scale = 1
    last_big = 0
    in_words = False
    english = False
    unit_said = False
    while index < len(tokens) and tokens[index].kind == "number":
        digits = Decimal(tokens[index].text)
        index += 1
        word = tokens[index].text if index < len(tokens) and tokens[index].kind == "word" else ""
        if word in _SPAN_WORDS:
            if digits != 1:
                return None  # "3년에 1000만원": a cost over several periods
            reading.periods.add(_SPAN_WORDS[word])  # "1년에": a period, not an amount
            return index + 1
        if word in _ENGLISH_MULTIPLIERS:
            scale = _ENGLISH_MULTIPLIERS[word]
            english = True
            section += digits * scale
            index += 1
            continue
        small, big, rest = _korean_units(word)
        in_words = small > 1  # "2천", not "2,000"
        section += digits * small
        scale = small * big
        if big > 1:
            if last_big and big >= last_big:
                return None  # "5천 3억": Korean numbers name their big units largest first
            last_big = big
            total += section * big
            section = Decimal(0)
        if len(rest) == len(word):
            unit_said = word in _WON_WORDS or word in _HOUR_WORDS or word.startswith(("원", "시간"))
            break  # no unit: the word is for the main loop ("시간", "won", "정도")
        index += 1
        if rest:
            _note_word(rest, reading)  # 만원 → 원
            break
        # A bare unit ("억" in "1억 2천만"): the next number may go on with the same amount.
    down = _NEXT_BIG_DOWN.get(last_big, 1)
    tail = Decimal(0)
    if section and scale < down:
        if in_words:
            section *= down  # "1억 2천": the 2천 is 2천만
            scale = down
        else:
            tail = section  # "1억 5000": 5000만, unless 원 is said ("1억 5,000원")
    total += section
    if reading.amounts and not joins_range:
        return None  # two amounts that are not a range: which one is the cost?
    money = max(scale, last_big) >= _MONEY_SCALE
    reading.amounts.append(_Amount(total, scale, money, english, tail * (down - 1), unit_said))
    return index


def _whole(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_UP))


def parse_cost(text: str) -> ParsedCost | None:
    """Read an amount or a range with its unit and period, each None when not said.

    None when the text is not one cost: no number, two numbers that are not a range, two units
    ("40시간 300만원"), two periods, or a cost over several periods ("3년에 1000만원").
    """
    if len(text) > MAX_TEXT:
        return None
    tokens = _tokens(text)
    reading = None if tokens is None else _read(tokens)
    if reading is None or not reading.amounts or len(reading.amounts) > 2:
        return None
    if len(reading.units) > 1 or len(reading.periods) > 1:
        return None
    if CostUnit.WON not in reading.units:
        for amount in reading.amounts:
            amount.value += amount.unsaid
    first, last = reading.amounts[0], reading.amounts[-1]
    low = first.value
    if first.scale == 1 and last.scale > 1 and not (first.unit_said or first.money):
        low *= last.scale  # "200~300만원": the unit written once is meant for both ends
    ends = sorted((_whole(low), _whole(last.value)))
    plain = not reading.units and not any(a.money or a.english for a in reading.amounts)
    in_man = sorted((_whole(low * _MAN), _whole(last.value * _MAN)))
    return ParsedCost(
        low=ends[0],
        high=ends[1],
        unit=next(iter(reading.units), None),
        period=next(iter(reading.periods), None),
        scaled=first.money or last.money,
        in_man=(in_man[0], in_man[1]) if plain else None,
    )


def read_cost(text: str, chosen_unit: CostUnit | None = None) -> CostReading | None:
    """Read a cost as the answer to a question whose unit the owner may have chosen already.

    The unit comes from the text first ("한 번에 300만원" is won even after "⏱ 시간"), then from
    the owner's choice, then from how the amount is written ("연 2억" is won). None when the text
    is not one cost or its unit stays unknown ("40" at a question that did not say which). The
    period is only ever what the text said: None when it said none.
    """
    parsed = parse_cost(text)
    if parsed is None:
        return None
    unit = parsed.unit or chosen_unit or (CostUnit.WON if parsed.scaled else None)
    if unit is None:
        return None
    in_man = parsed.in_man if parsed.unit is None and unit is CostUnit.WON else None
    return CostReading(parsed.low, parsed.high, unit, parsed.period, in_man)
