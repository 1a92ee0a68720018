"""Answer deadlines end to end: receipts, /status, the daily admin list, /extend, inbox, /stats."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from domain.submissions import SubmissionStatus
from sandbox.emulator import BotApiEmulator
from tests.admin.support import onboard
from tests.delivery.support import containing, kst
from tests.evidence.support import drain, received, run_daily_at
from tests.fixtures.app import ADMIN_ID, BotHarness
from tests.intake.flow import PROBLEM_EN, agreed_user, submit_one

SECOND_ADMIN = 900_002


@pytest.fixture
def settings_overrides(emulator: BotApiEmulator) -> dict[str, Any]:
    """A second administrator, reading English, who had started the bot before it deployed."""
    emulator.create_user("Admin", user_id=SECOND_ADMIN, language_code="en", started=True)
    return {"admin_ids": f"{ADMIN_ID},{SECOND_ADMIN}"}


async def test_the_receipt_and_status_show_the_due_date_in_both_languages(
    sotong: BotHarness,
) -> None:
    # The clock stands at 15:00 on Saturday 21 November 2026 in Seoul: due 14 days later.
    minsu = await agreed_user(sotong, "민수")
    code = await submit_one(minsu, "ko")
    receipt = next(m.text or "" for m in minsu.replies() if code in (m.text or ""))
    assert "답변 기한: 2026년 12월 5일 (토)까지 (14일 이내)" in receipt
    await minsu.send(f"/status {code}")
    assert "답변 기한: 2026년 12월 5일 (토)" in "\n".join(m.text or "" for m in minsu.replies())

    jane = await agreed_user(sotong, "Jane", language="en")
    code = await submit_one(jane, "en", problem=PROBLEM_EN)
    receipt = next(m.text or "" for m in jane.replies() if code in (m.text or ""))
    assert "Answer due by Sat 5 Dec 2026 (within 14 days)" in receipt
    await jane.send("/my")
    await jane.tap(callback_data=jane.reply().keyboard[0][0][1])
    assert "Answer due by Sat 5 Dec 2026" in "\n".join(m.text or "" for m in jane.replies())


async def test_admins_get_one_daily_list_of_overdue_and_due_soon_in_their_language(
    sotong: BotHarness,
) -> None:
    owner = await agreed_user(sotong, "민수")
    overdue = await received(sotong, owner.id, kst(2026, 11, 5, 10))  # due 19 Nov
    soon = await received(sotong, owner.id, kst(2026, 11, 9, 10), anonymous=True)  # due 23 Nov
    later = await received(sotong, owner.id, kst(2026, 11, 20, 10))  # due 4 Dec
    answered = await received(sotong, owner.id, kst(2026, 11, 5, 11))
    await sotong.repositories.submissions.set_answer(
        answered.id, "검토 결과를 알려 드려요", actor_id=ADMIN_ID, now=kst(2026, 11, 10, 9)
    )
    korean = sotong.admin()
    await onboard(korean)
    sotong.emulator.settle = sotong.settle
    english = sotong.emulator.get_user(SECOND_ADMIN)
    await onboard(english, "en")

    await run_daily_at(sotong, kst(2026, 11, 22, 8, 59))
    assert containing(korean, "답변 기한 알림") == []
    await run_daily_at(sotong, kst(2026, 11, 22, 9, 0))
    (ko,) = containing(korean, "답변 기한 알림")
    text = ko.text or ""
    assert "기한 지남 1건, 2일 안에 마감 1건" in text
    assert text.index("기한이 지났어요") < text.index(overdue.receipt_code)
    assert text.index(overdue.receipt_code) < text.index("곧 마감이에요")
    assert text.index("곧 마감이에요") < text.index(soon.receipt_code)
    assert "3일 지남" in text and "D-1" in text
    assert later.receipt_code not in text and answered.receipt_code not in text
    (en,) = containing(english, "Answer deadlines")
    text = en.text or ""
    assert "1 overdue, 1 due within 2 days" in text
    assert "3 days overdue" in text and "1 days left" in text
    assert overdue.receipt_code in text and soon.receipt_code in text

    # Later the same day: nothing more. The next day: a fresh list.
    await run_daily_at(sotong, kst(2026, 11, 22, 18, 0))
    assert len(containing(korean, "답변 기한 알림")) == 1
    await run_daily_at(sotong, kst(2026, 11, 23, 9, 5))
    assert len(containing(korean, "답변 기한 알림")) == 2
    assert "오늘 마감" in (containing(korean, "답변 기한 알림")[-1].text or "")

    # The list's button opens the overdue inbox.
    await korean.tap("📥 기한 지난 의견 보기", message_id=ko.message_id)
    text = korean.reply().text or ""
    assert overdue.receipt_code in text and soon.receipt_code not in text


async def test_a_later_date_reaches_the_owner_once_and_shows_in_status(sotong: BotHarness) -> None:
    jane = await agreed_user(sotong, "Jane", language="en")
    late = await received(sotong, jane.id, kst(2026, 11, 10, 10), anonymous=True, language="en")
    admin = sotong.admin()
    await onboard(admin)

    await admin.send("/extend")
    assert "/extend SV-2026-000123 12월 10일" in (admin.reply().text or "")
    await admin.send(f"/extend {late.receipt_code} 다음 주")
    refusal = admin.reply().text or ""
    assert "다음 주 화요일" in refusal and f"/extend {late.receipt_code} 다음 주" in refusal
    await admin.send("/extend SV-2026-999999 2026-12-20 사유")
    assert "찾지 못했어요" in (admin.reply().text or "")
    await admin.send(f"/extend {late.receipt_code} 2026-12-20 관계 부처 협의가 길어지고 있어요")
    assert "2026년 12월 20일 (일)" in (admin.reply().text or "")
    # Anonymous: the reply does not say whether Jane can be reached, though she is told.
    assert "연락이 닿는지는 알려 드리지 않아요" in (admin.reply().text or "")
    await drain(sotong)
    (notice,) = containing(jane, "will be late")
    assert "Now expected by Sun 20 Dec 2026" in (notice.text or "")
    assert "We are sorry." in (notice.text or "")  # a late answer comes with an apology
    assert "관계 부처 협의가 길어지고 있어요" in (notice.text or "")
    await drain(sotong)
    assert len(containing(jane, "will be late")) == 1

    await jane.send(f"/status {late.receipt_code}")
    details = "\n".join(m.text or "" for m in jane.replies())
    assert "Answer was due by Tue 24 Nov 2026; now expected by Sun 20 Dec 2026" in details

    # The inbox counts the days to the announced date; the audit keeps who moved it.
    await admin.send("/inbox")
    assert "접수됨 · ⏳ D-29" in (admin.reply().text or "")
    entries = await sotong.repositories.audit.latest(5)
    assert any(entry.action == "submission.deadline" for entry in entries)


async def test_inbox_days_left_overdue_filter_and_stats(sotong: BotHarness) -> None:
    owner = await agreed_user(sotong, "민수")
    overdue = await received(sotong, owner.id, kst(2026, 11, 1, 10))  # due 15 Nov
    fresh = await received(sotong, owner.id, kst(2026, 11, 20, 10))  # due 4 Dec
    on_time = await received(sotong, owner.id, kst(2026, 11, 2, 10))
    await sotong.repositories.submissions.set_answer(
        on_time.id, "답변이에요", actor_id=ADMIN_ID, now=kst(2026, 11, 6, 10)
    )
    late = await received(sotong, owner.id, kst(2026, 11, 2, 11))
    await sotong.repositories.submissions.change_status(
        late.id,
        SubmissionStatus.REJECTED,
        actor_id=ADMIN_ID,
        note="소관이 아니에요",
        now=kst(2026, 11, 20, 10),
    )
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    text = admin.reply().text or ""
    assert "⏳ 6일 지남" in text
    assert "⏳ D-13" in text
    await admin.tap("🔎 상태")
    await admin.tap("⏰ 기한 지남")
    text = admin.reply().text or ""
    assert "기한 지남" in text
    assert overdue.receipt_code in text and fresh.receipt_code not in text

    await admin.send(f"/extend {overdue.receipt_code} 2026-12-01 추가 자료 검토 중")
    await admin.send("/inbox")
    await admin.tap("🔎 상태")
    await admin.tap("⏰ 기한 지남")
    assert "조건에 맞는 의견이 없어요" in (admin.reply().text or "")

    # Judged: on time (4 days), late reply (18 days), overdue without answer; fresh is not yet.
    await admin.send("/stats")
    stats = next(
        m.text or "" for m in reversed(admin.replies()) if "기한 안에 답변" in (m.text or "")
    )
    assert "기한 안에 답변: 3건 중 1건, 33%" in stats
    assert "11일" not in stats  # one time to answer, not a second median in days


async def test_a_later_date_announced_at_night_waits_out_the_quiet_hours(
    sotong: BotHarness,
) -> None:
    owner = await agreed_user(sotong, "민수")
    late = await received(sotong, owner.id, kst(2026, 11, 10, 10))
    admin = sotong.admin()
    await onboard(admin)
    sotong.clock.set(kst(2026, 11, 21, 23, 30))
    await admin.send(f"/extend {late.receipt_code} 2026-12-20 관계 부처 협의 중이에요")
    await drain(sotong)
    assert containing(owner, "답변이 늦어지고 있어요") == []
    sotong.clock.set(kst(2026, 11, 22, 8, 0))
    await drain(sotong)
    (notice,) = containing(owner, "답변이 늦어지고 있어요")
    # An apology for the delay and formal thanks, as the service speaks when it is at fault.
    assert "늦어지고 있어요. 죄송합니다." in (notice.text or "")
    assert "기다려 주셔서 감사합니다." in (notice.text or "")


@pytest.mark.parametrize(
    ("language", "typed", "shown"),
    [
        ("ko", "12월 20일 관계 부처 협의 중", "2026년 12월 20일 (일)"),
        ("ko", "다음 주 화요일 자료 보완 중", "2026년 11월 24일 (화)"),
        ("en", "Dec 20 waiting for the ministry", "Sun 20 Dec 2026"),
        ("en", "next Friday still reviewing", "Fri 27 Nov 2026"),
    ],
)
async def test_extend_takes_dates_as_administrators_type_them(
    sotong: BotHarness, language: str, typed: str, shown: str
) -> None:
    owner = await agreed_user(sotong, "민수")
    late = await received(sotong, owner.id, kst(2026, 11, 2, 10))
    admin = sotong.admin()
    await onboard(admin, language)
    await admin.send(f"/extend {late.receipt_code} {typed}")
    assert shown in (admin.reply().text or "")
    stored = await sotong.repositories.submissions.get(late.id)
    assert stored is not None and stored.expected_on is not None


async def test_a_refused_extend_shows_back_what_was_typed_in_english(sotong: BotHarness) -> None:
    owner = await agreed_user(sotong, "민수")
    late = await received(sotong, owner.id, kst(2026, 11, 2, 10))
    admin = sotong.admin()
    await onboard(admin, "en")
    await admin.send(f"/extend {late.receipt_code} someday when ready")
    refusal = admin.reply().text or ""
    assert "next Tuesday" in refusal
    assert f"/extend {late.receipt_code} someday when ready" in refusal


@pytest.mark.parametrize(
    ("language", "walk", "words"),
    [
        (
            "ko",
            ("CSV", "전체 기간", "전체", "전체", "전체", "연락처 제외", "현재 기록만"),
            ("답변 기한", "늦춘 예정일", "기한 안에 답변", "기한 넘김", "기한 안"),
        ),
        (
            "en",
            (
                "CSV",
                "All time",
                "All",
                "All",
                "All",
                "Without contacts",
                "Current records only",
            ),
            ("Answer due by", "Postponed to", "Answered on time", "late", "on time"),
        ),
    ],
)
async def test_exports_carry_the_due_day_the_later_day_and_whether_it_was_on_time(
    sotong: BotHarness,
    language: str,
    walk: tuple[str, ...],
    words: tuple[str, str, str, str, str],
) -> None:
    owner = await agreed_user(sotong, "민수")
    slow = await received(sotong, owner.id, kst(2026, 10, 26, 10))
    quick = await received(sotong, owner.id, kst(2026, 11, 18, 10))
    waiting = await received(sotong, owner.id, kst(2026, 11, 2, 10))
    admin = sotong.admin()
    await onboard(admin, language)
    for item in (slow, quick):
        await sotong.services.review.answer(item.id, "답변드립니다", actor_id=ADMIN_ID)
    await admin.send(f"/extend {waiting.receipt_code} 2026-12-20 관계 부처 협의 중")
    await admin.send("/export")
    for label in walk:
        await admin.tap(label)
    (document,) = [m for m in admin.transcript if m.attachment and m.attachment.kind == "document"]
    assert document.attachment is not None
    data = sotong.emulator.file_bytes(document.attachment.file_id).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    code_header = next(iter(rows[0]))
    by_code = {row[code_header]: row for row in rows}
    due, later, kept, late, on_time = words
    assert by_code[slow.receipt_code][kept] == late
    assert by_code[quick.receipt_code][kept] == on_time
    assert by_code[waiting.receipt_code][kept] == ""
    assert by_code[waiting.receipt_code][later] == "2026-12-20"
    assert by_code[quick.receipt_code][due] == str(quick.due_on)
