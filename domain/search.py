"""Inbox search: how typed words become terms that match whether or not Korean was spaced.

Stored text and typed terms are normalised the same way (storage/migrations/0025): ASCII
letters lower-cased, all white space removed, so "학습 데이터" and "학습데이터" are one text.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "COUNT_LIMIT",
    "MAX_QUERY_LENGTH",
    "TRIGRAM",
    "SearchQuery",
    "normalize",
    "parse_query",
]

MAX_QUERY_LENGTH = 100
COUNT_LIMIT = 1000
"""A search counts its matches this far and says "more than 1,000" beyond: counting all of two
common words' matches at a million reports took seconds, and nobody pages through a thousand."""
TRIGRAM = 3
"""Terms this long or longer use the trigram index; shorter ones scan the normalised text."""


def normalize(text: str) -> str:
    """Lower-case ASCII letters (as SQLite's lower() does) and drop every white space."""
    return "".join(char.lower() if char.isascii() else char for char in text if not char.isspace())


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What an administrator typed: a receipt code, or words that must all appear."""

    text: str
    receipt_code: str | None
    terms: tuple[str, ...]


def parse_query(text: str, receipt_code: str | None) -> SearchQuery | None:
    """Split typed words into normalised terms; `receipt_code` is the text read as a code."""
    cleaned = " ".join(text.split())[:MAX_QUERY_LENGTH]
    if not cleaned:
        return None
    if receipt_code is not None:
        return SearchQuery(cleaned, receipt_code, ())
    terms = tuple(dict.fromkeys(term for term in map(normalize, cleaned.split()) if term))
    return SearchQuery(cleaned, None, terms)
