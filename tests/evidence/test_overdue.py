"""/overdue end to end: overdue and due-soon reports under the ministry each was forwarded to."""

from __future__ import annotations

from datetime import datetime

import pytest

from domain.submissions import Submission, SubmissionStatus
from tests.admin.support import onboard
from tests.delivery.support import kst
from tests.evidence.support import received
from tests.fixtures.app import ADMIN_ID, BotHarness
from tests.intake.flow import agreed_user


async def _forwarded(sotong: BotHarness, user_id: int, at: datetime, ministry: str) -> Submission:
    submission = await received(sotong, user_id, at)
    await sotong.repositories.submissions.change_status(
        submission.id,
        SubmissionStatus.FORWARDED,
        actor_id=ADMIN_ID,
        note=None,
        now=at,
        forwarded_to=ministry,
    )
    return submission


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ko",
            [
                "소관 부처별 답변 기한",
                "기한 지남 3건, 곧 마감 1건",
                "🏛 고용노동부: 기한 지남 1건, 곧 마감 1건",
                "🏛 과학기술정보통신부: 기한 지남 1건, 곧 마감 0건",
                "🏛 아직 부처 전달 전: 기한 지남 1건, 곧 마감 0건",
                "6일 지남",
                "D-2",
            ],
        ),
        (
            "en",
            [
                "Answer deadlines by ministry",
                "3 overdue, 1 due soon",
                "🏛 고용노동부: 1 overdue, 1 due soon",
                "🏛 Not forwarded to a ministry yet: 1 overdue, 0 due soon",
                "6 days overdue",
                "2 days left",
            ],
        ),
    ],
)
async def test_overdue_groups_by_ministry_in_each_language(
    sotong: BotHarness, language: str, expected: list[str]
) -> None:
    # The clock stands at 15:00 on Saturday 21 November 2026 in Seoul.
    owner = await agreed_user(sotong, "민수")
    labour_late = await _forwarded(sotong, owner.id, kst(2026, 11, 1, 10), "고용노동부")
    science_late = await _forwarded(sotong, owner.id, kst(2026, 11, 5, 10), "과학기술정보통신부")
    labour_soon = await _forwarded(sotong, owner.id, kst(2026, 11, 9, 10), " 고용노동부")
    unforwarded = await received(sotong, owner.id, kst(2026, 11, 2, 10))
    later = await _forwarded(sotong, owner.id, kst(2026, 11, 20, 10), "고용노동부")
    admin = sotong.admin()
    await onboard(admin, language)

    await admin.send("/overdue")
    (reply,) = admin.replies()
    text = reply.text or ""
    for phrase in expected:
        assert phrase in text, phrase
    labour = text.index("고용노동부")
    assert labour < text.index(labour_late.receipt_code) < text.index(labour_soon.receipt_code)
    assert text.index(labour_soon.receipt_code) < text.index("과학기술정보통신부")
    assert text.index(science_late.receipt_code) < text.index(unforwarded.receipt_code)
    assert later.receipt_code not in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ko", "기한이 지났거나 2일 안에 마감되는 의견이 없어요."),
        ("en", "No report is overdue or due within 2 days."),
    ],
)
async def test_overdue_says_so_when_nothing_is_due(
    sotong: BotHarness, language: str, expected: str
) -> None:
    admin = sotong.admin()
    await onboard(admin, language)
    await admin.send("/overdue")
    assert admin.reply().text == expected


async def test_overdue_is_refused_to_others(sotong: BotHarness) -> None:
    user = sotong.user("민수")
    await onboard(user)
    await user.send("/overdue")
    assert user.reply().text == "관리자만 쓸 수 있는 기능이에요."
