"""The catalogs: both languages complete, placeholders alike, and every key a handler uses real."""

from __future__ import annotations

import ast
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
    format_number,
    has_key,
    normalize_language,
    placeholders,
    t,
)
from messages.catalog_loader import load_catalog

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
    assert format_datetime(moment, "ko", SEOUL) == "2026년 11월 21일 (토) 오후 3:00"
    assert format_datetime(moment, "en", SEOUL) == "Sat 21 Nov 2026, 3:00 PM"
    assert format_date(moment, "ko", SEOUL) == "2026년 11월 21일 (토)"
    assert format_date(moment, "en", SEOUL) == "Sat 21 Nov 2026"
    late = datetime(2026, 11, 21, 16, 30, tzinfo=UTC)
    assert format_date(late, "en", SEOUL) == "Sun 22 Nov 2026"


def test_numbers_are_grouped() -> None:
    assert format_number(1234000, "ko") == "1,234,000"
    assert format_number(1234000, "en") == "1,234,000"
