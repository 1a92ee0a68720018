"""Inbox search: codes, Korean words spaced or not, short terms, law names, with the filters."""

from __future__ import annotations

from dataclasses import replace

import pytest

from domain.search import normalize, parse_query
from domain.submissions import SubmissionFilter
from handlers import admin_inbox
from tests.admin.support import onboard
from tests.delivery.support import kst
from tests.evidence.support import received
from tests.fixtures.app import BotHarness
from tests.intake.flow import agreed_user


def test_terms_are_normalised_like_the_stored_text() -> None:
    assert normalize(" Training\tDATA 학습 데이터 ") == "trainingdata학습데이터"
    query = parse_query("학습 데이터  학습", None)
    assert query is not None and query.terms == ("학습", "데이터")
    assert parse_query("   ", None) is None
    coded = parse_query("sv-2026-12", "SV-2026-000012")
    assert coded is not None and coded.receipt_code == "SV-2026-000012" and coded.terms == ()


async def test_search_matches_without_spaces_short_terms_law_names_and_filters(
    sotong: BotHarness,
) -> None:
    owner = await agreed_user(sotong, "민수")
    tdm = await received(
        sotong,
        owner.id,
        kst(2026, 11, 10, 10),
        problem="AI 학습 데이터 로 쓸 저작물마다 허락을 받기 어려워요",
        law_or_rule="저작권법 제35조의5",
    )
    farm = await received(
        sotong,
        owner.id,
        kst(2026, 11, 11, 10),
        category_id="land_building",
        problem="모듈형 데이터센터를 농지에 둘 수 없어 사업이 멈췄어요",
        law_or_rule="농지법 제34조",
    )
    english = await received(
        sotong,
        owner.id,
        kst(2026, 11, 12, 10),
        category_id="labeling",
        problem="The Cosmetics Act makes us print the manufacturer on every small label",
        language="en",
    )
    queries = sotong.services.inbox_search

    async def found(text: str, base: SubmissionFilter | None = None) -> set[str]:
        query = parse_query(text, None)
        assert query is not None
        narrowed = queries.narrow(base or SubmissionFilter(), query)
        items = await sotong.services.submissions.list_filtered(narrowed, limit=50)
        return {item.receipt_code for item in items}

    assert await found("학습데이터") == {tdm.receipt_code}  # stored spaced, typed unspaced
    assert await found("데이터") == {tdm.receipt_code, farm.receipt_code}
    assert await found("농지") == {farm.receipt_code}  # two syllables: below the trigram
    assert await found("저작권법 35조") == {tdm.receipt_code}  # the law name
    assert await found("cosmetics ACT") == {english.receipt_code}
    assert await found("데이터 농지") == {farm.receipt_code}  # every word must appear
    assert await found("데이터", SubmissionFilter(category_id="ai_copyright")) == {tdm.receipt_code}
    assert await found('"데이터') == set()  # a quote cannot break the MATCH expression
    coded = parse_query(farm.receipt_code, farm.receipt_code)
    assert coded is not None
    items = await sotong.services.submissions.list_filtered(
        queries.narrow(replace(SubmissionFilter()), coded)
    )
    assert [item.receipt_code for item in items] == [farm.receipt_code]


async def test_search_command_combines_with_filters_until_reset(sotong: BotHarness) -> None:
    owner = await agreed_user(sotong, "민수")
    first = await received(sotong, owner.id, kst(2026, 11, 10, 10))
    second = await received(
        sotong,
        owner.id,
        kst(2026, 11, 11, 10),
        category_id="land_building",
        problem="모듈형 데이터센터를 농지에 둘 수 없어 사업이 멈췄어요",
    )
    other = await received(
        sotong, owner.id, kst(2026, 11, 12, 10), problem="키오스크 접근성 기준을 맞출 비용이 커요"
    )
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/search")
    assert "/search 학습데이터 저작권" in (admin.reply().text or "")
    await admin.send("/search 데이터")
    text = admin.reply().text or ""
    assert "🔍 검색: 데이터" in text
    assert first.receipt_code in text and second.receipt_code in text
    assert other.receipt_code not in text
    await admin.tap("🔎 분야")
    await admin.tap("AI 학습데이터·저작권 (TDM)")
    text = admin.reply().text or ""
    assert "🔍 검색: 데이터" in text
    assert first.receipt_code in text and second.receipt_code not in text
    await admin.tap("↺ 필터 초기화")
    text = admin.reply().text or ""
    assert "검색" not in text and other.receipt_code in text

    await admin.send(f"/search {other.receipt_code.lower()}")
    text = admin.reply().text or ""
    assert other.receipt_code in text and first.receipt_code not in text


@pytest.mark.parametrize(
    ("language", "many", "exact"),
    [
        ("ko", "2건 이상 · 1쪽", "1건 · 1/1쪽"),
        ("en", "more than 2 submissions · page 1", "1 submissions · page 1/1"),
    ],
)
async def test_a_search_counts_only_to_its_limit_and_lists_the_newest_first(
    sotong: BotHarness, monkeypatch: pytest.MonkeyPatch, language: str, many: str, exact: str
) -> None:
    # The limit is 1,000: lowered so that three reports stand for a fifth of a million.
    monkeypatch.setattr(admin_inbox, "COUNT_LIMIT", 2)
    owner = await agreed_user(sotong, "민수")
    reports = [await received(sotong, owner.id, kst(2026, 11, day, 10)) for day in (10, 11, 12)]
    await received(
        sotong,
        owner.id,
        kst(2026, 11, 13, 10),
        category_id="land_building",
        problem="모듈형 데이터센터를 농지에 둘 수 없어 사업이 멈췄어요",
    )
    codes = [report.receipt_code for report in reports]
    admin = sotong.admin()
    await onboard(admin, language)
    await admin.send("/search 저작권 허락")
    text = admin.reply().text or ""
    assert many in text
    assert text.index(codes[2]) < text.index(codes[1]) < text.index(codes[0])
    await admin.send("/search 농지")
    text = admin.reply().text or ""
    assert exact in text and many not in text
