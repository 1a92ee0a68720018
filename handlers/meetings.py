"""/meetings: upcoming policy meetings, each with "remind me" and an .ics file.

Administrators see edit, cancel and "held" buttons on a meeting; those lead into the
content_admin conversation, which checks their rights again.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from domain.calendar import meeting_ics
from domain.meetings import Meeting, MeetingNotFoundError, MeetingStatus
from handlers.commands import Command, Scope
from handlers.content_lines import meeting_line
from handlers.context import SotongContext
from handlers.paging import fit_page, navigation, page_of
from handlers.subscribe import require_consent
from handlers.ui import button, edit, edit_or_say, keyboard, send
from messages import Markup, format_datetime, t
from messages.length import truncate

__all__ = ["COMMANDS", "PAGE_SIZE", "handlers", "meeting_details"]

PAGE_SIZE = 5
_LIST_LIMIT = 1000
"""Upcoming meetings looked at, at most: years of a busy calendar."""
_TITLE_IN_BUTTON = 40


async def _categories_text(context: SotongContext, meeting: Meeting) -> str:
    names = [
        c.name(context.lang)
        for c in await context.services.reference.categories()
        if c.id in meeting.categories
    ]
    return ", ".join(names)


async def meeting_details(context: SotongContext, meeting: Meeting) -> Markup:
    """Everything known about a meeting, in the reader's language."""
    lang = context.lang
    zone = context.services.zone
    lines = [
        t(
            lang,
            "meetings.detail.title",
            title=meeting.title.get(lang),
            kind=t(lang, f"meetings.kind.{meeting.kind.value}"),
        ),
        t(lang, f"meetings.status.{meeting.status.value}"),
        t(lang, "meetings.detail.when", when=format_datetime(meeting.starts_at, lang, zone)),
    ]
    if meeting.ends_at is not None:
        lines.append(
            t(lang, "meetings.detail.until", when=format_datetime(meeting.ends_at, lang, zone))
        )
    optional = (
        ("meetings.detail.place", meeting.place.get(lang)),
        ("meetings.detail.online", meeting.online_url or ""),
        ("meetings.detail.organizer", meeting.organizer.get(lang)),
        ("meetings.detail.agenda", meeting.agenda.get(lang)),
        ("meetings.detail.outcome", meeting.outcome.get(lang)),
        ("meetings.detail.categories", await _categories_text(context, meeting)),
    )
    lines.extend(t(lang, key, value=value) for key, value in optional if value)
    return Markup("\n".join(lines))


def _detail_keyboard(
    context: SotongContext, meeting: Meeting, *, reminded: bool
) -> InlineKeyboardMarkup:
    lang = context.lang
    rows: list[list[InlineKeyboardButton]] = []
    if meeting.is_open:
        rows.append(
            [
                button(
                    lang, "meetings.button.forget", cb.MeetRemind("forget", meeting.id, detail=True)
                )
                if reminded
                else button(
                    lang, "meetings.button.remind", cb.MeetRemind("remind", meeting.id, detail=True)
                ),
                button(lang, "meetings.button.ics", cb.MeetIcs(meeting.id)),
            ]
        )
    if context.is_admin and meeting.status is not MeetingStatus.CANCELLED:
        admin_row = [button(lang, "meetings.button.held", cb.CadmMeetingHeld(meeting.id))]
        if meeting.is_open:
            admin_row = [
                button(lang, "meetings.button.edit", cb.CadmMeetingEdit(meeting.id)),
                button(lang, "meetings.button.cancel", cb.CadmMeetingCancel(meeting.id)),
                *admin_row,
            ]
        rows.append(admin_row)
    rows.append([button(lang, "meetings.button.list", cb.MEET_LIST)])
    return keyboard(rows)


async def _page(context: SotongContext, number: int) -> tuple[Markup, InlineKeyboardMarkup]:
    """One page of upcoming meetings, one button each, and ◀ ▶."""
    lang = context.lang
    services = context.services
    meetings = await services.meetings.upcoming(services.clock.now(), limit=_LIST_LIMIT)
    page = page_of(meetings, number, PAGE_SIZE)
    zone = services.zone
    head = str(t(lang, "meetings.list_title"))
    if page.pages > 1:
        head += "\n" + t(lang, "paging.page", page=page.number + 1, pages=page.pages)
    rows = [
        [
            button(
                lang,
                "meetings.button.open",
                cb.MeetShow(meeting.id),
                title=_short(meeting.title.get(lang)),
            )
        ]
        for meeting in page.items
    ]
    rows.append(navigation(lang, page.number, page.pages, cb.MeetPage))
    entries = [meeting_line(meeting, lang, zone) for meeting in page.items]
    return fit_page(head, entries), keyboard(rows)


async def list_meetings(update: Update, context: SotongContext) -> None:
    """/meetings or the menu button: the first page of upcoming meetings."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    lang = context.lang
    services = context.services
    if not await services.meetings.upcoming(services.clock.now(), limit=1):
        await send(
            update,
            context,
            t(lang, "meetings.none"),
            keyboard([[button(lang, "meetings.button.subscribe", cb.MENU_SUBSCRIBE)]]),
        )
        return
    text, markup = await _page(context, 0)
    await send(update, context, text, markup)


async def meetings_page(update: Update, context: SotongContext) -> None:
    """◀ ▶: the asked page in place (the nearest one if the list has shrunk)."""
    query = update.callback_query
    assert query is not None and query.data is not None
    tapped = cb.MeetPage.decode(query.data)
    assert tapped is not None
    text, markup = await _page(context, tapped.page)
    await edit_or_say(query, text, markup, t(context.lang, "paging.same_page"))


def _short(text: str) -> str:
    return truncate(text, _TITLE_IN_BUTTON)


def _meeting_id(update: Update) -> int:
    query = update.callback_query
    assert query is not None
    data = query.data
    tapped = cb.MeetShow.decode(data) or cb.MeetIcs.decode(data) or cb.MeetRemind.decode(data)
    assert tapped is not None
    return tapped.meeting_id


async def _load(update: Update, context: SotongContext) -> Meeting | None:
    try:
        return await context.services.meetings.get(_meeting_id(update))
    except MeetingNotFoundError:
        await send(update, context, t(context.lang, "meetings.gone"))
        return None


async def show_meeting(update: Update, context: SotongContext) -> None:
    """A meeting button: the full details with remind, .ics and (for admins) edit buttons."""
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    await query.answer()
    meeting = await _load(update, context)
    if meeting is None:
        return
    reminded = meeting.id in await context.services.interests.reminded_meetings(
        update.effective_user.id
    )
    await send(
        update,
        context,
        await meeting_details(context, meeting),
        _detail_keyboard(context, meeting, reminded=reminded),
    )


async def toggle_reminder(update: Update, context: SotongContext) -> None:
    """Remind me / stop reminding: store it, then refresh the details or confirm in a message."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    meeting = await _load_answered(update, context)
    if meeting is None:
        return
    subscriptions = context.services.subscriptions
    user_id = update.effective_user.id
    lang = context.lang
    tapped = cb.MeetRemind.decode(query.data)
    assert tapped is not None
    if tapped.action == "remind":
        if not await require_consent(update, context):
            return
        if not meeting.is_open:
            await send(update, context, t(lang, "meetings.not_open"))
            return
        await subscriptions.remind(user_id, meeting.id)
        confirmation = t(lang, "meetings.reminder_set", title=meeting.title.get(lang))
    else:
        await subscriptions.forget_reminder(user_id, meeting.id)
        confirmation = t(lang, "meetings.reminder_removed", title=meeting.title.get(lang))
    if tapped.detail:
        # The tap's own change decides the button: this user's updates run one at a time.
        await edit(
            query,
            Markup(f"{await meeting_details(context, meeting)}\n\n{confirmation}"),
            _detail_keyboard(context, meeting, reminded=tapped.action == "remind"),
        )
    else:
        await send(update, context, confirmation)


async def _load_answered(update: Update, context: SotongContext) -> Meeting | None:
    query = update.callback_query
    assert query is not None
    await query.answer()
    return await _load(update, context)


async def send_ics(update: Update, context: SotongContext) -> None:
    """The .ics button: send the meeting as a calendar file in the reader's language."""
    meeting = await _load_answered(update, context)
    if meeting is None:
        return
    chat = update.effective_chat
    assert chat is not None
    lang = context.lang
    data = meeting_ics(meeting, lang, now=context.services.clock.now())
    await context.bot.send_document(
        chat.id,
        InputFile(data, filename=f"sotong-meeting-{meeting.id}.ics", attach=True),
        caption=t(lang, "meetings.ics_caption", title=meeting.title.get(lang)),
    )


COMMANDS = (Command("meetings", Scope.EVERYONE, 60, list_meetings),)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/meetings and the meeting buttons, wherever they appear (lists, digests, notices)."""
    return [
        CallbackQueryHandler(list_meetings, pattern=cb.any_of(cb.MENU_MEETINGS, cb.MEET_LIST)),
        CallbackQueryHandler(meetings_page, pattern=cb.MeetPage.matches),
        CallbackQueryHandler(show_meeting, pattern=cb.MeetShow.matches),
        CallbackQueryHandler(toggle_reminder, pattern=cb.MeetRemind.matches),
        CallbackQueryHandler(send_ics, pattern=cb.MeetIcs.matches),
    ]
