"""Agenda and outcomes: submissions linked to the meeting or bill that takes them up.

Owners of linked submissions are owed hearing, once each, what those items did.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.amounts import Cost
from domain.burden import BurdenEntry, BurdenLine, BurdenTally

__all__ = [
    "AgendaEntry",
    "LinkKind",
    "LinkNotice",
    "LinkTarget",
    "LinkedOwner",
    "totals",
]


class LinkKind(StrEnum):
    """What a submission can be linked to."""

    MEETING = "meeting"
    BILL = "bill"


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """One meeting or bill, as links name it."""

    kind: LinkKind
    item_id: int


@dataclass(frozen=True, slots=True)
class LinkedOwner:
    """Who to tell about one link: used for delivery only, never shown to anyone else.

    `user_id` is None when an anonymous owner erased their data: the notice is still recorded,
    as a `private` delivery with nothing to send, so /delivery looks the same either way.
    """

    submission_id: int
    receipt_code: str
    user_id: int | None
    language: str
    target: LinkTarget
    since_stage_id: int
    private: bool = False


@dataclass(frozen=True, slots=True)
class LinkNotice:
    """One thing an owner is told once: `what` is scheduled, held or stage:<id>."""

    submission_id: int
    target: LinkTarget
    what: str
    private: bool = False


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    """A linked submission as the council sees it: what, how many stand behind it, the burden."""

    submission_id: int
    receipt_code: str
    category_id: str
    problem: str
    status: str
    supporters: int
    hours: Cost | None
    won: Cost | None


def totals(entries: list[AgendaEntry]) -> BurdenLine:
    """The agenda's burden, added up as the league table adds it (domain/burden.py)."""
    tally = BurdenTally({}).extend(
        BurdenEntry(None, entry.category_id, entry.supporters, entry.hours, entry.won)
        for entry in entries
    )
    return tally.table().total
