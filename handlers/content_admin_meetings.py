"""content_admin steps for meetings: /addmeeting, and the edit, cancel and "held" buttons."""

from __future__ import annotations

from datetime import date, datetime

from telegram import Update

from domain import callback_data as cb
from domain.content import localized
from domain.meetings import (
    Meeting,
    MeetingDraft,
    MeetingKind,
    MeetingNotFoundError,
    MeetingValidationError,
)
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
from handlers.meetings import meeting_details
from handlers.ui import button, edit, keyboard, send
from messages import Markup, t
from services.content_admin import MeetingStateError, parse_local_time

__all__ = [
    "EDIT_FIELDS",
    "MEETING_AGENDA",
    "MEETING_CANCEL",
    "MEETING_EDIT_FIELD",
    "MEETING_EDIT_VALUE",
    "MEETING_END",
    "MEETING_HELD",
    "MEETING_KIND",
    "MEETING_LINK",
    "MEETING_ORGANIZER",
    "MEETING_PLACE",
    "MEETING_PREVIEW_VALUE",
    "MEETING_START",
    "MEETING_TITLE",
    "ask_draft_field",
    "meeting_from_draft",
    "set_draft_field",
]

MEETING_KIND = "meeting_kind"
MEETING_TITLE = "meeting_title"
MEETING_START = "meeting_start"
MEETING_END = "meeting_end"
MEETING_PLACE = "meeting_place"
MEETING_LINK = "meeting_link"
MEETING_ORGANIZER = "meeting_organizer"
MEETING_AGENDA = "meeting_agenda"
MEETING_EDIT_FIELD = "meeting_edit_field"
MEETING_EDIT_VALUE = "meeting_edit_value"
MEETING_CANCEL = "meeting_cancel"
MEETING_HELD = "meeting_held"
MEETING_PREVIEW_VALUE = "meeting_preview_value"

EDIT_FIELDS = ("title", "starts_at", "ends_at", "place", "online_url", "organizer", "agenda")
_OPTIONAL_EDITS = ("ends_at", "place", "online_url", "organizer", "agenda")


def meeting_from_draft(context: SotongContext) -> MeetingDraft:
    """The meeting the draft describes, its texts in the administrator's language."""
    values = draft(context)
    lang = context.lang
    return MeetingDraft(
        kind=MeetingKind(values["kind"]),
        title=localized(lang, values["title"]),
        starts_at=datetime.fromisoformat(values["starts_at"]),
        ends_at=datetime.fromisoformat(values["ends_at"]) if values.get("ends_at") else None,
        place=localized(lang, values.get("place")),
        online_url=values.get("online_url"),
        organizer=localized(lang, values.get("organizer")),
        agenda=localized(lang, values.get("agenda")),
        categories=frozenset(values.get("categories", [])),
    )


def _today(context: SotongContext) -> date:
    return context.services.clock.now().astimezone(context.services.zone).date()


async def _refuse_time(update: Update, context: SotongContext, *, skippable: bool) -> None:
    """A time that cannot be read: say so, show back what was typed, ask again."""
    await prompt(
        update, context, "content_admin.bad_time", skippable=skippable, typed=reply_text(update)
    )


async def start_add(update: Update, context: SotongContext) -> str:
    """/addmeeting: start a draft and ask for the kind of meeting."""
    new_draft(context, "meeting", categories=[])
    lang = context.lang
    await send(
        update,
        context,
        t(lang, "content_admin.ask.kind"),
        keyboard(
            [
                [button(lang, f"meetings.kind.{kind.value}", cb.CadmKind(kind.value))]
                for kind in MeetingKind
            ]
        ),
    )
    return MEETING_KIND


async def got_kind(update: Update, context: SotongContext) -> str:
    """Store the kind; ask for the title."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.CadmKind.decode(query.data)
    assert tapped is not None
    draft(context)["kind"] = MeetingKind(tapped.kind).value
    await edit(
        query,
        t(
            context.lang,
            "content_admin.kind_chosen",
            kind=t(context.lang, f"meetings.kind.{draft(context)['kind']}"),
        ),
    )
    await prompt(update, context, "content_admin.ask.title")
    return MEETING_TITLE


async def got_title(update: Update, context: SotongContext) -> str:
    """Store the title; ask when it starts."""
    draft(context)["title"] = reply_text(update)
    await prompt(update, context, "content_admin.ask.start")
    return MEETING_START


async def got_start(update: Update, context: SotongContext) -> str:
    """Store the start time (local); ask when it ends."""
    try:
        starts_at = parse_local_time(
            reply_text(update), context.services.zone, today=_today(context)
        )
    except ValueError:
        await _refuse_time(update, context, skippable=False)
        return MEETING_START
    draft(context)["starts_at"] = starts_at.isoformat()
    await prompt(update, context, "content_admin.ask.end", skippable=True)
    return MEETING_END


async def got_end(update: Update, context: SotongContext) -> str:
    """Store the end time (a bare 16:00 means the same day); ask where."""
    values = draft(context)
    starts_at = datetime.fromisoformat(values["starts_at"])
    try:
        ends_at = parse_local_time(
            reply_text(update), context.services.zone, today=_today(context), same_day_as=starts_at
        )
    except ValueError:
        await _refuse_time(update, context, skippable=True)
        return MEETING_END
    if ends_at < starts_at:
        await prompt(update, context, "content_admin.end_before_start", skippable=True)
        return MEETING_END
    values["ends_at"] = ends_at.isoformat()
    await prompt(update, context, "content_admin.ask.place", skippable=True)
    return MEETING_PLACE


skip_end = skip_to("content_admin.ask.place", MEETING_PLACE)


async def got_place(update: Update, context: SotongContext) -> str:
    """Store the place; ask for an online link."""
    draft(context)["place"] = reply_text(update)
    await prompt(update, context, "content_admin.ask.link", skippable=True)
    return MEETING_LINK


skip_place = skip_to("content_admin.ask.link", MEETING_LINK)


async def got_link(update: Update, context: SotongContext) -> str:
    """Store the link (http or https only); ask for the organizer."""
    link = reply_text(update)
    if not link.startswith(("http://", "https://")):
        await prompt(update, context, "content_admin.bad_link", skippable=True)
        return MEETING_LINK
    draft(context)["online_url"] = link
    await prompt(update, context, "content_admin.ask.organizer", skippable=True)
    return MEETING_ORGANIZER


skip_link = skip_to("content_admin.ask.organizer", MEETING_ORGANIZER)


async def got_organizer(update: Update, context: SotongContext) -> str:
    """Store the organizer; ask for the agenda."""
    draft(context)["organizer"] = reply_text(update)
    await prompt(update, context, "content_admin.ask.agenda", skippable=True)
    return MEETING_AGENDA


skip_organizer = skip_to("content_admin.ask.agenda", MEETING_AGENDA)


async def got_agenda(update: Update, context: SotongContext) -> str:
    """Store the agenda; ask for the categories."""
    draft(context)["agenda"] = reply_text(update)
    await show_categories(update, context, fresh=True)
    return CATEGORIES


async def skip_agenda(update: Update, context: SotongContext) -> str:
    """No agenda; ask for the categories."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    await show_categories(update, context, fresh=True)
    return CATEGORIES


async def _meeting_for_button(update: Update, context: SotongContext) -> Meeting | None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    data = query.data
    tapped = (
        cb.CadmMeetingEdit.decode(data)
        or cb.CadmMeetingCancel.decode(data)
        or cb.CadmMeetingHeld.decode(data)
    )
    assert tapped is not None
    try:
        return await context.services.meetings.get(tapped.meeting_id)
    except MeetingNotFoundError:
        await send(update, context, t(context.lang, "meetings.gone"))
        return None


async def start_edit(update: Update, context: SotongContext) -> str | int:
    """Edit button: remember the meeting; ask which field to change."""
    meeting = await _meeting_for_button(update, context)
    if meeting is None:
        return END
    new_draft(context, "edit", meeting_id=meeting.id)
    lang = context.lang
    buttons = [
        button(lang, f"content_admin.field.{name}", cb.CadmField(name)) for name in EDIT_FIELDS
    ]
    await send(
        update,
        context,
        t(lang, "content_admin.ask.field", title=meeting.title.get(lang)),
        keyboard([buttons[index : index + 2] for index in range(0, len(buttons), 2)]),
    )
    return MEETING_EDIT_FIELD


async def got_field(update: Update, context: SotongContext) -> str:
    """Store the field to change; ask for its new value."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.CadmField.decode(query.data)
    if tapped is None or tapped.name not in EDIT_FIELDS:
        return MEETING_EDIT_FIELD
    name = tapped.name
    draft(context)["field"] = name
    await prompt(
        update, context, f"content_admin.ask.edit.{name}", skippable=name in _OPTIONAL_EDITS
    )
    return MEETING_EDIT_VALUE


async def _apply_edit(update: Update, context: SotongContext, value: str | None) -> str | int:
    values = draft(context)
    name = str(values["field"])
    services = context.services
    stored: str | datetime | None = value
    if value is not None and name in ("starts_at", "ends_at"):
        try:
            current = await services.meetings.get(int(values["meeting_id"]))
            stored = parse_local_time(
                value,
                services.zone,
                today=_today(context),
                same_day_as=current.starts_at if name == "ends_at" else None,
            )
        except ValueError:
            await _refuse_time(update, context, skippable=name == "ends_at")
            return MEETING_EDIT_VALUE
    try:
        meeting = await services.content.edit_meeting(
            int(values["meeting_id"]),
            name,
            stored,
            language=context.lang,
            actor_id=_actor(update),
        )
    except MeetingValidationError as exc:
        await prompt(
            update, context, f"content_admin.invalid.{exc.field}", skippable=name in _OPTIONAL_EDITS
        )
        return MEETING_EDIT_VALUE
    except (MeetingStateError, MeetingNotFoundError):
        await send(update, context, t(context.lang, "content_admin.not_editable"))
        return END
    await _report(update, context, "content_admin.meeting_saved", meeting)
    return END


async def got_value(update: Update, context: SotongContext) -> str | int:
    """Store the new value, mark the meeting changed if it moved, and show it; the flow ends."""
    return await _apply_edit(update, context, reply_text(update))


async def clear_value(update: Update, context: SotongContext) -> str | int:
    """Skip on an optional field: clear it, and show the meeting; the flow ends."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    return await _apply_edit(update, context, None)


async def _described(context: SotongContext, key: str, meeting: Meeting) -> Markup:
    """A confirmation line above the meeting as it now stands."""
    return Markup(f"{t(context.lang, key)}\n\n{await meeting_details(context, meeting)}")


async def _report(update: Update, context: SotongContext, key: str, meeting: Meeting) -> None:
    await send(update, context, await _described(context, key, meeting))


def _actor(update: Update) -> int:
    assert update.effective_user is not None
    return update.effective_user.id


async def ask_cancel(update: Update, context: SotongContext) -> str | int:
    """Cancel button: ask to confirm, since subscribers and reminder holders will be told."""
    meeting = await _meeting_for_button(update, context)
    if meeting is None:
        return END
    new_draft(context, "cancel", meeting_id=meeting.id)
    lang = context.lang
    await send(
        update,
        context,
        t(lang, "content_admin.confirm_cancel", title=meeting.title.get(lang)),
        keyboard(
            [
                [
                    button(lang, "content_admin.button.yes_cancel", cb.CADM_YES),
                    button(lang, "content_admin.button.no", cb.CADM_NO),
                ]
            ]
        ),
    )
    return MEETING_CANCEL


async def confirm_cancel(update: Update, context: SotongContext) -> int:
    """Yes: cancel the meeting and show it; No: leave it. The flow ends."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    lang = context.lang
    if not cb.CADM_YES.matches(query.data):
        await edit(query, t(lang, "content_admin.kept"))
        return END
    try:
        meeting = await context.services.content.cancel_meeting(
            int(draft(context)["meeting_id"]), actor_id=_actor(update)
        )
    except (MeetingStateError, MeetingNotFoundError):
        await edit(query, t(lang, "content_admin.not_editable"))
        return END
    await edit(query, await _described(context, "content_admin.meeting_cancelled", meeting))
    return END


async def start_held(update: Update, context: SotongContext) -> str | int:
    """Held button: ask for an outcome summary (or skip)."""
    meeting = await _meeting_for_button(update, context)
    if meeting is None:
        return END
    new_draft(context, "held", meeting_id=meeting.id)
    await prompt(
        update,
        context,
        "content_admin.ask.outcome",
        skippable=True,
        title=meeting.title.get(context.lang),
    )
    return MEETING_HELD


async def _mark_held(update: Update, context: SotongContext, outcome: str | None) -> int:
    lang = context.lang
    try:
        meeting = await context.services.content.mark_held(
            int(draft(context)["meeting_id"]), outcome, language=lang, actor_id=_actor(update)
        )
    except (MeetingStateError, MeetingNotFoundError):
        await send(update, context, t(lang, "content_admin.not_editable"))
        return END
    await _report(update, context, "content_admin.meeting_held", meeting)
    return END


async def got_outcome(update: Update, context: SotongContext) -> int:
    """Store the outcome and mark the meeting held; the flow ends."""
    return await _mark_held(update, context, reply_text(update))


async def skip_outcome(update: Update, context: SotongContext) -> int:
    """Mark the meeting held without an outcome; the flow ends."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    return await _mark_held(update, context, None)


async def save_meeting(update: Update, context: SotongContext) -> int:
    """Publish the drafted meeting and show it; the flow ends."""
    lang = context.lang
    try:
        meeting = await context.services.content.add_meeting(
            meeting_from_draft(context), actor_id=_actor(update)
        )
    except MeetingValidationError as exc:
        await send(update, context, t(lang, f"content_admin.invalid.{exc.field}"))
        return END
    await _report(update, context, "content_admin.meeting_published", meeting)
    return END


async def meeting_preview(context: SotongContext) -> Markup:
    """The drafted meeting as subscribers will see it."""
    candidate = meeting_from_draft(context)
    now = context.services.clock.now()
    return await meeting_details(
        context,
        Meeting(
            id=0,
            kind=candidate.kind,
            title=candidate.title,
            starts_at=candidate.starts_at,
            ends_at=candidate.ends_at,
            organizer=candidate.organizer,
            place=candidate.place,
            online_url=candidate.online_url,
            agenda=candidate.agenda,
            status=candidate.status,
            outcome=candidate.outcome,
            categories=candidate.categories,
            created_at=now,
            updated_at=now,
        ),
    )


async def ask_draft_field(update: Update, context: SotongContext, name: str) -> str:
    """A field button on the preview: ask its new value; the answer leads back to the preview."""
    draft(context)["preview_field"] = name
    await prompt(
        update, context, f"content_admin.ask.edit.{name}", skippable=name in _OPTIONAL_EDITS
    )
    return MEETING_PREVIEW_VALUE


async def set_draft_field(update: Update, context: SotongContext, value: str | None) -> bool:
    """Store the drafted meeting's field (None clears an optional one); False after a refusal.

    A refusal says why, shows back what was typed and asks again, as the first pass did.
    """
    values = draft(context)
    name = str(values.get("preview_field"))
    optional = name in _OPTIONAL_EDITS
    if value is None:
        values.pop(name, None)
        return True
    if name in ("starts_at", "ends_at"):
        starts_at = datetime.fromisoformat(values["starts_at"])
        try:
            moment = parse_local_time(
                value,
                context.services.zone,
                today=_today(context),
                same_day_as=starts_at if name == "ends_at" else None,
            )
        except ValueError:
            await _refuse_time(update, context, skippable=optional)
            return False
        if name == "ends_at":
            if moment < starts_at:
                await prompt(update, context, "content_admin.end_before_start", skippable=True)
                return False
            values["ends_at"] = moment.isoformat()
            return True
        values["starts_at"] = moment.isoformat()
        if values.get("ends_at"):
            # The end moves with the start: same length, so a meeting never ends before it begins.
            length = datetime.fromisoformat(values["ends_at"]) - starts_at
            values["ends_at"] = (moment + length).isoformat()
        return True
    if name == "online_url" and not value.startswith(("http://", "https://")):
        await prompt(update, context, "content_admin.bad_link", skippable=True)
        return False
    values[name] = value
    return True
