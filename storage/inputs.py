"""Every input in progress, one row per person and flow; the only record of where a person is."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from domain.inputs import FormInProgress, OpenQuestion
from storage.connection import Connection
from storage.database import Database, UnitOfWork
from storage.timestamps import to_db

__all__ = [
    "AskedStep",
    "InputQueries",
    "InputRepository",
    "UpdateInHand",
    "handling_update",
    "mark_asked_in",
    "open_step",
]


class AskedStep(NamedTuple):
    """A step whose question was sent: the person's next text answers it."""

    user_id: int
    flow: str
    step: str


@dataclass(slots=True)
class UpdateInHand:
    """The update being handled, as storage needs it: its id and the questions it asked."""

    update_id: int
    asked: list[AskedStep] = field(default_factory=list)


_IN_HAND: ContextVar[UpdateInHand | None] = ContextVar("sotong_update_in_hand", default=None)


@contextmanager
def handling_update(update_id: int) -> Iterator[UpdateInHand]:
    """While an update is handled: the questions it opens and asks are tied to it.

    A question opened meanwhile records the update as the one that opened it (`opened_by`), so
    a replay of that update after a crash is recognised. Questions marked asked are collected,
    not written: the caller writes them with its record that the update was handled
    (`mark_asked_in`, in the same transaction). Written earlier, a crash before that record
    replays the update with its step already asked, and the replayed text is stored again as
    the next question's answer; written together, the replay finds the step not yet asked and
    asks it again. It is also one write fewer per answer.
    """
    in_hand = UpdateInHand(update_id)
    token = _IN_HAND.set(in_hand)
    try:
        yield in_hand
    finally:
        _IN_HAND.reset(token)


_MARK_ASKED = (
    "UPDATE inputs_in_progress SET asked = 1"
    " WHERE user_id = ? AND flow = ? AND step = ? AND is_open = 1 AND asked = 0"
)


async def mark_asked_in(connection: Connection, asked: Iterable[AskedStep]) -> None:
    """Inside a caller's transaction: these steps' questions were sent."""
    await connection.executemany(_MARK_ASKED, asked)


async def open_step(
    connection: Connection,
    user_id: int,
    flow: str,
    step: str,
    *,
    now: datetime,
    asked: bool,
    form: dict[str, Any] | None = None,
) -> None:
    """Inside a caller's transaction: make this step the person's one open question.

    Any other open question of theirs is parked first, so text typed after the newest prompt
    always answers the newest prompt. `form=None` keeps the stored form as it is. The usual
    case, the flow's own row being there and no other question open (each answer of a flow),
    is one statement; only then is nothing else to park.
    """
    encoded = None if form is None else json.dumps(form, ensure_ascii=False)
    in_hand = _IN_HAND.get()
    opened_by = None if in_hand is None else in_hand.update_id
    moved = await connection.execute_fetchall(
        "UPDATE inputs_in_progress SET step = ?, is_open = 1, asked = ?, opened_by = ?,"
        " form = COALESCE(?, form), updated_at = ? WHERE user_id = ? AND flow = ?"
        " AND NOT EXISTS (SELECT 1 FROM inputs_in_progress AS other"
        " WHERE other.user_id = ? AND other.flow <> ? AND other.is_open = 1) RETURNING 1",
        (step, int(asked), opened_by, encoded, to_db(now), user_id, flow, user_id, flow),
    )
    if moved:
        return
    await connection.execute(
        "UPDATE inputs_in_progress SET is_open = 0 WHERE user_id = ? AND flow <> ? AND is_open = 1",
        (user_id, flow),
    )
    keep_form = "inputs_in_progress.form" if form is None else "excluded.form"
    await connection.execute(
        "INSERT INTO inputs_in_progress"
        " (user_id, flow, step, is_open, asked, opened_by, form, updated_at)"
        " VALUES (?, ?, ?, 1, ?, ?, ?, ?) ON CONFLICT (user_id, flow) DO UPDATE SET"
        " step = excluded.step, is_open = 1, asked = excluded.asked,"
        f" opened_by = excluded.opened_by, form = {keep_form}, updated_at = excluded.updated_at",
        (user_id, flow, step, int(asked), opened_by, encoded or "{}", to_db(now)),
    )


class InputQueries:
    """Where a person is: their open question and a form in progress; the repository extends it."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def open_question(self, user_id: int) -> OpenQuestion | None:
        """The question the person's next message answers, or None."""
        row = await self._db.fetch_one(
            "SELECT flow, step, asked, opened_by FROM inputs_in_progress"
            " WHERE user_id = ? AND is_open = 1",
            (user_id,),
        )
        return None if row is None else OpenQuestion(row[0], row[1], bool(row[2]), row[3])

    async def get(self, user_id: int, flow: str) -> FormInProgress | None:
        """One flow's form and step, open or parked."""
        row = await self._db.fetch_one(
            "SELECT step, is_open, asked, form FROM inputs_in_progress"
            " WHERE user_id = ? AND flow = ?",
            (user_id, flow),
        )
        if row is None:
            return None
        return FormInProgress(flow, row[0], bool(row[1]), bool(row[2]), dict(json.loads(row[3])))


class InputRepository(InputQueries):
    """Open, park, read and forget inputs in progress; each change is one transaction."""

    async def open(
        self,
        user_id: int,
        flow: str,
        step: str,
        form: dict[str, Any] | None,
        *,
        now: datetime,
        asked: bool,
    ) -> None:
        """Store the form and its step together, as the person's one open question."""
        async with self._db.transaction() as connection:
            await open_step(connection, user_id, flow, step, now=now, asked=asked, form=form)

    async def mark_asked(self, user_id: int, flow: str, step: str) -> None:
        """The open step's question was sent: the next text is its answer.

        While an update is handled the mark waits for the update's record (see
        `handling_update`); outside one (a job, another channel) it is written now.
        """
        asked = AskedStep(user_id, flow, step)
        in_hand = _IN_HAND.get()
        if in_hand is not None:
            in_hand.asked.append(asked)
            return
        await self._db.execute(_MARK_ASKED, asked)

    async def park(self, user_id: int, flow: str | None = None) -> None:
        """No question open any more (one flow's, or any); the forms stay for later."""
        if flow is None:
            await self._db.execute(
                "UPDATE inputs_in_progress SET is_open = 0 WHERE user_id = ? AND is_open = 1",
                (user_id,),
            )
            return
        await self._db.execute(
            "UPDATE inputs_in_progress SET is_open = 0"
            " WHERE user_id = ? AND flow = ? AND is_open = 1",
            (user_id, flow),
        )

    async def hold(self, user_id: int, flow: str, form: dict[str, Any], *, now: datetime) -> None:
        """Keep a form under `flow` without opening a question: routing stays as it was."""
        await self._db.execute(
            "INSERT INTO inputs_in_progress (user_id, flow, step, is_open, asked, form, updated_at)"
            " VALUES (?, ?, ?, 0, 1, ?, ?) ON CONFLICT (user_id, flow) DO UPDATE SET"
            " is_open = 0, form = excluded.form, updated_at = excluded.updated_at",
            (user_id, flow, flow, json.dumps(form, ensure_ascii=False), to_db(now)),
        )

    async def take(
        self, work: UnitOfWork, user_id: int, flow: str, key: str, value: object
    ) -> dict[str, Any] | None:
        """Inside a unit of work: a held form, removed as it is read, if its `key` holds `value`.

        Used at most once, and only by the answer it was held for (an older offer's tap never
        takes a newer sentence); any other tap leaves it held. None: nothing taken.
        """
        row = await work.fetch_one(
            "SELECT form FROM inputs_in_progress WHERE user_id = ? AND flow = ?", (user_id, flow)
        )
        if row is None:
            return None
        form = dict(json.loads(row[0]))
        if form.get(key) != value:
            return None
        await work.connection.execute(
            "DELETE FROM inputs_in_progress WHERE user_id = ? AND flow = ?", (user_id, flow)
        )
        return form

    async def forget(self, user_id: int, flow: str) -> None:
        """The flow is finished (saved, sent, discarded): its form goes."""
        await self._db.execute(
            "DELETE FROM inputs_in_progress WHERE user_id = ? AND flow = ?", (user_id, flow)
        )
