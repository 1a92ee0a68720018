"""Arranging submissions and users for the administration tests."""

from __future__ import annotations

import re
from datetime import timedelta

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.submissions import Attachment, NewSubmission, ReportContent, Submission, Visibility
from sandbox.emulator import ScriptedUser
from tests.fixtures.app import BotHarness


async def onboard(user: ScriptedUser, language: str = "ko") -> None:
    """/start, pick the language, agree to the notice."""
    await user.send("/start")
    await user.tap("한국어" if language == "ko" else "English")
    await user.tap("✅ 동의" if language == "ko" else "✅ I agree")


MONTHLY_HOURS = Cost(CostUnit.HOURS, CostPeriod.MONTH, 20, 20)
ONE_OFF_WON = Cost(CostUnit.WON, CostPeriod.ONE_OFF, 3_000_000, 3_000_000)


async def submit(
    sotong: BotHarness,
    user_id: int,
    *,
    anonymous: bool = False,
    problem: str = "AI 기본법 과태료 기준이 불분명해 준비를 못 하고 있습니다.",
    category_id: str = "ai_basic_act",
    region_id: str | None = "seoul",
    name: str | None = "김민수",
    username: str | None = "minsu_kim",
    language: str = "ko",
    attachments: tuple[Attachment, ...] = (),
    law_or_rule: str | None = None,
    later: timedelta = timedelta(hours=1),
    hours_cost: Cost | None = MONTHLY_HOURS,
    won_cost: Cost | None = ONE_OFF_WON,
) -> Submission:
    """Store a submission as intake would, then move the clock on so the next one is newer."""
    new = NewSubmission(
        content=ReportContent(
            category_id=category_id,
            problem=problem,
            law_or_rule=law_or_rule,
            proposal="유예 기간을 두어 주세요.",
            impact=4,
            hours_cost=hours_cost,
            won_cost=won_cost,
            region_id=region_id,
            company_size_id="small",
            industry_id="manufacturing",
        ),
        user_id=user_id,
        visibility=Visibility.ANONYMOUS if anonymous else Visibility.NAMED,
        submitter_name=None if anonymous else name,
        submitter_username=None if anonymous else username,
        language=language,
        attachments=attachments,
    )
    created = await sotong.repositories.submissions.create(new, year=2026, now=sotong.clock.now())
    sotong.clock.advance(later)
    return created


def all_text(user: ScriptedUser) -> str:
    """Everything the user's chat shows, texts, captions and button labels."""
    parts: list[str] = []
    for message in user.transcript:
        parts.append(message.text or "")
        parts.append(message.caption or "")
        parts.extend(message.buttons)
    return "\n".join(parts)


def open_label(user: ScriptedUser, code: str) -> str:
    """The inbox button that opens `code`, found by the entry's number in the newest list with it.

    The buttons name a topic and the problem's first words, not the code, so a test finds the
    list entry "n. SV-…" and the button labelled "n. …".
    """
    for message in reversed(user.transcript):
        found = re.search(rf"(\d+)\. {re.escape(code)}", message.text or "")
        if found is not None and message.buttons:
            labels = [label for label in message.buttons if label.startswith(f"{found[1]}. ")]
            assert len(labels) == 1, (code, message.buttons)
            return labels[0]
    raise AssertionError(f"no inbox list shows {code}")
