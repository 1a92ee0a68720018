"""Pure rules: similarity and receipt codes (amounts: tests/unit/test_amounts.py)."""

from __future__ import annotations

import math

import pytest

from domain.receipts import format_receipt_code, parse_receipt_code
from domain.similarity import cosine, rank_similar, tokens


def test_korean_particles_do_not_hide_a_shared_word() -> None:
    assert "규제" in tokens("규제가") & tokens("규제를") & tokens("규제는")


def test_latin_words_are_lower_cased_and_stopwords_dropped() -> None:
    assert tokens("The TDM exception and the AI Act") == frozenset(
        {"tdm", "exception", "ai", "act"}
    )


def test_cosine_bounds() -> None:
    assert cosine(frozenset(), frozenset({"a"})) == 0.0
    assert cosine(frozenset({"a", "b"}), frozenset({"a", "b"})) == 1.0
    assert cosine(frozenset({"a", "b"}), frozenset({"b", "c", "d"})) == pytest.approx(
        1 / math.sqrt(6)
    )


def test_ranking_keeps_similar_texts_and_explains_them() -> None:
    candidates = [
        ("copyright", "AI 학습데이터 저작권 허락을 저작물마다 받는 것이 불가능합니다"),
        ("kiosk", "키오스크 배리어프리 기준 때문에 테이블 주문기를 바꿔야 합니다"),
    ]
    ranked = rank_similar("학습데이터 저작권 허락을 일일이 받을 수가 없어요", candidates)
    assert [match.item for match in ranked] == ["copyright"]
    assert "저작" in ranked[0].shared and "학습" in ranked[0].shared


def test_unrelated_texts_stay_below_the_threshold() -> None:
    assert not rank_similar(
        "농지에 소형 데이터센터를 지을 수 없습니다", [(1, "화장품 제조사 표시 의무")]
    )


def test_receipt_codes_are_canonical_and_forgiving() -> None:
    assert format_receipt_code(2026, 123) == "SV-2026-000123"
    assert parse_receipt_code(" sv-2026-123 ") == "SV-2026-000123"
    assert parse_receipt_code("SV2026000123") == "SV-2026-000123"
    assert parse_receipt_code("SV-2026-000000") is None
    assert parse_receipt_code("hello") is None
    with pytest.raises(ValueError, match="six digits"):
        format_receipt_code(2026, 1_000_000)
