"""The kept figures (migration 0032's tallies) against a count from scratch after random changes.

Every writer that moves a figure is played in random order: intake, supports, status changes,
answers, merges, erasure, the retention purge and follow-ups. After each sequence the /stats
overview, the deadline and follow-up summaries and the burden table read from the tallies must
equal what reading every report gives, and each kept table must equal its regrouped rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.burden import BurdenTally
from domain.clock import FrozenClock
from domain.deadlines import DeadlineSummary, answered_on_time, due_date
from domain.export.burden import burden_entry
from domain.export.model import ExportFilter
from domain.follow_up import FollowUpDue, FollowUpResult, FollowUpSummary
from domain.review import ReviewError
from domain.stats import median
from domain.submissions import (
    OPEN_STATUSES,
    NewSubmission,
    ReportContent,
    SubmissionNotFoundError,
    SubmissionStatus,
    Visibility,
)
from domain.subscriptions import QuietHours
from handlers.deadline_texts import DeadlineListTexts
from handlers.notice_texts import OwnerNoticeTexts
from services.burden import BurdenService
from services.deadlines import DeadlineService
from services.stats import StatsService
from storage.admin_stats import StatsRepository
from storage.burden import BurdenRepository
from storage.database import Database
from storage.deadlines import DeadlineRepository
from storage.erasure import ErasureRepository
from storage.exports import ExportRepository
from storage.follow_ups import FollowUpRepository
from storage.merges import MergeRepository
from storage.migrations import discover_migrations
from storage.reference import ReferenceQueries
from storage.retention import PurgeBounds, RetentionRepository
from storage.submissions import SubmissionRepository

START = datetime(2026, 9, 1, 3, tzinfo=UTC)
KEPT = 32
"""The migration that keeps the figures."""
SEOUL = ZoneInfo("Asia/Seoul")
COUNTED = "hidden = 0 AND merged_into IS NULL AND deleted_at IS NULL"
CATEGORIES = ("ai_basic_act", "ai_copyright", "funding")
LAWS = (None, "저작권법 제35조의5", "저작권법 35조의5", "농지법", " ", "AI 기본법 제31조")

costs = st.none() | st.builds(
    lambda unit, period, low, extra: Cost(unit, period, low, low + extra),
    st.sampled_from(CostUnit),
    st.sampled_from(CostPeriod),
    st.integers(0, 5_000),
    st.integers(0, 3),
)
submit = st.tuples(
    st.just("submit"),
    st.integers(1, 4),
    st.sampled_from(CATEGORIES),
    st.sampled_from(LAWS),
    costs,
    costs,
    st.booleans(),
)
statuses = st.sampled_from(
    [SubmissionStatus.IN_REVIEW, SubmissionStatus.FORWARDED, SubmissionStatus.CLOSED]
)
operation = st.one_of(
    submit,
    st.tuples(st.just("status"), st.integers(0, 30), statuses),
    st.tuples(st.just("answer"), st.integers(0, 30)),
    st.tuples(st.just("reject"), st.integers(0, 30)),
    st.tuples(st.just("support"), st.integers(0, 30), st.integers(10, 14)),
    st.tuples(st.just("merge"), st.integers(0, 30), st.integers(0, 30)),
    st.tuples(st.just("erase"), st.integers(1, 4)),
    st.tuples(st.just("purge"), st.integers(0, 30)),
    st.tuples(st.just("follow_up"), st.integers(0, 30), st.sampled_from([None, *FollowUpResult])),
    st.tuples(st.just("later"), st.integers(1, 200)),
)


async def _play(
    path: Path, steps: list[tuple[object, ...]], zone: ZoneInfo, *, upgrade: bool = False
) -> None:
    """Play the steps, then compare; with `upgrade`, on the schema before 0032, then upgrade."""
    before = [m for m in discover_migrations() if m.version < KEPT] if upgrade else None
    database = await Database.open(path, before)
    clock = FrozenClock(START)
    try:
        ids: list[int] = []

        def pick(index: object) -> int | None:
            assert isinstance(index, int)
            return ids[index % len(ids)] if ids else None

        for step in steps:
            kind, *rest = step
            now = clock.now()
            if kind in {"erase", "later"}:
                await _erase_or_wait(database, clock, step)
                continue
            chosen = None if kind == "submit" else pick(rest[0])
            # A move the workflow refuses (a merged report, a closed one) changes nothing.
            with contextlib.suppress(ReviewError, SubmissionNotFoundError):
                await _apply(database, str(kind), rest, chosen, ids, now=now, zone=zone)
            clock.advance(timedelta(hours=7))
        if upgrade:
            await database.close()
            database = await Database.open(path)
        await _compare(database, clock, zone)
    finally:
        await database.close()


async def _apply(
    database: Database,
    kind: str,
    rest: list[object],
    chosen: int | None,
    ids: list[int],
    *,
    now: datetime,
    zone: ZoneInfo,
) -> None:
    submissions = SubmissionRepository(database)
    if kind == "submit":
        user, category, law, hours, won, anonymous = rest
        assert isinstance(user, int) and isinstance(category, str)
        assert law is None or isinstance(law, str)
        assert hours is None or isinstance(hours, Cost)
        assert won is None or isinstance(won, Cost)
        hours = hours if hours is None or hours.unit is CostUnit.HOURS else None
        won = won if won is None or won.unit is CostUnit.WON else None
        content = ReportContent(
            category_id=category,
            problem="과태료 기준이 불분명해요",
            law_or_rule=law,
            hours_cost=hours,
            won_cost=won,
        )
        new = NewSubmission(
            content=content,
            user_id=user,
            visibility=Visibility.ANONYMOUS if anonymous else Visibility.NAMED,
            submitter_name=None if anonymous else "김민수",
            submitter_username=None,
            language="ko",
            attachments=(),
            due_on=due_date(now, zone, 14),
        )
        ids.append((await submissions.create(new, year=2026, now=now)).id)
    elif chosen is None:
        return
    elif kind == "status":
        status = rest[1]
        assert isinstance(status, SubmissionStatus)
        await submissions.change_status(chosen, status, actor_id=1, note=None, now=now)
    elif kind == "answer":
        await submissions.set_answer(chosen, "검토했어요", actor_id=1, now=now)
    elif kind == "reject":
        await submissions.change_status(
            chosen, SubmissionStatus.REJECTED, actor_id=1, note="이유", now=now
        )
    elif kind == "support":
        user = rest[1]
        assert isinstance(user, int)
        await submissions.add_supporter(chosen, user, now=now)
    elif kind == "merge":
        original = ids[int(str(rest[1])) % len(ids)]
        if original != chosen:
            await MergeRepository(database).merge(
                chosen, original, actor_id=1, note="같은 내용", now=now
            )
    elif kind == "purge":
        await RetentionRepository(database).purge(
            [chosen], [], bounds=PurgeBounds(START, START), now=now
        )
    elif kind == "follow_up":
        repository = FollowUpRepository(database)
        due = FollowUpDue(chosen, "SV", None, "ko", now, private=True)
        await repository.ask([(due, None)], now=now)
        result = rest[1]
        if result is not None:
            assert isinstance(result, FollowUpResult)
            await database.execute(
                "UPDATE follow_ups SET result = ? WHERE submission_id = ?", (str(result), chosen)
            )


async def _erase_or_wait(database: Database, clock: FrozenClock, step: tuple[object, ...]) -> None:
    kind, value = step
    assert isinstance(value, int)
    if kind == "erase":
        await ErasureRepository(database).erase_user(value, now=clock.now())
    else:
        clock.advance(timedelta(hours=value))


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return sorted(connection.execute(sql).fetchall(), key=repr)


async def _compare(database: Database, clock: FrozenClock, zone: ZoneInfo) -> None:
    path = database.path
    # Each kept table equals its rows regrouped from scratch, with no row left at zero.
    assert _rows(path, "SELECT dimension, value, n FROM submission_tallies") == _rows(
        path,
        "SELECT dimension, value, COUNT(*) FROM submission_tally_rows GROUP BY dimension, value",
    )
    kept_burden = _rows(path, "SELECT * FROM burden_tallies")
    assert kept_burden == _rows(
        path,
        "SELECT law_or_rule, category_id, COUNT(*), SUM(supporters), COUNT(hours_month),"
        " COALESCE(SUM(hours_month), 0), COUNT(won_month), COALESCE(SUM(won_month), 0),"
        " COUNT(won_once), COALESCE(SUM(won_once), 0), COUNT(hours_once),"
        " COALESCE(SUM(hours_once), 0) FROM burden_rows GROUP BY law_or_rule, category_id",
    )
    assert not _rows(
        path,
        "SELECT id FROM submissions s WHERE supporters <>"
        " (SELECT COUNT(*) FROM submission_supporters p WHERE p.submission_id = s.id)",
    )
    # The services' figures equal the old reading of every report.
    stats = await StatsService(StatsRepository(database), clock, zone).overview()
    counted = _rows(
        path,
        f"SELECT status, category_id, region_id, company_size_id, created_at, answered_at"
        f" FROM submissions WHERE {COUNTED}",
    )
    assert stats.total == len(counted)
    for field, column in (("by_status", 0), ("by_category", 1), ("by_region", 2)):
        expected: dict[object, int] = {}
        for row in counted:
            expected[row[column]] = expected.get(row[column], 0) + 1
        assert dict(getattr(stats, field)) == expected
    delays = [
        datetime.fromisoformat(str(row[5])) - datetime.fromisoformat(str(row[4]))
        for row in counted
        if row[5] is not None
    ]
    assert stats.answered == len(delays)
    assert stats.median_time_to_answer == median(delays)

    deadline = await DeadlineService(
        DeadlineRepository(database),
        SubmissionRepository(database),
        ReferenceQueries(database),
        clock,
        lists=DeadlineListTexts(zone),
        notices=OwnerNoticeTexts(zone),
        zone=zone,
        days=14,
        admin_ids=frozenset(),
        quiet=QuietHours(0, 0),
        on_queued=lambda: None,
    ).summary()
    judged = on_time = answered = 0
    today = clock.now().astimezone(zone).date()
    open_statuses = {str(status) for status in OPEN_STATUSES}
    for status, due_on, replied_at in _rows(
        path, f"SELECT status, due_on, replied_at FROM submissions WHERE {COUNTED}"
    ):
        if due_on is None:
            continue
        due = datetime.fromisoformat(str(due_on)).date()
        if replied_at is not None:
            judged += 1
            answered += 1
            on_time += answered_on_time(due, datetime.fromisoformat(str(replied_at)), zone)
        elif status in open_statuses and due < today:
            judged += 1
    assert deadline == DeadlineSummary(judged, on_time, answered)

    follow_ups = await FollowUpRepository(database).summary()
    results = _rows(
        path,
        "SELECT f.result FROM follow_ups f JOIN submissions s ON s.id = f.submission_id"
        f" WHERE s.{COUNTED.replace(' AND ', ' AND s.')}",
    )
    expected_results: dict[FollowUpResult, int] = {}
    for (result,) in results:
        if result is not None:
            key = FollowUpResult(str(result))
            expected_results[key] = expected_results.get(key, 0) + 1
    assert follow_ups == FollowUpSummary(len(results), expected_results)

    exports = ExportRepository(database)
    burden = BurdenService(exports, BurdenRepository(database))

    def from_rows() -> BurdenTally:
        tally = BurdenTally(exports.law_aliases())
        rows = exports.rows(ExportFilter(), "ko")
        try:
            for row in rows:
                tally.add(burden_entry(row))
        finally:
            rows.close()
        return tally

    expected_table = (await asyncio.to_thread(from_rows)).table()
    kept_table = await burden.table(language="ko")
    assert kept_table == expected_table


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    steps=st.lists(operation, min_size=1, max_size=40),
    zone=st.sampled_from([SEOUL, ZoneInfo("America/New_York")]),
)
def test_kept_figures_equal_a_count_from_scratch(
    steps: list[tuple[object, ...]], zone: ZoneInfo
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_play(Path(folder) / "sotong.db", steps, zone))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(operation, min_size=1, max_size=40))
def test_upgrading_fills_the_kept_figures_from_the_rows_already_there(
    steps: list[tuple[object, ...]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_play(Path(folder) / "sotong.db", steps, SEOUL, upgrade=True))
