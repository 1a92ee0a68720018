"""Submissions: a reported pain point, its status history, evidence and supporters.

Identity is modelled so it cannot leak: a `Submission` carries a `Submitter` only when the
owner chose to be named. The Telegram id behind an anonymous submission never enters this
object; it is read only by the owner's own queries and by `Recipient` lookups for delivery.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from domain.amounts import Cost

__all__ = [
    "MAX_ATTACHMENTS",
    "MAX_LAW_LENGTH",
    "MAX_TEXT_LENGTH",
    "MIN_PROBLEM_LENGTH",
    "OPEN_STATUSES",
    "Attachment",
    "AttachmentKind",
    "NewSubmission",
    "Recipient",
    "ReportContent",
    "StatusChange",
    "Submission",
    "SubmissionEvent",
    "SubmissionFilter",
    "SubmissionNotFoundError",
    "SubmissionOrder",
    "SubmissionStatus",
    "Submitter",
    "Visibility",
]

MIN_PROBLEM_LENGTH = 10
MAX_TEXT_LENGTH = 3500
MAX_LAW_LENGTH = 500
MAX_ATTACHMENTS = 5

AttachmentKind = Literal["document", "photo"]


class SubmissionNotFoundError(LookupError):
    """No submission has this id (a stale button, or a forged one)."""


class SubmissionStatus(StrEnum):
    """Where a submission stands; administrators move it, the submitter is told each time."""

    RECEIVED = "received"
    IN_REVIEW = "in_review"
    FORWARDED = "forwarded"
    ANSWERED = "answered"
    CLOSED = "closed"
    REJECTED = "rejected"

    @property
    def is_open(self) -> bool:
        """Open submissions can still gather support and be matched as similar."""
        return self in OPEN_STATUSES

    @property
    def is_reply(self) -> bool:
        """Whether reaching it replies to the owner, meeting the answer deadline.

        An official answer does, and so does a rejection: its reason is a reply too.
        """
        return self in (SubmissionStatus.ANSWERED, SubmissionStatus.REJECTED)

    def replied_at(self, now: datetime) -> datetime | None:
        """When reaching this status at `now` replied to the owner: `now`, or None if it did not.

        Storage keeps the first reply (`COALESCE`); whether there was one is decided here.
        """
        return now if self.is_reply else None


OPEN_STATUSES = frozenset(
    {SubmissionStatus.RECEIVED, SubmissionStatus.IN_REVIEW, SubmissionStatus.FORWARDED}
)


class Visibility(StrEnum):
    """Named: administrators may contact the submitter. Anonymous: nobody sees who it was."""

    NAMED = "named"
    ANONYMOUS = "anonymous"


@dataclass(frozen=True, slots=True)
class Attachment:
    """Evidence kept by Telegram file id, with what is needed to list it."""

    file_id: str
    file_unique_id: str
    kind: AttachmentKind
    file_name: str | None = None
    mime_type: str | None = None
    file_size: int | None = None


@dataclass(frozen=True, slots=True)
class ReportContent:
    """What an owner says about a problem, from its topic to their company.

    The one list of a report's facts: a draft fills it step by step (so every field may still
    be missing), a submission keeps it (with a topic and a problem at least), and storage
    derives its columns from these fields. After submitting, an owner may change everything
    but the topic and the problem, which administrators and supporters may have acted on.
    """

    category_id: str | None = None
    problem: str | None = None
    law_or_rule: str | None = None
    law_unsure: bool = False
    proposal: str | None = None
    impact: int | None = None
    hours_cost: Cost | None = None
    won_cost: Cost | None = None
    region_id: str | None = None
    company_size_id: str | None = None
    industry_id: str | None = None


@dataclass(frozen=True, slots=True)
class Submitter:
    """Who to contact about a named submission; never built for an anonymous one."""

    user_id: int
    name: str | None
    username: str | None


@dataclass(frozen=True, slots=True)
class Submission:
    """A submission as administrators and other readers may see it: no hidden identity inside."""

    id: int
    receipt_code: str
    visibility: Visibility
    submitter: Submitter | None
    content: ReportContent
    status: SubmissionStatus
    forwarded_to: str | None
    answer_text: str | None
    answered_at: datetime | None
    answered_by: int | None
    created_at: datetime
    updated_at: datetime
    language: str
    merged_into: int | None
    hidden: bool
    deleted_at: datetime | None
    supporters_count: int
    due_on: date | None = None
    expected_on: date | None = None

    def __post_init__(self) -> None:
        if self.content.category_id is None or self.content.problem is None:
            raise ValueError("a submission has a topic and a problem")

    @property
    def category_id(self) -> str:
        """The topic, which every submission has."""
        assert self.content.category_id is not None
        return self.content.category_id

    @property
    def problem(self) -> str:
        """The problem in the owner's words, which every submission has."""
        assert self.content.problem is not None
        return self.content.problem

    @property
    def is_anonymous(self) -> bool:
        """Whether readers must not learn who submitted it."""
        return self.visibility is Visibility.ANONYMOUS

    @property
    def is_open(self) -> bool:
        """Whether it can still gather support."""
        return self.status.is_open


@dataclass(frozen=True, slots=True)
class SubmissionEvent:
    """One step of a submission's history; actor_id is None for the submitter or the system."""

    id: int
    submission_id: int
    at: datetime
    status: SubmissionStatus
    actor_id: int | None
    note: str | None


StatusChange = SubmissionEvent


@dataclass(frozen=True, slots=True)
class NewSubmission:
    """Everything a finished draft contributes to a new submission."""

    user_id: int
    visibility: Visibility
    submitter_name: str | None
    submitter_username: str | None
    content: ReportContent
    language: str
    attachments: tuple[Attachment, ...]
    due_on: date | None = None


@dataclass(frozen=True, slots=True)
class Recipient:
    """Where to deliver news about a submission: used only for sending, never displayed."""

    user_id: int
    language: str
    blocked: bool


class SubmissionOrder(StrEnum):
    """How the inbox sorts; the values are short because they travel in callback data."""

    NEWEST = "n"
    OLDEST = "o"
    MOST_SUPPORTED = "s"
    HIGHEST_COST = "c"


@dataclass(frozen=True, slots=True)
class SubmissionFilter:
    """What an administrator's inbox asks for; None means "any"."""

    statuses: frozenset[SubmissionStatus] | None = None
    category_id: str | None = None
    region_id: str | None = None
    include_hidden: bool = False
    include_merged: bool = True
    order: SubmissionOrder = SubmissionOrder.OLDEST
    overdue_before: date | None = None
    """When set, only open submissions whose (expected or original) due day is before it."""
    receipt_code: str | None = None
    search_terms: tuple[str, ...] = ()
    """Normalised terms (domain/search.py) that must all appear in the searchable text."""
