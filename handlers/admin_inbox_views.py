"""What /inbox shows: the list page, one submission in full, and their keyboards."""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from domain import callback_data as cb
from domain.reference import Choice
from domain.review import ALLOWED_MOVES
from domain.submissions import (
    Attachment,
    Submission,
    SubmissionEvent,
    SubmissionFilter,
    SubmissionOrder,
    SubmissionStatus,
)
from handlers.context import SotongContext
from handlers.deadline_views import inbox_line
from handlers.feedback_views import costs_words, impact_words
from handlers.paging import fit_page, navigation
from handlers.ui import button, keyboard, plain_text
from messages import Markup, format_datetime, format_number, format_short_date, t
from messages.length import split_blocks

__all__ = [
    "OVERDUE",
    "PAGE_SIZE",
    "InboxView",
    "detail_markup",
    "detail_messages",
    "filter_options",
    "list_markup",
    "list_text",
]

PAGE_SIZE = 4
"""Entries per page, so that a page fits one phone screen (390×844 points).

Each entry is two short lines and a gap (about 75 points); the problem's first words are on the
entry's own full-width button (46 points), above the paging and filter rows. Four entries come to
about 650 points, what a chat leaves between its header and the typing box; the sandbox test
measures it at 390×844. Eight entries of four lines, as before, made one 1,737-pixel message an
administrator had to scroll through to reach the buttons.
"""
_BUTTON_TOPIC = 18
_BUTTON_LABEL = 42
"""Widths on one button line at 390 points, counting Hangul as two and Latin letters as one."""
OVERDUE = "!"
_OPEN_DEFAULT = frozenset({SubmissionStatus.RECEIVED, SubmissionStatus.IN_REVIEW})


@dataclass(frozen=True, slots=True)
class InboxView:
    """A page of the inbox with its filter and order, as `page:status:cat:reg:sort` in buttons.

    status "_" means the default (new and in review), "*" any status; newest first by default,
    so new reports are on the first page.
    """

    page: int = 0
    status: str = "_"
    category: str = "-"
    region: str = "-"
    sort: str = SubmissionOrder.NEWEST.value
    search: bool = False
    """Narrowed by the administrator's saved search (`:q` at the end of the data)."""

    def encode(self, page: int | None = None) -> cb.InboxList:
        """Callback data that reopens this view (at another page if given)."""
        number = self.page if page is None else page
        return cb.InboxList(number, self.status, self.category, self.region, self.sort, self.search)

    def with_value(self, dimension: str, value: str) -> InboxView:
        """The same filter with one dimension changed, back on the first page."""
        if dimension == "status":
            return replace(self, page=0, status=value)
        if dimension == "category":
            return replace(self, page=0, category=value)
        if dimension == "sort":
            return replace(self, page=0, sort=value)
        return replace(self, page=0, region=value)

    def submission_filter(self, today: date | None = None) -> SubmissionFilter:
        """The repository filter; merged submissions never show in the inbox.

        Status "!" means overdue: open and past its due (or announced later) day as of `today`.
        """
        if self.status == OVERDUE:
            return SubmissionFilter(
                category_id=None if self.category == "-" else self.category,
                region_id=None if self.region == "-" else self.region,
                include_merged=False,
                order=SubmissionOrder(self.sort),
                overdue_before=today,
            )
        if self.status == "_":
            statuses: frozenset[SubmissionStatus] | None = _OPEN_DEFAULT
        elif self.status == "*":
            statuses = None
        else:
            statuses = frozenset({SubmissionStatus(self.status)})
        return SubmissionFilter(
            statuses=statuses,
            category_id=None if self.category == "-" else self.category,
            region_id=None if self.region == "-" else self.region,
            include_merged=False,
            order=SubmissionOrder(self.sort),
        )


def _name(choices: Sequence[Choice], choice_id: str | None, lang: str) -> str:
    for choice in choices:
        if choice.id == choice_id:
            return choice.name(lang)
    return plain_text(t(lang, "admin_common.unspecified"))


def status_name(lang: str, status: str) -> Markup:
    """A status as administrators read it."""
    return t(lang, f"admin_common.status.{status}")


def filter_line(
    lang: str, view: InboxView, categories: Sequence[Choice], regions: Sequence[Choice]
) -> Markup:
    """The filter in words, for the list's title."""
    any_value = plain_text(t(lang, "admin_common.any"))
    if view.status == "_":
        status = plain_text(t(lang, "admin_inbox.status_open"))
    elif view.status == OVERDUE:
        status = plain_text(t(lang, "deadline.inbox_filter"))
    elif view.status == "*":
        status = any_value
    else:
        status = plain_text(status_name(lang, view.status))
    category = any_value if view.category == "-" else _name(categories, view.category, lang)
    region = any_value if view.region == "-" else _name(regions, view.region, lang)
    return t(
        lang,
        "admin_inbox.filter_line",
        status=status,
        category=category,
        region=region,
        sort=t(lang, f"admin_inbox.sort.{view.sort}"),
    )


def list_text(
    context: SotongContext,
    view: InboxView,
    items: Sequence[Submission],
    total: int,
    *,
    categories: Sequence[Choice],
    regions: Sequence[Choice],
    more_than: int | None = None,
) -> Markup:
    """The page: the filter, the count, and one short entry per submission.

    `more_than` is given when the count stopped there (a search): the page has no last number.
    """
    lang = context.lang
    zone = context.services.zone
    line = filter_line(lang, view, categories, regions)
    if not items:
        return t(lang, "admin_inbox.empty", filter=line)
    pages = max(1, -(-total // PAGE_SIZE))
    entries = [
        t(
            lang,
            "admin_inbox.item",
            number=view.page * PAGE_SIZE + index + 1,
            code=item.receipt_code,
            status=status_name(lang, item.status),
            date=format_short_date(item.created_at, lang, zone),
            category=_name(categories, item.category_id, lang),
            supporters=item.supporters_count,
            deadline=inbox_line(context, item) or "",
        )
        for index, item in enumerate(items)
    ]
    page = view.page + 1
    if more_than is not None:
        many = format_number(more_than, lang)
        head = t(lang, "admin_inbox.title_many", filter=line, count=many, page=page)
    else:
        head = t(lang, "admin_inbox.title", filter=line, total=total, page=page, pages=pages)
    return fit_page(head, entries)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` columns (Hangul counting two), with "…" when it was cut."""
    if _width(text) <= width:
        return text
    kept, used = [], 1
    for char in text:
        used += _width(char)
        if used > width:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "…"


def _open_label(
    lang: str, number: int, item: Submission, categories: Sequence[Choice]
) -> dict[str, object]:
    """What an open button names: its number in the list, the topic and the problem's first words.

    Only what the card itself shows (topic, the start of the problem): nothing about the owner,
    so an anonymous report's button carries no more than its card.
    """
    topic = _fit(_name(categories, item.category_id, lang), _BUTTON_TOPIC)
    words = _fit(" ".join(item.problem.split()), _BUTTON_LABEL - _width(topic))
    return {"number": number, "topic": topic, "words": words}


def list_markup(
    lang: str,
    view: InboxView,
    items: Sequence[Submission],
    total: int,
    categories: Sequence[Choice],
) -> InlineKeyboardMarkup:
    """An open button per entry, each naming what it opens; paging, and the filters."""
    first = view.page * PAGE_SIZE + 1
    rows: list[list[InlineKeyboardButton]] = [
        [
            button(
                lang,
                "admin_inbox.button.open",
                cb.InboxOpen(item.id),
                **_open_label(lang, first + index, item, categories),
            )
        ]
        for index, item in enumerate(items)
    ]
    pages = max(1, -(-total // PAGE_SIZE))
    rows.append(navigation(lang, view.page, pages, view.encode))
    kept = (view.status, view.category, view.region, view.sort, view.search)
    rows.append(
        [
            button(lang, "admin_inbox.button.filter_status", cb.InboxFilter("status", *kept)),
            button(lang, "admin_inbox.button.filter_category", cb.InboxFilter("category", *kept)),
            button(lang, "admin_inbox.button.filter_region", cb.InboxFilter("region", *kept)),
            button(lang, "admin_inbox.button.sort", cb.InboxFilter("sort", *kept)),
        ]
    )
    if view != InboxView(page=view.page):
        rows.append([button(lang, "admin_inbox.button.reset", InboxView().encode())])
    return keyboard(rows)


def filter_options(
    lang: str, view: InboxView, dimension: str, choices: Sequence[Choice]
) -> InlineKeyboardMarkup:
    """One button per value of a dimension, plus "all"; each reopens the list filtered."""
    rows: list[list[InlineKeyboardButton]] = []
    if dimension == "status":
        values = [("_", plain_text(t(lang, "admin_inbox.status_open"))), ("*", "")]
        values.append((OVERDUE, plain_text(t(lang, "deadline.inbox_filter"))))
        values += [(s.value, plain_text(status_name(lang, s.value))) for s in SubmissionStatus]
    elif dimension == "sort":
        values = [
            (o.value, plain_text(t(lang, f"admin_inbox.sort.{o.value}"))) for o in SubmissionOrder
        ]
    else:
        values = [("-", "")] + [(choice.id, choice.name(lang)) for choice in choices]
    buttons = []
    for value, label in values:
        data = view.with_value(dimension, value).encode()
        if not label:
            buttons.append(button(lang, "admin_common.any", data))
        else:
            buttons.append(InlineKeyboardButton(label, callback_data=data.encode()))
    rows = [buttons[i : i + 3] for i in range(0, len(buttons), 3)]
    return keyboard(rows)


def _event_note(lang: str, event: SubmissionEvent) -> str:
    """An event's note as shown in the history: a rejection's note is labelled as its reason."""
    note = event.note or ""
    if event.status is SubmissionStatus.REJECTED:
        return t(lang, "status.reject_reason", note=note)
    return html.escape(note, quote=False)


def _history(context: SotongContext, events: Sequence[SubmissionEvent]) -> Markup:
    lang = context.lang
    zone = context.services.zone
    lines = [
        t(
            lang,
            "admin_inbox.detail.history_line",
            date=format_datetime(event.at, lang, zone),
            status=status_name(lang, event.status),
            note=Markup(f" — {_event_note(lang, event)}") if event.note else "",
        )
        for event in events
    ]
    return t(lang, "admin_inbox.detail.history", lines=Markup("\n".join(lines)))


def detail_messages(
    context: SotongContext,
    submission: Submission,
    events: Sequence[SubmissionEvent],
    attachments: Sequence[Attachment],
    references: dict[str, Sequence[Choice]],
    *,
    extra: Sequence[Markup] = (),
) -> list[Markup]:
    """The whole submission; identity only when it is named, never for an anonymous one.

    `extra` sections (the answer deadline) go just before the history.
    """
    lang = context.lang
    zone = context.services.zone
    unspecified = plain_text(t(lang, "admin_common.unspecified"))
    if submission.submitter is not None and not submission.is_anonymous:
        handle = f"@{submission.submitter.username}" if submission.submitter.username else ""
        submitter = t(
            lang,
            "admin_inbox.detail.named",
            name=submission.submitter.name or unspecified,
            handle=handle,
        )
    else:
        submitter = t(lang, "admin_inbox.detail.anonymous")
    sections = [
        t(
            lang,
            "admin_inbox.detail.head",
            code=submission.receipt_code,
            status=status_name(lang, submission.status),
            created=format_datetime(submission.created_at, lang, zone),
            supporters=submission.supporters_count,
            category=_name(references["categories"], submission.category_id, lang),
            region=_name(references["regions"], submission.content.region_id, lang),
            size=_name(references["company_sizes"], submission.content.company_size_id, lang),
            industry=_name(references["industries"], submission.content.industry_id, lang),
            submitter=submitter,
            impact=impact_words(lang, submission.content.impact, unspecified),
            cost=costs_words(lang, submission.content.hours_cost, submission.content.won_cost)
            or unspecified,
        ),
        t(lang, "admin_inbox.detail.problem", text=submission.problem),
    ]
    if submission.content.law_or_rule or submission.content.law_unsure:
        law = submission.content.law_or_rule or plain_text(t(lang, "admin_inbox.detail.law_unsure"))
        sections.append(t(lang, "admin_inbox.detail.law", text=law))
    if submission.content.proposal:
        sections.append(t(lang, "admin_inbox.detail.proposal", text=submission.content.proposal))
    if submission.forwarded_to:
        sections.append(t(lang, "admin_inbox.detail.forwarded", ministry=submission.forwarded_to))
    if submission.answer_text:
        answered = submission.answered_at or submission.updated_at
        sections.append(
            t(
                lang,
                "admin_inbox.detail.answer",
                date=format_datetime(answered, lang, zone),
                text=submission.answer_text,
            )
        )
    if submission.merged_into is not None:
        sections.append(t(lang, "admin_inbox.detail.merged"))
    sections.extend(extra)
    sections.append(_history(context, events))
    if attachments:
        sections.append(t(lang, "admin_inbox.detail.evidence", count=len(attachments)))
    return [Markup(part) for part in split_blocks(sections)]


def detail_markup(lang: str, submission: Submission) -> InlineKeyboardMarkup:
    """The moves the status model allows from here, and the way back to the list."""
    allowed = ALLOWED_MOVES[submission.status] if submission.merged_into is None else frozenset()
    ident = submission.id
    # A move back or a second answer is named as what it is, not as the first time.
    settled = submission.status in {
        SubmissionStatus.ANSWERED,
        SubmissionStatus.CLOSED,
        SubmissionStatus.REJECTED,
    }
    review_key = "admin_inbox.button.reopen" if settled else "admin_inbox.button.in_review"
    answer_key = (
        "admin_inbox.button.answer_again"
        if submission.status is SubmissionStatus.ANSWERED
        else "admin_inbox.button.answer"
    )
    candidates = [
        (
            SubmissionStatus.IN_REVIEW,
            review_key,
            cb.InboxMove("in_review", ident),
        ),
        (
            SubmissionStatus.FORWARDED,
            "admin_inbox.button.forward",
            cb.InboxAction("forward", ident),
        ),
        (SubmissionStatus.ANSWERED, answer_key, cb.InboxAction("answer", ident)),
        (SubmissionStatus.CLOSED, "admin_inbox.button.close", cb.InboxMove("closed", ident)),
        (SubmissionStatus.REJECTED, "admin_inbox.button.reject", cb.InboxAction("reject", ident)),
    ]
    buttons = [button(lang, key, data) for status, key, data in candidates if status in allowed]
    if submission.merged_into is None and submission.is_open:
        buttons.append(
            button(lang, "admin_inbox.button.duplicate", cb.InboxAction("duplicate", ident))
        )
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([button(lang, "agenda.button.link", cb.AgendaPick(ident))])
    rows.append([button(lang, "admin_inbox.button.back", InboxView().encode())])
    return keyboard(rows)
