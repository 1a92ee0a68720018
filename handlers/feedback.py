"""/feedback: from a topic to a receipt code in a few taps, every answer saved as it is given.

The flow is drawn in feedback.mmd next to this module; its order and required answers are the
domain's (`domain/feedback_steps.py`). The conversation state is the draft's step as stored
with its answers in one transaction, read afresh for every update (handlers/conversation.py),
so a restart or a crash at any moment resumes exactly there, and nothing typed is ever stored
in a field other than the one that was asked.

The steps are tables rather than a callback each: how a step is asked (`ASK`, in
feedback_views.py), the buttons it takes as its answer (`STEPS`, here; one callback,
`got_button`, for all of them), and what a text typed at it means (`got_text`, or the label of
one of its buttons typed). What an answer stores and which step follows is the domain's
(`Draft.answer`, `choose`); each answer is one service call and one transaction.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import Any

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.ext import (
    Application,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from domain import callback_data as cb
from domain.amounts import Cost, CostPeriod, CostReading, CostUnit
from domain.cost_answers import (
    PERIOD_CHOICES,
    PeriodMissingError,
    ScaleUnclearError,
    complete_cost,
)
from domain.drafts import (
    FEEDBACK_FLOW,
    Draft,
    DraftStep,
)
from domain.evidence import EvidenceRefusedError
from domain.feedback_steps import Pick, Tap
from domain.intake import (
    AmountError,
    AttachmentLimitError,
    ConsentRequiredError,
    DailyLimitReachedError,
    DetailsClosedError,
    SupportError,
    TextLengthError,
)
from domain.submissions import (
    MAX_ATTACHMENTS,
    Attachment,
    Submission,
)
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.conversation import END, AnyHandler, Flow, build_conversation
from handlers.deadline_views import due_line
from handlers.feedback_views import hint, question
from handlers.files import download
from handlers.kept_offer import SENTENCE, offer_to_add
from handlers.menu import main_menu
from handlers.privacy import notice_markup
from handlers.typed_labels import button_labels
from handlers.ui import button, edit, keyboard, send, typed_text
from messages import Markup, format_datetime, format_number, t
from messages.costs import cost_amount, describe_cost
from services.intake import Parked, Question
from services.typed_choices import PROFILE_CHANGE, match_typed_answer

__all__ = [
    "COMMANDS",
    "REMINDER_JOB",
    "STEPS",
    "ButtonKind",
    "conversation",
    "handlers",
    "remind_idle_drafts",
    "schedule_jobs",
]


REMINDER_JOB = "feedback-draft-reminder"
REMINDER_INTERVAL = timedelta(minutes=10)
_UNSAID = "unsaid"
"""A won-scale button's period when the text said none (`cb.FbWonScale`)."""

CATEGORY = str(DraftStep.CATEGORY)
READY = str(DraftStep.READY)
ATTACHMENTS = str(DraftStep.ATTACHMENTS)

# --------------------------------------------------------------------------- moving around


async def _ask(
    update: Update, context: SotongContext, asked: Question, *, below: bool = False
) -> str:
    """Put the saved question to the owner, then note that it was asked.

    The service stored it before: a crash in between leaves the step "not yet asked", so text
    typed meanwhile is met with the question again instead of being stored as its answer.
    `below` asks in a new message even after a tap, to keep the tapped one (a receipt).
    """
    text, markup = await question(context, asked)
    if below:
        await send(update, context, text, markup)
    else:
        await _show(update, context, text, markup)
    await context.services.intake.asked(asked.draft)
    return str(asked.draft.step)


async def _show(
    update: Update,
    context: SotongContext,
    text: Markup,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """After a tap, turn the tapped message into the next one; after typing, send a new one.

    Editing in place keeps the chat short, leaves no stale buttons behind and costs one call
    instead of two.
    """
    query = update.callback_query
    if query is not None and isinstance(query.message, Message) and query.message.text:
        await edit(query, text, markup)
    else:
        await send(update, context, text, markup)


async def _draft(update: Update, context: SotongContext) -> Draft | None:
    """The user's draft; when it is gone (erased, submitted elsewhere) say so."""
    assert update.effective_user is not None
    draft = await context.services.drafts.get(update.effective_user.id)
    if draft is None:
        await _no_draft(update, context)
    return draft


async def _no_draft(update: Update, context: SotongContext) -> int:
    """The draft is gone (erased, submitted elsewhere): say so, and end the flow."""
    await send(update, context, t(context.lang, "feedback.no_draft"))
    return END


async def _asked(update: Update, context: SotongContext, asked: Question | None) -> str | int:
    """Ask the question the service saved, or say the draft is gone."""
    if asked is None:
        return await _no_draft(update, context)
    return await _ask(update, context, asked)


async def _tapped(update: Update) -> str:
    """Answer the query first (the spinner stops at once) and return the callback data."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    return query.data


def _too_long(language: str, error: TextLengthError) -> Markup:
    return t(
        language,
        "feedback.too_long",
        length=format_number(error.length, language),
        max=format_number(error.maximum, language),
    )


async def _explain_consent(update: Update, context: SotongContext) -> int:
    await send(
        update,
        context,
        t(context.lang, "feedback.consent_needed"),
        keyboard(notice_markup(context.lang)),
    )
    return END


# --------------------------------------------------------------------------- entering


async def begin(update: Update, context: SotongContext) -> str | int:
    """/feedback or the menu: check consent and limits, then offer to resume or ask the topic.

    While "continue or start over?" is shown, no question is open (the draft is parked), so
    text typed then is not taken for an answer.
    """
    if update.callback_query is not None:
        await update.callback_query.answer()
    lang = context.lang
    try:
        opened = await context.services.intake.begin(context.user)
    except ConsentRequiredError:
        return await _explain_consent(update, context)
    except DailyLimitReachedError as exc:
        await send(update, context, t(lang, "feedback.daily_limit", limit=exc.limit))
        return END
    if isinstance(opened, Parked):
        draft = opened.draft
        category = (
            None
            if draft.content.category_id is None
            else await context.services.reference.find("categories", draft.content.category_id)
        )
        zone = context.services.zone
        await _show(
            update,
            context,
            t(
                lang,
                "feedback.resume_question",
                started=format_datetime(draft.started_at, lang, zone),
                category=(
                    t(lang, "feedback.no_category") if category is None else category.name(lang)
                ),
            ),
            keyboard(
                [
                    [
                        button(lang, "feedback.button.continue", cb.FB_CONTINUE),
                        button(lang, "feedback.button.restart", cb.FB_RESTART),
                    ]
                ]
            ),
        )
        return END
    return await _ask(update, context, opened)


async def resume_from_reminder(update: Update, context: SotongContext) -> str | int:
    """The reminder's button: go straight back to the open question."""
    await _tapped(update)
    try:
        context.services.intake.require_consent(context.user)
    except ConsentRequiredError:
        return await _explain_consent(update, context)
    assert update.effective_user is not None
    return await _asked(
        update, context, await context.services.intake.resume(update.effective_user.id)
    )


async def continue_or_restart(update: Update, context: SotongContext) -> str | int:
    """Continue the saved draft at its open question, or start a new one; asks that question."""
    data = await _tapped(update)
    intake = context.services.intake
    if cb.FB_RESTART.matches(data):
        assert context.user is not None
        return await _asked(update, context, await intake.restart(context.user))
    assert update.effective_user is not None
    return await _asked(update, context, await intake.resume(update.effective_user.id))


# --------------------------------------------------------------------------- the steps


async def problem_before_topic(update: Update, context: SotongContext) -> str | int:
    """A problem typed while the topic is asked: kept as the problem, the topic asked again.

    A text too short to be a problem gets the topic hint, as any other wrong input, and so
    does any text while the topic is changed from the review (the problem stays as it is).
    """
    assert update.effective_user is not None
    kept = await context.services.intake.keep_problem(update.effective_user.id, typed_text(update))
    if kept is None:
        return await _no_draft(update, context)
    _, markup = await question(context, kept.question)
    notice = t(context.lang, "feedback.problem_kept") if kept.kept else hint(context.lang, CATEGORY)
    await send(update, context, notice, markup)
    return CATEGORY


async def got_text(update: Update, context: SotongContext) -> str | int:
    """Store a text typed at the open step (the draft checks it); ask what follows.

    One service call: the draft read, checked and saved with its next step. More of the
    problem keeps the ready screen and a cost figure the cost screen; a refused text keeps
    the step (see _text_refused).
    """
    assert update.effective_user is not None and context.step is not None
    step = DraftStep(context.step)
    intake = context.services.intake
    try:
        asked = await intake.answer(update.effective_user.id, step, typed_text(update))
    except TextLengthError as exc:
        await _text_refused(update, context, exc, step)
        return str(step)
    except (PeriodMissingError, ScaleUnclearError) as exc:
        await _ask_how_meant(update, context, typed_text(update), exc)
        return str(step)
    except AmountError:
        await send(update, context, hint(context.lang, step))
        return str(step)
    return await _asked(update, context, asked)


async def _text_refused(
    update: Update, context: SotongContext, error: TextLengthError, step: DraftStep
) -> None:
    """Too long: say so and give the text back, so nothing typed is lost; too short: say so.

    A blank text (spaces, tabs) is not echoed: Telegram refuses an empty message.
    """
    lang = context.lang
    if error.too_long:
        await send(update, context, _too_long(lang, error))
        await send(update, context, t(lang, "feedback.echo", text=typed_text(update)))
    elif step is DraftStep.PROBLEM:
        length = format_number(error.length, lang)
        await send(update, context, t(lang, "feedback.too_short", length=length, min=error.minimum))
    else:
        await send(update, context, hint(lang, step))


async def _ask_how_meant(
    update: Update,
    context: SotongContext,
    typed: str,
    error: PeriodMissingError | ScaleUnclearError,
) -> None:
    """A figure one tap must complete before it is stored: how often, or 만 against 원."""
    if isinstance(error, PeriodMissingError):
        await _ask_period(update, context, error.reading)
    else:
        await _ask_scale(update, context, typed, error)


async def _ask_period(update: Update, context: SotongContext, reading: CostReading) -> None:
    """A figure typed without a period: ask how often, one button per period, nothing assumed.

    Each button carries the figure, so one tap stores the cost; the draft stays at its step.
    After a tap (the amount just chosen) the question takes the tapped message's place.
    """
    lang = context.lang
    unit, low, high = str(reading.unit), reading.low, reading.high
    amount = cost_amount(lang, unit, low, high)
    rows = [
        [
            button(
                lang,
                f"cost.period.{period}",
                cb.FbCostPeriod(unit, low, high, str(period)),
                amount=amount,
            )
        ]
        for period in PERIOD_CHOICES
    ]
    await _show(update, context, t(lang, "feedback.ask.cost_period", amount=amount), keyboard(rows))


async def _ask_scale(
    update: Update, context: SotongContext, typed: str, error: ScaleUnclearError
) -> None:
    """A plain figure too small for won ("300"): 300만원 or 300원? One button each, nothing stored.

    Each button carries its figure and the period said (if any): one tap stores the cost or
    asks its period.
    """
    lang = context.lang
    rows = []
    for choice in error.choices:
        low, high = choice.low, choice.high
        amount = (
            cost_amount(lang, str(CostUnit.WON), low, high)
            if choice.period is None
            else describe_cost(lang, str(CostUnit.WON), str(choice.period), low, high)
        )
        data = cb.FbWonScale(low, high, str(choice.period or _UNSAID))
        rows.append([button(lang, "feedback.button.cost_scale", data, amount=amount)])
    likely = html.unescape(rows[0][0].text)
    text = t(lang, "feedback.ask.cost_scale", typed=typed, amount=likely)
    await send(update, context, text, keyboard(rows))


async def cost_scale(update: Update, context: SotongContext) -> str | int:
    """The amount a plain figure meant, tapped: store it, or ask its period when none was said."""
    data = await _tapped(update)
    assert context.step is not None
    tapped = cb.FbWonScale.decode(data)
    assert tapped is not None
    period = None if tapped.period == _UNSAID else CostPeriod(tapped.period)
    reading = CostReading(tapped.low, tapped.high, CostUnit.WON, period)
    cost = reading.cost()
    if cost is None:
        await _ask_period(update, context, reading)
        return context.step
    return await _cost_known(update, context, cost)


async def _cost_known(update: Update, context: SotongContext, cost: Cost) -> str | int:
    """A cost one tap completed: stored, and the cost screen shown, in one service call."""
    assert update.effective_user is not None and context.step is not None
    step = DraftStep(context.step)
    return await _asked(
        update,
        context,
        await context.services.intake.set_cost(update.effective_user.id, step, cost),
    )


async def cost_period(update: Update, context: SotongContext) -> str | int:
    """The period tapped for a figure typed without one: store the cost, show the cost screen."""
    data = await _tapped(update)
    assert context.step is not None
    tapped = cb.FbCostPeriod.decode(data)
    assert tapped is not None
    reading = CostReading(tapped.low, tapped.high, CostUnit(tapped.unit), None)
    try:
        cost = complete_cost(reading, CostPeriod(tapped.period))
    except AmountError:
        await send(update, context, hint(context.lang, context.step))
        return context.step
    return await _cost_known(update, context, cost)


async def got_attachment(update: Update, context: SotongContext) -> str | int:
    """Store one document or photo by file id; ask for more or "Next"."""
    message = update.effective_message
    assert message is not None and update.effective_user is not None
    lang = context.lang
    if message.document is not None:
        document = message.document
        attachment = Attachment(
            file_id=document.file_id,
            file_unique_id=document.file_unique_id,
            kind="document",
            file_name=document.file_name,
            mime_type=document.mime_type,
            file_size=document.file_size,
        )
        name = document.file_name or t(lang, "feedback.attachment_photo")
    else:
        photo = message.photo[-1]
        attachment = Attachment(
            file_id=photo.file_id,
            file_unique_id=photo.file_unique_id,
            kind="photo",
            mime_type="image/jpeg",
            file_size=photo.file_size,
        )
        name = t(lang, "feedback.attachment_photo")
    intake = context.services.intake
    user_id = update.effective_user.id
    try:
        asked = await intake.attach(
            user_id, attachment, partial(download, context.bot, attachment.file_id)
        )
    except (AttachmentLimitError, EvidenceRefusedError) as exc:
        # A refusal (rare) reads the open question once more for its buttons.
        shown = await intake.current(user_id)
        if shown is None:
            return await _no_draft(update, context)
        _, markup = await question(context, shown)
        reason = (
            t(lang, "feedback.attachment_full", max=exc.limit)
            if isinstance(exc, AttachmentLimitError)
            else t(lang, f"feedback.evidence_refused.{exc.problem}", name=name, limit=exc.limit_mb)
        )
        await send(update, context, reason, markup)
        return ATTACHMENTS
    if asked is None:
        return await _no_draft(update, context)
    _, markup = await question(context, asked)
    await send(
        update,
        context,
        t(
            lang,
            "feedback.attachment_received",
            name=name,
            count=len(asked.draft.attachments),
            max=MAX_ATTACHMENTS,
        ),
        markup,
    )
    return ATTACHMENTS


async def got_typed_choice(update: Update, context: SotongContext) -> str | int:
    """A button's label, number or common name typed instead of tapped: answered like the tap.

    "4", "심각" or "4 · 심각" at the severity, "서울특별시" at the region. A short text naming
    no button (or several) is refused with the hint alone: the question above keeps its
    buttons, so repeated tries do not stack copies of the keyboard. A sentence is offered back
    for the problem, as it is when the report is parked: nothing typed is dropped.
    """
    assert update.effective_user is not None and context.step is not None
    step = DraftStep(context.step)
    typed = typed_text(update)
    value = await match_typed_answer(context.services.reference, step, typed, button_labels)
    if value is None:
        draft = await context.services.drafts.get(update.effective_user.id)
        if len(typed) >= SENTENCE and draft is not None and draft.content.problem is not None:
            await offer_to_add(update, context, draft, typed)
        else:
            await send(update, context, hint(context.lang, step))
        return str(step)
    if step is DraftStep.PROFILE:
        tap = Tap(Pick.CHANGE if value == PROFILE_CHANGE else Pick.SAME)
    else:
        tap = Tap(Pick.CHOOSE, value)
    return await _answered(update, context, step, tap)


async def got_button(update: Update, context: SotongContext) -> str | int:
    """A button answer at the open step: stored as its step says, then what follows asked.

    The step's buttons (`STEPS`) say what a tap means; the draft decides what it stores and
    where the flow goes (`choose` in domain/feedback_steps.py), in one service call.
    """
    data = await _tapped(update)
    assert context.step is not None
    step = DraftStep(context.step)
    kind = next(kind for kind in STEPS[step] if kind.matches(data))
    return await _answered(update, context, step, await kind.read(context, data))


async def _answered(update: Update, context: SotongContext, step: DraftStep, tap: Tap) -> str | int:
    assert update.effective_user is not None
    return await _asked(
        update, context, await context.services.intake.choose(update.effective_user.id, step, tap)
    )


async def similar_me_too(update: Update, context: SotongContext) -> str | int:
    """Add the user's support to a similar report; ask whether to send their own as well."""
    query = update.callback_query
    assert query is not None and query.data is not None
    lang = context.lang
    tapped = cb.FbMeToo.decode(query.data)
    assert tapped is not None
    submission_id = tapped.submission_id
    try:
        supported = await context.services.intake.support(context.user, submission_id, tapped.tag)
    except SupportError as exc:
        await query.answer(t(lang, f"feedback.support.{exc.reason}"), show_alert=True)
        return READY
    except ConsentRequiredError:
        await query.answer()
        return await _explain_consent(update, context)
    await query.answer()
    await edit(
        query,
        t(
            lang,
            "feedback.supported_in_flow",
            code=supported.receipt_code,
            count=supported.supporters_count,
        ),
        keyboard(
            [
                [button(lang, "feedback.button.own_submission", cb.FB_OWN)],
                [button(lang, "feedback.button.discard_draft", cb.FB_DROP)],
            ]
        ),
    )
    return READY


async def similar_drop(update: Update, context: SotongContext) -> int:
    """Support was enough: discard the draft and end."""
    await _tapped(update)
    assert update.effective_user is not None
    await context.services.intake.discard(update.effective_user.id)
    await _show(update, context, t(context.lang, "feedback.discarded_after_support"))
    return END


async def ask_discard(update: Update, context: SotongContext) -> str | int:
    """Discard on the review or the ready screen: ask to confirm, on the same message."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    draft = await _draft(update, context)
    if draft is None:
        return END
    lang = context.lang
    confirm = (
        "feedback.discard_confirm" if draft.amends is None else "feedback.details_drop_confirm"
    )
    await edit(
        query,
        t(lang, confirm),
        keyboard(
            [
                [
                    button(lang, "feedback.button.discard_yes", cb.FB_DISCARD_YES),
                    button(lang, "feedback.button.discard_no", cb.FB_DISCARD_NO),
                ]
            ]
        ),
    )
    return str(draft.step)


async def discard_answer(update: Update, context: SotongContext) -> str | int:
    """Confirmed: drop the draft and end. Refused: the screen it came from, on the same message.

    Details being added to a sent report are dropped; the report itself stays as it was.
    """
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    await query.answer()
    lang = context.lang
    intake = context.services.intake
    user_id = update.effective_user.id
    if cb.FB_DISCARD_YES.matches(query.data):
        dropped = await intake.discard(user_id)
        if dropped is None:
            return await _no_draft(update, context)
        gone = "feedback.discarded" if dropped.amends is None else "feedback.details_dropped"
        await edit(query, t(lang, gone))
        return END
    shown = await intake.current(user_id)
    if shown is None:
        return await _no_draft(update, context)
    text, markup = await question(context, shown)
    await edit(query, text, markup)
    return str(shown.draft.step)


def _receipt(context: SotongContext, submission: Submission) -> Markup:
    receipt = t(context.lang, "feedback.submitted", code=submission.receipt_code)
    return Markup(f"{receipt}\n\n{due_line(context, submission)}")


def _receipt_markup(context: SotongContext, submission: Submission) -> InlineKeyboardMarkup:
    """Add details to the report just sent, then the menu: one message for the whole reply."""
    lang = context.lang
    more = button(lang, "feedback.button.add_details_later", cb.FbAddDetails(submission.id))
    menu = main_menu(lang, is_admin=context.is_admin)
    return InlineKeyboardMarkup([[more], *menu.inline_keyboard])


async def submit(update: Update, context: SotongContext) -> str | int:
    """Submit: store the submission, give the receipt code and what happens next.

    A draft of details for a sent report is saved onto that report instead; a draft missing
    a required answer asks it. One service call.
    """
    await _tapped(update)
    lang = context.lang
    try:
        sent = await context.services.intake.send(context.user)
    except ConsentRequiredError:
        return await _explain_consent(update, context)
    except DailyLimitReachedError as exc:
        await send(update, context, t(lang, "feedback.daily_limit", limit=exc.limit))
        return END
    except DetailsClosedError:
        await _show(update, context, t(lang, "feedback.details_closed"))
        return END
    if sent is None:
        return await _no_draft(update, context)
    if isinstance(sent, Question):
        return await _ask(update, context, sent)
    if sent.details:
        await _show(
            update,
            context,
            t(lang, "feedback.details_saved", code=sent.submission.receipt_code),
            main_menu(lang, is_admin=context.is_admin),
        )
        return END
    # One reply: the receipt replaces the review, with the menu under it.
    submission = sent.submission
    await _show(
        update, context, _receipt(context, submission), _receipt_markup(context, submission)
    )
    return END


async def add_details_later(update: Update, context: SotongContext) -> str | int:
    """The add-details button under a receipt or in /my: the sent report's details to change.

    Asked in a new message, so the receipt or the report tapped stays in the chat. An
    unfinished report is never overwritten: the owner is sent back to it first.
    """
    data = await _tapped(update)
    tapped = cb.FbAddDetails.decode(data)
    assert tapped is not None
    lang = context.lang
    try:
        opened = await context.services.intake.add_details(context.user, tapped.submission_id)
    except ConsentRequiredError:
        return await _explain_consent(update, context)
    except DetailsClosedError:
        await send(update, context, t(lang, "feedback.details_closed"))
        return END
    if isinstance(opened, Parked):
        await send(
            update,
            context,
            t(lang, "feedback.details_busy"),
            keyboard([[button(lang, "feedback.button.continue", cb.FB_CONTINUE)]]),
        )
        return END
    return await _ask(update, context, opened, below=True)


async def submit_again(update: Update, context: SotongContext) -> str | int:
    """Submit tapped with no review open: the receipt if it was just made, else the draft.

    After a crash between storing a submission and sending its receipt, the owner still sees
    the review; tapping Submit again shows that receipt instead of a second submission.
    """
    await _tapped(update)
    assert update.effective_user is not None
    intake = context.services.intake
    asked = await intake.resume(update.effective_user.id)
    if asked is not None:
        return await _ask(update, context, asked)
    submission = await intake.just_submitted(update.effective_user.id)
    if submission is None:
        await _show(update, context, t(context.lang, "feedback.no_draft"))
        return END
    await _show(
        update, context, _receipt(context, submission), _receipt_markup(context, submission)
    )
    return END


# --------------------------------------------------------------------------- wrong input


async def wrong_input(update: Update, context: SotongContext) -> int | None:
    """Anything the step cannot use: say what it expects, with its buttons again."""
    assert update.effective_user is not None
    shown = await context.services.intake.current(update.effective_user.id)
    if shown is None:
        return await _no_draft(update, context)
    _, markup = await question(context, shown)
    await send(update, context, hint(context.lang, shown.draft.step), markup)
    return None


async def stale_button(update: Update, context: SotongContext) -> None:
    """A button of an earlier question: a toast, and the open question asked again.

    Nothing is stored: the button answered a step the draft is no longer at.
    """
    query = update.callback_query
    assert query is not None
    await query.answer(t(context.lang, "feedback.toast.stale"))
    await reask(update, context)


async def reask(update: Update, context: SotongContext) -> None:
    """Input for a step other than the stored one: ask the stored step again, store nothing."""
    assert update.effective_user is not None
    shown = await context.services.intake.current(update.effective_user.id)
    if shown is None:
        await _no_draft(update, context)
        return
    text, markup = await question(context, shown)
    await send(update, context, text, markup)
    await context.services.intake.asked(shown.draft)


async def cancel(update: Update, context: SotongContext) -> int:
    """/cancel: leave the flow; the draft stays, parked, for /feedback."""
    await send(update, context, t(context.lang, "feedback.cancelled"))
    return END


_ENTRY_BUTTONS = cb.any_of(cb.FB_RESUME, cb.FB_CONTINUE, cb.FB_RESTART, cb.FB_SUBMIT)


def _entry_button(data: object) -> bool:
    return _ENTRY_BUTTONS(data) or cb.FbAddDetails.matches(data)


def _skip(step: DraftStep) -> Callable[[object], bool]:
    """The Skip button of one step, and no other step's."""

    def matches(data: object) -> bool:
        tapped = cb.FbSkip.decode(data)
        return tapped is not None and tapped.step == step

    return matches


def _next(step: DraftStep) -> Callable[[object], bool]:
    """The Next button of one step, and no other step's."""

    def matches(data: object) -> bool:
        tapped = cb.FbNext.decode(data)
        return tapped is not None and tapped.step == step

    return matches


def _either(*patterns: Callable[[object], bool]) -> Callable[[object], bool]:
    """A pattern matching what any of several patterns match."""

    def matches(data: object) -> bool:
        return any(pattern(data) for pattern in patterns)

    return matches


def _stale(data: object) -> bool:
    """A feedback button the open step does not take: one of an earlier question."""
    return isinstance(data, str) and data.startswith("fb:") and not _entry_button(data)


COMMANDS = (Command("feedback", Scope.WITH_CONSENT, 30),)
"""/feedback opens the conversation below (its entry point), so it has no callback of its own."""


@dataclass(frozen=True, slots=True)
class ButtonKind:
    """One kind of button a step takes, and how a tap on it reads as an answer."""

    matches: Callable[[object], bool]
    read: Callable[[SotongContext, str], Awaitable[Tap]]


def _says(pick: Pick) -> Callable[[SotongContext, str], Awaitable[Tap]]:
    """A button that says one thing (Skip, Next, Back, ...) whatever it carries."""

    async def read(_: SotongContext, __: str) -> Tap:
        return Tap(pick)

    return read


def _carries(value: Callable[[str], str | None]) -> Callable[[SotongContext, str], Awaitable[Tap]]:
    """A button carrying its value (a level, a visibility, a field)."""

    async def read(_: SotongContext, data: str) -> Tap:
        return Tap(Pick.CHOOSE, value(data))

    return read


def _listed(
    kind: str, value: Callable[[str], str | None]
) -> Callable[[SotongContext, str], Awaitable[Tap]]:
    """A button carrying a choice of a reference list; one no longer listed chooses nothing."""

    async def read(context: SotongContext, data: str) -> Tap:
        choice_id = value(data)
        found = (
            None if choice_id is None else await context.services.reference.find(kind, choice_id)
        )
        return Tap(Pick.CHOOSE, None if found is None else found.id)

    return read


async def _edited(_: SotongContext, data: str) -> Tap:
    tapped = cb.FbEdit.decode(data)
    return Tap(Pick.EDIT, None if tapped is None else tapped.step)


async def _cost_unit(_: SotongContext, data: str) -> Tap:
    tapped = cb.FbCost.decode(data)
    assert tapped is not None
    return Tap(Pick(tapped.unit))


def _field(route: Any, name: str) -> Callable[[str], str | None]:
    """The one field of a tapped button, as text; None for data that does not decode."""

    def value(data: str) -> str | None:
        tapped = route.decode(data)
        return None if tapped is None else str(getattr(tapped, name))

    return value


def _skipping(step: DraftStep) -> ButtonKind:
    return ButtonKind(_skip(step), _says(Pick.SKIP))


def _company(step: DraftStep, route: Any, kind: str) -> tuple[ButtonKind, ...]:
    return (ButtonKind(route.matches, _listed(kind, _field(route, "choice_id"))), _skipping(step))


_BACK_TO_REVIEW = ButtonKind(cb.FB_REVIEW.matches, _says(Pick.REVIEW))
_VISIBILITY = ButtonKind(cb.FbVisibility.matches, _carries(_field(cb.FbVisibility, "visibility")))

STEPS: dict[DraftStep, tuple[ButtonKind, ...]] = {
    DraftStep.CATEGORY: (
        ButtonKind(
            cb.FbCategory.matches, _listed("categories", _field(cb.FbCategory, "category_id"))
        ),
        _BACK_TO_REVIEW,
    ),
    DraftStep.PROBLEM: (_BACK_TO_REVIEW,),
    DraftStep.READY: (
        ButtonKind(cb.FB_DETAILS.matches, _says(Pick.DETAILS)),
        _VISIBILITY,
        ButtonKind(cb.FB_OWN.matches, _says(Pick.OWN)),
    ),
    DraftStep.LAW: (
        ButtonKind(cb.FB_LAW_UNSURE.matches, _says(Pick.UNSURE)),
        _skipping(DraftStep.LAW),
        _BACK_TO_REVIEW,
    ),
    DraftStep.PROPOSAL: (_skipping(DraftStep.PROPOSAL), _BACK_TO_REVIEW),
    DraftStep.IMPACT: (
        ButtonKind(cb.FbImpact.matches, _carries(_field(cb.FbImpact, "level"))),
        _skipping(DraftStep.IMPACT),
        _BACK_TO_REVIEW,
    ),
    DraftStep.COST: (
        ButtonKind(cb.FbCost.matches, _cost_unit),
        ButtonKind(_next(DraftStep.COST), _says(Pick.NEXT)),
    ),
    DraftStep.COST_HOURS: (ButtonKind(cb.FB_COST_BACK.matches, _says(Pick.BACK)),),
    DraftStep.COST_WON: (ButtonKind(cb.FB_COST_BACK.matches, _says(Pick.BACK)),),
    DraftStep.ATTACHMENTS: (
        ButtonKind(_next(DraftStep.ATTACHMENTS), _says(Pick.NEXT)),
        ButtonKind(cb.FB_ATT_CLEAR.matches, _says(Pick.CLEAR)),
    ),
    DraftStep.PROFILE: (
        ButtonKind(cb.FB_PROFILE_SAME.matches, _says(Pick.SAME)),
        ButtonKind(cb.FB_PROFILE_CHANGE.matches, _says(Pick.CHANGE)),
        _skipping(DraftStep.PROFILE),
    ),
    DraftStep.REGION: _company(DraftStep.REGION, cb.FbRegion, "regions"),
    DraftStep.SIZE: _company(DraftStep.SIZE, cb.FbSize, "company_sizes"),
    DraftStep.INDUSTRY: _company(DraftStep.INDUSTRY, cb.FbIndustry, "industries"),
    DraftStep.VISIBILITY: (_VISIBILITY, _BACK_TO_REVIEW),
    DraftStep.REVIEW: (ButtonKind(cb.FbEdit.matches, _edited),),
}
"""The buttons each step takes as its answer; `choose` says what each stores and what follows.

How each step is asked is `ASK` in handlers/feedback_views.py; a typed answer is `got_text`
(`Draft.answer`) or, at a step of buttons, `got_typed_choice` (the label typed, as its tap).
"""


def _answers(step: DraftStep) -> CallbackQueryHandler[SotongContext, str | int]:
    """The one callback for every button answer the step takes."""
    kinds = STEPS[step]
    return CallbackQueryHandler(got_button, pattern=_either(*(kind.matches for kind in kinds)))


def conversation() -> Flow:
    """The persistent /feedback conversation."""
    not_command = filters.ALL & ~filters.COMMAND
    text = filters.TEXT & ~filters.COMMAND
    wrong = MessageHandler(not_command, wrong_input)
    typed = MessageHandler(text, got_text)
    chosen = MessageHandler(text, got_typed_choice)
    period = CallbackQueryHandler(cost_period, pattern=cb.FbCostPeriod.matches)
    scale = CallbackQueryHandler(cost_scale, pattern=cb.FbWonScale.matches)
    submitting = CallbackQueryHandler(submit, pattern=cb.FB_SUBMIT.matches)
    discarding = [
        CallbackQueryHandler(ask_discard, pattern=cb.FB_DISCARD.matches),
        CallbackQueryHandler(
            discard_answer, pattern=cb.any_of(cb.FB_DISCARD_YES, cb.FB_DISCARD_NO)
        ),
    ]
    others: dict[DraftStep, list[AnyHandler]] = {
        DraftStep.CATEGORY: [MessageHandler(text, problem_before_topic)],
        DraftStep.PROBLEM: [typed],
        DraftStep.READY: [
            typed,
            submitting,
            CallbackQueryHandler(similar_me_too, pattern=cb.FbMeToo.matches),
            CallbackQueryHandler(similar_drop, pattern=cb.FB_DROP.matches),
            *discarding,
        ],
        DraftStep.LAW: [typed],
        DraftStep.PROPOSAL: [typed],
        DraftStep.IMPACT: [chosen],
        DraftStep.COST: [typed, period, scale],
        DraftStep.COST_HOURS: [typed, period, scale],
        DraftStep.COST_WON: [typed, period, scale],
        DraftStep.ATTACHMENTS: [
            MessageHandler(filters.Document.ALL | filters.PHOTO, got_attachment)
        ],
        DraftStep.PROFILE: [chosen],
        DraftStep.REGION: [chosen],
        DraftStep.SIZE: [chosen],
        DraftStep.INDUSTRY: [chosen],
        DraftStep.VISIBILITY: [chosen],
        DraftStep.REVIEW: [submitting, *discarding],
    }

    return build_conversation(
        FEEDBACK_FLOW,
        entry_points=[
            CommandHandler("feedback", begin),
            CallbackQueryHandler(begin, pattern=cb.MENU_FEEDBACK.matches),
            CallbackQueryHandler(resume_from_reminder, pattern=cb.FB_RESUME.matches),
            CallbackQueryHandler(
                continue_or_restart, pattern=cb.any_of(cb.FB_CONTINUE, cb.FB_RESTART)
            ),
            CallbackQueryHandler(submit_again, pattern=cb.FB_SUBMIT.matches),
            CallbackQueryHandler(add_details_later, pattern=cb.FbAddDetails.matches),
        ],
        # Each step: its button answers, then what else it takes, then wrong input's hint.
        states={str(step): [_answers(step), *others[step], wrong] for step in DraftStep},
        fallbacks=[
            CommandHandler("cancel", cancel),
            CallbackQueryHandler(stale_button, pattern=_stale),
        ],
        reask=MessageHandler(not_command, reask),
        saves_itself=True,
        keeps_form=True,
        paused_note="kept.paused_note",
    )


# --------------------------------------------------------------------------- me too, anywhere


async def me_too(update: Update, context: SotongContext) -> None:
    """A "me too" button on any message (a digest, a detail): count it and show the count."""
    query = update.callback_query
    assert query is not None and query.data is not None
    lang = context.lang
    try:
        tapped = cb.MeToo.decode(query.data)
        assert tapped is not None
        supported = await context.services.intake.support(
            context.user, tapped.submission_id, tapped.tag
        )
    except ConsentRequiredError:
        await query.answer()
        await _explain_consent(update, context)
        return
    except SupportError as exc:
        await query.answer(t(lang, f"feedback.support.{exc.reason}"), show_alert=True)
        return
    await query.answer(
        t(
            lang,
            "feedback.supported",
            code=supported.receipt_code,
            count=supported.supporters_count,
        ),
        show_alert=True,
    )


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """Stateless intake handlers: "me too" from anywhere."""
    return [CallbackQueryHandler(me_too, pattern=cb.MeToo.matches)]


# --------------------------------------------------------------------------- the reminder


async def remind_idle_drafts(context: SotongContext) -> None:
    """Job: queue one gentle reminder for each draft left alone for a day (the outbox sends it)."""
    await context.services.draft_reminders.remind_idle()


def schedule_jobs(application: Application[Any, SotongContext, Any, Any, Any, Any]) -> None:
    """Check for idle drafts every ten minutes; jobs are rebuilt at every start."""
    job_queue = application.job_queue
    assert job_queue is not None
    job_queue.run_repeating(
        remind_idle_drafts, interval=REMINDER_INTERVAL, first=REMINDER_INTERVAL, name=REMINDER_JOB
    )
