"""Each rule storage evaluates in SQL agrees with the domain's rule over a matrix of cases.

The fragments of `storage/domain_sql.py` run in SQLite against values a Python rule judges
too; a rule changed on one side and not the other fails here.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.burden import yearly
from domain.content import LocalizedText
from domain.deadlines import answered_on_time
from domain.meetings import LISTED_AFTER_END, Meeting, MeetingKind, MeetingStatus
from domain.submissions import OPEN_STATUSES, SubmissionStatus
from storage.database import Database
from storage.domain_sql import (
    ANSWERED_LATE,
    ANSWERED_ON_TIME,
    on_time_label,
    one_of,
    upcoming_meeting,
    yearly_cost,
)
from storage.timestamps import to_db

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


@pytest.fixture
def sql() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    yield connection
    connection.close()


def test_yearly_cost_is_the_domains_yearly_figure_and_ranks_alike(
    sql: sqlite3.Connection,
) -> None:
    costs = [
        Cost(CostUnit.WON, period, low, high)
        for period in CostPeriod
        for low, high in [(0, 0), (1, 2), (7, 7), (10_000, 30_001), (999_999_999, 1_000_000_000)]
    ]
    expression = yearly_cost("?1", "?2", "?3")
    found = [
        sql.execute(f"SELECT {expression}", (c.low, c.high, str(c.period))).fetchone()[0]
        for c in costs
    ]
    for cost, value in zip(costs, found, strict=True):
        assert value == pytest.approx(float(yearly(cost)), rel=1e-12), cost
    by_sql = sorted(range(len(costs)), key=lambda n: (-found[n], n))
    by_domain = sorted(range(len(costs)), key=lambda n: (-yearly(costs[n]), n))
    assert by_sql == by_domain


def test_a_cost_not_given_has_no_yearly_figure(sql: sqlite3.Connection) -> None:
    expression = yearly_cost("?1", "?2", "?3")
    assert sql.execute(f"SELECT {expression}", (None, None, None)).fetchone()[0] is None


def _local_day_sql(sql: sqlite3.Connection, replied_at: datetime, zone: ZoneInfo) -> str:
    """The reply's local day as the export computes it: the stored text shifted by its offset."""
    offset = replied_at.astimezone(zone).utcoffset()
    assert offset is not None
    shift = f"{int(offset.total_seconds()):+d} seconds"
    day = sql.execute("SELECT date(substr(?, 1, 19), ?)", (to_db(replied_at), shift)).fetchone()
    return str(day[0])


@pytest.mark.parametrize("zone", ["Asia/Seoul", "UTC", "America/New_York", "Pacific/Kiritimati"])
def test_the_on_time_code_agrees_with_answered_on_time(sql: sqlite3.Connection, zone: str) -> None:
    here = ZoneInfo(zone)
    due_days = [date(2026, 3, 7), date(2026, 3, 8), date(2026, 11, 1)]
    replies = [
        datetime.combine(day + timedelta(days=shift), datetime.min.time(), here) + delta
        for day, shift, delta in itertools.product(
            due_days,
            [-1, 0, 1],
            [timedelta(0), timedelta(microseconds=-1), timedelta(hours=23, minutes=59)],
        )
    ]
    fragment = on_time_label("?1", "?2", "?3")
    for due_on, replied_at in itertools.product(due_days, replies):
        reply_day = _local_day_sql(sql, replied_at, here)
        code = sql.execute(
            f"SELECT {fragment}", (due_on.isoformat(), to_db(replied_at), reply_day)
        ).fetchone()[0]
        kept = answered_on_time(due_on, replied_at, here)
        assert code == (ANSWERED_ON_TIME if kept else ANSWERED_LATE), (due_on, replied_at)


def test_the_on_time_code_is_empty_without_a_reply_or_a_due_day(sql: sqlite3.Connection) -> None:
    fragment = on_time_label("?1", "?2", "?3")
    for due_on, replied_at in [(None, "2026-12-01T00:00:00"), ("2026-12-01", None)]:
        row = sql.execute(f"SELECT {fragment}", (due_on, replied_at, "2026-12-01")).fetchone()
        assert row[0] is None


def _meeting(status: MeetingStatus, starts_at: datetime, ends_at: datetime | None) -> Meeting:
    text = LocalizedText("회의", "Meeting")
    return Meeting(
        id=1,
        kind=MeetingKind.OTHER,
        title=text,
        starts_at=starts_at,
        ends_at=ends_at,
        organizer=text,
        place=text,
        online_url=None,
        agenda=text,
        status=status,
        outcome=LocalizedText(None, None),
        categories=frozenset(),
        created_at=NOW,
        updated_at=NOW,
    )


def test_the_upcoming_filter_agrees_with_meeting_is_upcoming(sql: sqlite3.Connection) -> None:
    edge = NOW - LISTED_AFTER_END
    moments = [
        edge - timedelta(days=1),
        edge - timedelta(microseconds=1),
        edge,
        edge + timedelta(microseconds=1),
        NOW,
        NOW + timedelta(days=3),
    ]
    fragment = upcoming_meeting("?2", "?3", "?4", "?1")
    checked = 0
    for status, starts_at, ends_at in itertools.product(MeetingStatus, moments, [None, *moments]):
        if ends_at is not None and ends_at < starts_at:
            continue
        meeting = _meeting(status, starts_at, ends_at)
        shown = sql.execute(
            f"SELECT {fragment}",
            (
                to_db(edge),
                to_db(starts_at),
                None if ends_at is None else to_db(ends_at),
                str(status),
            ),
        ).fetchone()[0]
        assert bool(shown) is meeting.is_upcoming(NOW), meeting
        checked += 1
    assert checked > 50


def test_the_open_statuses_in_sql_are_the_domains(sql: sqlite3.Connection) -> None:
    for status in SubmissionStatus:
        found = sql.execute(f"SELECT ? IN {one_of(OPEN_STATUSES)}", (str(status),)).fetchone()
        assert bool(found[0]) is status.is_open, status


async def test_the_frozen_open_index_lists_the_domains_open_statuses(tmp_path: Path) -> None:
    """Migration 0032's partial index spells the open statuses; a query uses it only alike."""
    database = await Database.open(tmp_path / "sotong.db")
    try:
        rows = await database.fetch_all(
            "SELECT sql FROM sqlite_master WHERE name = 'submissions_most_supported_open'"
        )
    finally:
        await database.close()
    assert f"status IN {one_of(OPEN_STATUSES)}" in str(rows[0][0])
