"""The text an administrator was just asked to type (a ministry, an answer, a reason, a code)."""

from __future__ import annotations

from domain.clock import Clock
from domain.review import PendingInput, ReviewAction
from storage.admin_inputs import PendingInputRepository

__all__ = ["PendingInputs"]


class PendingInputs:
    """At most one question per administrator, kept across restarts."""

    def __init__(self, repository: PendingInputRepository, clock: Clock) -> None:
        self._repository = repository
        self._clock = clock

    async def ask(self, admin_id: int, action: ReviewAction, submission_id: int) -> None:
        """Remember what the administrator is asked for now; it replaces any older question."""
        await self._repository.ask(admin_id, action, submission_id, now=self._clock.now())

    async def get(self, admin_id: int) -> PendingInput | None:
        """What the administrator's next text answers, or None."""
        return await self._repository.get(admin_id)

    async def clear(self, admin_id: int) -> None:
        """Forget the question: answered or cancelled."""
        await self._repository.clear(admin_id)
