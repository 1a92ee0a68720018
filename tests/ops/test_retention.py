"""The nightly purge, with the clock driven past the notice's period (RETENTION_YEARS = 3)."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.maintenance_jobs import NIGHTLY_JOB
from domain.audit import SYSTEM_ACTOR
from domain.follow_up import FollowUpResult
from domain.submissions import Attachment
from domain.subscriptions import SubscriptionChoice
from sandbox.emulator import EmulatorLimits
from tests.admin.support import submit
from tests.evidence.support import drain
from tests.fixtures.app import ADMIN_ID, BotHarness
from tests.intake.flow import agreed_user, label, submit_one

NAME = "Qwvname"
USERNAME = "qwv_handle"
NOTE = "Qwv 대표 010-2233-4455 로 연락 주세요"
PERIOD = timedelta(days=3 * 365 + 2)


@pytest.fixture
def emulator_limits() -> EmulatorLimits:
    """A scripted user taps faster than a person; only the per-chat burst is lifted."""
    return EmulatorLimits(private_burst=10_000)


@pytest.fixture
def settings_overrides(tmp_path: Path) -> dict[str, Any]:
    return {"backup_dir": tmp_path / "backups", "backup_keep": 2}


async def _purges(sotong: BotHarness) -> list[dict[str, Any]]:
    entries = await sotong.services.audit.latest(limit=50)
    return [entry.details for entry in entries if entry.action == "retention.purge"]


async def test_personal_data_goes_the_day_after_the_period_ends(sotong: BotHarness) -> None:
    owner = await agreed_user(sotong, "민수", username="minsu")
    evidence = Attachment("BQACfile", "AgADunique", "document", "견적서.pdf")
    closed = await submit(sotong, owner.id, attachments=(evidence,))
    still_open = await submit(sotong, (await agreed_user(sotong, "지영")).id, name="지영")
    await sotong.services.review.close(closed.id, actor_id=ADMIN_ID)
    closed_at = sotong.clock.now()

    # Closed on 21 November 2026 (Seoul): kept until 21 November 2029 inclusive.
    sotong.clock.set(closed_at + timedelta(days=3 * 365 + 1))
    assert (sotong.clock.now() + timedelta(hours=9)).date().isoformat() == "2029-11-21"
    nothing = await sotong.services.retention.run()
    assert nothing.total == 0
    assert (await sotong.repositories.submissions.get(closed.id)).submitter is not None  # type: ignore[union-attr]

    sotong.clock.advance(timedelta(days=1))
    counts = await sotong.services.retention.run()
    assert counts.submissions_anonymised == 1
    assert counts.attachments_deleted == 1
    assert counts.contacts_deleted == 1
    purged = await sotong.repositories.submissions.get(closed.id)
    assert purged is not None and purged.submitter is None
    assert await sotong.repositories.submissions.attachments(closed.id) == []
    assert await sotong.repositories.submissions.recipient(closed.id) is None
    # Not subscribed and gone three years: nothing of theirs is kept, not even the user row.
    assert await sotong.repositories.users.get(owner.id) is None
    untouched = await sotong.repositories.submissions.get(still_open.id)
    assert untouched is not None and untouched.submitter is not None

    again = await sotong.services.retention.run()
    assert again.total == 0
    purges = await _purges(sotong)
    assert len(purges) == 3  # one entry per run, with its counts
    assert purges[1]["submissions_anonymised"] == 1
    assert all(entry.actor_id == SYSTEM_ACTOR for entry in await sotong.services.audit.latest(3))


async def test_a_reopened_submission_is_not_closed(sotong: BotHarness) -> None:
    owner = await agreed_user(sotong, "민수")
    submission = await submit(sotong, owner.id)
    await sotong.services.review.close(submission.id, actor_id=ADMIN_ID)
    await sotong.services.review.start_review(submission.id, actor_id=ADMIN_ID)
    sotong.clock.advance(timedelta(days=5 * 365))
    counts = await sotong.services.retention.run()
    assert (counts.submissions_anonymised, counts.contacts_deleted, counts.users_deleted) == (
        0,
        0,
        0,
    )
    assert await sotong.repositories.submissions.recipient(submission.id) is not None


async def test_the_nightly_job_purges_then_backs_up_and_keeps_backup_keep(
    sotong: BotHarness,
) -> None:
    [job] = sotong.application.job_queue.get_jobs_by_name(NIGHTLY_JOB)  # type: ignore[union-attr]
    assert job.trigger.fields[5].expressions[0].first == sotong.settings.backup_hour  # type: ignore[attr-defined]
    for _ in range(3):
        await job.run(sotong.application)
        sotong.clock.advance(timedelta(days=1))
    backups = sorted((sotong.settings.backup_dir).glob("sotong-*.db"))
    assert len(backups) == 2
    assert len(await _purges(sotong)) == 3


def _rows_naming(path: Path, person_id: int, strings: tuple[str, ...]) -> list[str]:
    """Every column of every table holding the person's id or one of the strings."""
    connection = sqlite3.connect(path)
    found: list[str] = []
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            for column in columns:
                is_id = column == "id" or column.endswith(("_id", "_by"))
                if (
                    is_id
                    and connection.execute(
                        f"SELECT 1 FROM {table} WHERE {column} = ?", (person_id,)
                    ).fetchone()
                ):
                    found.append(f"{table}.{column} = {person_id}")
                for text in (*strings, str(person_id)):
                    if connection.execute(
                        f"SELECT 1 FROM {table} WHERE instr(CAST({column} AS TEXT), ?) > 0",
                        (text,),
                    ).fetchone():
                        found.append(f"{table}.{column} holds {text!r}")
    finally:
        connection.close()
    return found


async def test_an_answered_report_past_its_period_leaves_no_trace_of_its_owner(
    sotong: BotHarness,
) -> None:
    owner = await agreed_user(sotong, NAME, username=USERNAME)
    code = await submit_one(owner, "ko")
    submission = await sotong.repositories.submissions.get_by_code(code)
    assert submission is not None
    await sotong.services.review.answer(submission.id, "검토 결과입니다.", actor_id=ADMIN_ID)
    await drain(sotong)
    # An administrator searched for the owner by name; the owner answered the follow-up with
    # a note naming themselves, then left a draft behind.
    await sotong.services.inbox_search.remember(ADMIN_ID, NAME)
    sotong.clock.advance(timedelta(days=sotong.settings.follow_up_days + 1))
    await sotong.services.follow_ups.ask_due()
    await drain(sotong)
    await sotong.services.follow_ups.answer(owner.id, submission.id, FollowUpResult.SMALLER)
    await sotong.services.follow_ups.add_note(owner.id, NOTE)
    await owner.send("/feedback")
    await owner.tap(callback_data="fb:cat:other")
    await owner.send("초안으로 남겨 둔 문장입니다")
    sotong.clock.advance(timedelta(days=2))
    assert await sotong.services.draft_reminders.remind_idle() == 1
    await drain(sotong)
    database = sotong.settings.database_path
    assert _rows_naming(database, owner.id, (NAME, USERNAME, "010-2233"))

    # The period runs from the answer: an answered report is finished.
    sotong.clock.advance(PERIOD)
    counts = await sotong.services.retention.run()
    assert counts.submissions_anonymised == 1
    assert counts.follow_up_notes_deleted == 1
    assert counts.users_deleted == 1
    assert _rows_naming(database, owner.id, (NAME, USERNAME, "010-2233")) == []
    connection = sqlite3.connect(database)
    try:
        assert connection.execute(
            "SELECT count(*) FROM outbox WHERE instr(text, ?) > 0", (code,)
        ).fetchone() == (0,)
    finally:
        connection.close()
    kept = await sotong.repositories.submissions.get(submission.id)
    assert kept is not None and kept.submitter is None and kept.problem


async def test_a_subscriber_who_never_submits_goes_after_the_period_unless_subscribed(
    sotong: BotHarness,
) -> None:
    leaving = await agreed_user(sotong, "떠난사람", username="gone_user")
    staying = await agreed_user(sotong, "남은사람", username="kept_user")
    await sotong.repositories.subscriptions.save(
        staying.id, SubscriptionChoice(), next_due_at=None, event_cursor=0, now=sotong.clock.now()
    )
    sotong.clock.advance(timedelta(days=3 * 365 - 2))
    assert (await sotong.services.retention.run()).users_deleted == 0

    sotong.clock.advance(timedelta(days=4))
    counts = await sotong.services.retention.run()
    assert counts.users_deleted == 1
    assert await sotong.repositories.users.get(leaving.id) is None
    kept = await sotong.repositories.users.get(staying.id)
    assert kept is not None and kept.display_name is None and kept.username is None


async def test_an_erasure_record_goes_once_no_backup_predates_it(sotong: BotHarness) -> None:
    person = await agreed_user(sotong, "지운사람")
    await person.send("/deletemydata")
    await person.tap(label("ko", "deletion.button.confirm"))
    keep = sotong.settings.backup_keep  # 2 in this module: the log outlives every backup
    sotong.clock.advance(timedelta(days=keep + 1) - timedelta(minutes=1))
    assert (await sotong.services.retention.run()).erasure_records_deleted == 0
    sotong.clock.advance(timedelta(minutes=2))
    assert (await sotong.services.retention.run()).erasure_records_deleted == 1
