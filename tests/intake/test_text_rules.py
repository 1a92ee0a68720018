"""Pure rules: similarity, amounts people type, receipt codes."""

from __future__ import annotations

import pytest

from domain.amounts import parse_amount
from domain.receipts import format_receipt_code, parse_receipt_code
from domain.similarity import jaccard, rank_similar, tokens


def test_korean_particles_do_not_hide_a_shared_word() -> None:
    assert "규제" in tokens("규제가") & tokens("규제를") & tokens("규제는")


def test_latin_words_are_lower_cased_and_stopwords_dropped() -> None:
    assert tokens("The TDM exception and the AI Act") == frozenset(
        {"tdm", "exception", "ai", "act"}
    )


def test_jaccard_bounds() -> None:
    assert jaccard(frozenset(), frozenset({"a"})) == 0.0
    assert jaccard(frozenset({"a", "b"}), frozenset({"a", "b"})) == 1.0
    assert jaccard(frozenset({"a", "b"}), frozenset({"b", "c"})) == pytest.approx(1 / 3)


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


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1,200,000", 1_200_000),
        ("120만원", 1_200_000),
        ("1억 2천만", 120_000_000),
        ("3만 5천", 35_000),
        ("40시간", 40),
        ("40 h", 40),
        ("월 20시간", 20),
        ("0", 0),
        ("₩500,000", 500_000),
    ],
)
def test_amounts_as_people_type_them(typed: str, value: int) -> None:
    assert parse_amount(typed) == value


@pytest.mark.parametrize("typed", ["", "abc", "1.5", "만", "5천 3억", "-3"])
def test_what_is_not_an_amount(typed: str) -> None:
    assert parse_amount(typed) is None


def test_receipt_codes_are_canonical_and_forgiving() -> None:
    assert format_receipt_code(2026, 123) == "SV-2026-000123"
    assert parse_receipt_code(" sv-2026-123 ") == "SV-2026-000123"
    assert parse_receipt_code("SV2026000123") == "SV-2026-000123"
    assert parse_receipt_code("SV-2026-000000") is None
    assert parse_receipt_code("hello") is None
    with pytest.raises(ValueError, match="six digits"):
        format_receipt_code(2026, 1_000_000)
