"""/inbox: review submissions, move them through the status model, answer and merge them.

Listing, opening and simple moves are stateless buttons. Moves that need typed text (the
ministry, the answer, the reason, the original's receipt code) run in a small persistent
conversation whose form (what was asked, for which submission) is stored with its step among the
inputs in progress, so a restart between the button and the text loses nothing, and a newer
prompt or a command parks it. See admin_inbox.mmd.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from domain import callback_data as cb
from domain.reference import Choice
from domain.review import (
    AlreadyMergedError,
    ChangedMeanwhileError,
    EmptyTextError,
    MergeOutcome,
    MoveNotAllowedError,
    NotAReceiptCodeError,
    PendingInput,
    ReviewAction,
    ReviewError,
    ReviewOutcome,
    SameSubmissionError,
    TextTooLongError,
    checked_answer,
)
from domain.search import COUNT_LIMIT, SearchQuery
from domain.submissions import Submission, SubmissionStatus
from handlers.admin_agenda import card_line
from handlers.admin_guard import admin_only
from handlers.admin_inbox_views import (
    OVERDUE,
    PAGE_SIZE,
    InboxView,
    detail_markup,
    detail_messages,
    filter_options,
    list_markup,
    list_text,
    status_name,
)
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.conversation import END, Flow, build_conversation
from handlers.deadline_views import deadline_sections, follow_up_line
from handlers.notice_texts import status_change_text
from handlers.ui import button, drop_buttons, edit, edit_or_say, keyboard, send, typed_text
from messages import Markup, format_datetime, t
from messages.length import TEXT_LIMIT, truncate, utf16_length, visible_length

__all__ = ["COMMANDS", "PREVIEW", "TYPING", "conversation", "handlers", "show_list"]

TYPING = "typing"
PREVIEW = "preview"

_STATUSES = {status.value for status in SubmissionStatus}


async def _references(context: SotongContext) -> dict[str, Sequence[Choice]]:
    reference = context.services.reference
    return {
        "categories": await reference.categories(),
        "regions": await reference.regions(),
        "company_sizes": await reference.company_sizes(),
        "industries": await reference.industries(),
    }


async def _valid(context: SotongContext, view: InboxView) -> bool:
    reference = context.services.reference
    if view.status not in {"_", "*", OVERDUE} | _STATUSES:
        return False
    if view.category != "-" and await reference.find("categories", view.category) is None:
        return False
    return view.region == "-" or await reference.find("regions", view.region) is not None


async def _search(update: Update, context: SotongContext, view: InboxView) -> SearchQuery | None:
    if not view.search or update.effective_user is None:
        return None
    return await context.services.inbox_search.current(update.effective_user.id)


async def _show_list(
    update: Update, context: SotongContext, view: InboxView, *, in_place: bool
) -> None:
    lang = context.lang
    repository = context.services.submissions
    submission_filter = view.submission_filter(context.services.deadlines.today())
    search = await _search(update, context, view)
    if search is not None:
        submission_filter = context.services.inbox_search.narrow(submission_filter, search)
    # A search is counted only past its limit, or past this page when deeper: enough to say
    # "more than 1,000" and to know that ▶ leads somewhere.
    at_most = None if search is None else max(COUNT_LIMIT, (view.page + 1) * PAGE_SIZE) + 1
    total = await repository.count_filtered(submission_filter, at_most=at_most)
    items = await repository.list_filtered(
        submission_filter, limit=PAGE_SIZE, offset=view.page * PAGE_SIZE
    )
    reference = context.services.reference
    categories = await reference.categories()
    text = list_text(
        context,
        view,
        items,
        total,
        categories=categories,
        regions=await reference.regions(),
        more_than=COUNT_LIMIT if search is not None and total > COUNT_LIMIT else None,
    )
    if search is not None:
        text = Markup(f"{t(lang, 'search.line', text=search.text)}\n{text}")
    markup = list_markup(lang, view, items, total, categories)
    query = update.callback_query
    if in_place and query is not None:
        # The filter already chosen, or a page the shrunk list no longer has, changes nothing.
        await edit_or_say(query, text, markup, t(lang, "ui.unchanged"))
    else:
        await send(update, context, text, markup)


async def show_list(update: Update, context: SotongContext, view: InboxView) -> None:
    """Send one view of the inbox as a new message (for /search)."""
    await _show_list(update, context, view, in_place=False)


@admin_only
async def inbox_command(update: Update, context: SotongContext) -> None:
    """/inbox or the admin menu button: the first page of new and in-review submissions."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    await _show_list(update, context, InboxView(), in_place=False)


@admin_only
async def list_page(update: Update, context: SotongContext) -> None:
    """A paging or filter button: the list with that page and filter."""
    query = update.callback_query
    assert query is not None and query.data is not None
    tapped = cb.InboxList.decode(query.data)
    assert tapped is not None
    view = InboxView(
        tapped.page, tapped.status, tapped.category, tapped.region, tapped.sort, tapped.search
    )
    if not await _valid(context, view):
        view = InboxView()
    await _show_list(update, context, view, in_place=True)


@admin_only
async def choose_filter(update: Update, context: SotongContext) -> None:
    """A filter button: offer every value of that dimension; tapped twice, say so in a toast."""
    query = update.callback_query
    assert query is not None and query.data is not None
    tapped = cb.InboxFilter.decode(query.data)
    assert tapped is not None
    view = InboxView(0, tapped.status, tapped.category, tapped.region, tapped.sort, tapped.search)
    if not await _valid(context, view):
        view = InboxView()
    reference = context.services.reference
    dimension = tapped.dimension
    choices = (
        await reference.categories()
        if dimension == "category"
        else await reference.regions()
        if dimension == "region"
        else ()
    )
    await edit_or_say(
        query,
        t(
            context.lang,
            "admin_inbox.choose_sort" if dimension == "sort" else "admin_inbox.choose_filter",
        ),
        filter_options(context.lang, view, dimension, choices),
        t(context.lang, "ui.unchanged"),
    )


async def _send_detail(update: Update, context: SotongContext, submission: Submission) -> None:
    """The card, then each piece of evidence: the exceptions to one reply per action.

    A card longer than one message (a 3,500-character problem with a long answer) is split
    rather than cut, since an administrator must read all of it; the buttons go under its last
    part. Evidence is re-sent by file id, one message per file: Telegram carries a document or
    a photo only in a message of its own.
    """
    services = context.services
    events = await services.submissions.events(submission.id)
    attachments = await services.submissions.attachments(submission.id)
    references = await _references(context)
    deadline = await deadline_sections(context, submission)
    for extra in (
        await card_line(context, submission.id),
        await follow_up_line(context, submission.id),
    ):
        if extra is not None:
            deadline.append(extra)
    parts = detail_messages(context, submission, events, attachments, references, extra=deadline)
    for part in parts[:-1]:
        await send(update, context, part)
    await send(update, context, parts[-1], detail_markup(context.lang, submission))
    chat = update.effective_chat
    assert chat is not None
    for attachment in attachments:
        if attachment.kind == "photo":
            await context.bot.send_photo(chat.id, attachment.file_id)
        else:
            await context.bot.send_document(chat.id, attachment.file_id)


@admin_only
async def open_submission(update: Update, context: SotongContext) -> None:
    """An open button: the full submission, its history and its evidence re-sent by file id."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.InboxOpen.decode(query.data)
    assert tapped is not None
    submission = await context.services.submissions.get(tapped.submission_id)
    if submission is None:
        await send(update, context, t(context.lang, "admin_common.not_found"))
        return
    await _send_detail(update, context, submission)


async def _report(update: Update, context: SotongContext, outcome: ReviewOutcome) -> None:
    """Confirm to the administrator, saying when the queued notice goes, with the next moves."""
    lang = context.lang
    params: dict[str, object] = {
        "code": outcome.submission.receipt_code,
        "status": status_name(lang, outcome.event.status),
    }
    prefix = (
        "admin_inbox.moved_anonymous" if outcome.submission.is_anonymous else "admin_inbox.moved"
    )
    if outcome.notice_at is None:
        key = "admin_inbox.moved_unreachable"
    elif outcome.notice_at > outcome.event.at:
        key = f"{prefix}_later"
        params["at"] = format_datetime(outcome.notice_at, lang, context.services.zone)
    else:
        key = prefix
    await send(update, context, t(lang, key, **params), detail_markup(lang, outcome.submission))


def _error_text(lang: str, error: ReviewError) -> Markup:
    if isinstance(error, ChangedMeanwhileError):
        key = (
            "admin_inbox.error.merged_meanwhile" if error.merged else "admin_inbox.error.meanwhile"
        )
        return t(lang, key, status=status_name(lang, error.current))
    if isinstance(error, MoveNotAllowedError):
        return t(lang, "admin_inbox.error.not_allowed", status=status_name(lang, error.current))
    if isinstance(error, EmptyTextError):
        return t(lang, "admin_inbox.error.empty")
    if isinstance(error, TextTooLongError):
        return t(lang, "admin_inbox.error.too_long", limit=error.limit)
    if isinstance(error, NotAReceiptCodeError):
        return t(lang, "admin_inbox.error.no_code", text=str(error))
    if isinstance(error, SameSubmissionError):
        return t(lang, "admin_inbox.error.same")
    if isinstance(error, AlreadyMergedError):
        return t(lang, "admin_inbox.error.already_merged")
    return t(lang, "admin_common.not_found")


@admin_only
async def simple_move(update: Update, context: SotongContext) -> None:
    """Start review or close: move at once (queuing the submitter's notice), confirm."""
    query = update.callback_query
    tg_user = update.effective_user
    assert query is not None and query.data is not None and tg_user is not None
    await query.answer()
    tapped = cb.InboxMove.decode(query.data)
    assert tapped is not None
    review = context.services.review
    try:
        if tapped.status == SubmissionStatus.IN_REVIEW:
            outcome = await review.start_review(tapped.submission_id, actor_id=tg_user.id)
        else:
            outcome = await review.close(tapped.submission_id, actor_id=tg_user.id)
    except ReviewError as error:
        await send(update, context, _error_text(context.lang, error))
        return
    await drop_buttons(query)
    await _report(update, context, outcome)


@admin_only
async def ask_input(update: Update, context: SotongContext) -> str | int:
    """Forward, answer, reject or duplicate: store what is asked, then ask for the text."""
    query = update.callback_query
    tg_user = update.effective_user
    assert query is not None and query.data is not None and tg_user is not None
    await query.answer()
    tapped = cb.InboxAction.decode(query.data)
    assert tapped is not None
    action = tapped.action
    submission = await context.services.submissions.get(tapped.submission_id)
    if submission is None:
        await send(update, context, t(context.lang, "admin_common.not_found"))
        return END
    context.form.clear()
    context.form.update(action=action, submission_id=submission.id)
    if isinstance(query.message, Message):
        context.form["card"] = query.message.message_id
    question = t(context.lang, f"admin_inbox.ask.{action}", code=submission.receipt_code)
    await send(update, context, question)
    return TYPING


def _pending(context: SotongContext) -> PendingInput | None:
    """What the stored form says the administrator is typing, if it says anything."""
    action = context.form.get("action")
    submission_id = context.form.get("submission_id")
    if action not in set(ReviewAction) or not isinstance(submission_id, int):
        return None
    return PendingInput(ReviewAction(action), submission_id)


async def _apply(
    context: SotongContext, pending: PendingInput, text: str, actor_id: int
) -> ReviewOutcome | MergeOutcome:
    review = context.services.review
    ident = pending.submission_id
    if pending.action is ReviewAction.DUPLICATE:
        return await review.mark_duplicate(ident, text, actor_id=actor_id)
    if pending.action is ReviewAction.FORWARD:
        return await review.forward(ident, text, actor_id=actor_id)
    if pending.action is ReviewAction.ANSWER:
        return await review.answer(ident, text, actor_id=actor_id)
    return await review.reject(ident, text, actor_id=actor_id)


@admin_only
async def receive_input(update: Update, context: SotongContext) -> str | int:
    """The typed ministry, answer, reason or receipt code: apply it; ask again if refused."""
    message = update.effective_message
    tg_user = update.effective_user
    assert message is not None and message.text is not None and tg_user is not None
    pending = _pending(context)
    if pending is None:
        await send(update, context, t(context.lang, "admin_inbox.nothing_pending"))
        return END
    if pending.action is ReviewAction.ANSWER:
        return await _preview(update, context, pending, typed_text(update))
    try:
        result = await _apply(context, pending, typed_text(update), tg_user.id)
    except (EmptyTextError, TextTooLongError, NotAReceiptCodeError, SameSubmissionError) as error:
        await send(update, context, _error_text(context.lang, error))
        return TYPING
    except ReviewError as error:
        await send(update, context, _error_text(context.lang, error))
        return END
    if isinstance(result, ReviewOutcome):
        await _report(update, context, result)
        return END
    params: dict[str, object] = {
        "duplicate": result.duplicate.receipt_code,
        "original": result.original.receipt_code,
        "added": result.counts.added_supporters,
        "total": result.counts.supporters,
    }
    if result.notices is None:
        text = t(context.lang, "admin_inbox.merged_anonymous", **params)
    else:
        text = t(context.lang, "admin_inbox.merged", notices=result.notices, **params)
    await send(update, context, text, detail_markup(context.lang, result.original))
    return END


async def _preview(
    update: Update, context: SotongContext, pending: PendingInput, text: str
) -> str | int:
    """Keep the typed answer and show it as the submitter will read it, to send or change."""
    lang = context.lang
    try:
        answer = checked_answer(text)
    except ReviewError as error:
        await send(update, context, _error_text(lang, error))
        return TYPING
    submission = await context.services.submissions.get(pending.submission_id)
    if submission is None:
        await send(update, context, t(lang, "admin_common.not_found"))
        return END
    context.form["text"] = answer
    await send(update, context, _preview_text(lang, submission, answer), _preview_markup(lang))
    return PREVIEW


def _preview_text(lang: str, submission: Submission, answer: str) -> Markup:
    """The notice the submitter will get, in their language, under a line saying so.

    Built with the queued notice's own text function (handlers/notice_texts.py), so the preview
    cannot drift from what is sent.
    """
    header = t(lang, "admin_inbox.preview", code=submission.receipt_code)
    notice = status_change_text(
        submission.language, submission.receipt_code, SubmissionStatus.ANSWERED, answer=answer
    )
    # The notice fills one message by itself; under the header the answer gives way a little.
    overflow = visible_length(f"{header}\n\n{notice}") - TEXT_LIMIT
    if overflow > 0:
        notice = status_change_text(
            submission.language,
            submission.receipt_code,
            SubmissionStatus.ANSWERED,
            answer=truncate(answer, utf16_length(answer) - overflow - 1),
        )
    return Markup(f"{header}\n\n{notice}")


def _preview_markup(lang: str) -> InlineKeyboardMarkup:
    return keyboard(
        [
            [
                button(lang, "admin_inbox.button.send", cb.ANSWER_SEND),
                button(lang, "admin_inbox.button.edit", cb.ANSWER_EDIT),
                button(lang, "admin_inbox.button.cancel", cb.ANSWER_CANCEL),
            ]
        ]
    )


@admin_only
async def send_answer(update: Update, context: SotongContext) -> str | int | None:
    """Send: store the previewed answer, tell the submitter, retire the old buttons.

    Refused (someone else moved the submission meanwhile): say why and keep the answer with
    its buttons, so nothing typed is lost and it can be sent again or cancelled.
    """
    query = update.callback_query
    tg_user = update.effective_user
    assert query is not None and tg_user is not None
    await query.answer()
    pending = _pending(context)
    text = context.form.get("text")
    if pending is None or not isinstance(text, str):
        await edit(query, t(context.lang, "admin_inbox.nothing_pending"))
        return END
    try:
        outcome = await context.services.review.answer(
            pending.submission_id, text, actor_id=tg_user.id
        )
    except ReviewError as error:
        kept = t(context.lang, "admin_inbox.answer_kept", error=_error_text(context.lang, error))
        await send(update, context, kept, _preview_markup(context.lang))
        return None
    await drop_buttons(query)
    card = context.form.get("card")
    chat = update.effective_chat
    if isinstance(card, int) and chat is not None:
        await context.bot.edit_message_reply_markup(chat.id, card, reply_markup=None)
    await _report(update, context, outcome)
    return END


@admin_only
async def edit_answer(update: Update, context: SotongContext) -> str:
    """Edit: ask for the answer again; the kept one is shown to copy from."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await drop_buttons(query)
    await send(update, context, t(context.lang, "admin_inbox.ask.answer_again"))
    return TYPING


async def cancel_answer(update: Update, context: SotongContext) -> int:
    """Cancel on the preview: nothing is sent, nothing changes."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await edit(query, t(context.lang, "admin_inbox.cancelled"))
    return END


@admin_only
async def hint_text(update: Update, context: SotongContext) -> None:
    """A sticker, photo or the like while text is expected: say what is expected; stay."""
    await send(update, context, t(context.lang, "admin_inbox.ask.text_only"))


async def cancel(update: Update, context: SotongContext) -> int:
    """/cancel while asked for text: forget the question; nothing changed."""
    await send(update, context, t(context.lang, "admin_inbox.cancelled"))
    return END


def conversation() -> Flow:
    """The persistent conversation for the moves that need typed text."""
    return build_conversation(
        "admin_inbox",
        entry_points=[CallbackQueryHandler(ask_input, pattern=cb.InboxAction.matches)],
        states={
            TYPING: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, receive_input),
                MessageHandler(~filters.COMMAND, hint_text),
            ],
            # Text typed on the preview is a new version of the answer: a new preview.
            PREVIEW: [
                CallbackQueryHandler(send_answer, pattern=cb.ANSWER_SEND.matches),
                CallbackQueryHandler(edit_answer, pattern=cb.ANSWER_EDIT.matches),
                CallbackQueryHandler(cancel_answer, pattern=cb.ANSWER_CANCEL.matches),
                MessageHandler(filters.TEXT & ~filters.COMMAND, receive_input),
                MessageHandler(~filters.COMMAND, hint_text),
            ],
        },
        fallbacks=[CommandHandler("cancel", cancel)],
    )


COMMANDS = (Command("inbox", Scope.ADMIN, 10, inbox_command),)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/inbox and its stateless buttons."""
    return [
        CallbackQueryHandler(inbox_command, pattern=cb.ADMIN_INBOX.matches),
        CallbackQueryHandler(list_page, pattern=cb.InboxList.matches),
        CallbackQueryHandler(choose_filter, pattern=cb.InboxFilter.matches),
        CallbackQueryHandler(open_submission, pattern=cb.InboxOpen.matches),
        CallbackQueryHandler(simple_move, pattern=cb.InboxMove.matches),
    ]
