"""A full disk (issue 10.5): one "try again" reply, and the bot heals when space returns."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

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
