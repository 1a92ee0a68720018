"""content_admin steps for bills and announcements: /addbill, /billstage, /announce."""

from __future__ import annotations

from datetime import date

from telegram import Update

from domain import callback_data as cb
from domain.announcements import AnnouncementDraft
from domain.bills import (
    BillDraft,
    BillNotFoundError,
    BillStage,
    BillStageEntry,
    BillValidationError,
)
from domain.content import localized
from handlers.bills import bill_details
from handlers.content_admin_common import (
    CATEGORIES,
    draft,
    new_draft,
    prompt,
    reply_text,
    show_categories,
    skip_to,
)
from handlers.context import SotongContext
from handlers.conversation import END
from handlers.ui import button, edit, keyboard, send
from messages import Markup, t
from messages.length import truncate
from services.content_admin import parse_local_date

__all__ = [
    "ANNOUNCE_BODY",
    "ANNOUNCE_TITLE",
    "BILL_COMMITTEE",
    "BILL_NAME",
    "BILL_NUMBER",
    "BILL_SPONSOR",
    "BILL_SUMMARY",
    "STAGE_BILL",
    "STAGE_DATE",
    "STAGE_NOTE",
    "STAGE_PICK",
]

BILL_NAME = "bill_name"
BILL_NUMBER = "bill_number"
BILL_SPONSOR = "bill_sponsor"
BILL_COMMITTEE = "bill_committee"
BILL_SUMMARY = "bill_summary"
STAGE_BILL = "stage_bill"
STAGE_PICK = "stage_pick"
STAGE_DATE = "stage_date"
STAGE_NOTE = "stage_note"
ANNOUNCE_TITLE = "announce_title"
ANNOUNCE_BODY = "announce_body"

_NAME_IN_BUTTON = 40


def _actor(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


async def _answer(update: Update) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()


def bill_from_draft(context: SotongContext) -> BillDraft:
    """The bill the draft describes, its texts in the administrator's language."""
    values = draft(context)
    lang = context.lang
    return BillDraft(
        name=localized(lang, values["name"]),
        bill_number=values.get("bill_number"),
        sponsor=localized(lang, values.get("sponsor")),
        committee=localized(lang, values.get("committee")),
        summary=localized(lang, values.get("summary")),
        categories=frozenset(values.get("categories", [])),
    )


def announcement_from_draft(context: SotongContext) -> AnnouncementDraft:
    """The announcement the draft describes."""
    values = draft(context)
    lang = context.lang
    return AnnouncementDraft(
        title=localized(lang, values["title"]),
        body=localized(lang, values.get("body")),
        categories=frozenset(values.get("categories", [])),
    )


async def start_bill(update: Update, context: SotongContext) -> str:
    """/addbill: start a draft and ask for the bill's name."""
    new_draft(context, "bill", categories=[])
    await prompt(update, context, "content_admin.ask.bill_name")
    return BILL_NAME


async def got_bill_name(update: Update, context: SotongContext) -> str:
    """Store the name; ask for the bill number."""
    draft(context)["name"] = reply_text(update)
    await prompt(update, context, "content_admin.ask.bill_number", skippable=True)
    return BILL_NUMBER


async def got_bill_number(update: Update, context: SotongContext) -> str:
    """Store the number; ask for the sponsor."""
    draft(context)["bill_number"] = reply_text(update)
    await prompt(update, context, "content_admin.ask.sponsor", skippable=True)
    return BILL_SPONSOR


skip_bill_number = skip_to("content_admin.ask.sponsor", BILL_SPONSOR)


async def got_sponsor(update: Update, context: SotongContext) -> str:
    """Store the sponsor; ask for the committee."""
    draft(context)["sponsor"] = reply_text(update)
    await prompt(update, context, "content_admin.ask.committee", skippable=True)
    return BILL_COMMITTEE


skip_sponsor = skip_to("content_admin.ask.committee", BILL_COMMITTEE)


async def got_committee(update: Update, context: SotongContext) -> str:
    """Store the committee; ask for the summary."""
    draft(context)["committee"] = reply_text(update)
    await prompt(update, context, "content_admin.ask.summary", skippable=True)
    return BILL_SUMMARY


skip_committee = skip_to("content_admin.ask.summary", BILL_SUMMARY)


async def got_summary(update: Update, context: SotongContext) -> str:
    """Store the summary; ask for the categories."""
    draft(context)["summary"] = reply_text(update)
    await show_categories(update, context, fresh=True)
    return CATEGORIES


async def skip_summary(update: Update, context: SotongContext) -> str:
    """No summary; ask for the categories."""
    await _answer(update)
    await show_categories(update, context, fresh=True)
    return CATEGORIES


async def save_bill(update: Update, context: SotongContext) -> int:
    """Start tracking the drafted bill and offer to record its first stage; the flow ends."""
    lang = context.lang
    try:
        bill = await context.services.content.add_bill(
            bill_from_draft(context), actor_id=_actor(update)
        )
    except BillValidationError:
        await send(update, context, t(lang, "content_admin.invalid.name"))
        return END
    await send(
        update,
        context,
        Markup(f"{t(lang, 'content_admin.bill_saved')}\n\n{await bill_details(context, bill)}"),
        keyboard([[button(lang, "bills.button.add_stage", cb.CadmBillStage(bill.id))]]),
    )
    return END


async def bill_preview(context: SotongContext) -> Markup:
    """The drafted bill, as it will be listed."""
    candidate = bill_from_draft(context)
    lang = context.lang
    return t(
        lang,
        "content_admin.bill_preview",
        name=candidate.name.get(lang),
        number=candidate.bill_number or "-",
        sponsor=candidate.sponsor.get(lang) or "-",
        committee=candidate.committee.get(lang) or "-",
        summary=candidate.summary.get(lang) or "-",
    )


async def start_stage(update: Update, context: SotongContext) -> str | int:
    """/billstage: ask which bill moved."""
    new_draft(context, "stage")
    lang = context.lang
    bills = await context.services.bills.all()
    if not bills:
        await send(update, context, t(lang, "bills.none"))
        return END
    await send(
        update,
        context,
        t(lang, "content_admin.ask.stage_bill"),
        keyboard(
            [
                [
                    button(
                        lang,
                        "bills.button.open",
                        cb.CadmStageBill(bill.id),
                        name=_short(bill.name.get(lang)),
                    )
                ]
                for bill in bills
            ]
        ),
    )
    return STAGE_BILL


def _short(text: str) -> str:
    return truncate(text, _NAME_IN_BUTTON)


async def _ask_stage(update: Update, context: SotongContext, bill_id: int) -> str | int:
    lang = context.lang
    try:
        bill = await context.services.bills.get(bill_id)
    except BillNotFoundError:
        await send(update, context, t(lang, "bills.gone"))
        return END
    new_draft(context, "stage", bill_id=bill.id)
    stages = [
        button(lang, f"bills.stage.{stage.value}", cb.CadmStage(stage.value)) for stage in BillStage
    ]
    await send(
        update,
        context,
        t(lang, "content_admin.ask.stage", name=bill.name.get(lang)),
        keyboard([stages[index : index + 2] for index in range(0, len(stages), 2)]),
    )
    return STAGE_PICK


async def got_stage_bill(update: Update, context: SotongContext) -> str | int:
    """Store the bill; ask which stage it reached."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.CadmStageBill.decode(query.data)
    assert tapped is not None
    return await _ask_stage(update, context, tapped.bill_id)


async def start_stage_for_bill(update: Update, context: SotongContext) -> str | int:
    """The "record a stage" button on a bill: ask which stage it reached."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.CadmBillStage.decode(query.data)
    assert tapped is not None
    return await _ask_stage(update, context, tapped.bill_id)


async def got_stage(update: Update, context: SotongContext) -> str:
    """Store the stage; ask on which day (today is a button)."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.CadmStage.decode(query.data)
    assert tapped is not None
    stage = BillStage(tapped.stage)
    draft(context)["stage"] = stage.value
    lang = context.lang
    await edit(
        query, t(lang, "content_admin.stage_chosen", stage=t(lang, f"bills.stage.{stage.value}"))
    )
    await send(
        update,
        context,
        t(lang, "content_admin.ask.stage_date"),
        keyboard([[button(lang, "content_admin.button.today", cb.CADM_TODAY)]]),
    )
    return STAGE_DATE


async def got_stage_date(update: Update, context: SotongContext) -> str:
    """Store the day; ask for an optional note."""
    try:
        day = parse_local_date(reply_text(update))
    except ValueError:
        await prompt(update, context, "content_admin.bad_date")
        return STAGE_DATE
    draft(context)["on_date"] = day.isoformat()
    await prompt(update, context, "content_admin.ask.stage_note", skippable=True)
    return STAGE_NOTE


async def stage_today(update: Update, context: SotongContext) -> str:
    """Today, in the configured zone; ask for an optional note."""
    await _answer(update)
    services = context.services
    draft(context)["on_date"] = services.clock.now().astimezone(services.zone).date().isoformat()
    await prompt(update, context, "content_admin.ask.stage_note", skippable=True)
    return STAGE_NOTE


async def _save_stage(update: Update, context: SotongContext, note: str | None) -> int:
    values = draft(context)
    lang = context.lang
    entry = BillStageEntry(
        stage=BillStage(values["stage"]),
        on_date=date.fromisoformat(values["on_date"]),
        note=localized(lang, note),
    )
    try:
        bill = await context.services.content.add_stage(
            int(values["bill_id"]), entry, actor_id=_actor(update)
        )
    except BillNotFoundError:
        await send(update, context, t(lang, "bills.gone"))
        return END
    await send(
        update,
        context,
        Markup(f"{t(lang, 'content_admin.stage_saved')}\n\n{await bill_details(context, bill)}"),
    )
    return END


async def got_stage_note(update: Update, context: SotongContext) -> int:
    """Store the note and record the stage; followers will hear. The flow ends."""
    return await _save_stage(update, context, reply_text(update))


async def skip_stage_note(update: Update, context: SotongContext) -> int:
    """Record the stage without a note. The flow ends."""
    await _answer(update)
    return await _save_stage(update, context, None)


async def start_announce(update: Update, context: SotongContext) -> str:
    """/announce: start a draft and ask for the title."""
    new_draft(context, "announcement", categories=[])
    await prompt(update, context, "content_admin.ask.announce_title")
    return ANNOUNCE_TITLE


async def got_announce_title(update: Update, context: SotongContext) -> str:
    """Store the title; ask for the text."""
    draft(context)["title"] = reply_text(update)
    await prompt(update, context, "content_admin.ask.announce_body")
    return ANNOUNCE_BODY


async def got_announce_body(update: Update, context: SotongContext) -> str:
    """Store the text; ask for the categories (none: everyone)."""
    draft(context)["body"] = reply_text(update)
    await show_categories(update, context, fresh=True)
    return CATEGORIES


async def announcement_preview(context: SotongContext) -> Markup:
    """The drafted announcement as subscribers will see it."""
    candidate = announcement_from_draft(context)
    lang = context.lang
    return t(
        lang, "digest.announcement", title=candidate.title.get(lang), body=candidate.body.get(lang)
    )


async def publish_announcement(update: Update, context: SotongContext) -> int:
    """Publish the drafted announcement; subscribers get it with their next digest. Ends."""
    lang = context.lang
    await context.services.content.announce(
        announcement_from_draft(context), actor_id=_actor(update)
    )
    await send(update, context, t(lang, "content_admin.announced"))
    return END
