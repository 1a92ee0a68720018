"""An explainable similarity between two texts, friendly to Korean.

Korean glues particles to words (규제가, 규제를, 규제는), so whole words rarely match; pairs of
adjacent Hangul syllables do ("규제" appears in all three). Latin words are compared whole,
lower-cased. The score is the Jaccard overlap of the two token sets, and the shared tokens are
what an administrator or user can be shown as the reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["DEFAULT_THRESHOLD", "Match", "jaccard", "rank_similar", "tokens"]

DEFAULT_THRESHOLD = 0.18

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

T = TypeVar("T")


def tokens(text: str) -> frozenset[str]:
    """Hangul syllable bigrams (single syllables for one-syllable words) and Latin words."""
    normal = unicodedata.normalize("NFC", text).lower()
    found: set[str] = set()
    for run in _HANGUL_RUN.findall(normal):
        if run in _STOPWORDS:
            continue
        if len(run) == 1:
            found.add(run)
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    found.update(word for word in _WORD.findall(normal) if len(word) > 1 and word not in _STOPWORDS)
    return frozenset(found)


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    """Shared tokens over all tokens: 0 for nothing in common, 1 for the same set."""
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


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
        score = jaccard(mine, theirs)
        if score >= threshold:
            shared = tuple(sorted(mine & theirs, key=lambda token: (-len(token), token)))
            matches.append(Match(item, score, shared))
    matches.sort(key=lambda match: -match.score)
    return matches[:limit]
