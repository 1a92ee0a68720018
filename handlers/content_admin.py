"""Administrators manage policy content in chat.

/addmeeting, /addbill, /billstage, /announce, and the edit, cancel and "held" buttons on a
meeting. One conversation, so one draft at a time;
every step re-checks ADMIN_IDS. The flows are drawn in content_admin.mmd.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from domain import callback_data as cb
from handlers import content_admin_bills as bills
from handlers import content_admin_meetings as meetings
from handlers.admin_guard import admin_only
from handlers.commands import Command, Scope
from handlers.content_admin_common import CATEGORIES, draft, reply_text, show_categories
from handlers.context import SotongContext
from handlers.conversation import END, Flow, build_conversation
from handlers.ui import button, edit, keyboard, send
from messages import Markup, t

__all__ = ["CATEGORIES", "COMMANDS", "CONFIRMING", "conversation"]

CONFIRMING = "content_confirming"

_TEXT = filters.TEXT & ~filters.COMMAND
_PREVIEWS: dict[str, Callable[[SotongContext], Awaitable[Markup]]] = {
    "meeting": meetings.meeting_preview,
    "bill": bills.bill_preview,
    "announcement": bills.announcement_preview,
}
_SAVES: dict[str, Callable[[Update, SotongContext], Awaitable[int]]] = {
    "meeting": meetings.save_meeting,
    "bill": bills.save_bill,
    "announcement": bills.publish_announcement,
}


async def toggle_category(update: Update, context: SotongContext) -> str:
    """A category: tick or untick it for the drafted item; stay on the picker."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.CadmCategory.decode(query.data)
    assert tapped is not None
    category = tapped.category_id
    if await context.services.reference.find("categories", category) is not None:
        chosen = set(draft(context).get("categories", []))
        chosen ^= {category}
        draft(context)["categories"] = sorted(chosen)
    await show_categories(update, context, fresh=False)
    return CATEGORIES


async def categories_done(update: Update, context: SotongContext) -> str | int:
    """Categories done: show the preview with publish and discard buttons."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    kind = str(draft(context).get("type"))
    preview = _PREVIEWS.get(kind)
    if preview is None:
        await edit(query, t(context.lang, "content_admin.expired"))
        return END
    await edit(query, t(context.lang, "content_admin.categories_chosen"))
    await _show_preview(update, context, preview)
    return CONFIRMING


async def _show_preview(
    update: Update, context: SotongContext, preview: Callable[[SotongContext], Awaitable[Markup]]
) -> None:
    """The item as readers will see it, with publish and discard.

    A meeting also gets a button per field: one tap to change it, then the preview again.
    """
    lang = context.lang
    rows = []
    if draft(context).get("type") == "meeting":
        fields = [
            button(
                lang,
                "content_admin.button.change",
                cb.CadmField(name),
                field=t(lang, f"content_admin.field.{name}"),
            )
            for name in meetings.EDIT_FIELDS
        ]
        rows = [fields[index : index + 2] for index in range(0, len(fields), 2)]
    rows.append(
        [
            button(lang, "content_admin.button.publish", cb.CADM_SAVE),
            button(lang, "content_admin.button.discard", cb.CADM_DISCARD),
        ]
    )
    await send(
        update,
        context,
        Markup(f"{t(lang, 'content_admin.preview')}\n\n{await preview(context)}"),
        keyboard(rows),
    )


async def change_field(update: Update, context: SotongContext) -> str | int:
    """A field button under the meeting preview: ask for that field's new value."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.CadmField.decode(query.data)
    if tapped is None or tapped.name not in meetings.EDIT_FIELDS:
        return CONFIRMING
    return await meetings.ask_draft_field(update, context, tapped.name)


async def _changed(update: Update, context: SotongContext, value: str | None) -> str:
    if not await meetings.set_draft_field(update, context, value):
        return meetings.MEETING_PREVIEW_VALUE
    await _show_preview(update, context, meetings.meeting_preview)
    return CONFIRMING


async def got_changed_value(update: Update, context: SotongContext) -> str:
    """The new value of the field tapped on the preview: store it, show the preview again."""
    return await _changed(update, context, reply_text(update))


async def clear_changed_value(update: Update, context: SotongContext) -> str:
    """Skip on an optional field tapped on the preview: clear it, show the preview again."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    return await _changed(update, context, None)


async def publish(update: Update, context: SotongContext) -> int:
    """Publish: store the drafted item (audited); subscribers hear at the next tick. Ends."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await edit(query, t(context.lang, "content_admin.publishing"))
    save = _SAVES.get(str(draft(context).get("type")))
    if save is None:
        await send(update, context, t(context.lang, "content_admin.expired"))
        return END
    return await save(update, context)


async def discard(update: Update, context: SotongContext) -> int:
    """Discard: drop the draft; nothing was published. Ends."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    draft(context).clear()
    await edit(query, t(context.lang, "content_admin.discarded"))
    return END


async def cancel(update: Update, context: SotongContext) -> int:
    """/cancel: leave the flow; nothing was published."""
    await send(update, context, t(context.lang, "content_admin.discarded"))
    return END


Step = Callable[[Update, SotongContext], Coroutine[Any, Any, Any]]


def _guard(callback: Step) -> Step:
    return admin_only(callback)


def _text(callback: Step) -> MessageHandler[SotongContext, Any]:
    return MessageHandler(_TEXT, _guard(callback))


def _button(
    callback: Step, pattern: Callable[[object], bool]
) -> CallbackQueryHandler[SotongContext, Any]:
    return CallbackQueryHandler(_guard(callback), pattern=pattern)


_SKIP = cb.CADM_SKIP.matches


# Entry points of the conversation below.
COMMANDS = (
    Command("addmeeting", Scope.ADMIN, 50),
    Command("addbill", Scope.ADMIN, 60),
    Command("billstage", Scope.ADMIN, 70),
    Command("announce", Scope.ADMIN, 80),
)


def conversation() -> Flow:
    """The persistent content_admin conversation; every callback is admin-only."""
    return build_conversation(
        "content_admin",
        entry_points=[
            CommandHandler("addmeeting", _guard(meetings.start_add)),
            CommandHandler("addbill", _guard(bills.start_bill)),
            CommandHandler("billstage", _guard(bills.start_stage)),
            CommandHandler("announce", _guard(bills.start_announce)),
            _button(meetings.start_edit, cb.CadmMeetingEdit.matches),
            _button(meetings.ask_cancel, cb.CadmMeetingCancel.matches),
            _button(meetings.start_held, cb.CadmMeetingHeld.matches),
            _button(bills.start_stage_for_bill, cb.CadmBillStage.matches),
        ],
        states={
            meetings.MEETING_KIND: [_button(meetings.got_kind, cb.CadmKind.matches)],
            meetings.MEETING_TITLE: [_text(meetings.got_title)],
            meetings.MEETING_START: [_text(meetings.got_start)],
            meetings.MEETING_END: [_text(meetings.got_end), _button(meetings.skip_end, _SKIP)],
            meetings.MEETING_PLACE: [
                _text(meetings.got_place),
                _button(meetings.skip_place, _SKIP),
            ],
            meetings.MEETING_LINK: [_text(meetings.got_link), _button(meetings.skip_link, _SKIP)],
            meetings.MEETING_ORGANIZER: [
                _text(meetings.got_organizer),
                _button(meetings.skip_organizer, _SKIP),
            ],
            meetings.MEETING_AGENDA: [
                _text(meetings.got_agenda),
                _button(meetings.skip_agenda, _SKIP),
            ],
            meetings.MEETING_EDIT_FIELD: [
                _button(meetings.got_field, cb.CadmField.matches),
            ],
            meetings.MEETING_EDIT_VALUE: [
                _text(meetings.got_value),
                _button(meetings.clear_value, _SKIP),
            ],
            meetings.MEETING_CANCEL: [
                _button(meetings.confirm_cancel, cb.any_of(cb.CADM_YES, cb.CADM_NO))
            ],
            meetings.MEETING_HELD: [
                _text(meetings.got_outcome),
                _button(meetings.skip_outcome, _SKIP),
            ],
            bills.BILL_NAME: [_text(bills.got_bill_name)],
            bills.BILL_NUMBER: [
                _text(bills.got_bill_number),
                _button(bills.skip_bill_number, _SKIP),
            ],
            bills.BILL_SPONSOR: [_text(bills.got_sponsor), _button(bills.skip_sponsor, _SKIP)],
            bills.BILL_COMMITTEE: [
                _text(bills.got_committee),
                _button(bills.skip_committee, _SKIP),
            ],
            bills.BILL_SUMMARY: [_text(bills.got_summary), _button(bills.skip_summary, _SKIP)],
            bills.STAGE_BILL: [_button(bills.got_stage_bill, cb.CadmStageBill.matches)],
            bills.STAGE_PICK: [_button(bills.got_stage, cb.CadmStage.matches)],
            bills.STAGE_DATE: [
                _text(bills.got_stage_date),
                _button(bills.stage_today, cb.CADM_TODAY.matches),
            ],
            bills.STAGE_NOTE: [
                _text(bills.got_stage_note),
                _button(bills.skip_stage_note, _SKIP),
            ],
            bills.ANNOUNCE_TITLE: [_text(bills.got_announce_title)],
            bills.ANNOUNCE_BODY: [_text(bills.got_announce_body)],
            CATEGORIES: [
                _button(toggle_category, cb.CadmCategory.matches),
                _button(categories_done, cb.CADM_CATS_DONE.matches),
            ],
            CONFIRMING: [
                _button(publish, cb.CADM_SAVE.matches),
                _button(discard, cb.CADM_DISCARD.matches),
                _button(change_field, cb.CadmField.matches),
            ],
            meetings.MEETING_PREVIEW_VALUE: [
                _text(got_changed_value),
                _button(clear_changed_value, _SKIP),
            ],
        },
        fallbacks=[CommandHandler("cancel", cancel)],
    )
