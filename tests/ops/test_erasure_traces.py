"""/deletemydata leaves no trace: not in any row, not in the database file, not in its WAL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from domain.follow_up import FollowUpResult
from domain.submissions import Attachment
from sandbox.emulator import EmulatorLimits
from storage.database import Database
from tests.admin.support import submit
from tests.fixtures.app import ADMIN_ID, BotHarness
from tests.intake.flow import agreed_user, label

NAME = "Zyxwname"
USERNAME = "zyxw_handle"
FILE_NAME = "zyxw-private-evidence.pdf"
OTHER_ADMIN_ID = 900_002
FILE_ID = "BQACAgZyxwFileIdentifier"
DRAFT_TEXT = "Zyxw draft text nobody else wrote"
NOTE = "Zyxw follow-up note, call me"


@pytest.fixture
def emulator_limits() -> EmulatorLimits:
    """A scripted user taps faster than a person; only the per-chat burst is lifted."""
    return EmulatorLimits(private_burst=10_000)


def _files(database: Path) -> dict[str, bytes]:
    return {
        path.name: path.read_bytes()
        for path in (database, Path(f"{database}-wal"))
        if path.exists()
    }


async def test_erased_strings_are_in_neither_the_file_nor_the_wal(sotong: BotHarness) -> None:
    user = await agreed_user(sotong, NAME, username=USERNAME)
    attachment = Attachment(FILE_ID, "AgADZyxwUnique", "document", FILE_NAME)
    submission = await submit(
        sotong, user.id, name=NAME, username=USERNAME, attachments=(attachment,)
    )
    # Administrators searched the inbox for the person by name, and for their report's code.
    await sotong.services.inbox_search.remember(ADMIN_ID, f"{NAME} 과태료")
    await sotong.services.inbox_search.remember(OTHER_ADMIN_ID, submission.receipt_code)
    # Answered, asked the follow-up question, and the owner added a note.
    await sotong.services.review.answer(submission.id, "검토했습니다.", actor_id=ADMIN_ID)
    sotong.clock.advance(timedelta(days=sotong.settings.follow_up_days + 1))
    await sotong.services.follow_ups.ask_due()
    await sotong.services.follow_ups.answer(user.id, submission.id, FollowUpResult.SMALLER)
    await sotong.services.follow_ups.add_note(user.id, NOTE)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:other")
    await user.send(DRAFT_TEXT)
    sotong.clock.advance(timedelta(days=2))
    assert await sotong.services.draft_reminders.remind_idle() == 1
    # A restart writes PTB's conversation state, so the user has a row there too.
    await sotong.restart()
    database = sotong.settings.database_path
    before = b"".join(_files(database).values())
    for text in (NAME, USERNAME, FILE_NAME, FILE_ID, DRAFT_TEXT, NOTE):
        assert text.encode() in before, text

    await user.send("/cancel")
    await user.send("/deletemydata")
    await user.tap(label("ko", "deletion.button.confirm"))
    # While the bot still runs (its WAL is open), and after it stopped.
    running = _files(database)
    assert f"{database.name}-wal" in running
    await sotong.stop()
    for files in (running, _files(database)):
        for name, content in files.items():
            for text in (NAME, USERNAME, FILE_NAME, FILE_ID, DRAFT_TEXT, NOTE):
                assert text.encode() not in content, f"{text!r} is still in {name}"
    reopened = await Database.open(database)
    try:
        assert await reopened.fetch_value("SELECT count(*) FROM inputs_in_progress") == 0
        assert await reopened.fetch_value("SELECT count(*) FROM submission_attachments") == 0
        assert await reopened.fetch_value("SELECT count(*) FROM submissions") == 1
        assert await reopened.fetch_value("SELECT count(*) FROM admin_searches") == 0
        # The draft reminder's delivery key named the person.
        assert (
            await reopened.fetch_value(
                "SELECT count(*) FROM deliveries WHERE instr(key, ?) > 0", (str(user.id),)
            )
            == 0
        )
    finally:
        await reopened.close()


async def test_a_conversation_in_progress_is_not_written_back_after_erasure(
    sotong: BotHarness,
) -> None:
    user = await agreed_user(sotong, NAME, username=USERNAME)
    await user.send("/subscribe")
    # The panel's step and form are stored with each change; erasure must take them too.
    await user.send("/deletemydata")
    await user.tap(label("ko", "deletion.button.confirm"))
    await sotong.stop()
    reopened = await Database.open(sotong.settings.database_path)
    try:
        rows = await reopened.fetch_all("SELECT flow, step FROM inputs_in_progress")
    finally:
        await reopened.close()
    assert [tuple(row) for row in rows] == []
