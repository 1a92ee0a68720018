"""The intake rules and repositories on a real SQLite file.

Drafts, submit, support, limits, status history, anonymity by construction, erasure.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.clock import FrozenClock
from domain.drafts import CompanyProfile, Draft, DraftIncompleteError, DraftStep
from domain.feedback_steps import Pick, Tap, first_missing
from domain.inputs import HELD_TEXT
from domain.intake import (
    SIMILAR_CANDIDATES,
    AmountError,
    AttachmentLimitError,
    ConsentRequiredError,
    DailyLimitReachedError,
    SupportError,
    TextLengthError,
)
from domain.similarity import search_terms
from domain.submissions import (
    Attachment,
    Submission,
    SubmissionFilter,
    SubmissionNotFoundError,
    SubmissionOrder,
    SubmissionStatus,
    Visibility,
)
from domain.subscriptions import QuietHours
from domain.users import User
from handlers.notice_texts import OwnerNoticeTexts
from services.draft_reminders import DraftReminders
from services.intake import IntakeService
from storage.database import Database
from storage.drafts import DraftRepository
from storage.erasure import ErasureRepository
from storage.inputs import InputRepository
from storage.outbox import OutboxRepository
from storage.submissions import SubmissionRepository
from storage.timestamps import to_db
from storage.users import UserRepository
from tests.intake.conftest import People

PROBLEM = "AI 학습데이터로 쓸 저작물마다 허락을 받는 것은 현실적으로 불가능합니다."


async def _a_pdf(_: int) -> bytes | None:
    return b"%PDF-1.4 quote"


async def _not_read(_: int) -> bytes | None:
    # Telegram re-encodes photos itself: their bytes are never fetched to be judged.
    raise AssertionError("a photo's bytes were read")


async def _complete_draft(
    intake: IntakeService,
    user: User,
    *,
    visibility: Visibility = Visibility.NAMED,
    problem: str = PROBLEM,
    category: str = "ai_copyright",
) -> Draft:
    draft = await intake.start_draft(user)
    draft = draft.with_category(category)
    draft = draft.answer(DraftStep.PROBLEM, problem)
    draft = draft.with_impact(4)
    draft = draft.with_profile(CompanyProfile("seoul", "small", "ict"))
    return (await intake.go(draft.with_visibility(visibility), DraftStep.REVIEW)).draft


async def _remembered(
    database: Database, drafts: DraftRepository, user_id: int
) -> CompanyProfile | None:
    """The company an owner's earlier reports offer back, as the intake reads it."""
    async with database.unit_of_work() as work:
        return (await drafts.remembered(work, user_id)).profile


async def _submit(intake: IntakeService, user: User, **kwargs: object) -> Submission:
    draft = await _complete_draft(intake, user, **kwargs)  # type: ignore[arg-type]
    return await intake.submit(user, draft)


async def test_every_answer_is_saved_and_survives_a_reopen(
    intake: IntakeService, drafts: DraftRepository, person: People
) -> None:
    user = await person(1, "민수")
    draft = await intake.start_draft(user)
    draft = draft.with_category("ai_copyright")
    draft = draft.answer(DraftStep.PROBLEM, f"  {PROBLEM}  ")
    draft = draft.with_law(None, unsure=True)
    draft = draft.answer(DraftStep.COST_WON, "월 120만원")
    await intake.go(draft, DraftStep.ATTACHMENTS)
    asked = await intake.attach(
        user.id, Attachment("f1", "u1", "document", "a.pdf", "application/pdf", 10), _a_pdf
    )
    assert asked is not None
    draft = asked.draft
    stored = await drafts.get(user.id)
    assert stored == draft
    assert stored is not None
    assert stored.content.problem == PROBLEM
    assert stored.content.law_unsure and stored.content.law_or_rule is None
    assert stored.content.won_cost == Cost(CostUnit.WON, CostPeriod.MONTH, 1_200_000, 1_200_000)
    assert stored.step is DraftStep.ATTACHMENTS
    assert first_missing(stored) is DraftStep.VISIBILITY


async def test_validation_refuses_and_keeps_the_draft(
    drafts: DraftRepository, intake: IntakeService, person: People
) -> None:
    user = await person(1, "민수")
    draft = await intake.start_draft(user)
    with pytest.raises(TextLengthError) as short:
        draft.answer(DraftStep.PROBLEM, "짧아요")
    assert not short.value.too_long and short.value.minimum == 10
    with pytest.raises(TextLengthError) as long:
        draft.answer(DraftStep.PROBLEM, "가" * 3501)
    assert long.value.too_long and long.value.length == 3501
    with pytest.raises(AmountError):
        draft.answer(DraftStep.COST_HOURS, "월 800")
    with pytest.raises(AmountError):
        draft.answer(DraftStep.COST_HOURS, "many")
    assert (await drafts.get(user.id)) == draft


async def test_at_most_five_attachments_and_duplicates_count_once(
    intake: IntakeService, person: People
) -> None:
    user = await person(1, "민수")
    await intake.start_draft(user)
    for index in range(5):
        asked = await intake.attach(
            user.id, Attachment(f"f{index}", f"u{index}", "photo"), _not_read
        )
    assert asked is not None
    draft = asked.draft
    again = await intake.attach(user.id, Attachment("f0", "u0", "photo"), _not_read)
    assert again is not None and again.draft == draft
    with pytest.raises(AttachmentLimitError):
        await intake.attach(user.id, Attachment("f9", "u9", "photo"), _not_read)
    draft = draft.without_attachments()
    assert draft.attachments == ()


async def test_submit_needs_consent_and_completeness(
    drafts: DraftRepository, intake: IntakeService, person: People, users: UserRepository
) -> None:
    user = await person(1, "민수")
    draft = await intake.start_draft(user)
    with pytest.raises(DraftIncompleteError) as missing:
        await intake.submit(user, draft)
    assert missing.value.step is DraftStep.CATEGORY
    draft = await _complete_draft(intake, user)
    declined = await users.decline_consent(user.id, now=datetime.now(UTC))
    with pytest.raises(ConsentRequiredError):
        await intake.submit(declined, draft)
    with pytest.raises(ConsentRequiredError):
        await intake.submit(None, draft)
    assert await drafts.get(user.id) == draft


async def test_submit_gives_yearly_receipt_codes_and_consumes_the_draft(
    intake: IntakeService,
    submissions: SubmissionRepository,
    person: People,
    clock: FrozenClock,
    *,
    drafts: DraftRepository,
    database: Database,
) -> None:
    first_user = await person(1, "민수")
    second_user = await person(2, "지영")
    first = await _submit(intake, first_user)
    second = await _submit(intake, second_user, visibility=Visibility.ANONYMOUS)
    assert (first.receipt_code, second.receipt_code) == ("SV-2026-000001", "SV-2026-000002")
    assert await drafts.get(first_user.id) is None
    remembered = await _remembered(database, drafts, first_user.id)
    assert remembered == CompanyProfile("seoul", "small", "ict")
    clock.set(datetime(2026, 12, 31, 15, 30, tzinfo=UTC))  # 1 January 2027, 00:30 in Seoul
    third = await _submit(intake, first_user)
    assert third.receipt_code == "SV-2027-000001"
    events = await submissions.events(first.id)
    assert [(e.status, e.actor_id) for e in events] == [(SubmissionStatus.RECEIVED, None)]


async def test_daily_limit_counts_the_local_calendar_day(
    intake: IntakeService, person: People, clock: FrozenClock
) -> None:
    user = await person(1, "민수")
    clock.set(datetime(2026, 11, 21, 15, 30, tzinfo=UTC))  # 22 Nov, 00:30 in Seoul
    for _ in range(3):
        await _submit(intake, user)
    with pytest.raises(DailyLimitReachedError) as hit:
        await intake.ensure_can_submit(user)
    assert hit.value.limit == 3
    clock.advance(timedelta(hours=23))  # still 22 Nov in Seoul
    with pytest.raises(DailyLimitReachedError):
        await intake.ensure_can_submit(user)
    clock.advance(timedelta(hours=1))  # 23 Nov, 00:30
    await intake.ensure_can_submit(user)


async def test_submit_checks_the_limit_again_and_keeps_the_draft(
    drafts: DraftRepository, intake: IntakeService, person: People
) -> None:
    user = await person(1, "민수")
    for _ in range(3):
        await _submit(intake, user)
    draft = await _complete_draft(intake, user)
    with pytest.raises(DailyLimitReachedError):
        await intake.submit(user, draft)
    assert await drafts.get(user.id) == draft


async def test_anonymous_identity_never_leaves_the_repository(
    intake: IntakeService, submissions: SubmissionRepository, person: People
) -> None:
    named_user = await person(1, "김민수")
    anonymous_user = await person(777, "이지영")
    named = await _submit(intake, named_user)
    anonymous = await _submit(intake, anonymous_user, visibility=Visibility.ANONYMOUS)
    assert named.submitter is not None and named.submitter.name == "김민수"
    listings = [
        await submissions.get(anonymous.id),
        await submissions.get_by_code(anonymous.receipt_code),
        *await submissions.list_filtered(),
        *(
            await submissions.similar_open(
                "ai_copyright",
                search_terms(anonymous.problem),
                reader_id=named_user.id,
                limit=20,
                window=100,
            )
        ).reports,
    ]
    for item in listings:
        assert item is not None
        if item.id == anonymous.id:
            assert item.submitter is None
            assert (
                "이지영" not in repr(item)
                and "user777" not in repr(item)
                and "777" not in repr(item)
            )
    # Delivery still works, and the owner still sees their own list.
    recipient = await submissions.recipient(anonymous.id)
    assert recipient is not None and recipient.user_id == anonymous_user.id
    owned = await submissions.list_for_owner(777, limit=5, offset=0)
    assert [s.id for s in owned] == [anonymous.id]


async def test_named_snapshot_is_not_stored_for_anonymous_rows(
    intake: IntakeService, database: Database, person: People
) -> None:
    user = await person(2, "이지영")
    anonymous = await _submit(intake, user, visibility=Visibility.ANONYMOUS)
    row = await database.fetch_one(
        "SELECT submitter_name, submitter_username FROM submissions WHERE id = ?", (anonymous.id,)
    )
    assert row is not None and tuple(row) == (None, None)


async def test_inbox_filters_pages_and_counts(
    intake: IntakeService, submissions: SubmissionRepository, person: People, clock: FrozenClock
) -> None:
    user = await person(1, "민수")
    created = []
    for category in ("ai_copyright", "funding", "ai_copyright"):
        created.append(await _submit(intake, user, category=category))
        clock.advance(timedelta(minutes=1))
    await submissions.change_status(
        created[0].id, SubmissionStatus.IN_REVIEW, actor_id=900001, note=None, now=clock.now()
    )
    received = SubmissionFilter(statuses=frozenset({SubmissionStatus.RECEIVED}))
    assert [s.id for s in await submissions.list_filtered(received)] == [
        created[1].id,
        created[2].id,
    ]
    by_category = SubmissionFilter(category_id="ai_copyright", order=SubmissionOrder.NEWEST)
    assert [s.id for s in await submissions.list_filtered(by_category)] == [
        created[2].id,
        created[0].id,
    ]
    assert await submissions.count_filtered(by_category) == 2
    assert await submissions.count_filtered(SubmissionFilter(region_id="busan")) == 0
    page = await submissions.list_filtered(SubmissionFilter(), limit=2, offset=2)
    assert [s.id for s in page] == [created[2].id]


async def test_status_changes_are_recorded_and_audited_together(
    intake: IntakeService,
    submissions: SubmissionRepository,
    database: Database,
    person: People,
    clock: FrozenClock,
) -> None:
    user = await person(1, "민수")
    submission = await _submit(intake, user)
    clock.advance(timedelta(hours=1))
    await submissions.change_status(
        submission.id,
        SubmissionStatus.FORWARDED,
        actor_id=900001,
        note="담당 부처 확인",
        now=clock.now(),
        forwarded_to="중소벤처기업부",
    )
    clock.advance(timedelta(days=2))
    await submissions.set_answer(
        submission.id, "검토 후 개선하겠습니다.", actor_id=900001, now=clock.now()
    )
    updated = await submissions.get(submission.id)
    assert updated is not None
    assert updated.status is SubmissionStatus.ANSWERED
    assert updated.forwarded_to == "중소벤처기업부"
    assert updated.answer_text == "검토 후 개선하겠습니다." and updated.answered_by == 900001
    history = await submissions.events(submission.id)
    assert [e.status for e in history] == [
        SubmissionStatus.RECEIVED,
        SubmissionStatus.FORWARDED,
        SubmissionStatus.ANSWERED,
    ]
    assert history[1].note == "담당 부처 확인" and history[1].actor_id == 900001
    audit = await database.fetch_all(
        "SELECT action, target_ids, details FROM audit_log ORDER BY id"
    )
    assert [row["action"] for row in audit] == ["submission.status", "submission.answer"]
    assert json.loads(audit[0]["target_ids"]) == [str(submission.id)]
    with pytest.raises(SubmissionNotFoundError):
        await submissions.change_status(
            9999, SubmissionStatus.CLOSED, actor_id=900001, note=None, now=clock.now()
        )


async def test_the_first_reply_is_stamped_for_the_statuses_the_domain_names(
    intake: IntakeService,
    database: Database,
    person: People,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Storage asks `SubmissionStatus.is_reply` which moves reply (and so meet the deadline)."""
    submissions = SubmissionRepository(database)

    async def replied_at(submission: Submission) -> object:
        return await database.fetch_value(
            "SELECT replied_at FROM submissions WHERE id = ?", (submission.id,)
        )

    async def move(submission: Submission, status: SubmissionStatus) -> None:
        clock.advance(timedelta(hours=1))
        await submissions.change_status(
            submission.id, status, actor_id=900001, note=None, now=clock.now()
        )

    rejected = await _submit(intake, await person(1, "민수"))
    await move(rejected, SubmissionStatus.FORWARDED)
    assert await replied_at(rejected) is None
    await move(rejected, SubmissionStatus.REJECTED)
    first = clock.now()
    await move(rejected, SubmissionStatus.CLOSED)
    assert await replied_at(rejected) == to_db(first)

    monkeypatch.setattr(
        SubmissionStatus, "is_reply", property(lambda status: status is SubmissionStatus.CLOSED)
    )
    closed = await _submit(intake, await person(2, "지영"))
    await move(closed, SubmissionStatus.REJECTED)
    assert await replied_at(closed) is None
    await move(closed, SubmissionStatus.CLOSED)
    assert await replied_at(closed) == to_db(clock.now())


async def test_me_too_rules(
    intake: IntakeService, submissions: SubmissionRepository, person: People, clock: FrozenClock
) -> None:
    owner = await person(1, "민수")
    supporter = await person(2, "지영")
    submission = await _submit(intake, owner)
    with pytest.raises(SupportError) as own:
        await intake.support(owner, submission.id, await intake.offer(owner.id, submission.id))
    assert own.value.reason == "own"
    supported = await intake.support(
        supporter, submission.id, await intake.offer(supporter.id, submission.id)
    )
    assert supported.supporters_count == 1
    with pytest.raises(SupportError) as again:
        await intake.support(
            supporter, submission.id, await intake.offer(supporter.id, submission.id)
        )
    assert again.value.reason == "already"
    with pytest.raises(SupportError) as missing:
        await intake.support(supporter, 9999, await intake.offer(supporter.id, 9999))
    assert missing.value.reason == "missing"
    with pytest.raises(ConsentRequiredError):
        await intake.support(None, submission.id, "A" * 11)
    await submissions.change_status(
        submission.id, SubmissionStatus.CLOSED, actor_id=900001, note=None, now=clock.now()
    )
    third = await person(3, "철수")
    with pytest.raises(SupportError) as closed:
        await intake.support(third, submission.id, await intake.offer(third.id, submission.id))
    assert closed.value.reason == "closed"
    assert await submissions.supporters_count(submission.id) == 1


async def test_similar_finds_open_submissions_of_the_category_but_not_ones_own(
    intake: IntakeService, person: People
) -> None:
    first = await person(1, "민수")
    second = await person(2, "지영")
    others = await _submit(intake, first, visibility=Visibility.ANONYMOUS)
    await _submit(intake, second)  # the user's own: never offered to them
    await _submit(intake, first, category="funding")
    draft = await _complete_draft(
        intake, second, problem="저작물마다 허락을 받아 AI 학습데이터로 쓰는 건 불가능해요"
    )
    similar = await intake.similar(draft)
    assert [match.submission_id for match in similar] == [others.id]
    await intake.support(second, others.id, await intake.offer(second.id, others.id))
    assert await intake.similar(draft) == []


async def test_similar_finds_the_same_problem_among_more_open_reports_than_it_reads(
    intake: IntakeService, person: People
) -> None:
    """Only SIMILAR_CANDIDATES are read and scored: the index must put the right one among them."""
    for number in range(SIMILAR_CANDIDATES + 5):
        owner = await person(100 + number, f"사장{number}")
        await _submit(
            intake,
            owner,
            problem=f"AI 학습 데이터 구매 비용이 너무 비싸요. 데이터셋 {number}번 가격이 올랐어요",
        )
    same = await _submit(
        intake,
        await person(1, "민수"),
        problem="뉴스 기사 저작권자마다 이용허락을 받을 수 없어서 TDM 면책 조항이 필요합니다",
    )
    draft = await _complete_draft(
        intake,
        await person(2, "지영"),
        problem="기사 저작권자에게 일일이 이용허락을 받을 수 없어요. TDM 면책이 있어야 해요",
    )
    assert [match.submission_id for match in await intake.similar(draft)] == [same.id]


async def test_the_search_looks_only_through_the_newest_open_reports_of_the_topic(
    intake: IntakeService, submissions: SubmissionRepository, person: People
) -> None:
    older = await _submit(intake, await person(1, "민수"))
    newer = await _submit(intake, await person(2, "지영"))
    terms = search_terms(PROBLEM)

    async def found(window: int) -> set[int]:
        reports = await submissions.similar_open(
            "ai_copyright", terms, reader_id=3, limit=20, window=window
        )
        return {report.id for report in reports.reports}

    assert await found(1) == {newer.id}
    assert await found(2) == {older.id, newer.id}


async def test_erasure_keeps_submissions_as_anonymous_records(
    intake: IntakeService,
    submissions: SubmissionRepository,
    erasure: ErasureRepository,
    users: UserRepository,
    *,
    drafts: DraftRepository,
    database: Database,
    person: People,
    clock: FrozenClock,
) -> None:
    user = await person(1, "민수")
    other = await person(2, "지영")
    named = await _submit(intake, user)
    others = await _submit(intake, other)
    await intake.support(user, others.id, await intake.offer(user.id, others.id))
    await intake.start_draft(user)
    report = await erasure.erase_user(user.id, now=clock.now())
    assert report.kept_receipt_codes == (named.receipt_code,)
    assert report.kept_supports == 1 and report.had_draft
    kept = await submissions.get(named.id)
    assert kept is not None
    assert kept.submitter is None and kept.visibility is Visibility.ANONYMOUS
    assert kept.deleted_at == clock.now() and kept.problem == PROBLEM
    assert await submissions.recipient(named.id) is None
    assert await submissions.count_for_owner(user.id) == 0
    assert await submissions.supporters_count(others.id) == 1
    assert await users.get(user.id) is None
    assert await drafts.get(user.id) is None
    assert await _remembered(database, drafts, user.id) is None


async def test_idle_drafts_get_one_reminder_queued_with_the_mark(
    intake: IntakeService,
    person: People,
    clock: FrozenClock,
    database: Database,
    drafts: DraftRepository,
) -> None:
    wakes: list[None] = []
    reminders = DraftReminders(
        DraftRepository(database),
        UserRepository(database),
        clock,
        notices=OwnerNoticeTexts(ZoneInfo("Asia/Seoul")),
        zone=ZoneInfo("Asia/Seoul"),
        quiet_hours=QuietHours.parse("off"),
        on_queued=lambda: wakes.append(None),
    )
    user = await person(1, "민수")
    await intake.start_draft(user)
    clock.advance(timedelta(hours=23, minutes=59))
    assert await reminders.remind_idle() == 0
    clock.advance(timedelta(minutes=1))
    assert await reminders.remind_idle() == 1
    clock.advance(timedelta(days=3))
    assert await reminders.remind_idle() == 0
    assert len(wakes) == 1
    (progress,) = await OutboxRepository(database).progress()
    assert (progress.kind, progress.pending, progress.recipients) == ("reminder", 1, 1)
    draft = await drafts.get(user.id)
    assert draft is not None and draft.reminded_at is not None


async def test_recipients_for_related_news(
    intake: IntakeService, submissions: SubmissionRepository, person: People
) -> None:
    first = await person(1, "민수")
    second = await person(2, "지영", language="en")
    await _submit(intake, first)
    await _submit(intake, first)
    await _submit(intake, second, category="funding", visibility=Visibility.ANONYMOUS)
    recipients = await submissions.recipients_in_categories(["ai_copyright", "funding"])
    assert [(r.user_id, r.language) for r in recipients] == [(1, "ko"), (2, "en")]
    assert await submissions.recipients_in_categories([]) == []


async def _asking_the_problem(intake: IntakeService, user: User) -> None:
    draft = await intake.start_draft(user)
    await intake.go(draft.with_category("ai_copyright"), DraftStep.PROBLEM)


async def test_one_call_stores_a_typed_answer_and_saves_the_next_step(
    intake: IntakeService, drafts: DraftRepository, person: People
) -> None:
    user = await person(1, "민수")
    await _asking_the_problem(intake, user)
    asked = await intake.answer(user.id, DraftStep.PROBLEM, f"  {PROBLEM}  ")
    assert asked is not None and asked.draft.step is DraftStep.READY
    stored = await drafts.get(user.id)
    assert stored is not None and stored.step is DraftStep.READY
    assert stored.content.problem == PROBLEM and stored.visibility is Visibility.ANONYMOUS
    more = await intake.answer(user.id, DraftStep.READY, "해외 기업은 이미 쓰고 있어요.")
    assert more is not None and more.draft.step is DraftStep.READY
    assert more.draft.content.problem == f"{PROBLEM}\n\n해외 기업은 이미 쓰고 있어요."


def _count_calls(database: Database, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each call the service waits on the database for (a read, a write, a transaction)."""
    calls: list[str] = []
    for name in ("fetch_all", "execute", "transaction", "search"):
        method = getattr(database, name)

        def counted(*args: object, _name: str = name, _method: Any = method, **kw: object) -> Any:
            calls.append(_name)
            return _method(*args, **kw)

        monkeypatch.setattr(database, name, counted)
    return calls


async def test_a_typed_answer_is_read_decided_and_saved_in_one_unit_of_work(
    intake: IntakeService,
    database: Database,
    person: People,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user = await person(1, "민수")
    await _asking_the_problem(intake, user)
    await intake.answer(user.id, DraftStep.PROBLEM, PROBLEM)
    await intake.choose(user.id, DraftStep.READY, Tap(Pick.DETAILS))
    calls = _count_calls(database, monkeypatch)
    asked = await intake.answer(user.id, DraftStep.LAW, "저작권법 제35조의5")
    assert asked is not None and asked.draft.step is DraftStep.PROPOSAL
    assert calls == ["transaction"]
    calls.clear()
    tapped = await intake.choose(user.id, DraftStep.PROPOSAL, Tap(Pick.SKIP))
    assert tapped is not None and tapped.draft.step is DraftStep.IMPACT
    assert calls == ["transaction"]


async def test_a_typed_answer_for_a_step_left_behind_stores_nothing(
    intake: IntakeService, drafts: DraftRepository, person: People
) -> None:
    user = await person(1, "민수")
    await _asking_the_problem(intake, user)
    asked = await intake.answer(user.id, DraftStep.LAW, "저작권법")
    assert asked is not None and asked.draft.step is DraftStep.PROBLEM
    stored = await drafts.get(user.id)
    assert stored is not None and stored.content.law_or_rule is None
    with pytest.raises(TextLengthError):
        await intake.answer(user.id, DraftStep.PROBLEM, "짧아요")
    assert await intake.answer(2, DraftStep.PROBLEM, PROBLEM) is None


async def test_loose_text_becomes_a_report_in_one_unit_of_work_within_the_rules(
    *,
    intake: IntakeService,
    drafts: DraftRepository,
    database: Database,
    person: People,
    users: UserRepository,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stranger = await users.touch(9, "ko", clock.now())
    with pytest.raises(ConsentRequiredError):
        await intake.report_from(stranger, PROBLEM)
    assert await drafts.get(9) is None

    user = await person(1, "민수")
    calls = _count_calls(database, monkeypatch)
    asked = await intake.report_from(user, PROBLEM)
    assert calls == ["transaction"]
    assert asked is not None and asked.draft.step is DraftStep.CATEGORY
    assert asked.draft.content.problem == PROBLEM
    # The draft holds a problem now: another text is for its open question, nothing stored.
    assert await intake.report_from(user, "다른 문장이 하나 더 있어요, 이것도 문제예요.") is None
    stored = await drafts.get(user.id)
    assert stored is not None and stored.content.problem == PROBLEM

    chose = await person(2, "지영")
    await intake.go(await intake.start_draft(chose), DraftStep.CATEGORY)
    await intake.choose(chose.id, DraftStep.CATEGORY, Tap(Pick.CHOOSE, "ai_copyright"))
    past_topic = await intake.report_from(chose, PROBLEM)
    assert past_topic is not None and past_topic.draft.step is DraftStep.READY

    busy = await person(3, "수진")
    for _ in range(3):
        await _submit(intake, busy)
    with pytest.raises(DailyLimitReachedError):
        await intake.report_from(busy, PROBLEM)
    assert await drafts.get(busy.id) is None
    wordy = await person(4, "하늘")
    with pytest.raises(TextLengthError):
        await intake.report_from(wordy, "x" * 5000)
    assert await drafts.get(wordy.id) is None


async def test_a_sentence_offered_back_is_taken_once_by_its_own_offer(
    *,
    intake: IntakeService,
    drafts: DraftRepository,
    database: Database,
    person: People,
    clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    user = await person(1, "민수")
    await intake.report_from(user, PROBLEM)
    inputs = InputRepository(database)
    await inputs.hold(
        user.id,
        HELD_TEXT,
        {"text": "해외 기업은 이미 쓰고 있어요.", "message_id": 7},
        now=clock.now(),
    )
    assert await intake.answer_offer(user.id, 6, add=True) is None  # an older offer's tap
    calls = _count_calls(database, monkeypatch)
    answered = await intake.answer_offer(user.id, 7, add=True)
    assert calls == ["transaction"]
    assert answered is not None and answered.added and answered.too_long is None
    assert answered.question is not None
    assert answered.question.draft.step is DraftStep.CATEGORY
    stored = await drafts.get(user.id)
    assert stored is not None
    assert stored.content.problem == f"{PROBLEM}\n\n해외 기업은 이미 쓰고 있어요."
    assert await intake.answer_offer(user.id, 7, add=True) is None  # taken once

    await inputs.hold(user.id, HELD_TEXT, {"text": "y" * 5000, "message_id": 8}, now=clock.now())
    refused = await intake.answer_offer(user.id, 8, add=True)
    assert refused is not None and not refused.added and refused.too_long is not None
    kept = await drafts.get(user.id)
    assert kept is not None and kept.content.problem == stored.content.problem
