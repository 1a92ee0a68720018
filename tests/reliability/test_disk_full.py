"""A full disk (issue 10.5): one "try again" reply, and the bot heals when space returns."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from storage.database import Database
from storage.errors import StorageFault, StorageUnavailableError
from tests.fixtures.app import BotHarness
from tests.intake.flow import agreed_user, label
from tests.reliability.faults import disk_full, small_filesystem
from tests.reliability.test_storage_faults import feedback_started, only_reply_is_try_again


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB filesystem of the test's own, unmounted after it."""
    with small_filesystem(tmp_path / "disk") as mount:
        yield mount


@pytest.fixture
def settings_overrides(small_disk: Path) -> dict[str, Any]:
    """The bot keeps its database on the small filesystem."""
    return {"database_path": small_disk / "sotong.db"}


async def test_full_disk_gets_one_reply_and_heals_when_space_returns(
    sotong: BotHarness, small_disk: Path
) -> None:
    user = await agreed_user(sotong)
    sotong.clock.advance(timedelta(minutes=30))
    with disk_full(small_disk):
        await user.send("/feedback")
        only_reply_is_try_again(user)
    await user.tap(label("ko", "storage.retry_button"))
    assert feedback_started(user), [reply.text for reply in user.replies()]


async def test_a_single_write_refused_by_a_full_disk_is_reported_every_time(
    small_disk: Path,
) -> None:
    """A single write runs in one hop and leaves its cursor open: the refusal still surfaces."""
    database = await Database.open(small_disk / "single.db")
    try:
        for attempt in range(5):
            assert await database.checkpoint()  # an empty log: every write has to grow it
            with disk_full(small_disk), pytest.raises(StorageUnavailableError) as refused:
                await database.execute(
                    "INSERT INTO update_journal (update_id, body, received_at) VALUES (?, ?, ?)",
                    (attempt, "x" * 20_000, "2026-12-06T00:00:00+00:00"),
                )
            assert refused.value.fault is StorageFault.FULL
        assert await database.fetch_value("SELECT COUNT(*) FROM update_journal") == 0
        assert await database.execute("DELETE FROM update_journal") == 0
    finally:
        await database.close()
