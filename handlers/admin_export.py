"""/export: pick format, period, category, region, status, contacts and hidden records.

Stateless: every button carries the choices made so far in its callback data
(`ax:<format>:<period>:<category>:<region>:<status>:<contacts>:<hidden>`, "*" for any), so the walk
survives restarts without any stored state. See admin_export.mmd.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from domain import callback_data as cb
from domain.reference import Choice
from domain.submissions import SubmissionStatus
from handlers.admin_guard import admin_only
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.ui import button, edit, keyboard, plain_text, send
from messages import Markup, t
from services.export import (
    ExportError,
    ExportFilter,
    ExportFormat,
    Packaging,
    Period,
    period_range,
)

__all__ = ["COMMANDS", "ExportChoices", "handlers"]

_ANY = "*"


@dataclass(frozen=True, slots=True)
class ExportChoices:
    """The answers so far, in order; a missing one is the next question."""

    parts: tuple[str, ...]

    @classmethod
    def parse(cls, data: object) -> ExportChoices:
        """The answers in callback data (bounded words); the caller validates each value."""
        step = cb.ExportStep.decode(data)
        return cls(() if step is None else step.parts)

    def then(self, value: str) -> cb.ExportStep:
        """Callback data for the next answer."""
        return cb.ExportStep((*self.parts, value))

    def value(self, index: int) -> str | None:
        """The answer at a step, or None when not yet given."""
        return self.parts[index] if index < len(self.parts) else None


def _choices_valid(
    choices: ExportChoices,
    categories: Sequence[Choice],
    regions: Sequence[Choice],
) -> bool:
    allowed = (
        {f.value for f in ExportFormat},
        {p.value for p in Period},
        {_ANY} | {c.id for c in categories},
        {_ANY} | {r.id for r in regions},
        {_ANY} | {s.value for s in SubmissionStatus},
        {"0", "1"},
        {"0", "1"},
    )
    return len(choices.parts) <= len(allowed) and all(
        value in allowed[index] for index, value in enumerate(choices.parts)
    )


def _name(choices: Sequence[Choice], ident: str, lang: str) -> str:
    return next((c.name(lang) for c in choices if c.id == ident), ident)


def _summary(
    lang: str, choices: ExportChoices, categories: Sequence[Choice], regions: Sequence[Choice]
) -> Markup:
    pending = plain_text(t(lang, "admin_export.pending"))
    any_value = plain_text(t(lang, "admin_common.any"))

    def show(index: int, render: dict[str, str] | None = None) -> str:
        value = choices.value(index)
        if value is None:
            return pending
        if value == _ANY:
            return any_value
        return (render or {}).get(value, value)

    fmt = choices.value(0)
    period = choices.value(1)
    status = choices.value(4)
    category = choices.value(2)
    region = choices.value(3)
    contacts = choices.value(5)
    hidden = choices.value(6)
    return t(
        lang,
        "admin_export.summary",
        format=plain_text(t(lang, f"admin_export.format.{fmt}")) if fmt else pending,
        period=plain_text(t(lang, f"admin_export.period.{period}")) if period else pending,
        category=_name(categories, category, lang) if category not in {None, _ANY} else show(2),
        region=_name(regions, region, lang) if region not in {None, _ANY} else show(3),
        status=(
            plain_text(t(lang, f"admin_common.status.{status}"))
            if status not in {None, _ANY}
            else show(4)
        ),
        contacts=(
            plain_text(t(lang, "admin_export.yes" if contacts == "1" else "admin_export.no"))
            if contacts
            else pending
        ),
        hidden=(
            plain_text(t(lang, "admin_export.yes" if hidden == "1" else "admin_export.no"))
            if hidden
            else pending
        ),
    )


def _rows(buttons: list[InlineKeyboardButton], width: int) -> InlineKeyboardMarkup:
    return keyboard([buttons[i : i + width] for i in range(0, len(buttons), width)])


def _reference_buttons(
    lang: str, choices: ExportChoices, options: Sequence[Choice]
) -> list[InlineKeyboardButton]:
    buttons = [button(lang, "admin_common.any", choices.then(_ANY))]
    for option in options:
        data = choices.then(option.id).encode()
        buttons.append(InlineKeyboardButton(option.name(lang), callback_data=data))
    return buttons


def _question(
    lang: str, choices: ExportChoices, categories: Sequence[Choice], regions: Sequence[Choice]
) -> tuple[Markup, InlineKeyboardMarkup]:
    step = len(choices.parts)
    summary = _summary(lang, choices, categories, regions)
    if step == 0:
        return t(lang, "admin_export.ask_format"), _rows(
            [
                button(lang, f"admin_export.format.{f.value}", choices.then(f.value))
                for f in ExportFormat
            ],
            3,
        )
    if step == 1:
        return t(lang, "admin_export.ask_period", summary=summary), _rows(
            [button(lang, f"admin_export.period.{p.value}", choices.then(p.value)) for p in Period],
            2,
        )
    if step == 2:
        return t(lang, "admin_export.ask_category", summary=summary), _rows(
            _reference_buttons(lang, choices, categories), 2
        )
    if step == 3:
        return t(lang, "admin_export.ask_region", summary=summary), _rows(
            _reference_buttons(lang, choices, regions), 3
        )
    if step == 4:
        statuses = [button(lang, "admin_common.any", choices.then(_ANY))] + [
            button(lang, f"admin_common.status.{s.value}", choices.then(s.value))
            for s in SubmissionStatus
        ]
        return t(lang, "admin_export.ask_status", summary=summary), _rows(statuses, 3)
    if step == 5:
        return t(lang, "admin_export.ask_contacts", summary=summary), _rows(
            [
                button(lang, "admin_export.contacts.no", choices.then("0")),
                button(lang, "admin_export.contacts.yes", choices.then("1")),
            ],
            1,
        )
    return t(lang, "admin_export.ask_hidden", summary=summary), _rows(
        [
            button(lang, "admin_export.hidden.no", choices.then("0")),
            button(lang, "admin_export.hidden.yes", choices.then("1")),
        ],
        1,
    )


@admin_only
async def export_command(update: Update, context: SotongContext) -> None:
    """/export or the admin menu button: ask for the file format."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    text, markup = _question(context.lang, ExportChoices(()), (), ())
    await send(update, context, text, markup)


@admin_only
async def export_step(update: Update, context: SotongContext) -> None:
    """One answer: ask the next question, or after the last one, produce the file."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer()
    reference = context.services.reference
    categories = await reference.categories()
    regions = await reference.regions()
    choices = ExportChoices.parse(query.data)
    if not _choices_valid(choices, categories, regions):
        choices = ExportChoices(())
    if len(choices.parts) < 7:
        text, markup = _question(context.lang, choices, categories, regions)
        await edit(query, text, markup)
        return
    await _produce(update, context, choices, categories, regions)


def _filter(context: SotongContext, choices: ExportChoices) -> ExportFilter:
    since, until = period_range(
        Period(choices.parts[1]), context.services.clock.now(), context.services.zone
    )

    def chosen(index: int) -> str | None:
        value = choices.parts[index]
        return None if value == _ANY else value

    return ExportFilter(
        since=since,
        until=until,
        category_id=chosen(2),
        region_id=chosen(3),
        status=chosen(4),
        include_contacts=choices.parts[5] == "1",
        include_hidden=choices.parts[6] == "1",
    )


async def _produce(
    update: Update,
    context: SotongContext,
    choices: ExportChoices,
    categories: Sequence[Choice],
    regions: Sequence[Choice],
) -> None:
    """Write the file in a temporary folder, send it as documents, then delete it.

    The tapped question turns into "exporting…" and then into the outcome (done, or why it
    failed, with any note on zipping or splitting), so the only new messages are the files:
    a document cannot travel inside a text message, and a split file needs one per part.
    """
    query = update.callback_query
    tg_user = update.effective_user
    chat = update.effective_chat
    assert query is not None and tg_user is not None and chat is not None
    lang = context.lang
    summary = _summary(lang, choices, categories, regions)
    await edit(query, t(lang, "admin_export.working", summary=summary))
    export_format = ExportFormat(choices.parts[0])
    with tempfile.TemporaryDirectory(prefix="sotong-export-") as folder:
        try:
            result = await context.services.exports.export(
                _filter(context, choices),
                export_format,
                actor_id=tg_user.id,
                language=lang,
                directory=Path(folder),
            )
        except ExportError as error:
            await edit(query, t(lang, "admin_export.failed", reason=str(error)))
            return
        for index, path in enumerate(result.files, 1):
            caption = (
                t(lang, "admin_export.caption", name=path.name, part=index, parts=len(result.files))
                if len(result.files) > 1
                else None
            )
            with path.open("rb") as handle:
                await context.bot.send_document(
                    chat.id, handle, filename=path.name, caption=caption
                )
    outcome = [t(lang, "admin_export.done", count=result.row_count, summary=summary)]
    limit_mb = context.services.exports.upload_limit // (1024 * 1024)
    if result.packaging is Packaging.ZIPPED:
        outcome.append(t(lang, "admin_export.zipped", limit=limit_mb))
    elif result.packaging is Packaging.SPLIT:
        outcome.append(t(lang, "admin_export.split", limit=limit_mb, parts=len(result.files)))
    await edit(query, Markup("\n\n".join(outcome)))


COMMANDS = (Command("export", Scope.ADMIN, 20, export_command),)


def handlers() -> list[BaseHandler[Update, SotongContext, None]]:
    """/export and its buttons."""
    return [
        CallbackQueryHandler(export_command, pattern=cb.ADMIN_EXPORT.matches),
        CallbackQueryHandler(export_step, pattern=cb.ExportStep.matches),
    ]
