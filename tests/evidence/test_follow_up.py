"""Did it help? The question after FOLLOW_UP_DAYS, answers in both languages, /stats, exports."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from bot.evidence_jobs import FOLLOW_UP_JOB
from domain.bills import BillStage, BillStageEntry
from domain.export.model import ExportFilter, ExportFormat
from domain.follow_up import FollowUpResult, parse_new_cost
from tests.admin.support import onboard, open_label
from tests.delivery.support import add_bill, containing, kst
from tests.evidence.support import received, run_job
from tests.fixtures.app import ADMIN_ID, BotHarness
from tests.intake.flow import agreed_user


def test_new_cost_is_read_from_a_free_note() -> None:
    cost = parse_new_cost("이제 월 5시간정도, 30만원 들어요")
    assert (cost.hours_per_month, cost.won) == (5, 300_000)
    cost = parse_new_cost("about 3 hours and 200,000 won")
    assert (cost.hours_per_month, cost.won) == (3, 200_000)
    assert parse_new_cost("완전히 없어졌어요").hours_per_month is None


async def test_owners_are_asked_once_after_the_days_and_answers_reach_stats_and_exports(
    sotong: BotHarness, tmp_path: Path
) -> None:
    minsu = await agreed_user(sotong, "민수")
    jane = await agreed_user(sotong, "Jane", language="en")
    answered = await received(sotong, minsu.id, kst(2026, 11, 1, 10))
    await sotong.repositories.submissions.set_answer(
        answered.id, "시행령을 고치기로 했어요", actor_id=ADMIN_ID, now=kst(2026, 11, 21, 10)
    )
    linked = await received(sotong, jane.id, kst(2026, 11, 2, 10), anonymous=True, language="en")
    bill_id = await add_bill(sotong)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send(f"/link b{bill_id} {linked.receipt_code}")
    sotong.clock.set(kst(2026, 11, 24, 23))
    await sotong.services.content.add_stage(
        bill_id, BillStageEntry(BillStage.PROMULGATED, date(2026, 11, 24)), actor_id=ADMIN_ID
    )

    await run_job(sotong, FOLLOW_UP_JOB, kst(2027, 2, 18, 10))  # 89 days after the answer
    assert containing(minsu, "해결된 지") == []
    await run_job(sotong, FOLLOW_UP_JOB, kst(2027, 2, 19, 10))
    await run_job(sotong, FOLLOW_UP_JOB, kst(2027, 2, 19, 10, 5))
    (question,) = containing(minsu, "해결된 지 90일")
    assert answered.receipt_code in (question.text or "")
    assert containing(jane, "How has the burden changed") == []

    await minsu.tap("↘️ 줄었어요", message_id=question.message_id)
    assert "답을 기록했어요: ↘️ 줄었어요" in (minsu.reply().text or "")
    await minsu.send("이제 월 5시간, 30만원 정도예요")
    assert "새 비용: 월 5시간, 300,000원" in (minsu.reply().text or "")

    # The bill was recorded promulgated at 23:00 three days after the answer: Jane's question
    # is due 90 days later in the quiet hours, so it waits until 08:00.
    await run_job(sotong, FOLLOW_UP_JOB, kst(2027, 2, 23, 2))
    await run_job(sotong, FOLLOW_UP_JOB, kst(2027, 2, 23, 7, 59))
    assert containing(jane, "How has the burden changed") == []
    await run_job(sotong, FOLLOW_UP_JOB, kst(2027, 2, 23, 8))
    (question,) = containing(jane, "How has the burden changed")
    await jane.tap("✅ Gone", message_id=question.message_id)
    await jane.tap("Nothing to add")
    assert "Thank you for telling us" in (jane.reply().text or "")
    # Nobody answers for another owner's submission.
    follow_ups = sotong.services.follow_ups
    assert await follow_ups.answer(minsu.id, linked.id, FollowUpResult.WORSE) is None

    await minsu.send(f"/status {answered.receipt_code}")
    details = "\n".join(m.text or "" for m in minsu.replies())
    assert "해결 뒤 효과: ↘️ 줄었어요\n새 비용: 월 5시간, 300,000원" in details
    await admin.send(f"/search {linked.receipt_code}")
    await admin.tap(open_label(admin, linked.receipt_code))
    card = "\n".join(m.text or "" for m in admin.replies()[-3:])
    assert "해결 뒤 효과: ✅ 없어졌어요" in card

    await admin.send("/stats")
    stats = next(
        m.text or "" for m in reversed(admin.replies()) if "해결 뒤 효과" in (m.text or "")
    )
    assert "질문 2건 중 2건 응답, 부담이 없어짐 50% · 줄어듦 50% · 그대로 0% · 나빠짐 0%" in stats

    result = await sotong.services.exports.export(
        ExportFilter(),
        ExportFormat.JSON,
        actor_id=ADMIN_ID,
        language="en",
        directory=tmp_path,
        fit_upload_limit=False,
    )
    rows = json.loads(result.files[0].read_text(encoding="utf-8"))
    rows = rows["submissions"] if isinstance(rows, dict) else rows
    by_code = {row["receipt_code"]: row for row in rows}
    assert by_code[answered.receipt_code]["follow_up"] == "smaller"
    assert by_code[answered.receipt_code]["follow_up_hours"] == 5
    assert by_code[answered.receipt_code]["follow_up_won"] == 300_000
    assert by_code[linked.receipt_code]["follow_up"] == "gone"
    assert by_code[linked.receipt_code]["follow_up_note"] is None
