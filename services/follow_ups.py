"""Did it help? Asking owners after FOLLOW_UP_DAYS, and keeping their answers and notes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.follow_up import (
    MAX_NOTE_LENGTH,
    FollowUpResult,
    NewCost,
    parse_new_cost,
)
from domain.subscriptions import QuietHours
from services.notices import OwnerNotices
from storage.follow_ups import FollowUpRepository

__all__ = ["FollowUpService", "NoteOutcome"]

logger = logging.getLogger("sotong.follow_ups")

NoteOutcome = tuple[str, NewCost]
"""The receipt code the note was added to, and the cost read from it."""


class FollowUpService:
    """The question, the answer, the note."""

    def __init__(
        self,
        repository: FollowUpRepository,
        clock: Clock,
        *,
        notices: OwnerNotices,
        zone: ZoneInfo,
        days: int,
        quiet: QuietHours,
        on_queued: Callable[[], None],
    ) -> None:
        self._repository = repository
        self._clock = clock
        self._notices = notices
        self._zone = zone
        self._days = days
        self._quiet = quiet
        self._on_queued = on_queued

    async def ask_due(self) -> int:
        """Queue the question for every submission resolved FOLLOW_UP_DAYS ago or more."""
        now = self._clock.now()
        due = await self._repository.due(now - timedelta(days=self._days))
        if not due:
            return 0
        release = self._quiet.release_at(now, self._zone)
        questions = [
            (
                item,
                None
                if item.user_id is None
                else self._notices.follow_up_question(
                    item.user_id,
                    item.language,
                    item.submission_id,
                    item.receipt_code,
                    self._days,
                    not_before=release,
                ),
            )
            for item in due
        ]
        queued = await self._repository.ask(questions, now=now)
        if queued:
            logger.info("queued %d follow-up questions", queued)
            self._on_queued()
        return queued

    async def answer(self, user_id: int, submission_id: int, result: FollowUpResult) -> str | None:
        """The owner's verdict; the receipt code, or None when it is not theirs to answer."""
        return await self._repository.answer(submission_id, user_id, result, now=self._clock.now())

    async def add_note(self, user_id: int, text: str) -> NoteOutcome | None:
        """A note (and any new cost in it) for the answer just given; None if none awaits."""
        note = " ".join(text.split())[:MAX_NOTE_LENGTH]
        cost = parse_new_cost(note)
        code = await self._repository.add_note(user_id, note, cost.hours_per_month, cost.won)
        return None if code is None else (code, cost)

    async def done(self, user_id: int) -> None:
        """Nothing to add."""
        await self._repository.stop_awaiting(user_id)
