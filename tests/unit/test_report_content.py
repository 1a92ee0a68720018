"""One `ReportContent` for drafts and submissions: every field is stored and read back whole."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.drafts import Draft
from domain.submissions import NewSubmission, ReportContent, Visibility
from storage.database import Database
from storage.drafts import DraftRepository
from storage.report_content import CONTENT_COLUMNS, DETAIL_COLUMNS
from storage.submissions import SubmissionRepository

NOW = datetime(2026, 12, 1, 3, tzinfo=UTC)
FULL = ReportContent(
    category_id="ai_copyright",
    problem="학습데이터 저작권 허락을 일일이 받을 수 없어요.",
    law_or_rule="저작권법 제35조의5",
    law_unsure=True,
    proposal="유예 기간을 두어 주세요.",
    impact=4,
    hours_cost=Cost(CostUnit.HOURS, CostPeriod.WEEK, 5, 8),
    won_cost=Cost(CostUnit.WON, CostPeriod.ONE_OFF, 3_000_000, 3_000_000),
    region_id="busan",
    company_size_id="small",
    industry_id="manufacturing",
)


def test_every_field_is_set_in_the_sample() -> None:
    """The round trips below prove something only if no field keeps its default."""
    blank = ReportContent()
    assert all(
        getattr(FULL, field.name) != getattr(blank, field.name)
        for field in dataclasses.fields(ReportContent)
    )


def test_the_details_are_the_content_less_its_topic_and_problem() -> None:
    assert set(CONTENT_COLUMNS) - set(DETAIL_COLUMNS) == {"category_id", "problem"}


async def test_a_draft_and_a_submission_keep_every_field(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "sotong.db")
    try:
        drafts = DraftRepository(database)
        draft = dataclasses.replace(Draft.blank(7, "ko", NOW), content=FULL)
        await drafts.save(draft)
        stored = await drafts.get(7)
        assert stored is not None and stored.content == FULL

        submissions = SubmissionRepository(database)
        new = NewSubmission(
            user_id=7,
            visibility=Visibility.ANONYMOUS,
            submitter_name=None,
            submitter_username=None,
            content=FULL,
            language="ko",
            attachments=(),
        )
        created = await submissions.create(new, year=2026, now=NOW)
        assert created.content == FULL
        assert await drafts.get(7) is None
    finally:
        await database.close()


async def test_added_details_change_all_but_the_topic_and_problem(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "sotong.db")
    try:
        submissions = SubmissionRepository(database)
        sent = ReportContent(category_id="funding", problem="보증 심사가 너무 오래 걸려요.")
        new = NewSubmission(
            user_id=7,
            visibility=Visibility.NAMED,
            submitter_name="김대표",
            submitter_username=None,
            content=sent,
            language="ko",
            attachments=(),
        )
        created = await submissions.create(new, year=2026, now=NOW)
        updated = await submissions.add_details(created.id, 7, FULL, (), now=NOW)
        assert updated is not None
        assert updated.content == dataclasses.replace(
            FULL, category_id="funding", problem="보증 심사가 너무 오래 걸려요."
        )
    finally:
        await database.close()
