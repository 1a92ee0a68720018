"""Korean particles that agree with the word before them: 을/를, 은/는, 이/가, 와/과, (으)로.

A name or a code only known at run time ("AI 기본법", "SV-2026-000123", "TDM") takes the particle
its last sound calls for, as a person reads it aloud: a final consonant (받침) takes 을, 은, 이,
과, 으로; a vowel takes 를, 는, 가, 와, 로; and ㄹ, though a consonant, takes 로. Digits are
read as a Korean number (3 삼, 6 육, 10 십, 100 백, 2026 이천이십육), Latin letters by their
Korean names (M 엠, L 엘, I 아이), so "SV-2026-000123을" and "TDM을" but "AI를".

Catalog texts ask for it through a format spec: `{name:을}` renders the name and its particle,
and text before the particle is kept between them, so `「{name:」을}` renders 「AI 기본법」을.
"""

from __future__ import annotations

from typing import Final, Literal

__all__ = ["PARTICLES", "final_sound", "particle", "with_particle"]

FinalSound = Literal["vowel", "rieul", "consonant"]

# Each spelling of a particle names its pair: (after a consonant, after a vowel or ㄹ-for-로).
PARTICLES: Final[dict[str, tuple[str, str]]] = {
    "을": ("을", "를"),
    "를": ("을", "를"),
    "은": ("은", "는"),
    "는": ("은", "는"),
    "이": ("이", "가"),
    "가": ("이", "가"),
    "과": ("과", "와"),
    "와": ("과", "와"),
    "으로": ("으로", "로"),
    "로": ("으로", "로"),
    "이에요": ("이에요", "예요"),
    "예요": ("이에요", "예요"),
}
# Longest spellings first, so "이에요" is not read as "이" followed by text.
_BY_LENGTH: Final = sorted(PARTICLES, key=len, reverse=True)

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL: Final = 8  # index of ㄹ among the final consonants
# How each digit is read alone, and so how a number ending in it ends.
_DIGIT_SOUNDS: Final[dict[str, FinalSound]] = {
    "0": "consonant",  # 영
    "1": "rieul",  # 일
    "2": "vowel",  # 이
    "3": "consonant",  # 삼
    "4": "vowel",  # 사
    "5": "vowel",  # 오
    "6": "consonant",  # 육
    "7": "rieul",  # 칠
    "8": "rieul",  # 팔
    "9": "vowel",  # 구
}
# Korean names of the Latin letters; only L, M, N and R end in a consonant (엘, 엠, 엔, 알).
_LETTER_SOUNDS: Final[dict[str, FinalSound]] = {
    "l": "rieul",
    "r": "rieul",
    "m": "consonant",
    "n": "consonant",
}


def _number_sound(digits: str) -> FinalSound:
    """How a run of digits read as one Korean number ends (10 십, 100 백, 10000 만, 0 영)."""
    value = digits.lstrip("0")
    if not value:
        return "consonant"  # 영
    zeros = len(value) - len(value.rstrip("0"))
    if zeros == 0:
        return _DIGIT_SOUNDS[value[-1]]
    if zeros < 4:
        return "consonant"  # 십, 백, 천
    unit = zeros // 4  # 만, 억, 조, 경
    return ("consonant", "consonant", "vowel", "consonant")[min(unit, 4) - 1]


def final_sound(word: str) -> FinalSound:
    """How the word ends when read aloud, ignoring closing brackets, quotes and punctuation."""
    trimmed = word.rstrip()
    index = len(trimmed)
    while index > 0 and not trimmed[index - 1].isalnum():
        index -= 1
    if index == 0:
        return "vowel"  # nothing readable: 를, 는, 가, 와, 로 read the least oddly
    last = trimmed[index - 1]
    if last.isdigit():
        start = index
        while start > 0 and trimmed[start - 1].isdigit():
            start -= 1
        return _number_sound(trimmed[start:index])
    code = ord(last)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        tail = (code - _HANGUL_FIRST) % 28
        if tail == 0:
            return "vowel"
        return "rieul" if tail == _RIEUL else "consonant"
    if last.isascii():
        return _LETTER_SOUNDS.get(last.lower(), "vowel")
    return "vowel"


def particle(word: str, which: str) -> str:
    """The form of the particle `which` (any spelling, e.g. "을" or "를") that follows `word`."""
    after_consonant, after_vowel = PARTICLES[which]
    sound = final_sound(word)
    if sound == "vowel" or (sound == "rieul" and after_consonant == "으로"):
        return after_vowel
    return after_consonant


def with_particle(word: str, spec: str, shown: str | None = None) -> str:
    """Render a format spec such as "을" or "」을": the word, the text between, the particle.

    `shown` is the word as it goes into the message (escaped for HTML); the sound is judged on
    `word` itself.
    """
    for which in _BY_LENGTH:
        if spec.endswith(which):
            between = spec[: -len(which)]
            return f"{word if shown is None else shown}{between}{particle(word, which)}"
    raise ValueError(f"unknown particle in format spec {spec!r}")
