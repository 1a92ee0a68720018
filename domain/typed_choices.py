"""Typed answers to button questions: "4", "심각", "4 · 심각", "서울특별시", "Seoul", "네".

Owners type what a button says instead of tapping it, in either language, or the name they
know ("서울특별시" for the 서울 button, "소프트웨어" for 정보통신·소프트웨어). `match_choice`
maps such a text to the one option it names, or None when it names none or more than one
("충청도" could be 충북 or 충남; "중소기업" a 소기업 or a 중기업): a guess would store an answer
the owner did not give.

The labels shown on buttons live in `messages/`, which the domain does not import: the caller
passes them in as `Option.labels` (services/typed_choices.py assembles them). The other names
people use for the same thing are domain facts and live here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from domain.reference import Choice

__all__ = [
    "INDUSTRY_NAMES",
    "MAX_TYPED",
    "NO",
    "REGION_NAMES",
    "SIZE_NAMES",
    "VISIBILITY_NAMES",
    "YES",
    "YES_NO_NAMES",
    "Option",
    "match_choice",
    "reference_options",
]

MAX_TYPED = 100
"""A longer text is an answer in words, not a button's name."""

YES = "yes"
NO = "no"


@dataclass(frozen=True, slots=True)
class Option:
    """One button as typed text can name it.

    `value` is what the flow stores (a region id, "4", "yes"); `labels` are the button's texts
    in every language, read whole and by their parts ("4 · 심각" is also "4" and "심각");
    `names` are other names people use; `number` is the figure a bare number picks.
    """

    value: str
    labels: tuple[str, ...]
    names: tuple[str, ...] = ()
    number: int | None = None


REGION_NAMES: Mapping[str, tuple[str, ...]] = {
    "seoul": ("서울시", "서울특별시", "Seoul Metropolitan City", "Seoul Special City"),
    "busan": ("부산시", "부산광역시", "Pusan", "Busan Metropolitan City"),
    "daegu": ("대구시", "대구광역시", "Taegu", "Daegu Metropolitan City"),
    "incheon": ("인천시", "인천광역시", "Inchon", "Incheon Metropolitan City"),
    # Not "광주시": that is also a city in Gyeonggi.
    "gwangju": ("광주광역시", "Kwangju", "Gwangju Metropolitan City"),
    "daejeon": ("대전시", "대전광역시", "Taejon", "Daejeon Metropolitan City"),
    "ulsan": ("울산시", "울산광역시", "Ulsan Metropolitan City"),
    "sejong": ("세종시", "세종특별자치시", "Sejong City", "Sejong Special Self-Governing City"),
    "gyeonggi": ("경기도", "Gyeonggi-do", "Gyeonggi Province", "Kyonggi"),
    "gangwon": ("강원도", "강원특별자치도", "Gangwon-do", "Gangwon Province", "Gangwon State"),
    "chungbuk": ("충청북도", "Chungcheongbuk-do", "North Chungcheong", "충청도", "Chungcheong"),
    "chungnam": ("충청남도", "Chungcheongnam-do", "South Chungcheong", "충청도", "Chungcheong"),
    "jeonbuk": (
        "전라북도",
        "전북특별자치도",
        "Jeollabuk-do",
        "North Jeolla",
        "Jeonbuk State",
        "전라도",
        "Jeolla",
    ),
    "jeonnam": ("전라남도", "Jeollanam-do", "South Jeolla", "전라도", "Jeolla"),
    "gyeongbuk": ("경상북도", "Gyeongsangbuk-do", "North Gyeongsang", "경상도", "Gyeongsang"),
    "gyeongnam": ("경상남도", "Gyeongsangnam-do", "South Gyeongsang", "경상도", "Gyeongsang"),
    "jeju": ("제주도", "제주특별자치도", "Jeju-do", "Jeju Province", "Jeju Island", "Cheju"),
}
"""The 17 regions' official names and common short ones, beside the names on the buttons.

A name shared by two regions ("충청도") is listed under both, so it matches neither.
"""

SIZE_NAMES: Mapping[str, tuple[str, ...]] = {
    "micro": ("자영업", "자영업자", "소상공", "micro", "microbusiness", "micro enterprise"),
    "small": ("small", "small company", "중소기업", "SME"),
    "medium": ("medium", "medium-sized", "medium company", "중소기업", "SME"),
    "midsized": ("중견", "mid-sized", "midsized", "midsize", "mid-size", "mid-sized enterprise"),
    "startup": ("창업기업", "start-up", "start up"),
}
"""Other names of the size classes; "중소기업" and "SME" cover two classes, so match neither."""

INDUSTRY_NAMES: Mapping[str, tuple[str, ...]] = {
    "manufacturing": ("제조", "제조업체", "공장", "factory"),
    "ict": (
        "정보통신",
        "소프트웨어",
        "IT",
        "ICT",
        "SW",
        "software",
        "정보통신업",
        "AI",
        "인공지능",
    ),
    "trade": ("도매", "소매", "유통", "도소매업", "wholesale", "retail", "commerce"),
    "hospitality": ("숙박", "음식점", "요식업", "외식", "식당", "카페", "restaurant", "hotel"),
    "construction": ("건설", "건축", "building"),
    "professional": ("전문서비스", "과학기술", "컨설팅", "consulting", "R&D"),
    "health": ("보건", "의료", "사회복지", "복지", "healthcare", "medical"),
    "education": ("교육", "학원", "edtech"),
    "agriculture": ("농업", "임업", "어업", "농림업", "수산업", "farming", "fisheries"),
    "logistics": ("운수", "물류", "운송", "택배", "transport", "delivery"),
    "culture": ("문화", "콘텐츠", "컨텐츠", "미디어", "게임", "media", "content", "games"),
    "other": ("그 외", "etc"),
}
"""Other names of the industries, as owners describe their trade."""

YES_NO_NAMES: Mapping[str, tuple[str, ...]] = {
    YES: ("네", "예", "응", "그래요", "좋아요", "맞아요", "yes", "y", "yeah", "yep", "ok", "okay"),
    NO: ("아니요", "아니오", "아뇨", "아니", "아니에요", "no", "n", "nope", "nah"),
}
"""Yes and no as typed, for a question whose two buttons say them in their own words."""

VISIBILITY_NAMES: Mapping[str, tuple[str, ...]] = {
    "named": ("실명", "이름 공개", "이름 밝히기", "named", "with my name"),
    "anonymous": ("익명", "anonymous", "anonymously", "anon"),
}
"""Named or anonymous, as typed."""

# Separators inside a label: "4 · 심각", "정보통신·소프트웨어", "Agriculture, forestry and fishing".
_PARTS = re.compile(r"[·•,/|&]|\band\b", re.IGNORECASE)  # spaces go in `_normal`
_WORDS = re.compile(r"[\s,./|·]+")
_NUMBER = re.compile(r"(\d{1,3})(?:번|점|단계|등급|/5)?")  # on the text without spaces
# Polite endings owners add to a one-word answer: "서울이요", "제조업입니다", "익명으로요".
_ENDINGS = ("입니다", "이에요", "예요", "에요", "이요", "으로요", "으로", "로요", "요")


def _normal(text: str) -> str:
    """Letters and digits only, case and width folded: "Gyeonggi-do" → "gyeonggido"."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if char.isalnum())


def _forms(text: str) -> set[str]:
    """A typed word as written and without a polite ending; the ending alone is not a word."""
    normal = _normal(text)
    forms = {normal} if normal else set()
    for ending in _ENDINGS:
        if normal.endswith(ending) and len(normal) > len(ending):
            forms.add(normal[: -len(ending)])
    return forms


def _keys(option: Option) -> set[str]:
    """Every normalised name an option answers to: its labels, their parts, its other names."""
    keys: set[str] = set()
    for label in option.labels:
        keys.add(_normal(label))
        keys.update(_normal(part) for part in _PARTS.split(label))
    keys.update(_normal(name) for name in option.names)
    keys.discard("")
    return keys


def _only(values: set[str]) -> str | None:
    return next(iter(values)) if len(values) == 1 else None


def match_choice(text: str, options: Iterable[Option], *, within: bool = False) -> str | None:
    """The value of the one option `text` names, or None when it names none or several.

    The whole text is tried first: a number ("4", "4번", "4점"), a label or a part of one
    ("4 · 심각", "심각", "Serious"), another name ("서울특별시"), with or without a polite
    ending. With `within`, a longer text naming exactly one option among its words also
    counts ("서울 강남구", "소프트웨어 개발 회사", a Korean word read with its particle:
    "서울이랑 부산" names two): fit for a region or a trade, not for a yes or no, where "네 근데
    잠깐만요" must not confirm anything.
    """
    options = tuple(options)
    if len(text) > MAX_TYPED or not options:
        return None
    number = _NUMBER.fullmatch("".join(unicodedata.normalize("NFKC", text).split()).lstrip("#"))
    if number is not None:
        picked = int(number.group(1))
        return _only({option.value for option in options if option.number == picked})
    keys = {option.value: _keys(option) for option in options}
    forms = _forms(text)
    found = {value for value, names in keys.items() if forms & names}
    if found or not within:
        return _only(found)
    for word in _WORDS.split(text):
        word_forms = _forms(word)
        found |= {value for value, names in keys.items() if word_forms & names}
        if _is_hangul(word):  # a particle after the name: "서울이랑", "부산에서"
            normal = _normal(word)
            found |= {
                value
                for value, names in keys.items()
                if any(
                    len(name) > 1 and _is_hangul(name) and normal.startswith(name) for name in names
                )
            }
    return _only(found)


def _is_hangul(word: str) -> bool:
    return bool(word) and all("가" <= char <= "힣" for char in word)


def reference_options(
    choices: Iterable[Choice], names: Mapping[str, tuple[str, ...]]
) -> tuple[Option, ...]:
    """Options for a reference list: each choice's name in both languages and its other names."""
    return tuple(
        Option(choice.id, (choice.name_ko, choice.name_en), names.get(choice.id, ()))
        for choice in choices
    )
