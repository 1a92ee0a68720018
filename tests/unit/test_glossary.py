"""One name per idea: the glossary's terms reach every catalog, and their synonyms do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from messages import LANGUAGES, all_keys, t
from messages.catalog_loader import load_catalog
from messages.glossary import AVOID, TERMS, expand_terms
from messages.particles import PARTICLES, particle

ROOT = Path(__file__).resolve().parents[2]
FALLBACKS = ("을(를)", "를(을)", "은(는)", "는(은)", "이(가)", "가(이)", "와(과)", "과(와)")
FALLBACKS += ("(으)로",)
CATALOG = load_catalog()


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_uses_a_synonym_the_glossary_replaces(language: str) -> None:
    found = [
        f"{key}: “{synonym}” (say “{TERMS[term][language]}”)"
        for key, texts in sorted(CATALOG.items())
        for synonym, term in AVOID[language].items()
        if synonym.lower() in texts[language].lower()
    ]
    assert found == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_term_is_in_use(language: str) -> None:
    texts = [texts[language].lower() for texts in CATALOG.values()]
    unused = [name for name, term in TERMS.items() if not any(term[language] in x for x in texts)]
    assert unused == []


def test_statuses_read_the_same_for_owners_and_administrators() -> None:
    for status in ("received", "in_review", "forwarded", "answered", "closed", "rejected"):
        for language in LANGUAGES:
            owner = t(language, f"feedback.status.{status}")
            admin = t(language, f"admin_common.status.{status}")
            assert owner == admin
            assert owner.lower() == TERMS[f"status-{status.replace('_', '-')}"][language]


def test_particles_after_a_term_agree_with_it() -> None:
    """Terms are written in by reference, so the particle typed after one must fit its sound."""
    spellings = sorted(PARTICLES, key=len, reverse=True)
    wrong = []
    for key, texts in sorted(CATALOG.items()):
        text = texts["ko"]
        for term in (names["ko"] for names in TERMS.values()):
            start = text.find(term)
            while start >= 0:
                after = text[start + len(term) :].lstrip("’」")
                typed = next((s for s in spellings if after.startswith(s)), None)
                if typed is not None and particle(term, typed) != typed:
                    wrong.append(f"{key}: {term}{typed}")
                start = text.find(term, start + 1)
    assert wrong == []


def test_no_particle_fallbacks_anywhere_a_person_reads() -> None:
    texts = [f"{key}: {texts['ko']}" for key, texts in CATALOG.items()]
    texts += (ROOT / "sandbox" / "static" / "app.js").read_text(encoding="utf-8").splitlines()
    assert [line for line in texts if any(fallback in line for fallback in FALLBACKS)] == []


def test_references_expand_per_language_and_unknown_ones_fail() -> None:
    assert expand_terms("{-Support} · {-support}", "en") == "Support · support"
    assert expand_terms("{-impact}: {impact}", "ko") == "어려움 정도: {impact}"
    with pytest.raises(ValueError, match="unknown glossary term"):
        expand_terms("{-sympathy}", "ko")
    with pytest.raises(ValueError, match="unclosed"):
        expand_terms("{-support", "ko")
    assert not any("{-" in texts[language] for texts in CATALOG.values() for language in LANGUAGES)
    assert all_keys() == frozenset(CATALOG)


def test_the_review_vocabulary_is_in_the_glossary() -> None:
    """The native review's words: each avoided synonym points at the term that replaces it."""
    wanted = {
        "주제": "분야",
        "관계 부처": "소관 부처",
        "팔로우": "관심 법안",
        "조용한 시간": "방해 금지 시간",
    }
    assert {word: TERMS[AVOID["ko"][word]]["ko"] for word in wanted} == wanted
    assert TERMS["report"]["ko"] == "의견"
    assert TERMS["staff"]["ko"] == "담당자"


def test_a_report_is_always_an_opinion() -> None:
    """의견 names what an owner sends; 제안 is only the field "개선 제안" inside it."""
    stray = [
        key
        for key, texts in sorted(CATALOG.items())
        if key != "privacy.notice" and texts["ko"].replace("개선 제안", "").count("제안")
    ]
    assert stray == []


def test_owners_read_of_staff_not_administrators() -> None:
    """Texts an owner reads call the people who handle a report 담당자."""
    owner_keys = [key for key in CATALOG if key.startswith(("feedback.", "my.", "supporters."))]
    assert [key for key in owner_keys if "관리자" in CATALOG[key]["ko"]] == []
