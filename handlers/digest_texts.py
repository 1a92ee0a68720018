"""The news of meetings, bills and announcements as Telegram reads it: digests, reminders, notices.

The Telegram words of `services.digests.PolicyNews`, composed while the dispatcher queues them.
A digest is grouped meetings → bills → announcements, rendered in the subscriber's language
and split into parts Telegram accepts (4096 characters), with the change-or-stop buttons.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from domain import callback_data as cb
from domain.bills import Bill
from domain.content import ContentChange, ItemKind
from domain.delivery import Buttons, QueuedMessage
from domain.meetings import Meeting
from domain.submissions import Recipient
from handlers.content_lines import bill_line, meeting_line, stage_text
from handlers.queued_buttons import queued_button
from messages import Markup, format_date, t
from messages.length import split_blocks, truncate
from services.digests import ContentSnapshot, DigestEntry

__all__ = ["PolicyNewsTexts"]

_ANNOUNCEMENT_PREVIEW = 300


def _entry_block(
    entry: DigestEntry, snapshot: ContentSnapshot, language: str, zone: ZoneInfo
) -> Markup | None:
    if entry.kind is ItemKind.MEETING:
        meeting = snapshot.meetings.get(entry.item_id)
        if meeting is None:
            return None
        line = meeting_line(meeting, language, zone)
        if entry.change is ContentChange.HELD and meeting.outcome:
            line = t(
                language, "digest.with_outcome", line=line, outcome=meeting.outcome.get(language)
            )
        return t(language, f"digest.change.{entry.change.value}", line=line)
    if entry.kind is ItemKind.BILL:
        bill = snapshot.bills.get(entry.item_id)
        if bill is None:
            return None
        stages = [stage for stage in bill.stages if stage.id in entry.stage_ids]
        if not stages:
            return t(
                language,
                f"digest.change.{entry.change.value}",
                line=bill_line(bill, language, zone),
            )
        moved = Markup(", ".join(stage_text(stage, language, zone) for stage in stages))
        return t(language, "digest.bill_moved", name=bill.name.get(language), stages=moved)
    announcement = snapshot.announcements.get(entry.item_id)
    if announcement is None:
        return None
    body = announcement.body.get(language)
    body = truncate(body, _ANNOUNCEMENT_PREVIEW)
    return t(language, "digest.announcement", title=announcement.title.get(language), body=body)


def _render_digest(
    entries: Sequence[DigestEntry],
    snapshot: ContentSnapshot,
    language: str,
    zone: ZoneInfo,
    *,
    heading: Markup,
) -> tuple[str, ...]:
    """The digest as message parts, or nothing when every item has since vanished.

    Heading, then the sections in their fixed order, then the footer line that goes with the
    change-or-stop buttons.
    """
    blocks: list[str] = [heading]
    found = False
    for kind, section in (
        (ItemKind.MEETING, "digest.section.meetings"),
        (ItemKind.BILL, "digest.section.bills"),
        (ItemKind.ANNOUNCEMENT, "digest.section.announcements"),
    ):
        rendered = [
            block
            for entry in _sorted(entries, kind, snapshot)
            if (block := _entry_block(entry, snapshot, language, zone)) is not None
        ]
        if rendered:
            found = True
            blocks.append(t(language, section))
            blocks.extend(rendered)
    if not found:
        return ()
    blocks.append(t(language, "digest.footer"))
    return split_blocks(blocks)


def _sorted(
    entries: Sequence[DigestEntry], kind: ItemKind, snapshot: ContentSnapshot
) -> list[DigestEntry]:
    chosen = [entry for entry in entries if entry.kind is kind]
    if kind is ItemKind.MEETING:
        chosen = [entry for entry in chosen if entry.item_id in snapshot.meetings]
        return sorted(chosen, key=lambda entry: snapshot.meetings[entry.item_id].starts_at)
    return sorted(chosen, key=lambda entry: entry.item_id)


def _digest_buttons(language: str) -> Buttons:
    """The one-tap way to change or stop, under every digest."""
    return (
        (
            queued_button(language, "digest.button.change", cb.SUB_EDIT),
            queued_button(language, "digest.button.stop", cb.SUB_STOP),
        ),
    )


class PolicyNewsTexts:
    """Digests, reminders and notices as Telegram HTML with buttons, in the configured zone."""

    def __init__(self, zone: ZoneInfo) -> None:
        self._zone = zone

    def digest(
        self,
        user_id: int,
        language: str,
        entries: Sequence[DigestEntry],
        snapshot: ContentSnapshot,
        *,
        slot: datetime | None,
        not_before: datetime,
    ) -> QueuedMessage | None:
        """The heading names the slot's day, or says the news is immediate."""
        if slot is None:
            heading = t(language, "digest.heading_immediate")
        else:
            heading = t(language, "digest.heading", date=format_date(slot, language, self._zone))
        parts = _render_digest(entries, snapshot, language, self._zone, heading=heading)
        if not parts:
            return None
        return QueuedMessage(user_id, parts, _digest_buttons(language), not_before)

    def meeting_reminder(
        self, user_id: int, language: str, meeting: Meeting, which: str, *, not_before: datetime
    ) -> QueuedMessage:
        """The meeting's line under the reminder, with its calendar file."""
        text = t(
            language,
            f"meetings.reminder.{which}",
            line=meeting_line(meeting, language, self._zone),
        )
        buttons: Buttons = (
            (queued_button(language, "meetings.button.ics", cb.MeetIcs(meeting.id)),),
        )
        return QueuedMessage(user_id, (text,), buttons, not_before)

    def meeting_changed(
        self,
        user_id: int,
        language: str,
        meeting: Meeting,
        change: ContentChange,
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """The meeting as it now stands, without buttons."""
        text = t(
            language,
            f"meetings.watch.{change.value}",
            line=meeting_line(meeting, language, self._zone),
        )
        return QueuedMessage(user_id, (text,), (), not_before)

    def related_meeting(
        self, recipient: Recipient, meeting: Meeting, *, not_before: datetime
    ) -> QueuedMessage:
        """The meeting, with a reminder to ask for and its calendar file."""
        language = recipient.language
        text = t(
            language,
            "digest.related.meeting",
            line=meeting_line(meeting, language, self._zone),
        )
        buttons: Buttons = (
            (
                queued_button(
                    language, "meetings.button.remind", cb.MeetRemind("remind", meeting.id)
                ),
                queued_button(language, "meetings.button.ics", cb.MeetIcs(meeting.id)),
            ),
        )
        return QueuedMessage(recipient.user_id, (text,), buttons, not_before)

    def related_bill(
        self, recipient: Recipient, bill: Bill, *, not_before: datetime
    ) -> QueuedMessage:
        """The bill where it stands now, with a button to follow it."""
        language = recipient.language
        text = t(language, "digest.related.bill", line=bill_line(bill, language, self._zone))
        buttons: Buttons = (
            (queued_button(language, "bills.button.follow", cb.BillFollow("follow", bill.id)),),
        )
        return QueuedMessage(recipient.user_id, (text,), buttons, not_before)
