"""The scheduler's decision: what is due now.

It writes what must be sent to the outbox and wakes the sender; it never sends anything itself.

One `tick` covers four duties, each committed in its own transaction with the state that says
it was done (cursors, next slots, reminder flags), so a crash between them loses nothing and a
repeated tick queues nothing twice:

- daily and weekly digests whose slot has come, with what is new since each subscriber's last;
- immediate subscribers, with what is new since they last heard;
- meeting reminders, a day and an hour before;
- watchers: reminder holders hear when their meeting changes or is cancelled, and submitters
  whose submission shares a category with a meeting or bill that moved are told once.

What is queued is worded by the channel's `PolicyNews` while it is queued, in the transaction
that moves the cursors.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.content import ContentChange, ContentEvent, ItemKind
from domain.delivery import QueuedMessage
from domain.meetings import HOUR_REMINDER_LEAD
from domain.subscriptions import (
    BillScope,
    QuietHours,
    Subscription,
    next_digest_at,
)
from services.digests import ContentSnapshot, DigestEntry, PolicyNews, compose
from storage.announcements import AnnouncementRepository
from storage.bills import BillRepository
from storage.content_events import ContentEventRepository
from storage.interests import InterestRepository
from storage.meetings import MeetingRepository
from storage.submissions import SubmissionRepository
from storage.subscriptions import SubscriptionAdvance, SubscriptionRepository
from storage.timestamps import to_db

__all__ = ["PolicyDispatcher", "TickReport"]

logger = logging.getLogger("sotong.dispatch")


@dataclass(frozen=True, slots=True)
class TickReport:
    """How many outbox rows each duty queued in one tick."""

    digests: int = 0
    immediate: int = 0
    reminders: int = 0
    notices: int = 0

    @property
    def total(self) -> int:
        """All rows queued."""
        return self.digests + self.immediate + self.reminders + self.notices


class PolicyDispatcher:
    """Decides what is due and queues it; safe to call as often as wanted."""

    def __init__(
        self,
        *,
        subscriptions: SubscriptionRepository,
        events: ContentEventRepository,
        meetings: MeetingRepository,
        bills: BillRepository,
        announcements: AnnouncementRepository,
        interests: InterestRepository,
        submissions: SubmissionRepository,
        news: PolicyNews,
        clock: Clock,
        zone: ZoneInfo,
        quiet_hours: QuietHours,
        on_queued: Callable[[], None],
    ) -> None:
        self._subscriptions = subscriptions
        self._events = events
        self._meetings = meetings
        self._bills = bills
        self._announcements = announcements
        self._interests = interests
        self._submissions = submissions
        self._news = news
        self._clock = clock
        self._zone = zone
        self._quiet = quiet_hours
        self._on_queued = on_queued
        self._lock = asyncio.Lock()

    async def tick(self) -> TickReport:
        """Queue everything due at the clock's "now", then wake the sender if anything was."""
        async with self._lock:
            now = self._clock.now()
            latest = await self._events.latest_id()
            report = TickReport(
                digests=await self._scheduled_digests(now, latest),
                immediate=await self._immediate(now, latest),
                reminders=await self._reminders(now),
                notices=await self._watchers(now, latest),
            )
        if report.total:
            logger.info("queued %s", report)
            self._on_queued()
        return report

    async def _snapshot(self, events: Sequence[ContentEvent]) -> ContentSnapshot:
        ids: dict[ItemKind, set[int]] = defaultdict(set)
        for event in events:
            ids[event.kind].add(event.item_id)
        return ContentSnapshot(
            meetings=await self._meetings.many(sorted(ids[ItemKind.MEETING])),
            bills=await self._bills.many(sorted(ids[ItemKind.BILL])),
            announcements=await self._announcements.many(sorted(ids[ItemKind.ANNOUNCEMENT])),
        )

    async def _round(
        self,
        subscribers: Sequence[Subscription],
        latest: int,
        slot: datetime | None,
        not_before: datetime,
    ) -> tuple[list[QueuedMessage], list[int]]:
        """Compose the digest of every subscriber who has something new.

        Composed once for each language and set of entries (`slot`: see `PolicyNews.digest`).
        Returns the messages and the ids of every subscriber served, those with nothing new
        included (their cursor and slot move on too).
        """
        if not subscribers:
            return [], []
        events = await self._events.between(min(s.event_cursor for s in subscribers), latest)
        snapshot = await self._snapshot(events)
        follows = await self._interests.follows_of(
            [s.user_id for s in subscribers if s.choice.bills is not BillScope.NONE]
        )
        composed: dict[tuple[str, tuple[DigestEntry, ...]], QueuedMessage | None] = {}
        messages = []
        for subscriber in subscribers:
            followed = follows.get(subscriber.user_id, frozenset())
            wanted = []
            for event in events:
                if event.id <= subscriber.event_cursor:
                    continue
                categories = snapshot.categories(event.kind, event.item_id)
                if categories is not None and subscriber.wants(
                    event.kind, categories, item_id=event.item_id, followed=followed
                ):
                    wanted.append(event)
            entries = compose(wanted)
            if not entries:
                continue
            key = (subscriber.language, entries)
            if key not in composed:
                composed[key] = self._news.digest(
                    subscriber.user_id,
                    subscriber.language,
                    entries,
                    snapshot,
                    slot=slot,
                    not_before=not_before,
                )
            digest = composed[key]
            if digest is not None:
                messages.append(replace(digest, user_id=subscriber.user_id))
        return messages, [s.user_id for s in subscribers]

    async def _scheduled_digests(self, now: datetime, latest: int) -> int:
        due = await self._subscriptions.due(now)
        by_slot: dict[datetime, list[Subscription]] = defaultdict(list)
        for subscriber in due:
            assert subscriber.next_due_at is not None
            by_slot[subscriber.next_due_at].append(subscriber)
        queued = 0
        for slot, subscribers in sorted(by_slot.items()):
            messages, served = await self._round(
                subscribers,
                latest,
                slot,
                self._quiet.release_at(now, self._zone),
            )
            choices = {s.user_id: s.choice for s in subscribers}
            advances = [
                SubscriptionAdvance(
                    user,
                    latest,
                    next_digest_at(
                        choices[user].frequency,
                        choices[user].hour,
                        choices[user].weekday,
                        self._zone,
                        now,
                    ),
                )
                for user in served
            ]
            queued += await self._subscriptions.advance(
                key=f"digest:{to_db(slot)}", messages=messages, advances=advances, now=now
            )
        return queued

    async def _immediate(self, now: datetime, latest: int) -> int:
        subscribers = await self._subscriptions.immediate_behind(latest)
        if not subscribers:
            return 0
        messages, served = await self._round(
            subscribers,
            latest,
            None,
            self._quiet.release_at(now, self._zone),
        )
        return await self._subscriptions.advance(
            key=f"immediate:{latest}",
            messages=messages,
            advances=[SubscriptionAdvance(user, latest, None) for user in served],
            now=now,
        )

    async def _reminders(self, now: datetime) -> int:
        due = await self._interests.due_reminders(now)
        if not due:
            return 0
        meetings = await self._meetings.many(sorted({item.meeting_id for item in due}))
        batches: dict[str, list[QueuedMessage]] = defaultdict(list)
        for item in due:
            meeting = meetings[item.meeting_id]
            not_before = now
            if item.which == "day":
                not_before = self._quiet.release_at(now, self._zone)
                if not_before > item.starts_at - HOUR_REMINDER_LEAD:
                    continue
            key = f"reminder:{meeting.id}:{item.which}:{to_db(item.starts_at)}"
            batches[key].append(
                self._news.meeting_reminder(
                    item.user_id, item.language, meeting, item.which, not_before=not_before
                )
            )
        return await self._interests.queue_reminders(batches.items(), due, now=now)

    async def _watchers(self, now: datetime, latest: int) -> int:
        cursor = await self._interests.watch_cursor()
        if cursor is None or cursor >= latest:
            if cursor is None:
                await self._interests.commit_watchers([], [], cursor=latest, now=now)
            return 0
        events = await self._events.between(cursor, latest)
        snapshot = await self._snapshot(events)
        batches: dict[str, list[QueuedMessage]] = defaultdict(list)
        notified: list[tuple[int, ItemKind, int]] = []
        release = self._quiet.release_at(now, self._zone)
        told_in_round: set[tuple[int, ItemKind, int]] = set()
        for event in events:
            if event.kind is ItemKind.MEETING:
                meeting = snapshot.meetings.get(event.item_id)
                if meeting is None:
                    continue
                holders = await self._interests.reminder_holders(meeting.id)
                if event.change in (ContentChange.UPDATED, ContentChange.CANCELLED):
                    for user_id, language in holders:
                        batches[f"meeting-change:{event.id}"].append(
                            self._news.meeting_changed(
                                user_id, language, meeting, event.change, not_before=release
                            )
                        )
                if meeting.is_open and event.change is not ContentChange.CANCELLED:
                    skip = {user for user, _ in holders}
                    await self._related(
                        event,
                        meeting.categories,
                        skip=skip,
                        snapshot=snapshot,
                        batches=batches,
                        notified=notified,
                        told_in_round=told_in_round,
                        release=release,
                    )
            elif event.kind is ItemKind.BILL and event.change is ContentChange.STAGE:
                bill = snapshot.bills.get(event.item_id)
                if bill is None:
                    continue
                followers = set(await self._interests.followers(bill.id))
                await self._related(
                    event,
                    bill.categories,
                    skip=followers,
                    snapshot=snapshot,
                    batches=batches,
                    notified=notified,
                    told_in_round=told_in_round,
                    release=release,
                )
        return await self._interests.commit_watchers(
            batches.items(), notified, cursor=latest, now=now
        )

    async def _related(
        self,
        event: ContentEvent,
        categories: frozenset[str],
        *,
        skip: set[int],
        snapshot: ContentSnapshot,
        batches: dict[str, list[QueuedMessage]],
        notified: list[tuple[int, ItemKind, int]],
        told_in_round: set[tuple[int, ItemKind, int]],
        release: datetime,
    ) -> None:
        """Tell each submitter in these categories, once per item, that it moved."""
        if not categories:
            return
        recipients = [
            recipient
            for recipient in await self._submissions.recipients_in_categories(categories)
            if not recipient.blocked and recipient.user_id not in skip
        ]
        told = await self._interests.already_notified(
            event.kind, event.item_id, [recipient.user_id for recipient in recipients]
        )
        for recipient in recipients:
            mark = (recipient.user_id, event.kind, event.item_id)
            if recipient.user_id in told or mark in told_in_round:
                continue
            told_in_round.add(mark)
            if event.kind is ItemKind.MEETING:
                message = self._news.related_meeting(
                    recipient, snapshot.meetings[event.item_id], not_before=release
                )
            else:
                message = self._news.related_bill(
                    recipient, snapshot.bills[event.item_id], not_before=release
                )
            batches[f"related:{event.kind.value}:{event.item_id}:{event.id}"].append(message)
            notified.append(mark)
