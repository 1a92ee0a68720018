"""An explainable similarity between two reports, fit for Korean, and what of one may be shown.

Korean glues particles and endings to words (규제가, 규제를, 규제는), so whole words rarely match;
pairs of adjacent Hangul syllables do ("규제" appears in all three). Latin words are compared
whole, lower-cased. Pairs that only carry an ending or a filler ("습니", "어요", "너무", "중소")
say nothing about the problem and are dropped.

The score is the cosine of the two token sets, |A ∩ B| / √(|A|·|B|): unlike the Jaccard overlap
it used to be, a stored report written at length is not pushed under the threshold by its own
length. Measured on the labelled pairs in tests/fixtures/similar_pairs.py (bench/similarity.py
prints the figures). Texts are cut to `TEXT_LIMIT` characters first, so one score costs the same
for a report of any length.

Finding candidates is the database's job (the inbox's FTS5 trigram index, ranked by bm25:
storage/submissions.py); this module gives it the terms to look for, scores the few it returns,
and names what another owner may see of a report: key terms from a fixed vocabulary
(`key_terms`), never a word they typed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from domain.search import TRIGRAM, normalize

__all__ = [
    "DEFAULT_THRESHOLD",
    "KEY_TERMS",
    "SEARCH_TERMS",
    "TEXT_LIMIT",
    "Match",
    "cosine",
    "key_terms",
    "rank_similar",
    "search_terms",
    "tokens",
]

DEFAULT_THRESHOLD = 0.25
TEXT_LIMIT = 1000
SEARCH_TERMS = 16

_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    {
        "the", "and", "for", "are", "but", "not", "you", "our", "with", "this", "that", "have",
        "has", "was", "were", "from", "they", "them", "its", "into", "can", "cannot", "very",
        "there", "their", "about", "which", "would", "could", "should", "been", "also", "than",
        "because", "when", "what", "some", "any", "all", "too", "so", "of", "to", "in", "on",
        "is", "it", "we", "a", "an", "be", "or", "as", "at", "by", "my", "me", "us", "do",
        "있습니다", "합니다", "입니다", "너무", "정말", "저희", "우리", "그리고", "하지만",
    }
)  # fmt: skip
# Syllable pairs that come from endings, particles and the words every report uses.
_STOP_PAIRS = frozenset(
    {
        "습니", "니다", "어요", "해요", "너무", "중소", "소기", "기업", "없어", "있어", "에서",
        "해서", "하는", "하고", "으로", "지원", "합니", "필요", "주세", "세요", "는데", "인데",
        "아서", "어서", "라서", "이라", "해야", "하기", "에도", "까지", "부터", "이나", "거나",
        "지만", "대한", "위해", "통해", "같은", "그대", "대로", "수가", "가없", "이없", "못하",
        "있습", "없습", "됩니", "않아", "않습", "아요", "워요", "려요", "게요", "해주", "주시",
        "시면", "면좋", "좋겠", "겠어", "겠습",
    }
)  # fmt: skip

# What another owner may be told a report is about: a closed vocabulary, so nothing a person
# typed (a name, a phone number, a company) can pass through. Each key is shown through the
# catalog (`feedback.similar_term.<key>`); the patterns are matched on the folded text.
KEY_TERMS: Mapping[str, tuple[str, ...]] = {
    "high_impact": ("고영향", "high-impact", "high impact"),
    "fines": ("과태료", "벌금", "fine"),
    "grace_period": ("유예", "계도기간", "grace"),
    "transparency": ("투명성", "워터마크", "표시 의무", "transparen", "watermark"),
    "criteria": ("기준", "가이드", "criteria", "guideline"),
    "training_data": ("학습", "training"),
    "copyright": ("저작권", "저작물", "copyright"),
    "tdm": ("tdm", "텍스트 데이터 마이닝", "공정이용", "fair use"),
    "public_data": ("공공데이터", "public data"),
    "pseudonymised": ("가명", "pseudonym"),
    "standards": ("표준", "형식", "프로토콜", "standard", "protocol"),
    "connectivity": ("연계", "연동", "connect"),
    "cost": ("비용", "요금", "가격", "기기값", "cost", "price"),
    "gpu": ("gpu", "컴퓨팅", "computing"),
    "voucher": ("바우처", "voucher"),
    "hiring": ("채용", "구인", "인력", "hiring", "recruit"),
    "training": ("교육", "산학", "실습", "course"),
    "paperwork": ("서류", "증빙", "document", "paperwork"),
    "settlement": ("정산", "환수", "settlement"),
    "certification": ("인증", "심사", "certif"),
    "permit": ("허가", "승인", "permit", "approval"),
    "power": ("전력", "한전", "electricity"),
    "labeling": ("표시", "라벨", "label"),
    "ingredients": ("전성분", "ingredient"),
    "manufacturer": ("제조업자", "제조사", "oem", "manufacturer"),
    "kiosk": ("키오스크", "테이블오더", "kiosk"),
    "accessibility": ("배리어프리", "접근성", "점자", "barrier-free", "accessib"),
    "data_center": ("데이터센터", "data center", "datacenter"),
    "farmland": ("농지", "farmland"),
    "building": ("건축", "building"),
    "customs": ("통관", "관세", "customs"),
}

T = TypeVar("T")


def _folded(text: str) -> str:
    """NFC, lower case, whitespace collapsed, cut to the length a score reads."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())[:TEXT_LIMIT]


def tokens(text: str) -> frozenset[str]:
    """Hangul syllable pairs (single syllables for one-syllable words) and Latin words."""
    normal = _folded(text)
    found: set[str] = set()
    for run in _HANGUL_RUN.findall(normal):
        if run in _STOPWORDS:
            continue
        if len(run) == 1:
            found.add(run)
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    found.update(word for word in _WORD.findall(normal) if len(word) > 1 and word not in _STOPWORDS)
    return frozenset(found - _STOP_PAIRS)


def cosine(left: frozenset[str], right: frozenset[str]) -> float:
    """Shared tokens over the geometric mean of the sizes: 0 for nothing shared, 1 for the same."""
    if not left or not right:
        return 0.0
    return len(left & right) / math.sqrt(len(left) * len(right))


def search_terms(text: str, limit: int = SEARCH_TERMS) -> tuple[str, ...]:
    """Up to `limit` distinct three-character pieces of the text, spread over it, for the index.

    The text is normalised as the inbox search index holds it (domain/search.py: no white
    space, so spacing does not matter) and cut to `TEXT_LIMIT`; pieces are letters and digits
    only. Spread evenly, so a long draft is looked up by all of it at a bounded cost.
    """
    normal = normalize(unicodedata.normalize("NFC", text)[:TEXT_LIMIT])
    pieces = list(
        dict.fromkeys(
            normal[start : start + TRIGRAM]
            for start in range(len(normal) - TRIGRAM + 1)
            if normal[start : start + TRIGRAM].isalnum()
        )
    )
    if len(pieces) <= limit:
        return tuple(pieces)
    step = len(pieces) / limit
    return tuple(pieces[int(index * step)] for index in range(limit))


def key_terms(text: str, limit: int = 4) -> tuple[str, ...]:
    """Keys of `KEY_TERMS` the text mentions, in vocabulary order: a summary with no person."""
    normal = _folded(text)
    found = [key for key, patterns in KEY_TERMS.items() if any(p in normal for p in patterns)]
    return tuple(found[:limit])


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """A candidate, its score, and the shared tokens that explain the score."""

    item: T
    score: float
    shared: tuple[str, ...]


def rank_similar(
    text: str,
    candidates: Iterable[tuple[T, str]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 3,
) -> Sequence[Match[T]]:
    """The best candidates at or above the threshold, best first."""
    mine = tokens(text)
    matches: list[Match[T]] = []
    for item, other_text in candidates:
        theirs = tokens(other_text)
        score = cosine(mine, theirs)
        if score >= threshold:
            shared = tuple(sorted(mine & theirs, key=lambda token: (-len(token), token)))
            matches.append(Match(item, score, shared))
    matches.sort(key=lambda match: -match.score)
    return matches[:limit]
