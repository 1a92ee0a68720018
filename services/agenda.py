"""Agenda and outcomes: linking submissions to meetings and bills, and telling their owners.

Linking is the administrator's act; the owners' notices are decided by a pass that compares
each link with what its owner was already told (`link_notices`), so every notice goes exactly
once however often the pass runs, and a notice and its ledger row commit together.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from domain import callback_data as cb
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
from domain.delivery import Buttons, QueuedMessage
from domain.meetings import Meeting, MeetingStatus
from domain.receipts import parse_receipt_code
from domain.submissions import Recipient
from domain.subscriptions import QuietHours
from domain.supporters import SupporterNotice
from messages import Markup, format_date, t
from services.digests import meeting_line
from storage.agenda import LinkRepository, StageRecord
from storage.bills import BillRepository
from storage.meetings import MeetingRepository
from storage.submissions import SubmissionRepository

__all__ = ["Agenda", "AgendaService", "LinkOutcome"]

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
        on_queued: Callable[[], None],
    ) -> None:
        self._links = links
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

    async def target_for_key(self, key: str) -> LinkTarget | None:
        """The meeting or bill with this import key (content files name items by key)."""
        return await self._links.target_for_key(key)

    async def targets_of(self, submission_id: int) -> list[LinkTarget]:
        """What a submission is linked to."""
        return await self._links.targets_of(submission_id)

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
        owner_of: dict[LinkNotice, LinkedOwner] = {}
        for owner in owners:
            for what, text in self._owed(owner, meetings, bills, stages):
                target = owner.target
                if (owner.submission_id, str(target.kind), target.item_id, what) in told:
                    continue
                message = None
                if owner.user_id is not None:
                    message = QueuedMessage(owner.user_id, (text,), _buttons(owner), release)
                notice = LinkNotice(owner.submission_id, target, what, owner.private)
                owner_of[notice] = owner
                notices.append((notice, message))
        if not notices:
            return 0

        def news(reader: LinkedOwner) -> list[tuple[str, Markup]]:
            return self._owed(reader, meetings, bills, stages, supporter=True)

        queued = await self._links.queue(
            notices,
            now=now,
            supporters=lambda notice: self._for_supporters(owner_of[notice], notice, news, release),
        )
        if queued:
            logger.info("queued %d agenda notices", queued)
        # Supporters may be told when the owner is not; waking the sender is cheap either way.
        self._on_queued()
        return queued

    def _for_supporters(
        self,
        owner: LinkedOwner,
        notice: LinkNotice,
        news: Callable[[LinkedOwner], list[tuple[str, Markup]]],
        release: datetime,
    ) -> SupporterNotice:
        """The same news for the submission's supporters, each in their language.

        `news` is what a reader of the link is owed, worded for a supporter.
        """

        def compose(recipient: Recipient) -> QueuedMessage:
            reader = replace(owner, user_id=recipient.user_id, language=recipient.language)
            owed = news(reader)
            text = next(text for what, text in owed if what == notice.what)
            return QueuedMessage(recipient.user_id, (text,), _buttons(reader), release)

        target = notice.target
        event = f"link:{notice.submission_id}:{target.kind}:{target.item_id}:{notice.what}"
        return SupporterNotice(event, compose)

    def _owed(
        self,
        owner: LinkedOwner,
        meetings: dict[int, Meeting],
        bills: dict[int, Bill],
        stages: Sequence[StageRecord],
        *,
        supporter: bool = False,
    ) -> list[tuple[str, Markup]]:
        """What the owner (or, worded for them, a supporter) is owed about one link."""
        language, code = owner.language, owner.receipt_code
        target = owner.target
        if target.kind is LinkKind.MEETING:
            meeting = meetings.get(target.item_id)
            if meeting is None:
                return []
            line = meeting_line(meeting, language, self._zone)
            if meeting.is_open:
                key = "scheduled_supported" if supporter else "scheduled"
                return [("scheduled", t(language, f"agenda.notify.{key}", code=code, line=line))]
            if meeting.status is MeetingStatus.HELD:
                outcome = meeting.outcome.get(language) or t(language, "agenda.no_outcome")
                text = t(language, "agenda.notify.held", code=code, line=line, outcome=outcome)
                return [("held", text)]
            return []
        bill = bills.get(target.item_id)
        if bill is None:
            return []
        owed = []
        for stage_id, bill_id, stage, on_date in stages:
            if bill_id != bill.id or stage_id <= owner.since_stage_id:
                continue
            day = datetime(on_date.year, on_date.month, on_date.day, 12, tzinfo=self._zone)
            text = t(
                language,
                "agenda.notify.bill",
                code=code,
                bill=bill.name.get(language),
                stage=t(language, f"bills.stage.{stage}"),
                date=format_date(day, language, self._zone),
            )
            owed.append((f"stage:{stage_id}", text))
        return owed


def _buttons(owner: LinkedOwner) -> Buttons:
    label = html.unescape(t(owner.language, "feedback.button.open"))
    return (((label, cb.MyOpen(owner.submission_id, 0).encode()),),)
