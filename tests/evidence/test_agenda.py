"""Agenda and outcomes end to end: link from the card and in bulk, owners told once, the agenda."""

from __future__ import annotations

from datetime import date

from domain.bills import BillStage, BillStageEntry
from tests.admin.support import onboard, open_label
from tests.delivery.support import add_bill, add_meeting, containing, kst
from tests.evidence.support import received, run_agenda
from tests.fixtures.app import ADMIN_ID, BotHarness
from tests.intake.flow import agreed_user

OUTCOME = "TDM 면책 조항을 관계 부처와 함께 검토하기로 했어요."


async def test_linked_owners_hear_scheduled_held_and_bill_stages_exactly_once(
    sotong: BotHarness,
) -> None:
    minsu = await agreed_user(sotong, "민수")
    jane = await agreed_user(sotong, "Jane", language="en")
    named = await received(sotong, minsu.id, kst(2026, 11, 18, 10))
    anonymous = await received(
        sotong, jane.id, kst(2026, 11, 19, 10), anonymous=True, language="en"
    )
    unlinked = await received(sotong, minsu.id, kst(2026, 11, 20, 10))
    meeting = await add_meeting(sotong, kst(2026, 12, 3, 14))
    admin = sotong.admin()
    await onboard(admin)

    # From the card: link one submission to the meeting.
    await admin.send("/inbox")
    await admin.tap(open_label(admin, named.receipt_code))
    await admin.tap("🔗 회의·법안 연결")
    await admin.tap("🗓 중소·벤처 AI 정책협의회")
    assert "연결했어요" in (admin.reply().text or "")
    # In bulk: the same one again, the anonymous one, and a code that does not exist.
    await admin.send(
        f"/link m{meeting.id} {named.receipt_code} {anonymous.receipt_code} SV-2026-999999"
    )
    reply = admin.reply().text or ""
    assert "2건을 연결했어요 (새로 1건)" in reply and "SV-2026-999999" in reply

    await run_agenda(sotong)
    await run_agenda(sotong)
    (ko,) = containing(minsu, "회의 안건으로 올라갔어요")
    assert named.receipt_code in (ko.text or "") and unlinked.receipt_code not in (ko.text or "")
    assert "2026년 12월 3일 (목) 오후 2시" in (ko.text or "")
    (en,) = containing(jane, "is on a meeting's agenda")
    assert anonymous.receipt_code in (en.text or "") and named.receipt_code not in (en.text or "")
    assert "김민수" not in (en.text or "")

    await sotong.services.content.mark_held(meeting.id, OUTCOME, language="ko", actor_id=ADMIN_ID)
    await run_agenda(sotong)
    await run_agenda(sotong)
    (held,) = containing(minsu, "회의가 열렸어요")
    assert OUTCOME in (held.text or "")
    (held,) = containing(jane, "was held")
    assert OUTCOME in (held.text or "")  # the outcome as recorded, in Korean only
    assert len(containing(minsu, "회의 안건으로 올라갔어요")) == 1

    # A bill: its stage at linking time is old news; each later stage is told once.
    bill_id = await add_bill(sotong)
    await admin.send(f"/link b{bill_id} {anonymous.receipt_code}")
    await run_agenda(sotong)
    assert containing(jane, "bill addressing") == []
    await sotong.services.content.add_stage(
        bill_id, BillStageEntry(BillStage.REFERRED, date(2026, 11, 23)), actor_id=ADMIN_ID
    )
    await run_agenda(sotong)
    await run_agenda(sotong)
    (moved,) = containing(jane, "bill addressing")
    assert "Act on the Promotion of AI Utilization by SMEs" in (moved.text or "")
    assert containing(minsu, "법안이 진행됐어요") == []


async def test_the_agenda_lists_linked_submissions_with_their_burden(sotong: BotHarness) -> None:
    owner = await agreed_user(sotong, "민수")
    first = await received(sotong, owner.id, kst(2026, 11, 18, 10))
    second = await received(sotong, owner.id, kst(2026, 11, 19, 10), anonymous=True)
    meeting = await add_meeting(sotong, kst(2026, 12, 3, 14))
    admin = sotong.admin()
    await onboard(admin)
    await admin.send(f"/link m{meeting.id} {first.receipt_code} {second.receipt_code}")

    await admin.send("/agenda")
    await admin.tap(f"🗓 중소·벤처 AI 정책협의회 (m{meeting.id})")
    text = admin.reply().text or ""
    assert "연결된 의견 2건" in text
    assert "월 20시간 합계, 의견당 중앙값 10시간 · 월 200만원 합계, 의견당 중앙값 100만원" in text
    assert first.receipt_code in text and second.receipt_code in text
    assert "김민수" not in text
    await admin.send("/agenda m999")
    assert "찾지 못했어요" in (admin.reply().text or "")

    await admin.send("/inbox")
    await admin.tap(open_label(admin, first.receipt_code))
    card = "\n".join(m.text or "" for m in admin.replies()[-3:])
    assert f"🔗 연결: 중소·벤처 AI 정책협의회 (m{meeting.id})" in card
