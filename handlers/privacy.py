"""/privacy and the consent buttons: agree, decline, withdraw."""

from __future__ import annotations

from telegram import InlineKeyboardButton, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.menu import show_menu
from handlers.ui import button, drop_buttons, edit, keyboard, send
from messages import Markup, format_date, t

__all__ = [
    "COMMANDS",
    "CONSENT_ANSWER_PATTERN",
    "answer_consent",
    "handlers",
    "notice_markup",
    "notice_text",
    "record_consent",
]

CONSENT_ANSWER_PATTERN = cb.any_of(cb.CONSENT_AGREE, cb.CONSENT_DECLINE)


def notice_text(context: SotongContext) -> Markup:
    """The notice with this bot's controller, contact and periods filled in from the settings."""
    terms = context.services.privacy
    lang = context.lang
    controller = (
        t(
            lang,
            "privacy.controller_with_contact",
            controller=terms.controller,
            contact=terms.contact,
        )
        if terms.contact
        else t(lang, "privacy.controller", controller=terms.controller)
    )
    return t(
        lang,
        "privacy.notice",
        years=terms.retention_years,
        backup_days=terms.backup_days,
        follow_up_days=terms.follow_up_days,
        controller=controller,
    )


def notice_markup(language: str) -> list[list[InlineKeyboardButton]]:
    """Agree / decline buttons under a notice."""
    return [
        [
            button(language, "privacy.button.agree", cb.CONSENT_AGREE),
            button(language, "privacy.button.decline", cb.CONSENT_DECLINE),
        ]
    ]


def _state_line(context: SotongContext) -> Markup:
    user = context.user
    lang = context.lang
    if user is None or not user.has_answered:
        return t(lang, "privacy.state.unanswered")
    version = context.services.privacy.notice_version
    if user.has_consent(version) and user.consent_at is not None:
        date = format_date(user.consent_at, lang, context.services.zone)
        return t(lang, "privacy.state.granted", date=date, version=version)
    if user.consent_version is not None:
        return t(lang, "privacy.state.outdated", version=user.consent_version)
    return t(lang, "privacy.state.declined")


async def privacy(update: Update, context: SotongContext) -> None:
    """/privacy: show the notice and the user's consent, with the buttons that change it."""
    lang = context.lang
    user = context.user
    if user is not None and user.has_consent(context.services.privacy.notice_version):
        buttons = [[button(lang, "privacy.button.withdraw", cb.CONSENT_WITHDRAW)]]
    else:
        buttons = notice_markup(lang)
    text = Markup(f"{notice_text(context)}\n\n{_state_line(context)}")
    await send(update, context, text, keyboard(buttons))


async def answer_consent(update: Update, context: SotongContext) -> None:
    """Agree or decline: store the answer, close the notice's buttons, then show the menu.

    The notice stays readable above; the answer's confirmation and the menu are one message.
    """
    query = update.callback_query
    assert query is not None
    await query.answer()
    agreed = cb.CONSENT_AGREE.matches(query.data)
    await record_consent(update, context, agree=agreed)
    await drop_buttons(query)
    await show_menu(
        update, context, t(context.lang, "privacy.agreed" if agreed else "privacy.declined")
    )


async def record_consent(update: Update, context: SotongContext, *, agree: bool) -> None:
    """Store agreement to the current notice (with the name to reach them by) or a refusal."""
    tg_user = update.effective_user
    assert tg_user is not None
    accounts = context.services.accounts
    if agree:
        context.user = await accounts.agree(
            tg_user.id,
            notice_version=context.services.privacy.notice_version,
            display_name=tg_user.full_name,
            username=tg_user.username,
        )
    else:
        context.user = await accounts.decline(tg_user.id)


async def ask_withdraw(update: Update, context: SotongContext) -> None:
    """Withdraw button: explain what withdrawing means and ask to confirm."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    lang = context.lang
    await edit(
        query,
        t(lang, "privacy.withdraw_confirm"),
        keyboard(
            [
                [
                    button(lang, "privacy.button.withdraw_confirm", cb.CONSENT_WITHDRAW_YES),
                    button(lang, "privacy.button.keep", cb.CONSENT_WITHDRAW_NO),
                ]
            ]
        ),
    )


async def confirm_withdraw(update: Update, context: SotongContext) -> None:
    """Withdraw confirmed or refused: act on it and say what happened."""
    query = update.callback_query
    tg_user = update.effective_user
    assert query is not None and tg_user is not None
    await query.answer()
    if cb.CONSENT_WITHDRAW_YES.matches(query.data):
        context.user = await context.services.accounts.decline(tg_user.id)
        await edit(query, t(context.lang, "privacy.withdrawn"))
    else:
        await edit(query, t(context.lang, "privacy.kept"))


COMMANDS = (Command("privacy", Scope.EVERYONE, 110, privacy),)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/privacy and the consent buttons, wherever they were shown."""
    return [
        CallbackQueryHandler(privacy_button, pattern=cb.MENU_PRIVACY.matches),
        CallbackQueryHandler(answer_consent, pattern=CONSENT_ANSWER_PATTERN),
        CallbackQueryHandler(ask_withdraw, pattern=cb.CONSENT_WITHDRAW.matches),
        CallbackQueryHandler(
            confirm_withdraw, pattern=cb.any_of(cb.CONSENT_WITHDRAW_YES, cb.CONSENT_WITHDRAW_NO)
        ),
    ]


async def privacy_button(update: Update, context: SotongContext) -> None:
    """The menu's privacy button: same as /privacy."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await privacy(update, context)
