"""/my and /status: a submitter's own submissions and those they support, with answers.

Every lookup is checked against the sender. The owner sees all of their submission; a supporter
sees what any owner may see of someone else's: topic, status, counts, dates, the ministry and the
official answer, never what its author typed nor anything about them.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from domain.drafts import CompanyProfile
from domain.receipts import parse_receipt_code
from domain.submissions import Submission, SubmissionStatus
from domain.supporters import MyItem
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.deadline_views import detail_line, follow_up_line
from handlers.feedback_views import (
    costs_words,
    impact_words,
    preview,
    profile_text,
    status_label,
)
from handlers.paging import clamp, fit_page, navigation
from handlers.ui import button, edit_or_say, keyboard, plain_text, send
from messages import Markup, format_date, format_datetime, t
from messages.length import split_blocks

__all__ = ["COMMANDS", "PAGE_SIZE", "detail_messages", "handlers", "supported_messages"]

PAGE_SIZE = 5
_SNIPPET = 80


async def _category_name(context: SotongContext, category_id: str) -> str:
    choice = await context.services.reference.find("categories", category_id)
    return category_id if choice is None else choice.name(context.lang)


async def detail_messages(context: SotongContext, submission: Submission) -> list[Markup]:
    """The full submission, its history and any answer, split into messages that fit."""
    lang = context.lang
    zone = context.services.zone
    submissions = context.services.submissions
    # A field the owner skipped is "not given", never "none": "비용: 없음" reads as "no cost".
    not_given = t(lang, "my.value.not_given")
    profile = _profile(submission)
    attachments = await submissions.attachments(submission.id)
    sections = [
        t(
            lang,
            "my.detail.header",
            code=submission.receipt_code,
            status=status_label(lang, submission.status),
            category=await _category_name(context, submission.category_id),
            created=format_datetime(submission.created_at, lang, zone),
            visibility=t(lang, f"feedback.visibility.{submission.visibility}"),
            impact=impact_words(lang, submission.content.impact, not_given),
            cost=costs_words(lang, submission.content.hours_cost, submission.content.won_cost)
            or not_given,
            profile=not_given if profile.is_empty else await profile_text(context, profile),
            attachments=(
                t(lang, "feedback.value.attachments", count=len(attachments))
                if attachments
                else not_given
            ),
            supporters=submission.supporters_count,
        ),
        t(lang, "my.detail.problem", text=submission.problem),
    ]
    deadline = await detail_line(context, submission)
    if deadline is not None:
        sections.insert(1, deadline)
    helped = await follow_up_line(context, submission.id)
    if helped is not None:
        sections.append(helped)
    if submission.content.law_or_rule is not None:
        sections.append(t(lang, "my.detail.law", text=submission.content.law_or_rule))
    elif submission.content.law_unsure:
        sections.append(t(lang, "my.detail.law", text=t(lang, "feedback.value.law_unsure")))
    if submission.content.proposal is not None:
        sections.append(t(lang, "my.detail.proposal", text=submission.content.proposal))
    sections.extend(await _progress(context, submission, notes=True))
    return [Markup(part) for part in split_blocks(sections)]


async def _progress(context: SotongContext, submission: Submission, *, notes: bool) -> list[Markup]:
    """The history, the ministry and the official answer; the notes only for the owner.

    A supporter reads when and what only: an administrator's note may name the author or
    repeat their words.
    """
    lang = context.lang
    zone = context.services.zone
    lines = []
    for event in await context.services.submissions.events(submission.id):
        line = t(
            lang,
            "my.detail.history_line",
            at=format_datetime(event.at, lang, zone),
            status=status_label(lang, event.status),
        )
        note = ""
        if notes and event.note:
            shown = event.note[:300]
            if event.status is SubmissionStatus.REJECTED:
                shown = t(lang, "status.reject_reason", note=shown)
            note = t(lang, "my.detail.history_note", note=shown)
        lines.append(f"{line}{note}")
    sections = [t(lang, "my.detail.history", lines=Markup("\n".join(lines)))]
    if submission.forwarded_to:
        sections.append(t(lang, "my.detail.forwarded_to", ministry=submission.forwarded_to))
    if submission.answer_text and submission.answered_at is not None:
        sections.append(
            t(
                lang,
                "my.detail.answer",
                at=format_datetime(submission.answered_at, lang, zone),
                text=submission.answer_text[:3500],
            )
        )
    return sections


async def supported_messages(context: SotongContext, submission: Submission) -> list[Markup]:
    """Someone else's submission as its supporter sees it, split into messages that fit."""
    lang = context.lang
    sections = [
        t(
            lang,
            "my.supported_detail",
            code=submission.receipt_code,
            status=status_label(lang, submission.status),
            category=await _category_name(context, submission.category_id),
            supporters=submission.supporters_count,
        )
    ]
    deadline = await detail_line(context, submission)
    if deadline is not None:
        sections.append(deadline)
    sections.extend(await _progress(context, submission, notes=False))
    return [Markup(part) for part in split_blocks(sections)]


def _profile(submission: Submission) -> CompanyProfile:
    return CompanyProfile(
        submission.content.region_id,
        submission.content.company_size_id,
        submission.content.industry_id,
    )


async def _line(context: SotongContext, item: MyItem) -> Markup:
    """A line of /my; a supported submission shows no words of its author, only what it is."""
    lang = context.lang
    submission = item.submission
    category = await _category_name(context, submission.category_id)
    status = status_label(lang, submission.status)
    if item.supported:
        return t(
            lang,
            "my.supported_line",
            code=submission.receipt_code,
            status=status,
            category=category,
            supporters=submission.supporters_count,
        )
    return t(
        lang,
        "my.line",
        code=submission.receipt_code,
        status=status,
        date=format_date(submission.created_at, lang, context.services.zone),
        category=category,
        snippet=preview(lang, submission.problem, _SNIPPET),
    )


async def _page(
    context: SotongContext, user_id: int, page: int
) -> tuple[Markup, InlineKeyboardMarkup]:
    """One page of the user's list: their own newest first, then the ones they support."""
    lang = context.lang
    submissions = context.services.submissions
    total = await submissions.count_for_person(user_id)
    page, pages = clamp(page, total, PAGE_SIZE)
    items = await submissions.page_for_person(user_id, limit=PAGE_SIZE, offset=page * PAGE_SIZE)
    lines = [await _line(context, item) for item in items]
    rows: list[list[InlineKeyboardButton]] = [
        [
            button(
                lang,
                "my.supported_button" if item.supported else "my.item_button",
                cb.MyOpen(item.submission.id, page),
                code=item.submission.receipt_code,
                status=status_label(lang, item.submission.status),
            )
        ]
        for item in items
    ]
    rows.append(navigation(lang, page, pages, cb.MyPage))
    title = t(lang, "my.title", total=total, page=page + 1, pages=pages)
    return fit_page(title, lines), keyboard(rows)


async def my_list(update: Update, context: SotongContext) -> None:
    """/my or the menu: the first page of the user's submissions."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    assert update.effective_user is not None
    user_id = update.effective_user.id
    if await context.services.submissions.count_for_person(user_id) == 0:
        await send(update, context, t(context.lang, "my.empty"))
        return
    text, markup = await _page(context, user_id, 0)
    await send(update, context, text, markup)


async def my_page(update: Update, context: SotongContext) -> None:
    """Paging, or back from a detail: turn the message into the asked page."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    user_id = update.effective_user.id
    if await context.services.submissions.count_for_person(user_id) == 0:
        # A button from before /deletemydata (or any list now empty) no longer applies.
        await query.answer(plain_text(t(context.lang, "my.empty")), show_alert=True)
        return
    tapped = cb.MyPage.decode(query.data)
    assert tapped is not None
    text, markup = await _page(context, user_id, tapped.page)
    if isinstance(query.message, Message):
        await edit_or_say(query, text, markup, t(context.lang, "paging.same_page"))
    else:
        await send(update, context, text, markup)


async def _show_detail(
    update: Update, context: SotongContext, submission: Submission, page: int
) -> None:
    """One message, unless the submission with its answer passes Telegram's length limit.

    Then it is split rather than cut (the owner must be able to read all of the official
    answer), with the way back under the last part.
    """
    parts = await detail_messages(context, submission)
    rows = [[button(context.lang, "my.button.list", cb.MyPage(page))]]
    if submission.is_open and submission.merged_into is None:
        more = cb.FbAddDetails(submission.id)
        rows.insert(0, [button(context.lang, "feedback.button.add_details_later", more)])
    back = keyboard(rows)
    for index, part in enumerate(parts):
        await send(update, context, part, back if index == len(parts) - 1 else None)


async def _show_supported(
    update: Update, context: SotongContext, submission: Submission, page: int
) -> None:
    """A supported submission's view, with the way back under the last part."""
    parts = await supported_messages(context, submission)
    back = keyboard([[button(context.lang, "my.button.list", cb.MyPage(page))]])
    for index, part in enumerate(parts):
        await send(update, context, part, back if index == len(parts) - 1 else None)


async def my_open(update: Update, context: SotongContext) -> None:
    """A submission's button: the owner's full view, or a supporter's; others learn nothing."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    await query.answer()
    tapped = cb.MyOpen.decode(query.data)
    assert tapped is not None
    submissions = context.services.submissions
    user_id = update.effective_user.id
    submission = await submissions.owned(tapped.submission_id, user_id)
    if submission is not None:
        await _show_detail(update, context, submission, tapped.page)
        return
    supported = await submissions.supported(tapped.submission_id, user_id)
    if supported is None:
        await send(update, context, t(context.lang, "my.not_found"))
        return
    await _show_supported(update, context, supported, tapped.page)


async def status_command(update: Update, context: SotongContext) -> None:
    """/status CODE: the same detail as /my, for the owner or a supporter; others learn nothing."""
    assert update.effective_user is not None
    lang = context.lang
    code = parse_receipt_code(" ".join(context.args or []))
    if code is None:
        await send(update, context, t(lang, "my.status_usage"))
        return
    submissions = context.services.submissions
    user_id = update.effective_user.id
    submission = await submissions.owned_by_code(code, user_id)
    if submission is not None:
        await _show_detail(update, context, submission, 0)
        return
    supported = await submissions.supported_by_code(code, user_id)
    if supported is None:
        await send(update, context, t(lang, "my.not_found"))
        return
    await _show_supported(update, context, supported, 0)


COMMANDS = (
    Command("my", Scope.WITH_CONSENT, 40, my_list),
    Command("status", Scope.WITH_CONSENT, 50, status_command),
)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/my, /status and their buttons."""
    return [
        CallbackQueryHandler(my_list, pattern=cb.MENU_MY.matches),
        CallbackQueryHandler(my_page, pattern=cb.MyPage.matches),
        CallbackQueryHandler(my_open, pattern=cb.MyOpen.matches),
    ]
