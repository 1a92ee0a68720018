"""Inputs in progress: one open question per person, forms kept with their step."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from domain.inputs import HELD_TEXT, OpenQuestion
from storage.database import Database
from storage.inputs import InputRepository
from storage.users import UserRepository

NOW = datetime(2026, 11, 29, tzinfo=UTC)


@pytest.fixture
async def inputs(tmp_path: Path) -> AsyncIterator[InputRepository]:
    database = await Database.open(tmp_path / "inputs.db")
    try:
        yield InputRepository(database)
    finally:
        await database.close()


async def test_a_newer_question_parks_the_older_one_and_keeps_its_form(
    inputs: InputRepository,
) -> None:
    await inputs.open(7, "content_admin", "title", {"type": "meeting"}, now=NOW, asked=True)
    await inputs.open(7, "admin_inbox", "typing", {"action": "answer"}, now=NOW, asked=True)
    assert await inputs.open_question(7) == OpenQuestion("admin_inbox", "typing", True)
    parked = await inputs.get(7, "content_admin")
    assert parked is not None and not parked.is_open and parked.form == {"type": "meeting"}


async def test_reopening_a_parked_question_parks_the_open_one_and_then_moves_in_place(
    inputs: InputRepository,
) -> None:
    """The row already there is reopened; the other open question is parked, never both open."""
    await inputs.open(7, "feedback", "law", {}, now=NOW, asked=True)
    await inputs.open(7, "subscribe", "editing", {"x": 1}, now=NOW, asked=True)
    await inputs.open(7, "feedback", "proposal", None, now=NOW, asked=False)
    assert await inputs.open_question(7) == OpenQuestion("feedback", "proposal", False)
    parked = await inputs.get(7, "subscribe")
    assert parked is not None and not parked.is_open and parked.form == {"x": 1}
    await inputs.open(7, "feedback", "impact", None, now=NOW, asked=True)
    assert await inputs.open_question(7) == OpenQuestion("feedback", "impact", True)
    assert (await inputs.get(7, "subscribe")) == parked


async def test_parking_closes_the_question_and_forgetting_drops_the_form(
    inputs: InputRepository,
) -> None:
    await inputs.open(7, "subscribe", "editing", {"x": 1}, now=NOW, asked=True)
    await inputs.open(8, "subscribe", "editing", {"x": 2}, now=NOW, asked=True)
    await inputs.park(7)
    assert await inputs.open_question(7) is None
    assert await inputs.open_question(8) is not None
    await inputs.forget(7, "subscribe")
    assert await inputs.get(7, "subscribe") is None


async def test_a_step_counts_as_asked_only_once_marked(inputs: InputRepository) -> None:
    await inputs.open(7, "feedback", "law", None, now=NOW, asked=False)
    assert await inputs.open_question(7) == OpenQuestion("feedback", "law", False)
    await inputs.mark_asked(7, "feedback", "problem")  # an older step: nothing changes
    assert await inputs.open_question(7) == OpenQuestion("feedback", "law", False)
    await inputs.mark_asked(7, "feedback", "law")
    assert await inputs.open_question(7) == OpenQuestion("feedback", "law", True)


async def test_reopening_without_a_form_keeps_the_stored_one(inputs: InputRepository) -> None:
    await inputs.open(7, "content_admin", "title", {"type": "bill"}, now=NOW, asked=True)
    await inputs.park(7)
    await inputs.open(7, "content_admin", "summary", None, now=NOW, asked=True)
    stored = await inputs.get(7, "content_admin")
    assert stored is not None and stored.step == "summary" and stored.form == {"type": "bill"}


async def test_arriving_reads_the_sender_and_their_open_question_at_once(
    tmp_path: Path,
) -> None:
    database = await Database.open(tmp_path / "arrive.db")
    try:
        users, inputs = UserRepository(database), InputRepository(database)
        newcomer, question = await users.arrive(7, "ko", NOW)
        assert newcomer.id == 7 and question is None
        await inputs.open(7, "feedback", "law", None, now=NOW, asked=False)
        known, question = await users.arrive(7, "en", NOW)
        assert known == newcomer and question == OpenQuestion("feedback", "law", False)
        await inputs.park(7)
        assert (await users.arrive(7, "ko", NOW))[1] is None
    finally:
        await database.close()


async def test_a_held_form_opens_no_question_and_is_taken_once_by_its_own_answer(
    tmp_path: Path,
) -> None:
    database = await Database.open(tmp_path / "inputs.db")
    inputs = InputRepository(database)
    try:
        await inputs.open(7, "feedback", "impact", None, now=NOW, asked=True)
        await inputs.park(7)
        await inputs.hold(7, HELD_TEXT, {"text": "첫 문장", "message_id": 3}, now=NOW)
        await inputs.hold(7, HELD_TEXT, {"text": "둘째 문장", "message_id": 5}, now=NOW)
        assert await inputs.open_question(7) is None  # the parked report stays parked
        taken = []
        for message_id in (3, 5, 5):  # an older offer's tap, then the newest offer's twice
            async with database.unit_of_work() as work:
                taken.append(await inputs.take(work, 7, HELD_TEXT, "message_id", message_id))
        assert taken == [None, {"text": "둘째 문장", "message_id": 5}, None]
        assert await inputs.get(7, "feedback") is not None
    finally:
        await database.close()
