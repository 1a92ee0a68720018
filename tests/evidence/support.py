"""Arranging submissions with due days and driving the once-a-day deadline job by the clock."""

from __future__ import annotations

from datetime import datetime

from bot.evidence_jobs import AGENDA_JOB, DEADLINE_JOB
from domain.amounts import Cost, CostPeriod, CostUnit
from domain.submissions import NewSubmission, ReportContent, Submission, Visibility
from tests.fixtures.app import BotHarness

_HOURS = Cost(CostUnit.HOURS, CostPeriod.MONTH, 10, 10)
_WON = Cost(CostUnit.WON, CostPeriod.MONTH, 1_000_000, 1_000_000)


async def received(
    sotong: BotHarness,
    user_id: int,
    at: datetime,
    *,
    anonymous: bool = False,
    category_id: str = "ai_copyright",
    problem: str = "학습데이터 저작권 허락을 일일이 받을 수 없어 개발이 멈춰 있어요",
    law_or_rule: str | None = None,
    language: str = "ko",
    hours: Cost | None = _HOURS,
    won: Cost | None = _WON,
) -> Submission:
    """A submission received at `at`, with the due day intake would give it."""
    return await sotong.repositories.submissions.create(
        NewSubmission(
            content=ReportContent(
                category_id=category_id,
                problem=problem,
                law_or_rule=law_or_rule,
                law_unsure=law_or_rule is None,
                proposal="예외 규정을 두어 주세요",
                impact=4,
                hours_cost=hours,
                won_cost=won,
                region_id="seoul",
                company_size_id="small",
                industry_id="ict",
            ),
            user_id=user_id,
            visibility=Visibility.ANONYMOUS if anonymous else Visibility.NAMED,
            submitter_name=None if anonymous else "김민수",
            submitter_username=None,
            language=language,
            attachments=(),
            due_on=sotong.services.deadlines.due_on(at),
        ),
        year=at.year,
        now=at,
    )


async def run_job(sotong: BotHarness, name: str, moment: datetime | None = None) -> None:
    """Move the clock (if given), run one real job once, and wait until the outbox is sent."""
    if moment is not None:
        sotong.clock.set(moment)
    jobs = sotong.application.job_queue
    assert jobs is not None
    (job,) = jobs.get_jobs_by_name(name)
    await job.run(sotong.application)
    sotong.services.delivery.wake()
    await sotong.services.delivery.wait_idle()


async def run_daily_at(sotong: BotHarness, moment: datetime) -> None:
    """Move the clock and run the daily deadline job once."""
    await run_job(sotong, DEADLINE_JOB, moment)


async def run_agenda(sotong: BotHarness) -> None:
    """Run the agenda notices job once, as its minute comes."""
    await run_job(sotong, AGENDA_JOB)


async def drain(sotong: BotHarness) -> None:
    """Send whatever the outbox holds now."""
    sotong.services.delivery.wake()
    await sotong.services.delivery.wait_idle()
