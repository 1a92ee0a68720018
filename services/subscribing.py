"""Subscribing, following a bill and asking for meeting reminders: the rules behind the buttons."""

from __future__ import annotations

from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.subscriptions import (
    BillScope,
    Frequency,
    Subscription,
    SubscriptionChoice,
    next_digest_at,
)
from storage.content_events import ContentEventRepository
from storage.interests import InterestRepository
from storage.subscriptions import SubscriptionRepository

__all__ = ["FollowResult", "SubscriptionService"]


@dataclass(frozen=True, slots=True)
class FollowResult:
    """What following did: whether it is new, and whether it switched bill updates on."""

    newly_followed: bool
    subscription_changed: bool


class SubscriptionService:
    """Keeps subscriptions and their next digest slot consistent."""

    def __init__(
        self,
        subscriptions: SubscriptionRepository,
        interests: InterestRepository,
        events: ContentEventRepository,
        *,
        clock: Clock,
        zone: ZoneInfo,
    ) -> None:
        self._subscriptions = subscriptions
        self._interests = interests
        self._events = events
        self._clock = clock
        self._zone = zone

    async def subscribe(self, user_id: int, choice: SubscriptionChoice) -> Subscription:
        """Store the choice; the first digest comes at the next chosen slot, with news from now.

        An hour inside quiet hours is refused by the caller's choices, never silently moved.
        """
        now = self._clock.now()
        return await self._subscriptions.save(
            user_id,
            choice,
            next_due_at=next_digest_at(
                choice.frequency, choice.hour, choice.weekday, self._zone, now
            ),
            event_cursor=await self._events.latest_id(),
            now=now,
        )

    async def stop(self, user_id: int) -> bool:
        """Stop every digest; follows and reminders are kept."""
        return await self._subscriptions.stop(user_id, now=self._clock.now())

    async def follow(self, user_id: int, bill_id: int) -> FollowResult:
        """Follow a bill, and make sure its stages reach the user.

        Without an active subscription, one for followed bills only, delivered immediately, is
        created; a subscription that excluded bills is widened to followed bills.
        """
        newly = await self._interests.follow(user_id, bill_id, now=self._clock.now())
        current = await self._subscriptions.get(user_id)
        if current is None or not current.active:
            await self.subscribe(
                user_id,
                SubscriptionChoice(
                    meetings=False,
                    bills=BillScope.FOLLOWED,
                    announcements=False,
                    frequency=Frequency.IMMEDIATE,
                ),
            )
            return FollowResult(newly, subscription_changed=True)
        if current.choice.bills is BillScope.NONE:
            await self.subscribe(user_id, replace(current.choice, bills=BillScope.FOLLOWED))
            return FollowResult(newly, subscription_changed=True)
        return FollowResult(newly, subscription_changed=False)

    async def unfollow(self, user_id: int, bill_id: int) -> bool:
        """Stop following a bill."""
        return await self._interests.unfollow(user_id, bill_id)

    async def remind(self, user_id: int, meeting_id: int) -> bool:
        """Ask for reminders a day and an hour before a meeting."""
        return await self._interests.remind(user_id, meeting_id, now=self._clock.now())

    async def forget_reminder(self, user_id: int, meeting_id: int) -> bool:
        """Cancel a meeting's reminders."""
        return await self._interests.forget_reminder(user_id, meeting_id)
