"""Agenda and outcomes: linking submissions to meetings and bills, and telling their owners.

Linking is the administrator's act; the owners' notices are decided by a pass that compares
each link with what its owner was already told (`link_notices`), so every notice goes exactly
once however often the pass runs, and a notice and its ledger row commit together. The pass
decides who is owed which news (`MeetingNews`, `StageNews`); the words are the channel's,
composed through `LinkNoticeWriter` as each notice is queued.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from domain.agenda import (
    AgendaEntry,
    LinkedOwner,
    LinkKind,
    LinkNotice,
    LinkTarget,
    totals,
)
from domain.bills import Bill
from domain.burden import BurdenLine
from domain.clock import Clock
from domain.delivery import QueuedMessage
from domain.meetings import Meeting, MeetingStatus
from domain.receipts import parse_receipt_code
from domain.submissions import Recipient
from domain.subscriptions import QuietHours
from domain.supporters import SupporterNotice
from storage.agenda import LinkRepository, StageRecord
from storage.bills import BillRepository
from storage.meetings import MeetingRepository
from storage.submissions import SubmissionRepository

__all__ = [
    "Agenda",
    "AgendaService",
    "LinkMessage",
    "LinkNews",
    "LinkNoticeWriter",
    "LinkOutcome",
    "MeetingNews",
    "StageNews",
]

logger = logging.getLogger("sotong.agenda")


@dataclass(frozen=True, slots=True)
class LinkOutcome:
    """What a bulk link did: codes linked (new or already), and words that matched nothing."""

    linked: tuple[str, ...]
    added: int
    unknown: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Agenda:
    """A meeting's or bill's linked submissions with the burden they add up to."""

    target: LinkTarget
    title: str
    entries: tuple[AgendaEntry, ...]
    totals: BurdenLine


@dataclass(frozen=True, slots=True)
class MeetingNews:
    """A linked meeting is on the calendar, or was held (its outcome is the meeting's)."""

    meeting: Meeting
    held: bool

    @property
    def what(self) -> str:
        """The ledger's name for this news: told once per link."""
        return "held" if self.held else "scheduled"


@dataclass(frozen=True, slots=True)
class StageNews:
    """A linked bill reached a stage recorded after the link (or after the last one told)."""

    bill: Bill
    stage_id: int
    stage: str
    on_date: date

    @property
    def what(self) -> str:
        """The ledger's name for this news: told once per link."""
        return f"stage:{self.stage_id}"


LinkNews = MeetingNews | StageNews


@dataclass(frozen=True, slots=True)
class LinkMessage:
    """One reader, one piece of news about a report they own or support, as plain values."""

    user_id: int
    language: str
    submission_id: int
    receipt_code: str
    news: LinkNews
    supporter: bool
    not_before: datetime


class LinkNoticeWriter(Protocol):
    """The channel's words for a link notice, composed as the notice is queued.

    The message names the report by its receipt code and lets its reader open the report; it
    is composed inside the transaction that records the notice, so it tells what was owed then.
    Telegram's is `handlers.agenda_notices.LinkNoticeWords`.
    """

    def __call__(self, message: LinkMessage) -> QueuedMessage:
        """The message to queue for this reader."""


class AgendaService:
    """Links, agenda views and the owners' notices."""

    def __init__(
        self,
        links: LinkRepository,
        submissions: SubmissionRepository,
        meetings: MeetingRepository,
        bills: BillRepository,
        clock: Clock,
        *,
        zone: ZoneInfo,
        quiet: QuietHours,
        words: LinkNoticeWriter,
        on_queued: Callable[[], None],
    ) -> None:
        self._links = links
        self._words = words
        self._submissions = submissions
        self._meetings = meetings
        self._bills = bills
        self._clock = clock
        self._zone = zone
        self._quiet = quiet
        self._on_queued = on_queued

    async def title(self, target: LinkTarget, language: str) -> str:
        """The meeting's title or the bill's name; raises the item's NotFound error."""
        if target.kind is LinkKind.MEETING:
            return (await self._meetings.get(target.item_id)).title.get(language)
        return (await self._bills.get(target.item_id)).name.get(language)

    async def choices(self, language: str) -> list[tuple[LinkTarget, str]]:
        """Upcoming meetings and tracked bills, to pick one from a submission's card."""
        meetings = await self._meetings.upcoming(self._clock.now(), limit=6)
        bills = await self._bills.all()
        return [
            *((LinkTarget(LinkKind.MEETING, m.id), m.title.get(language)) for m in meetings),
            *((LinkTarget(LinkKind.BILL, b.id), b.name.get(language)) for b in bills[:6]),
        ]

    async def link(self, target: LinkTarget, submission_id: int, *, actor_id: int) -> int:
        """Link one submission (from its card); return 1 when the link is new."""
        await self.title(target, "ko")
        added = await self._links.link(
            target, [submission_id], actor_id=actor_id, now=self._clock.now()
        )
        await self.notify()
        return added

    async def link_codes(self, target: LinkTarget, text: str, *, actor_id: int) -> LinkOutcome:
        """Link every receipt code in `text` (in bulk, from the meeting or bill)."""
        await self.title(target, "ko")
        ids: list[int] = []
        linked: list[str] = []
        unknown: list[str] = []
        for word in text.replace(",", " ").split():
            code = parse_receipt_code(word)
            submission = await self._submissions.get_by_code(code) if code else None
            if submission is None:
                unknown.append(word[:40])
            elif submission.id not in ids:
                ids.append(submission.id)
                linked.append(submission.receipt_code)
        added = await self._links.link(target, ids, actor_id=actor_id, now=self._clock.now())
        await self.notify()
        return LinkOutcome(tuple(linked), added, tuple(unknown))

    async def agenda(self, target: LinkTarget, language: str) -> Agenda:
        """The linked submissions and their burden totals, ready to hand to the council."""
        title = await self.title(target, language)
        entries = await self._links.agenda(target)
        return Agenda(target, title, tuple(entries), totals(entries))

    async def notify(self) -> int:
        """Queue what linked owners are owed: scheduled, held with its outcome, new bill stages."""
        owners = await self._links.owners()
        if not owners:
            return 0
        told = await self._links.told()
        meeting_ids = sorted(
            {o.target.item_id for o in owners if o.target.kind is LinkKind.MEETING}
        )
        bill_ids = sorted({o.target.item_id for o in owners if o.target.kind is LinkKind.BILL})
        meetings = await self._meetings.many(meeting_ids)
        bills = await self._bills.many(bill_ids)
        stages = await self._links.stages(bill_ids)
        now = self._clock.now()
        release = self._quiet.release_at(now, self._zone)
        notices: list[tuple[LinkNotice, QueuedMessage | None]] = []
        news_of: dict[LinkNotice, tuple[LinkedOwner, LinkNews]] = {}
        for owner in owners:
            for news in _owed(owner, meetings, bills, stages):
                target = owner.target
                if (owner.submission_id, str(target.kind), target.item_id, news.what) in told:
                    continue
                message = None
                if owner.user_id is not None:
                    message = self._words(
                        _message(owner, news, owner.user_id, owner.language, release)
                    )
                notice = LinkNotice(owner.submission_id, target, news.what, owner.private)
                news_of[notice] = (owner, news)
                notices.append((notice, message))
        if not notices:
            return 0
        queued = await self._links.queue(
            notices,
            now=now,
            supporters=lambda notice: self._for_supporters(notice, *news_of[notice], release),
        )
        if queued:
            logger.info("queued %d agenda notices", queued)
        # Supporters may be told when the owner is not; waking the sender is cheap either way.
        self._on_queued()
        return queued

    def _for_supporters(
        self, notice: LinkNotice, owner: LinkedOwner, news: LinkNews, release: datetime
    ) -> SupporterNotice:
        """The same news for the submission's supporters, each in their language."""

        def compose(recipient: Recipient) -> QueuedMessage:
            return self._words(
                _message(
                    owner, news, recipient.user_id, recipient.language, release, supporter=True
                )
            )

        target = notice.target
        event = f"link:{notice.submission_id}:{target.kind}:{target.item_id}:{notice.what}"
        return SupporterNotice(event, compose)


def _message(
    owner: LinkedOwner,
    news: LinkNews,
    user_id: int,
    language: str,
    release: datetime,
    *,
    supporter: bool = False,
) -> LinkMessage:
    return LinkMessage(
        user_id=user_id,
        language=language,
        submission_id=owner.submission_id,
        receipt_code=owner.receipt_code,
        news=news,
        supporter=supporter,
        not_before=release,
    )


def _owed(
    owner: LinkedOwner,
    meetings: dict[int, Meeting],
    bills: dict[int, Bill],
    stages: Sequence[StageRecord],
) -> list[LinkNews]:
    """What the owner (and, with them, the report's supporters) is owed about one link."""
    target = owner.target
    if target.kind is LinkKind.MEETING:
        meeting = meetings.get(target.item_id)
        if meeting is None:
            return []
        if meeting.is_open:
            return [MeetingNews(meeting, held=False)]
        if meeting.status is MeetingStatus.HELD:
            return [MeetingNews(meeting, held=True)]
        return []
    bill = bills.get(target.item_id)
    if bill is None:
        return []
    return [
        StageNews(bill, stage_id, stage, on_date)
        for stage_id, bill_id, stage, on_date in stages
        if bill_id == bill.id and stage_id > owner.since_stage_id
    ]
