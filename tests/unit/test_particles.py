"""Korean particles chosen from the sound a word ends in, digits and Latin letters included."""

from __future__ import annotations

import pytest

from messages import Markup, t
from messages.particles import final_sound, particle, with_particle


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # Hangul: a final consonant, none, or ㄹ.
        ("농지법", ("을", "은", "이", "과", "으로")),
        ("대표", ("를", "는", "가", "와", "로")),
        ("서울", ("을", "은", "이", "과", "로")),  # ㄹ takes 로, and the consonant forms elsewhere
        # Digits as a Korean number: 1 일, 2 이, 3 삼, 6 육, 7 칠, 9 구, 0 영.
        ("SV-2026-000121", ("을", "은", "이", "과", "로")),
        ("SV-2026-000122", ("를", "는", "가", "와", "로")),
        ("SV-2026-000123", ("을", "은", "이", "과", "으로")),
        ("SV-2026-000126", ("을", "은", "이", "과", "으로")),
        ("7", ("을", "은", "이", "과", "로")),
        ("9", ("를", "는", "가", "와", "로")),
        ("0", ("을", "은", "이", "과", "으로")),
        # Round numbers end in their unit: 십, 백, 천, 만, 억, 조.
        ("10", ("을", "은", "이", "과", "으로")),
        ("300", ("을", "은", "이", "과", "으로")),
        ("10000", ("을", "은", "이", "과", "으로")),
        ("1000000000000", ("를", "는", "가", "와", "로")),
        # Latin letters by their Korean names: 엠, 엘, 알, 엔 end in a consonant, 아이 does not.
        ("TDM", ("을", "은", "이", "과", "으로")),
        ("AI", ("를", "는", "가", "와", "로")),
        ("Excel", ("을", "은", "이", "과", "로")),
        ("HR", ("을", "은", "이", "과", "로")),
        ("CEO", ("를", "는", "가", "와", "로")),
        # Closing brackets, quotes and punctuation are not read.
        ("「AI 기본법」", ("을", "은", "이", "과", "으로")),
        ("‘공감’", ("을", "은", "이", "과", "으로")),
        ("R&D.", ("를", "는", "가", "와", "로")),
    ],
)
def test_particle_follows_the_last_sound(word: str, expected: tuple[str, ...]) -> None:
    chosen = tuple(particle(word, which) for which in ("을", "은", "이", "과", "으로"))
    assert chosen == expected


def test_either_spelling_names_the_same_pair() -> None:
    assert particle("법", "를") == particle("법", "을") == "을"
    assert particle("대표", "로") == particle("대표", "으로") == "로"
    assert particle("법", "예요") == "이에요"
    assert particle("서울", "이에요") == "이에요"  # ㄹ is a consonant for every particle but 로


def test_nothing_readable_reads_as_a_vowel() -> None:
    assert final_sound("🙂") == "vowel"
    assert final_sound("") == "vowel"


def test_a_spec_keeps_the_text_between_word_and_particle() -> None:
    assert with_particle("AI 기본법", "」을") == "AI 기본법」을"
    assert with_particle("SV-2026-000123", " 으로") == "SV-2026-000123 으로"  # after a command
    assert with_particle("x<y", "</b>가", shown="x&lt;y") == "x&lt;y</b>가"
    with pytest.raises(ValueError, match="unknown particle"):
        with_particle("법", "에서")


def test_catalog_texts_pick_the_particle_for_the_value() -> None:
    """`{name:을}` in a catalog text agrees with whatever the value is, and still escapes it."""
    assert "「AI 기본법」을 관심 법안에 추가했어요" in t("ko", "bills.followed", name="AI 기본법")
    assert "「AI를 위한 법」을" in t("ko", "bills.followed", name="AI를 위한 법")
    assert "「<b>AI</b>」를" not in t("ko", "bills.followed", name="<b>AI</b>")
    assert "「&lt;b&gt;AI&lt;/b&gt;」를" in t("ko", "bills.followed", name="<b>AI</b>")
    assert "<b>SV-2026-000012</b>가 중복하는" in t(
        "ko", "admin_inbox.ask.duplicate", code="SV-2026-000012"
    )
    assert "<b>SV-2026-000013</b>이 중복하는" in t(
        "ko", "admin_inbox.ask.duplicate", code=Markup("SV-2026-000013")
    )
