"""One name per language for each idea the bot keeps coming back to, and the names to avoid.

An owner who reads "공감" on one screen and "저도요" on the next wonders whether they are two
things; so does an administrator between "영향도" and "어려움 정도". Catalog texts name these
ideas by reference, `{-support}` (capitalised, `{-Support}`, for the start of an English label),
and the loader puts in the term of the text's language. `AVOID` lists the synonyms a test looks
for in every text, so a new text cannot bring a second name back.
"""

from __future__ import annotations

from typing import Final

__all__ = ["AVOID", "TERMS", "expand_terms"]

TERMS: Final[dict[str, dict[str, str]]] = {
    # The statuses of a submission, as both the owner and the administrators see them.
    "status-received": {"ko": "접수됨", "en": "received"},
    "status-in-review": {"ko": "검토 중", "en": "in review"},
    "status-forwarded": {"ko": "부처 전달", "en": "forwarded to a ministry"},
    "status-answered": {"ko": "답변 완료", "en": "answered"},
    "status-closed": {"ko": "종결", "en": "closed"},
    "status-rejected": {"ko": "반려", "en": "rejected"},
    # Another owner saying "this blocks me too".
    "support": {"ko": "공감", "en": "support"},
    # How much a problem hurts, 1 to 5.
    "impact": {"ko": "어려움 정도", "en": "impact"},
    # What an owner keeps to follow a submission: SV-2026-000123.
    "receipt-code": {"ko": "접수 번호", "en": "receipt code"},
    # Hours or won a problem costs.
    "cost": {"ko": "비용", "en": "cost"},
    # What an owner sends: one word for it on every screen, in every export and notice.
    "report": {"ko": "의견", "en": "submission"},
    # The group a report or a piece of news belongs to (규제 분야).
    "category": {"ko": "분야", "en": "topic"},
    # The hours in which no news is sent.
    "quiet-hours": {"ko": "방해 금지 시간", "en": "quiet hours"},
    # The ministry a report is forwarded to, because the rule is its own.
    "ministry-in-charge": {"ko": "소관 부처", "en": "ministry in charge"},
    # Bills an owner asked to hear about.
    "followed-bills": {"ko": "관심 법안", "en": "bills you follow"},
    # The person at the government side who reads a report, as owners are told of them.
    "staff": {"ko": "담당자", "en": "staff"},
}

# Synonym → the term to use instead. Matched case-insensitively inside every text.
AVOID: Final[dict[str, dict[str, str]]] = {
    "ko": {
        "저도요": "support",
        "영향도": "impact",
        "심각도": "impact",
        "접수번호": "receipt-code",
        "새 제안": "status-received",
        "검토중": "status-in-review",
        "답변됨": "status-answered",
        "처리 완료": "status-closed",
        "주제": "category",
        "조용한 시간": "quiet-hours",
        "알림 금지 시간": "quiet-hours",
        "관계 부처": "ministry-in-charge",
        "관련 부처": "ministry-in-charge",
        "팔로우": "followed-bills",
        "팔로워": "followed-bills",
    },
    "en": {
        "me too": "support",
        "severity": "impact",
        "receipt number": "receipt-code",
        "reference number": "receipt-code",
        "in-review": "status-in-review",
    },
}


def _term(name: str, language: str) -> str:
    capital = name[:1].isupper()
    try:
        term = TERMS[name.lower()][language]
    except KeyError:
        raise ValueError(f"unknown glossary term {{-{name}}}") from None
    return term[:1].upper() + term[1:] if capital else term


def expand_terms(text: str, language: str) -> str:
    """Put the glossary's terms in place of `{-name}` references; an unknown name is a bug."""
    parts = text.split("{-")
    out = [parts[0]]
    for part in parts[1:]:
        name, closing, rest = part.partition("}")
        if not closing:
            raise ValueError(f"unclosed glossary reference in {text!r}")
        out.append(_term(name, language) + rest)
    return "".join(out)
