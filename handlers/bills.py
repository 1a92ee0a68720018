"""/bills: the bills that concern SMEs, where each stands, and "follow" for its next stages."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from domain.bills import Bill, BillNotFoundError
from handlers.commands import Command, Scope
from handlers.content_lines import bill_line
from handlers.context import SotongContext
from handlers.paging import fit_page, navigation, page_of
from handlers.subscribe import require_consent
from handlers.ui import button, edit_or_say, keyboard, send
from messages import Markup, format_date, t
from messages.length import truncate

__all__ = ["COMMANDS", "PAGE_SIZE", "bill_details", "handlers"]

PAGE_SIZE = 5
_NAME_IN_BUTTON = 40


async def bill_details(context: SotongContext, bill: Bill) -> Markup:
    """A bill's description and its whole stage history, in the reader's language."""
    lang = context.lang
    zone = context.services.zone
    lines = [t(lang, "bills.detail.name", name=bill.name.get(lang))]
    optional = (
        ("bills.detail.number", bill.bill_number or ""),
        ("bills.detail.sponsor", bill.sponsor.get(lang)),
        ("bills.detail.committee", bill.committee.get(lang)),
        ("bills.detail.summary", bill.summary.get(lang)),
    )
    lines.extend(t(lang, key, value=value) for key, value in optional if value)
    categories = [
        choice.name(lang)
        for choice in await context.services.reference.categories()
        if choice.id in bill.categories
    ]
    if categories:
        lines.append(t(lang, "bills.detail.categories", value=", ".join(categories)))
    lines.append(t(lang, "bills.detail.history"))
    if not bill.stages:
        lines.append(t(lang, "bills.no_stage"))
    for entry in bill.stages:
        day = datetime(entry.on_date.year, entry.on_date.month, entry.on_date.day, 12, tzinfo=zone)
        lines.append(
            t(
                lang,
                "bills.detail.stage",
                stage=t(lang, f"bills.stage.{entry.stage.value}"),
                date=format_date(day, lang, zone),
                note=entry.note.get(lang),
            )
            if entry.note
            else t(
                lang,
                "bills.detail.stage_plain",
                stage=t(lang, f"bills.stage.{entry.stage.value}"),
                date=format_date(day, lang, zone),
            )
        )
    return Markup("\n".join(lines))


def _detail_keyboard(
    context: SotongContext, bill: Bill, *, following: bool
) -> InlineKeyboardMarkup:
    lang = context.lang
    rows: list[list[InlineKeyboardButton]] = [
        [
            button(lang, "bills.button.unfollow", cb.BillFollow("unfollow", bill.id, detail=True))
            if following
            else button(lang, "bills.button.follow", cb.BillFollow("follow", bill.id, detail=True))
        ]
    ]
    if context.is_admin:
        rows.append([button(lang, "bills.button.add_stage", cb.CadmBillStage(bill.id))])
    rows.append([button(lang, "bills.button.list", cb.BILL_LIST)])
    return keyboard(rows)


def _short(text: str) -> str:
    return truncate(text, _NAME_IN_BUTTON)


async def _page(context: SotongContext, number: int) -> tuple[Markup, InlineKeyboardMarkup]:
    """One page of current bills with their stage, one button each, and ◀ ▶."""
    lang = context.lang
    zone = context.services.zone
    bills = [bill for bill in await context.services.bills.all() if bill.is_current]
    page = page_of(bills, number, PAGE_SIZE)
    head = str(t(lang, "bills.list_title"))
    if page.pages > 1:
        head += "\n" + t(lang, "paging.page", page=page.number + 1, pages=page.pages)
    rows = [
        [button(lang, "bills.button.open", cb.BillShow(bill.id), name=_short(bill.name.get(lang)))]
        for bill in page.items
    ]
    rows.append(navigation(lang, page.number, page.pages, cb.BillPage))
    entries = [bill_line(bill, lang, zone) for bill in page.items]
    return fit_page(head, entries), keyboard(rows)


async def list_bills(update: Update, context: SotongContext) -> None:
    """/bills or the menu button: the first page of current bills."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    if not any(bill.is_current for bill in await context.services.bills.all()):
        await send(update, context, t(context.lang, "bills.none"))
        return
    text, markup = await _page(context, 0)
    await send(update, context, text, markup)


async def bills_page(update: Update, context: SotongContext) -> None:
    """◀ ▶: the asked page in place (the nearest one if the list has shrunk)."""
    query = update.callback_query
    assert query is not None and query.data is not None
    tapped = cb.BillPage.decode(query.data)
    assert tapped is not None
    text, markup = await _page(context, tapped.page)
    await edit_or_say(query, text, markup, t(context.lang, "paging.same_page"))


async def _load(update: Update, context: SotongContext) -> Bill | None:
    """The tapped bill, or None after saying it is gone.

    The query is left unanswered: a tap that changes nothing answers it in words, any other
    is answered when the update is done (bot/app.py).
    """
    query = update.callback_query
    assert query is not None
    tapped = cb.BillShow.decode(query.data) or cb.BillFollow.decode(query.data)
    assert tapped is not None
    try:
        return await context.services.bills.get(tapped.bill_id)
    except BillNotFoundError:
        await send(update, context, t(context.lang, "bills.gone"))
        return None


async def show_bill(update: Update, context: SotongContext) -> None:
    """A bill button: its details and history, with follow (and, for admins, add a stage)."""
    assert update.effective_user is not None
    bill = await _load(update, context)
    if bill is None:
        return
    following = bill.id in await context.services.interests.followed_bills(update.effective_user.id)
    await send(
        update,
        context,
        await bill_details(context, bill),
        _detail_keyboard(context, bill, following=following),
    )


async def toggle_follow(update: Update, context: SotongContext) -> None:
    """Follow / unfollow: store it, then refresh the details or confirm in a message."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    bill = await _load(update, context)
    if bill is None:
        return
    lang = context.lang
    subscriptions = context.services.subscriptions
    user_id = update.effective_user.id
    name = bill.name.get(lang)
    tapped = cb.BillFollow.decode(query.data)
    assert tapped is not None
    if tapped.action == "follow":
        if not await require_consent(update, context):
            return
        result = await subscriptions.follow(user_id, bill.id)
        confirmation = t(
            lang,
            "bills.followed_with_subscription" if result.subscription_changed else "bills.followed",
            name=name,
        )
    else:
        await subscriptions.unfollow(user_id, bill.id)
        confirmation = t(lang, "bills.unfollowed", name=name)
    if tapped.detail:
        following = tapped.action == "follow"
        # The tap's own change decides the button: this user's updates run one at a time.
        # A second tap on the same button (a double tap) leaves the details as they are.
        await edit_or_say(
            query,
            Markup(f"{await bill_details(context, bill)}\n\n{confirmation}"),
            _detail_keyboard(context, bill, following=following),
            t(lang, "bills.toast.following" if following else "bills.toast.not_following"),
        )
    else:
        await send(update, context, confirmation)


COMMANDS = (Command("bills", Scope.EVERYONE, 70, list_bills),)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/bills and the bill buttons, wherever they appear."""
    return [
        CallbackQueryHandler(list_bills, pattern=cb.any_of(cb.MENU_BILLS, cb.BILL_LIST)),
        CallbackQueryHandler(bills_page, pattern=cb.BillPage.matches),
        CallbackQueryHandler(show_bill, pattern=cb.BillShow.matches),
        CallbackQueryHandler(toggle_follow, pattern=cb.BillFollow.matches),
    ]
