"""/subscribe: one settings panel for what to receive, on which topics, how often and when.

The choice being edited is the flow's stored form until "save"; the flow is drawn in subscribe.mmd.
The "change" and "stop" buttons under every digest lead here too.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from domain import callback_data as cb
from domain.subscriptions import BillScope, Frequency, Subscription, SubscriptionChoice
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.conversation import END, Flow, build_conversation
from handlers.ui import button, edit, edit_or_say, keyboard, plain_text, send
from messages import Markup, format_hour, t

__all__ = [
    "CHOOSING_CATEGORIES",
    "CHOOSING_FREQUENCY",
    "CHOOSING_HOUR",
    "CHOOSING_WEEKDAY",
    "COMMANDS",
    "EDITING",
    "conversation",
    "handlers",
    "require_consent",
]

EDITING = "subscribe_editing"
CHOOSING_CATEGORIES = "subscribe_categories"
CHOOSING_FREQUENCY = "subscribe_frequency"
CHOOSING_HOUR = "subscribe_hour"
CHOOSING_WEEKDAY = "subscribe_weekday"

_DRAFT = "subscribe_draft"
_BILL_CYCLE = (BillScope.ALL, BillScope.FOLLOWED, BillScope.NONE)


def _to_data(choice: SubscriptionChoice) -> dict[str, Any]:
    return {
        "meetings": choice.meetings,
        "bills": choice.bills.value,
        "announcements": choice.announcements,
        "frequency": choice.frequency.value,
        "hour": choice.hour,
        "weekday": choice.weekday,
        "categories": sorted(choice.categories),
    }


def _from_data(data: dict[str, Any]) -> SubscriptionChoice:
    return SubscriptionChoice(
        meetings=bool(data["meetings"]),
        bills=BillScope(data["bills"]),
        announcements=bool(data["announcements"]),
        frequency=Frequency(data["frequency"]),
        hour=int(data["hour"]),
        weekday=int(data["weekday"]),
        categories=frozenset(data["categories"]),
    )


def _draft(context: SotongContext) -> SubscriptionChoice:
    data = context.form.get(_DRAFT)
    return _from_data(data) if isinstance(data, dict) else SubscriptionChoice()


def _store(context: SotongContext, choice: SubscriptionChoice) -> None:
    context.form[_DRAFT] = _to_data(choice)


def _first_allowed_hour(context: SotongContext, hour: int) -> int:
    quiet = context.services.quiet
    for offset in range(24):
        candidate = (hour + offset) % 24
        if not quiet.contains(candidate):
            return candidate
    return hour


def _when(lang: str, choice: SubscriptionChoice, texts: str = "subscribe.when") -> Markup:
    hour = format_hour(choice.hour, lang)
    if choice.frequency is Frequency.IMMEDIATE:
        return t(lang, f"{texts}.immediate")
    if choice.frequency is Frequency.DAILY:
        return t(lang, f"{texts}.daily", hour=hour)
    return t(
        lang,
        f"{texts}.weekly",
        hour=hour,
        weekday=t(lang, f"subscribe.weekday.{choice.weekday}"),
    )


async def _panel_text(
    context: SotongContext, choice: SubscriptionChoice, current: Subscription | None
) -> Markup:
    lang = context.lang
    mark = {True: "✅", False: "▫️"}
    if choice.categories:
        names = [
            c.name(lang)
            for c in await context.services.reference.categories()
            if c.id in choice.categories
        ]
        topics: str | Markup = ", ".join(names)
    else:
        topics = t(lang, "subscribe.topics_all")
    if current is None:
        status = t(lang, "subscribe.status.new")
    elif current.active:
        status = t(lang, "subscribe.status.active")
    else:
        status = t(lang, "subscribe.status.stopped")
    quiet = context.services.quiet
    return t(
        lang,
        "subscribe.panel",
        meetings=mark[choice.meetings],
        bills=t(lang, f"subscribe.bills.{choice.bills.value}"),
        announcements=mark[choice.announcements],
        topics=topics,
        when=_when(lang, choice),
        quiet=t(
            lang,
            "subscribe.quiet",
            start=format_hour(quiet.start, lang),
            end=format_hour(quiet.end, lang),
        )
        if quiet.start != quiet.end
        else t(lang, "subscribe.quiet_off"),
        status=status,
    )


def _panel_keyboard(
    lang: str, choice: SubscriptionChoice, current: Subscription | None
) -> InlineKeyboardMarkup:
    mark = {True: "✅", False: "▫️"}
    rows = [
        [
            button(
                lang,
                "subscribe.button.meetings",
                cb.SubKind("meetings"),
                mark=mark[choice.meetings],
            ),
            button(
                lang,
                "subscribe.button.announcements",
                cb.SubKind("ann"),
                mark=mark[choice.announcements],
            ),
        ],
        [
            button(
                lang,
                "subscribe.button.bills",
                cb.SubKind("bills"),
                scope=t(lang, f"subscribe.bills.{choice.bills.value}"),
            ),
        ],
        [
            button(lang, "subscribe.button.topics", cb.SUB_CATS),
            button(lang, "subscribe.button.when", cb.SUB_FREQ),
        ],
        [
            button(lang, "subscribe.button.save", cb.SUB_SAVE),
            button(lang, "subscribe.button.close", cb.SUB_CLOSE),
        ],
    ]
    if current is not None and current.active:
        rows.append([button(lang, "subscribe.button.stop", cb.SUB_STOP)])
    return keyboard(rows)


async def _show_panel(update: Update, context: SotongContext, *, new_message: bool) -> str:
    assert update.effective_user is not None
    choice = _draft(context)
    current = await context.services.subscribers.get(update.effective_user.id)
    text = await _panel_text(context, choice, current)
    markup = _panel_keyboard(context.lang, choice, current)
    if new_message or update.callback_query is None:
        await send(update, context, text, markup)
    else:
        await edit(update.callback_query, text, markup)
    return EDITING


async def require_consent(update: Update, context: SotongContext) -> bool:
    """Whether the user agreed to the current notice; if not, say why news needs it.

    The notice promises that without consent public information stays open but nothing is
    sent to the user, so subscribing, following and reminders all ask for it.
    """
    user = context.user
    if user is not None and user.has_consent(context.services.privacy.notice_version):
        return True
    lang = context.lang
    await send(
        update,
        context,
        t(lang, "subscribe.needs_consent"),
        keyboard([[button(lang, "menu.button.privacy", cb.MENU_PRIVACY)]]),
    )
    return False


async def start(update: Update, context: SotongContext) -> str | int:
    """/subscribe, the menu or a digest's "change": load the current choice and show the panel."""
    assert update.effective_user is not None
    if update.callback_query is not None:
        await update.callback_query.answer()
    if not await require_consent(update, context):
        return END
    current = await context.services.subscribers.get(update.effective_user.id)
    _store(context, current.choice if current is not None else SubscriptionChoice())
    return await _show_panel(update, context, new_message=True)


async def toggle_kind(update: Update, context: SotongContext) -> str:
    """A kind button: switch meetings or announcements, or cycle bills all → followed → none."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    choice = _draft(context)
    tapped = cb.SubKind.decode(query.data)
    assert tapped is not None
    what = tapped.kind
    if what == "meetings":
        choice = replace(choice, meetings=not choice.meetings)
    elif what == "ann":
        choice = replace(choice, announcements=not choice.announcements)
    else:
        following = _BILL_CYCLE[(_BILL_CYCLE.index(choice.bills) + 1) % len(_BILL_CYCLE)]
        choice = replace(choice, bills=following)
    _store(context, choice)
    return await _show_panel(update, context, new_message=False)


async def _categories_keyboard(
    context: SotongContext, chosen: frozenset[str]
) -> InlineKeyboardMarkup:
    lang = context.lang
    buttons = [
        InlineKeyboardButton(
            f"{'✅' if category.id in chosen else '▫️'} {category.name(lang)}",
            callback_data=cb.SubCategory(category.id).encode(),
        )
        for category in await context.services.reference.categories()
    ]
    rows = [buttons[index : index + 2] for index in range(0, len(buttons), 2)]
    rows.append(
        [
            button(lang, "subscribe.button.topics_all", cb.SubCategory("*")),
            button(lang, "subscribe.button.done", cb.SUB_CATS_DONE),
        ]
    )
    return keyboard(rows)


async def ask_categories(update: Update, context: SotongContext) -> str:
    """Topics button: show every category to tick; none ticked means all topics."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    choice = _draft(context)
    await edit(
        query,
        t(context.lang, "subscribe.ask_topics"),
        await _categories_keyboard(context, choice.categories),
    )
    return CHOOSING_CATEGORIES


async def toggle_category(update: Update, context: SotongContext) -> str:
    """A category: tick or untick it ("all" clears the ticks); stay on the list."""
    query = update.callback_query
    assert query is not None and query.data is not None
    lang = context.lang
    choice = _draft(context)
    tapped = cb.SubCategory.decode(query.data)
    assert tapped is not None
    category = tapped.category_id
    if category == "*":
        chosen: frozenset[str] = frozenset()
    elif await context.services.reference.find("categories", category) is None:
        await query.answer(plain_text(t(lang, "subscribe.toast.topic_gone")), show_alert=True)
        return CHOOSING_CATEGORIES
    else:
        chosen = choice.categories ^ {category}
    _store(context, replace(choice, categories=chosen))
    await edit_or_say(
        query,
        t(lang, "subscribe.ask_topics"),
        await _categories_keyboard(context, chosen),
        t(lang, "subscribe.toast.all_topics" if category == "*" else "ui.unchanged"),
    )
    return CHOOSING_CATEGORIES


async def categories_done(update: Update, context: SotongContext) -> str:
    """Done with topics: back to the panel."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    return await _show_panel(update, context, new_message=False)


async def ask_frequency(update: Update, context: SotongContext) -> str:
    """When button: immediately, daily or weekly."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    lang = context.lang
    await edit(
        query,
        t(lang, "subscribe.ask_frequency"),
        keyboard(
            [
                [
                    button(
                        lang,
                        f"subscribe.frequency.{frequency.value}",
                        cb.SubFrequency(frequency.value),
                    )
                ]
                for frequency in Frequency
            ]
        ),
    )
    return CHOOSING_FREQUENCY


async def choose_frequency(update: Update, context: SotongContext) -> str:
    """Store the frequency; daily and weekly then ask for the hour."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.SubFrequency.decode(query.data)
    assert tapped is not None
    frequency = Frequency(tapped.frequency)
    choice = replace(_draft(context), frequency=frequency)
    _store(context, choice)
    if frequency is Frequency.IMMEDIATE:
        return await _show_panel(update, context, new_message=False)
    lang = context.lang
    quiet = context.services.quiet
    hours = [hour for hour in range(24) if not quiet.contains(hour)]
    buttons = [
        InlineKeyboardButton(format_hour(hour, lang), callback_data=cb.SubHour(hour).encode())
        for hour in hours
    ]
    await edit(
        query,
        t(lang, "subscribe.ask_hour"),
        keyboard([buttons[index : index + 4] for index in range(0, len(buttons), 4)]),
    )
    return CHOOSING_HOUR


async def choose_hour(update: Update, context: SotongContext) -> str:
    """Store the hour (never a quiet one); weekly then asks for the weekday."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.SubHour.decode(query.data)
    assert tapped is not None
    hour = _first_allowed_hour(context, tapped.hour)
    choice = replace(_draft(context), hour=hour)
    _store(context, choice)
    if choice.frequency is not Frequency.WEEKLY:
        return await _show_panel(update, context, new_message=False)
    lang = context.lang
    days = [button(lang, f"subscribe.weekday.{day}", cb.SubWeekday(day)) for day in range(7)]
    await edit(query, t(lang, "subscribe.ask_weekday"), keyboard([days[:4], days[4:]]))
    return CHOOSING_WEEKDAY


async def choose_weekday(update: Update, context: SotongContext) -> str:
    """Store the weekday and return to the panel."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    tapped = cb.SubWeekday.decode(query.data)
    assert tapped is not None
    _store(context, replace(_draft(context), weekday=tapped.weekday))
    return await _show_panel(update, context, new_message=False)


async def save(update: Update, context: SotongContext) -> str | int:
    """Save: store the subscription and say when the first digest comes; the flow ends."""
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    await query.answer()
    choice = _draft(context)
    lang = context.lang
    if not choice.wants_anything:
        await send(update, context, t(lang, "subscribe.nothing_chosen"))
        return EDITING
    saved = await context.services.subscriptions.subscribe(update.effective_user.id, choice)
    when = _when(lang, saved.choice, "subscribe.saved_when")
    await edit(query, t(lang, "subscribe.saved", when=when))
    return END


async def close(update: Update, context: SotongContext) -> int:
    """Close without saving: nothing changes."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await edit(query, t(context.lang, "subscribe.closed"))
    return END


async def cancel(update: Update, context: SotongContext) -> int:
    """/cancel: leave the panel without saving."""
    await send(update, context, t(context.lang, "subscribe.closed"))
    return END


async def stop(update: Update, context: SotongContext) -> None:
    """The "stop" button under a digest or on the panel: switch digests off, offer a way back."""
    query = update.callback_query
    assert query is not None and update.effective_user is not None
    await query.answer()
    lang = context.lang
    stopped = await context.services.subscriptions.stop(update.effective_user.id)
    await send(
        update,
        context,
        t(lang, "subscribe.stopped" if stopped else "subscribe.not_subscribed"),
        keyboard([[button(lang, "subscribe.button.resubscribe", cb.SUB_EDIT)]]),
    )


# Entry points of the conversation below.
COMMANDS = (Command("subscribe", Scope.WITH_CONSENT, 80),)


def conversation() -> Flow:
    """The persistent /subscribe panel."""
    return build_conversation(
        "subscribe",
        entry_points=[
            CommandHandler("subscribe", start),
            CallbackQueryHandler(start, pattern=cb.any_of(cb.MENU_SUBSCRIBE, cb.SUB_EDIT)),
        ],
        states={
            EDITING: [
                CallbackQueryHandler(toggle_kind, pattern=cb.SubKind.matches),
                CallbackQueryHandler(ask_categories, pattern=cb.SUB_CATS.matches),
                CallbackQueryHandler(ask_frequency, pattern=cb.SUB_FREQ.matches),
                CallbackQueryHandler(save, pattern=cb.SUB_SAVE.matches),
                CallbackQueryHandler(close, pattern=cb.SUB_CLOSE.matches),
            ],
            CHOOSING_CATEGORIES: [
                CallbackQueryHandler(toggle_category, pattern=cb.SubCategory.matches),
                CallbackQueryHandler(categories_done, pattern=cb.SUB_CATS_DONE.matches),
            ],
            CHOOSING_FREQUENCY: [
                CallbackQueryHandler(choose_frequency, pattern=cb.SubFrequency.matches),
            ],
            CHOOSING_HOUR: [
                CallbackQueryHandler(choose_hour, pattern=cb.SubHour.matches),
            ],
            CHOOSING_WEEKDAY: [
                CallbackQueryHandler(choose_weekday, pattern=cb.SubWeekday.matches),
            ],
        },
        fallbacks=[CommandHandler("cancel", cancel)],
    )


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """The stop button, valid on any digest whatever the conversation state."""
    return [CallbackQueryHandler(stop, pattern=cb.SUB_STOP.matches)]
