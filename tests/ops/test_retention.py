"""The nightly purge, with the clock driven past the notice's period (RETENTION_YEARS = 3)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.maintenance_jobs import NIGHTLY_JOB
from domain.audit import SYSTEM_ACTOR
from domain.submissions import Attachment
from sandbox.emulator import EmulatorLimits
from tests.admin.support import submit
from tests.fixtures.app import ADMIN_ID, BotHarness
from tests.intake.flow import agreed_user


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
    person = await sotong.repositories.users.get(owner.id)
    assert person is not None and person.display_name is None and person.username is None
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
    assert (await sotong.services.retention.run()).total == 0


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
