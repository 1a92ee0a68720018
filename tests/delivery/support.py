"""Helpers for policy tests: onboarding, arranging content, and driving the scheduler's clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.policy_jobs import TICK_JOB
from domain.bills import BillDraft, BillStage, BillStageEntry
from domain.content import LocalizedText
from domain.meetings import Meeting, MeetingDraft, MeetingKind
from sandbox.emulator import ScriptedUser
from sandbox.emulator.models import ChatMessage
from tests.fixtures.app import ADMIN_ID, BotHarness

SEOUL = ZoneInfo("Asia/Seoul")


def kst(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A Korean wall-clock time."""
    return datetime(year, month, day, hour, minute, tzinfo=SEOUL)


async def onboard(sotong: BotHarness, name: str, language: str = "ko") -> ScriptedUser:
    """A user who started the bot, chose a language and agreed to the notice."""
    user = sotong.user(name, language_code=language)
    await user.send("/start")
    await user.tap("한국어" if language == "ko" else "English")
    await user.tap("✅ 동의" if language == "ko" else "✅ I agree")
    return user


async def tick_at(sotong: BotHarness, moment: datetime) -> None:
    """Move the clock, run the scheduler's real job once, and wait for the sender to finish."""
    sotong.clock.set(moment)
    jobs = sotong.application.job_queue
    assert jobs is not None
    (job,) = jobs.get_jobs_by_name(TICK_JOB)
    await job.run(sotong.application)
    sotong.services.delivery.wake()
    await sotong.services.delivery.wait_idle()


async def add_meeting(
    sotong: BotHarness,
    starts_at: datetime,
    *,
    title: str = "중소·벤처 AI 정책협의회",
    title_en: str = "SME and venture AI policy council",
    categories: frozenset[str] = frozenset(),
) -> Meeting:
    """A meeting added by the administrator."""
    return await sotong.services.content.add_meeting(
        MeetingDraft(
            kind=MeetingKind.POLICY_COUNCIL,
            title=LocalizedText(title, title_en),
            starts_at=starts_at,
            place=LocalizedText("청주 오스코", "Osco, Cheongju"),
            categories=categories,
        ),
        actor_id=ADMIN_ID,
    )


async def add_bill(sotong: BotHarness, *, categories: frozenset[str] = frozenset()) -> int:
    """The SME AI promotion bill, submitted on 27 October 2025."""
    bill = await sotong.services.content.add_bill(
        BillDraft(
            name=LocalizedText(
                "중소기업 인공지능 활용 촉진법", "Act on the Promotion of AI Utilization by SMEs"
            ),
            sponsor=LocalizedText("김동아 의원", "Rep. Kim Dong-ah"),
            stages=(BillStageEntry(BillStage.SUBMITTED, datetime(2025, 10, 27).date()),),
            categories=categories,
        ),
        actor_id=ADMIN_ID,
    )
    return bill.id


def bot_texts(user: ScriptedUser) -> list[str]:
    """Every text the bot sent this user, in order."""
    return [
        m.text or m.caption or "" for m in user.transcript if m.sender == "bot" and not m.deleted
    ]


def containing(user: ScriptedUser, fragment: str) -> list[ChatMessage]:
    """The bot's messages to this user that contain a fragment."""
    return [
        message
        for message in user.transcript
        if message.sender == "bot" and fragment in (message.text or message.caption or "")
    ]
