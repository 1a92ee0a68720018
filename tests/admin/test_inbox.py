"""/inbox end to end: listing, filters, opening, moves, answers, duplicates, restarts."""

from __future__ import annotations

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.submissions import Attachment, SubmissionStatus
from tests.admin.support import all_text, onboard, open_label, submit
from tests.fixtures.app import ADMIN_ID, BotHarness


async def test_inbox_lists_new_and_in_review_newest_first_with_paging(sotong: BotHarness) -> None:
    codes = [
        (
            await submit(sotong, 5000 + n, problem=f"{n}번째 애로 사항입니다, 내용이 충분히 깁니다")
        ).receipt_code
        for n in range(10)
    ]
    closed = await submit(sotong, 6000, problem="이미 종결된 애로 사항입니다 정말로요")
    await sotong.repositories.submissions.change_status(
        closed.id, SubmissionStatus.CLOSED, actor_id=None, note=None, now=sotong.clock.now()
    )
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    page = admin.reply()
    text = page.text or ""
    assert "10건 · 1/3쪽" in text and "최신 순" in text
    assert text.index(codes[9]) < text.index(codes[6])
    assert codes[5] not in text and closed.receipt_code not in text
    await admin.tap("다음 ▶️")
    await admin.tap("다음 ▶️")
    text = admin.reply().text or ""
    assert codes[1] in text and codes[0] in text and codes[9] not in text
    await admin.tap("◀️ 이전")
    await admin.tap("◀️ 이전")
    assert codes[9] in (admin.reply().text or "")


async def test_inbox_sorts_oldest_most_supported_and_costliest(sotong: BotHarness) -> None:
    cheap = await submit(
        sotong, 5001, problem="비용이 작은 애로 사항이에요, 충분히 깁니다", won_cost=None
    )
    supported = await submit(sotong, 5002, problem="공감이 많은 애로 사항이에요, 충분히 깁니다")
    for supporter in (5101, 5102):
        await sotong.repositories.submissions.add_supporter(
            supported.id, supporter, now=sotong.clock.now()
        )
    costly = await submit(
        sotong,
        5003,
        problem="비용이 큰 애로 사항이에요, 충분히 깁니다",
        won_cost=Cost(CostUnit.WON, CostPeriod.MONTH, 900_000_000, 900_000_000),
    )
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    expected = {
        "오래된 순": [cheap, supported, costly],
        "공감 많은 순": [supported, costly, cheap],
        "비용 큰 순": [costly, supported, cheap],
        "최신 순": [costly, supported, cheap],
    }
    for label, order in expected.items():
        await admin.tap("↕️ 정렬")
        await admin.tap(label)
        text = admin.reply().text or ""
        assert label in text
        positions = [text.index(item.receipt_code) for item in order]
        assert positions == sorted(positions), label


async def test_inbox_filters_by_category_region_and_status(sotong: BotHarness) -> None:
    seoul = await submit(sotong, 5001, category_id="ai_copyright", region_id="seoul")
    busan = await submit(sotong, 5002, category_id="ai_copyright", region_id="busan")
    other = await submit(sotong, 5003, category_id="funding", region_id="busan")
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap("🔎 분야")
    await admin.tap("AI 학습데이터·저작권 (TDM)")
    text = admin.reply().text or ""
    assert seoul.receipt_code in text and busan.receipt_code in text
    assert other.receipt_code not in text
    await admin.tap("🔎 지역")
    await admin.tap("부산")
    text = admin.reply().text or ""
    assert busan.receipt_code in text and seoul.receipt_code not in text
    await admin.tap("🔎 상태")
    await admin.tap("반려")
    assert "조건에 맞는 의견이 없어요" in (admin.reply().text or "")
    await admin.tap("↺ 필터 초기화")
    text = admin.reply().text or ""
    assert all(s.receipt_code in text for s in (seoul, busan, other))


async def test_open_shows_identity_only_for_named_submissions(sotong: BotHarness) -> None:
    named = await submit(sotong, 5001, name="홍길동", username="gildong")
    anonymous = await submit(sotong, 5002, anonymous=True, name="비밀사장", username="secret_boss")
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, named.receipt_code))
    detail = "\n".join(m.text or "" for m in admin.replies())
    assert "제출자: 홍길동 @gildong" in detail
    assert "AI 기본법 과태료 기준" in detail and "유예 기간" in detail
    assert "처리 이력" in detail and "공감 0명" in detail
    assert "어려움 정도: 4/5 · 비용: 월 20시간 · 한 번에 300만원" in detail
    await admin.send("/inbox")
    await admin.tap(open_label(admin, anonymous.receipt_code))
    detail = "\n".join(m.text or "" for m in admin.replies())
    assert "익명 (신원 비공개)" in detail
    everything = all_text(admin)
    assert "비밀사장" not in everything and "secret_boss" not in everything
    assert "5002" not in everything


async def test_a_card_without_costs_says_so_once(sotong: BotHarness) -> None:
    quiet = await submit(sotong, 5003, hours_cost=None, won_cost=None)
    ranged = await submit(
        sotong,
        5004,
        hours_cost=None,
        won_cost=Cost(CostUnit.WON, CostPeriod.YEAR, 2_000_000, 3_000_000),
    )
    admin = sotong.admin()
    await onboard(admin, "en")
    await admin.send("/inbox")
    await admin.tap(open_label(admin, quiet.receipt_code))
    detail = "\n".join(m.text or "" for m in admin.replies())
    assert "Impact: 4/5 · Cost: Not given" in detail
    assert "hours a month" not in detail and "KRW" not in detail
    await admin.send("/inbox")
    await admin.tap(open_label(admin, ranged.receipt_code))
    detail = "\n".join(m.text or "" for m in admin.replies())
    assert "Cost: ₩2,000,000–3,000,000 a year" in detail


async def test_open_resends_evidence_by_file_id(sotong: BotHarness) -> None:
    owner = sotong.user("사장님")
    await onboard(owner)
    uploaded = await owner.upload_document(
        b"%PDF-1.4 evidence", "고지서.pdf", mime_type="application/pdf"
    )
    assert uploaded.attachment is not None
    evidence = Attachment(
        file_id=uploaded.attachment.file_id,
        file_unique_id=uploaded.attachment.file_unique_id,
        kind="document",
        file_name="고지서.pdf",
        mime_type="application/pdf",
        file_size=uploaded.attachment.file_size,
    )
    submission = await submit(sotong, owner.id, attachments=(evidence,))
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, submission.receipt_code))
    documents = [m.attachment for m in admin.replies() if m.attachment is not None]
    assert [d.file_unique_id for d in documents] == [evidence.file_unique_id]
    assert "증빙 1건" in all_text(admin)


async def test_moves_and_answer_reach_the_submitter_in_their_language_and_are_audited(
    sotong: BotHarness,
) -> None:
    owner = sotong.user("Jane", language_code="en")
    await onboard(owner, "en")
    submission = await submit(sotong, owner.id, language="en")
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, submission.receipt_code))
    await admin.tap("🔎 검토 시작")
    assert "검토 중. 제출자에게 보낼 알림을 발송 대기열에" in (admin.reply().text or "")
    await sotong.delivered()
    assert "In review" in (owner.reply().text or "")

    await admin.tap("📨 부처 전달")
    assert "부처 이름을 입력" in (admin.reply().text or "")
    await admin.send("중소벤처기업부")
    assert "부처 전달" in (admin.reply().text or "")
    await sotong.delivered()
    assert "중소벤처기업부" in (owner.reply().text or "")

    await admin.tap("✍️ 답변 작성")
    answer = "과태료 유예 기간 1년을 검토하겠습니다. <b>감사합니다</b> & 좋은 하루"
    await admin.send(answer)
    assert "미리 보기" in (admin.reply().text or "")
    await admin.tap("📤 보내기")
    assert "답변 완료" in (admin.reply().text or "")
    await sotong.delivered()
    told = "\n".join(m.text or "" for m in owner.replies())
    assert "Official answer" in told and answer in told
    stored = await sotong.services.submissions.get(submission.id)
    assert stored is not None and stored.answer_text == answer
    assert stored.forwarded_to == "중소벤처기업부"

    entries = await sotong.services.audit.latest(10)
    actions = [(e.action, e.actor_id) for e in entries]
    assert ("submission.answer", ADMIN_ID) in actions
    assert actions.count(("submission.status", ADMIN_ID)) == 2
    await admin.send("/audit")
    audit = admin.reply().text or ""
    assert (
        "공식 답변" in audit
        and "상태 변경" in audit
        and f"{admin.info.first_name} · 공식 답변" in audit
    )


async def test_reject_needs_a_reason_and_close_is_immediate(sotong: BotHarness) -> None:
    owner = sotong.user("민수")
    await onboard(owner)
    first = await submit(sotong, owner.id)
    second = await submit(sotong, owner.id)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, first.receipt_code))
    await admin.tap("⛔ 반려")
    await admin.send_sticker()
    assert "글로 입력해 주세요" in (admin.reply().text or "")
    await admin.send("소관 밖의 사안입니다")
    assert "반려" in (admin.reply().text or "")
    await sotong.delivered()
    assert "소관 밖의 사안입니다" in (owner.reply().text or "")
    await admin.send("/inbox")
    await admin.tap(open_label(admin, second.receipt_code))
    await admin.tap("🗂 종결")
    assert "종결" in (admin.reply().text or "")
    stored = await sotong.services.submissions.get(second.id)
    assert stored is not None and stored.status is SubmissionStatus.CLOSED


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("ko", "반려 사유: 소관 밖의 사안이에요"),
        ("en", "Reason for rejection: 소관 밖의 사안이에요"),
    ],
)
async def test_a_rejection_reason_is_named_as_such(
    sotong: BotHarness, language: str, label: str
) -> None:
    """The owner's notice, their /status history and the inbox's history all say 반려 사유."""
    owner = sotong.user("민수")
    await onboard(owner, language)
    submission = await submit(sotong, owner.id)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, submission.receipt_code))
    await admin.tap("⛔ 반려")
    await admin.send("소관 밖의 사안이에요")
    await sotong.delivered()
    assert label in (owner.reply().text or "")
    await owner.send(f"/status {submission.receipt_code}")
    assert label in "\n".join(m.text or "" for m in owner.replies())
    await admin.send("/inbox")
    await admin.tap("🔎 상태")
    await admin.tap("반려")
    await admin.tap(open_label(admin, submission.receipt_code))
    assert "— 반려 사유: 소관 밖의 사안이에요" in (admin.reply().text or "")


async def test_too_long_answer_is_refused_and_cancel_changes_nothing(sotong: BotHarness) -> None:
    submission = await submit(sotong, 5001)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, submission.receipt_code))
    await admin.tap("✍️ 답변 작성")
    await admin.send("가" * 3600)
    assert "3500자 이하로" in (admin.reply().text or "")
    await admin.send("/cancel")
    assert "취소했어요" in (admin.reply().text or "")
    stored = await sotong.services.submissions.get(submission.id)
    assert stored is not None and stored.status is SubmissionStatus.RECEIVED
    assert await sotong.services.forms.open_question(ADMIN_ID) is None


async def test_typed_answer_survives_a_restart(sotong: BotHarness) -> None:
    submission = await submit(sotong, 5001)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, submission.receipt_code))
    await admin.tap("✍️ 답변 작성")
    await sotong.restart()
    await admin.send("재시작 뒤에도 답변이 저장됩니다")
    await sotong.restart()
    await admin.tap("📤 보내기")
    stored = await sotong.services.submissions.get(submission.id)
    assert stored is not None and stored.answer_text == "재시작 뒤에도 답변이 저장됩니다"


async def test_duplicate_moves_supporters_and_submitter_and_tells_both(sotong: BotHarness) -> None:
    first_owner = sotong.user("원제안자")
    second_owner = sotong.user("Second", language_code="en")
    await onboard(first_owner)
    await onboard(second_owner, "en")
    original = await submit(sotong, first_owner.id)
    duplicate = await submit(sotong, second_owner.id, language="en")
    repository = sotong.repositories.submissions
    await repository.add_supporter(duplicate.id, 7001, now=sotong.clock.now())
    await repository.add_supporter(duplicate.id, 7002, now=sotong.clock.now())
    await repository.add_supporter(original.id, 7002, now=sotong.clock.now())
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, duplicate.receipt_code))
    await admin.tap("🔗 중복 표시")
    await admin.send(duplicate.receipt_code)
    assert "자기 자신의 중복" in (admin.reply().text or "")
    await admin.send("sv-2026-99")
    assert "해당하는 의견이 없어요" in (admin.reply().text or "")
    await admin.send(original.receipt_code.lower())
    # Every voice counts, 7002's twice (one per report), so no figure depends on who is who.
    assert "공감 3명이 더해져 4명" in (admin.reply().text or "")
    assert await repository.supporters_count(original.id) == 4
    assert await repository.supporters_count(duplicate.id) == 0
    assert await repository.has_supported(original.id, second_owner.id)
    assert await repository.has_supported(original.id, 7002)
    merged = await repository.get(duplicate.id)
    assert merged is not None and merged.merged_into == original.id
    await sotong.delivered()
    assert "handled together" in (second_owner.reply().text or "")
    assert "공감이 3명" in (first_owner.reply().text or "")
    entries = await sotong.services.audit.latest(5)
    assert entries[0].action == "submission.merge"
    assert entries[0].target_ids == (str(duplicate.id), str(original.id))
    await admin.send("/inbox")
    assert duplicate.receipt_code not in (admin.reply().text or "")


async def test_a_submission_whose_submitter_erased_their_data_can_still_be_answered(
    sotong: BotHarness,
) -> None:
    owner = sotong.user("민수")
    await onboard(owner)
    submission = await submit(sotong, owner.id, name="홍길동", username="gildong")
    await sotong.services.accounts.erase(owner.id)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, submission.receipt_code))
    detail = "\n".join(m.text or "" for m in admin.replies())
    assert "익명 (신원 비공개)" in detail and "홍길동" not in detail
    await admin.tap("✍️ 답변 작성")
    await admin.send("검토하여 개선하겠습니다")
    await admin.tap("📤 보내기")
    # Anonymised now, so it reads as every anonymous report does, reachable or not.
    assert "연락이 닿는지는 알려 드리지 않아요" in (admin.reply().text or "")
    await admin.send("/export")
    for label in (
        "JSON",
        "전체 기간",
        "전체",
        "전체",
        "전체",
        "연락처 포함 (기록됨)",
        "현재 기록만",
    ):
        await admin.tap(label)
    document = next(m for m in reversed(admin.transcript) if m.attachment)
    assert document.attachment is not None
    assert sotong.emulator.file_bytes(document.attachment.file_id).strip() == b"[\n]"
