"""The catalogs: both languages complete, placeholders alike, and every key a handler uses real."""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from messages import (
    LANGUAGES,
    Markup,
    MessageKeyError,
    all_keys,
    format_date,
    format_datetime,
    format_hour,
    format_number,
    has_key,
    normalize_language,
    placeholders,
    t,
)
from messages.catalog_loader import load_catalog
from messages.particles import PARTICLES

ROOT = Path(__file__).resolve().parents[2]
SEOUL = ZoneInfo("Asia/Seoul")


def test_every_key_exists_in_both_languages() -> None:
    for key, translations in load_catalog().items():
        assert set(translations) == set(LANGUAGES), key
        assert all(text.strip() for text in translations.values()), key


@pytest.mark.parametrize("key", sorted(all_keys()))
def test_placeholders_match_between_languages(key: str) -> None:
    assert placeholders(key, "ko") == placeholders(key, "en")


def _literal_keys_used_in_code() -> set[str]:
    """String literals passed as the message key to t(), button() and friends."""
    used: set[str] = set()
    for folder in ("handlers", "bot"):
        for path in (ROOT / folder).rglob("*.py"):
            if "emulator" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or len(node.args) < 2:
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                key = node.args[1]
                if name in {"t", "button"} and isinstance(key, ast.Constant):
                    used.add(str(key.value))
    return used


def test_every_key_used_in_code_exists() -> None:
    used = _literal_keys_used_in_code()
    assert used, "the scan found no keys at all: it is broken"
    missing = sorted(key for key in used if not has_key(key))
    assert not missing


def test_unknown_key_is_a_named_error() -> None:
    with pytest.raises(MessageKeyError):
        t("ko", "no.such.key")


def test_placeholder_values_are_escaped_unless_marked_safe() -> None:
    text = t("en", "fallback.unknown_command", command="<b>x</b>")
    assert "&lt;b&gt;x&lt;/b&gt;" in text
    safe = t("en", "fallback.unknown_command", command=Markup("<b>x</b>"))
    assert "<b>x</b>" in safe


def test_client_language_codes_are_normalised() -> None:
    assert normalize_language("en-US") == "en"
    assert normalize_language("ko") == "ko"
    assert normalize_language("fr") == "ko"
    assert normalize_language(None, "en") == "en"


def test_dates_read_naturally_in_each_language() -> None:
    moment = datetime(2026, 11, 21, 6, 0, tzinfo=UTC)
    assert format_datetime(moment, "ko", SEOUL) == "2026년 11월 21일 (토) 오후 3시"
    assert format_datetime(moment, "en", SEOUL) == "Sat 21 Nov 2026, 3:00 PM"
    assert format_date(moment, "ko", SEOUL) == "2026년 11월 21일 (토)"
    assert format_date(moment, "en", SEOUL) == "Sat 21 Nov 2026"
    late = datetime(2026, 11, 21, 16, 30, tzinfo=UTC)
    assert format_date(late, "en", SEOUL) == "Sun 22 Nov 2026"


def test_numbers_are_grouped() -> None:
    assert format_number(1234000, "ko") == "1,234,000"
    assert format_number(1234000, "en") == "1,234,000"


def test_times_read_one_way_in_korean() -> None:
    """오후 3시, 오후 3시 30분: never 15:00 or 오후 3:00 beside each other."""
    half_past = datetime(2026, 11, 21, 6, 30, tzinfo=UTC)
    assert format_datetime(half_past, "ko", SEOUL) == "2026년 11월 21일 (토) 오후 3시 30분"
    midnight = datetime(2026, 11, 21, 15, 0, tzinfo=UTC)
    assert format_datetime(midnight, "ko", SEOUL) == "2026년 11월 22일 (일) 오전 12시"
    assert format_datetime(half_past, "en", SEOUL) == "Sat 21 Nov 2026, 3:30 PM"
    assert [format_hour(hour, "ko") for hour in (0, 9, 12, 21)] == [
        "오전 12시",
        "오전 9시",
        "오후 12시",
        "오후 9시",
    ]
    assert format_hour(9, "en") == "09:00"


KOREAN = {key: texts["ko"] for key, texts in load_catalog().items()}
# The particles that change with the sound before them, longest spellings first.
PARTICLE = "|".join(sorted(PARTICLES, key=len, reverse=True))
# A placeholder, then a space or a tag (or both), then a particle standing as a word of its own.
_DETACHED = re.compile(r"\{[a-z_]+(?::[^{}]*)?\}(?:\s|</?[a-z]+>)+(?:" + PARTICLE + r")(?![가-힣])")
# A particle spec that keeps a space before its particle: `{code: 으로}`.
_SPACED_SPEC = re.compile(r"\{[a-z_]+:[^{}]*\s(?:" + PARTICLE + r")\}")


def test_particles_sit_on_their_placeholders() -> None:
    """`<code>{code}</code> 를` reads wrong for half the codes: the particle helper decides."""
    found = [
        f"{key}: {match.group(0)!r}"
        for key, text in sorted(KOREAN.items())
        for pattern in (_DETACHED, _SPACED_SPEC)
        for match in pattern.finditer(text)
    ]
    assert found == []


def test_the_particle_scan_finds_what_it_is_for() -> None:
    for wrong in (
        "<code>{code}</code> 를 찾지 못했어요.",
        "{name} 은 없어요.",
        "/status {code: 으로} 보세요",
        "<b>{code}</b>  이에요",
    ):
        assert _DETACHED.search(wrong) or _SPACED_SPEC.search(wrong), wrong
    for right in (
        "<code>{code:</code>를} 찾지",
        "{code}에 덧붙였어요",
        "{count}건은",
        "{name} 을지로",
    ):
        assert not (_DETACHED.search(right) or _SPACED_SPEC.search(right)), right


# 합니다체 belongs to the legal notice alone; the service still apologises and thanks formally.
_FORMAL = re.compile(r"[가-힣]*(?:습니다|ㅂ니다|니다|니까)")
_FORMAL_ALLOWED = frozenset({"죄송합니다", "감사합니다"})
_CASUAL_THANKS = ("고마워", "고맙", "감사해요", "미안해요", "미안합니다", "죄송해요")


def test_one_register_outside_the_legal_notice() -> None:
    formal = [
        f"{key}: {word}"
        for key, text in sorted(KOREAN.items())
        if key != "privacy.notice"
        for word in _FORMAL.findall(text)
        if word not in _FORMAL_ALLOWED
    ]
    assert formal == []
    casual = [
        f"{key}: {word}"
        for key, text in sorted(KOREAN.items())
        for word in _CASUAL_THANKS
        if word in text
    ]
    assert casual == []


def test_the_notice_alone_keeps_its_formal_register() -> None:
    assert _FORMAL.search(KOREAN["privacy.notice"])


@pytest.mark.parametrize("word", ["주제", "관계 부처", "팔로우", "조용한 시간"])
def test_one_word_per_thing_in_korean(word: str) -> None:
    """분야, 소관 부처, 관심 법안, 방해 금지 시간: the glossary's words, never these."""
    assert [key for key, text in KOREAN.items() if word in text] == []


# A placeholder that renders a date "2026년 11월 21일 (토)" inside parentheses nests them.
_DATED = "date|at|started|created|when|due|expected"
_NESTED = re.compile(r"\([^()]*(?:\(|\{(?:" + _DATED + r")\})[^()]*\)")


def test_no_nested_parentheses_in_korean() -> None:
    nested = [
        f"{key}: {m.group(0)}" for key, text in KOREAN.items() for m in _NESTED.finditer(text)
    ]
    assert nested == []
