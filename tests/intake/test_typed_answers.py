"""Typed answers to button questions, per step and in both languages, over the real labels.

The options come from the real reference tables (a migrated SQLite file) and the real catalog,
so a renamed button or region is matched as it is shown.
"""

from __future__ import annotations

import re

import pytest

from domain.drafts import DraftStep
from domain.reference import Choice
from domain.typed_choices import MAX_TYPED, NO, YES, Option, match_choice, reference_options
from handlers.feedback_views import hint
from handlers.typed_labels import button_labels
from handlers.ui import plain_text
from messages import t
from services.typed_choices import (
    impact_options,
    match_typed_answer,
    step_options,
    yes_no_options,
)
from storage.database import Database
from storage.reference import ReferenceQueries


@pytest.fixture
def reference(database: Database) -> ReferenceQueries:
    return ReferenceQueries(database)


TYPED = [
    # The severity step: the number, the label, its words, in either language.
    (DraftStep.IMPACT, "4", "4"),
    (DraftStep.IMPACT, "4 · 심각", "4"),
    (DraftStep.IMPACT, "4·심각", "4"),
    (DraftStep.IMPACT, "4 심각", "4"),
    (DraftStep.IMPACT, "심각", "4"),
    (DraftStep.IMPACT, "심각이요", "4"),
    (DraftStep.IMPACT, "4번", "4"),
    (DraftStep.IMPACT, "4점", "4"),
    (DraftStep.IMPACT, "４", "4"),
    (DraftStep.IMPACT, "4/5", "4"),
    (DraftStep.IMPACT, "불편", "2"),
    (DraftStep.IMPACT, "조금 불편", "1"),
    (DraftStep.IMPACT, "사업 존폐", "5"),
    (DraftStep.IMPACT, "4 · Serious", "4"),
    (DraftStep.IMPACT, "serious", "4"),
    (DraftStep.IMPACT, "A real burden", "3"),
    (DraftStep.IMPACT, "Threatens the business", "5"),
    # The region step: button names, official names, short names, addresses.
    (DraftStep.REGION, "서울", "seoul"),
    (DraftStep.REGION, "서울특별시", "seoul"),
    (DraftStep.REGION, "서울시", "seoul"),
    (DraftStep.REGION, "서울이요", "seoul"),
    (DraftStep.REGION, "서울 강남구", "seoul"),
    (DraftStep.REGION, "서울특별시 강남구 테헤란로", "seoul"),
    (DraftStep.REGION, "Seoul", "seoul"),
    (DraftStep.REGION, "seoul", "seoul"),
    (DraftStep.REGION, "부산광역시", "busan"),
    (DraftStep.REGION, "세종특별자치시", "sejong"),
    (DraftStep.REGION, "경기도 성남시", "gyeonggi"),
    (DraftStep.REGION, "Gyeonggi-do", "gyeonggi"),
    (DraftStep.REGION, "강원특별자치도", "gangwon"),
    (DraftStep.REGION, "충청북도", "chungbuk"),
    (DraftStep.REGION, "North Chungcheong", "chungbuk"),
    (DraftStep.REGION, "전북특별자치도", "jeonbuk"),
    (DraftStep.REGION, "전라남도", "jeonnam"),
    (DraftStep.REGION, "경상남도 창원시", "gyeongnam"),
    (DraftStep.REGION, "제주특별자치도", "jeju"),
    (DraftStep.REGION, "Jeju", "jeju"),
    (DraftStep.REGION, "광주광역시", "gwangju"),
    (DraftStep.REGION, "광주", "gwangju"),
    # Size and industry: the names on the buttons and the names owners use.
    (DraftStep.SIZE, "소기업", "small"),
    (DraftStep.SIZE, "Small enterprise", "small"),
    (DraftStep.SIZE, "중견기업", "midsized"),
    (DraftStep.SIZE, "mid-sized", "midsized"),
    (DraftStep.SIZE, "스타트업", "startup"),
    (DraftStep.SIZE, "Startup", "startup"),
    (DraftStep.SIZE, "자영업자예요", "micro"),
    (DraftStep.INDUSTRY, "제조업", "manufacturing"),
    (DraftStep.INDUSTRY, "Manufacturing", "manufacturing"),
    (DraftStep.INDUSTRY, "정보통신·소프트웨어", "ict"),
    (DraftStep.INDUSTRY, "소프트웨어", "ict"),
    (DraftStep.INDUSTRY, "software", "ict"),
    (DraftStep.INDUSTRY, "ICT and software", "ict"),
    (DraftStep.INDUSTRY, "소프트웨어 개발 회사", "ict"),
    (DraftStep.INDUSTRY, "음식점", "hospitality"),
    (DraftStep.INDUSTRY, "forestry", "agriculture"),
    (DraftStep.INDUSTRY, "기타", "other"),
    (DraftStep.INDUSTRY, "Other", "other"),
    # Named or anonymous, and the remembered company.
    (DraftStep.VISIBILITY, "익명", "anonymous"),
    (DraftStep.VISIBILITY, "익명으로", "anonymous"),
    (DraftStep.VISIBILITY, "🕶 익명", "anonymous"),
    (DraftStep.VISIBILITY, "Anonymous", "anonymous"),
    (DraftStep.VISIBILITY, "실명", "named"),
    (DraftStep.VISIBILITY, "Named", "named"),
    (DraftStep.PROFILE, "지난번과 같음", "same"),
    (DraftStep.PROFILE, "네", "same"),
    (DraftStep.PROFILE, "Same as last time", "same"),
    (DraftStep.PROFILE, "바꾸기", "change"),
    (DraftStep.PROFILE, "change", "change"),
]


@pytest.mark.parametrize(("step", "typed", "value"), TYPED, ids=str)
async def test_a_typed_answer_picks_its_button(
    reference: ReferenceQueries, step: DraftStep, typed: str, value: str
) -> None:
    assert await match_typed_answer(reference, step, typed, button_labels) == value


REFUSED = [
    (DraftStep.IMPACT, "6"),  # no such button
    (DraftStep.IMPACT, "0"),
    (DraftStep.IMPACT, "많이 힘들어요"),
    (DraftStep.IMPACT, "4 아니면 5"),
    (DraftStep.REGION, "충청도"),  # 충북 or 충남?
    (DraftStep.REGION, "전라도"),
    (DraftStep.REGION, "경상도"),
    (DraftStep.REGION, "서울이랑 부산"),
    (DraftStep.REGION, "서울 부산"),
    (DraftStep.REGION, "강남구"),
    (DraftStep.REGION, "4"),  # regions carry no numbers on their buttons
    (DraftStep.REGION, "Tokyo"),
    (DraftStep.SIZE, "중소기업"),  # 소기업 or 중기업?
    (DraftStep.SIZE, "SME"),
    (DraftStep.INDUSTRY, "제조업이고 소프트웨어도 해요"),
    (DraftStep.INDUSTRY, "뭐라고 해야 할지"),
    (DraftStep.VISIBILITY, "글쎄요"),
    (DraftStep.PROBLEM, "서울"),  # a free-text step has no buttons to match
    (DraftStep.REGION, "서울 " * MAX_TYPED),
    (DraftStep.REGION, ""),
]


@pytest.mark.parametrize(("step", "typed"), REFUSED, ids=str)
async def test_nothing_or_several_is_refused(
    reference: ReferenceQueries, step: DraftStep, typed: str
) -> None:
    assert await match_typed_answer(reference, step, typed, button_labels) is None


async def test_every_region_is_found_by_each_of_its_names(reference: ReferenceQueries) -> None:
    """All 17, by the Korean and English names on the buttons."""
    regions = await reference.regions()
    assert len(regions) == 17
    for region in regions:
        for name in (region.name_ko, region.name_en, f"{region.name_ko}요"):
            assert (
                await match_typed_answer(reference, DraftStep.REGION, name, button_labels)
                == region.id
            ), name


async def test_every_list_answers_to_each_label_in_both_languages(
    reference: ReferenceQueries,
) -> None:
    for step in (DraftStep.IMPACT, DraftStep.SIZE, DraftStep.INDUSTRY, DraftStep.VISIBILITY):
        for option in await step_options(reference, step, button_labels):
            assert len(option.labels) == 2  # Korean and English
            for label in option.labels:
                assert (
                    await match_typed_answer(reference, step, label, button_labels) == option.value
                ), label


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("네", YES),
        ("네, 버릴게요", YES),
        ("Yes, discard", YES),
        ("yes", YES),
        ("예", YES),
        ("아니요", NO),
        ("아뇨", NO),
        ("No, go back", NO),
        ("no", NO),
        ("돌아가기", NO),
        ("네 근데 잠깐만요", None),  # a sentence is no confirmation
        ("네 아니요", None),
        ("음", None),
    ],
)
def test_yes_and_no_as_typed(typed: str, value: str | None) -> None:
    options = yes_no_options(
        button_labels, "feedback.button.discard_yes", "feedback.button.discard_no"
    )
    assert match_choice(typed, options) == value


def test_labels_are_read_plain_in_every_language() -> None:
    assert button_labels("feedback.button.impact.4") == ("4 · 심각", "4 · Serious")
    assert [option.number for option in impact_options(button_labels)] == [1, 2, 3, 4, 5]


def test_a_name_shared_by_two_options_matches_neither() -> None:
    options = reference_options(
        [Choice("a", "가", "A"), Choice("b", "나", "B")], {"a": ("공통",), "b": ("공통",)}
    )
    assert match_choice("공통", options) is None
    assert match_choice("가", options) == "a"
    assert match_choice("b", options) == "b"
    assert match_choice("1", [Option("x", ("X",), number=1), Option("y", ("Y",), number=1)]) is None
    assert match_choice("x", []) is None


async def test_answers_are_matched_against_the_labels_of_the_channel_that_asked(
    reference: ReferenceQueries,
) -> None:
    """Another channel's buttons may read otherwise; its typed answers match its own labels."""

    def text_channel(key: str) -> tuple[str, ...]:
        return ("[" + key.rsplit(".", 1)[-1] + "]",)

    assert await match_typed_answer(reference, DraftStep.IMPACT, "[4]", text_channel) == "4"
    assert await match_typed_answer(reference, DraftStep.IMPACT, "4 · 심각", text_channel) is None
    assert (
        await match_typed_answer(reference, DraftStep.PROFILE, "[profile_change]", text_channel)
        == "change"
    )


_TYPED_STEPS = (
    DraftStep.IMPACT,
    DraftStep.PROFILE,
    DraftStep.REGION,
    DraftStep.SIZE,
    DraftStep.INDUSTRY,
    DraftStep.VISIBILITY,
)
_SAYS_TYPE = {"ko": "적어 주세요", "en": "type"}
_EXAMPLE = re.compile(r"‘([^’]+)’|“([^”]+)”")


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_steps_that_take_a_typed_answer_say_so(
    reference: ReferenceQueries, language: str
) -> None:
    """The question and its refusal hint offer typing as well as tapping, at every such step.

    Every example the question quotes is one the step accepts, so the hint never teaches a
    word it would then refuse.
    """
    for step in _TYPED_STEPS:
        assert await step_options(reference, step, button_labels), step
        asked = plain_text(str(t(language, f"feedback.ask.{step}", counter="", profile="")))
        refused = plain_text(str(hint(language, step)))
        for text in (asked, refused):
            assert _SAYS_TYPE[language] in text, (step, text)
        examples = [a or b for a, b in _EXAMPLE.findall(asked)]
        assert examples, (step, asked)
        for example in examples:
            found = await match_typed_answer(reference, step, example, button_labels)
            assert found is not None, example
