"""The one gentle reminder a draft left alone for a day gets, queued in the outbox.

Marking the draft reminded and queuing the message are one transaction, so a crash can neither
lose the reminder nor send it twice; the outbox sender delivers it outside quiet hours.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.intake import DRAFT_REMINDER_AFTER
from domain.subscriptions import QuietHours
from services.notices import OwnerNotices
from storage.drafts import DraftRepository
from storage.users import UserRepository

__all__ = ["DraftReminders"]


class DraftReminders:
    """Finds idle drafts and queues their reminder."""

    def __init__(
        self,
        drafts: DraftRepository,
        users: UserRepository,
        clock: Clock,
        *,
        notices: OwnerNotices,
        zone: ZoneInfo,
        quiet_hours: QuietHours,
        on_queued: Callable[[], None],
    ) -> None:
        self._drafts = drafts
        self._users = users
        self._clock = clock
        self._notices = notices
        self._zone = zone
        self._quiet = quiet_hours
        self._on_queued = on_queued

    async def remind_idle(self) -> int:
        """Queue one reminder per draft idle for a day; return how many were queued.

        A draft whose owner blocked the bot is marked reminded without a message, so it is not
        looked at again every ten minutes.
        """
        now = self._clock.now()
        release = self._quiet.release_at(now, self._zone)
        queued = 0
        for draft in await self._drafts.idle_since(now - DRAFT_REMINDER_AFTER):
            user = await self._users.get(draft.user_id)
            reminder = None
            if user is not None and user.blocked_at is None:
                reminder = self._notices.draft_reminder(
                    user.id, user.language, draft.started_at, not_before=release
                )
            if await self._drafts.mark_reminded(draft.user_id, now=now, reminder=reminder):
                queued += reminder is not None
        if queued:
            self._on_queued()
        return queued
