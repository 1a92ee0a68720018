"""Wires one Sotong application: services, handlers in order, limits, defaults.

No PTB persistence: where each person is lives in the inputs in progress (handlers/conversation.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, cast

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults

from bot import evidence_jobs, maintenance_jobs, policy_jobs
from bot.config import Settings
from bot.reply_limiter import PacingClock, ReplyLimiter, ReplyLimits
from bot.sotong_bot import SotongBot
from bot.telegram_http import AiohttpRequest
from bot.update_inbox import UpdateInbox
from bot.update_processor import InputBudget, UserOrderedUpdateProcessor
from bot.wiring import Wiring
from handlers import (
    admin_agenda,
    admin_audit,
    admin_burden,
    admin_export,
    admin_inbox,
    admin_stats,
    bills,
    chat_scope,
    content_admin,
    deletion,
    delivery_admin,
    errors,
    feedback,
    flood,
    follow_up,
    general,
    identify,
    language,
    loose_text,
    meetings,
    menu,
    my_submissions,
    privacy,
    retry,
    start,
    subscribe,
)
from handlers.commands import command_handlers, register_commands
from handlers.context import SERVICES_KEY, SotongApplication, SotongContext
from storage.inputs import handling_update
from storage.update_journal import UpdateJournal

__all__ = [
    "ALLOWED_UPDATES",
    "WIRING_KEY",
    "JournaledApplication",
    "build_application",
    "on_startup",
]


WIRING_KEY = "wiring"


class JournaledApplication(Application[SotongBot, SotongContext, Any, Any, Any, Any]):
    """PTB's application, finishing every update the same way, whatever its handlers did.

    Done here, once, rather than in each handler: a button's query is answered (the bot's
    answer is idempotent, so a handler's own earlier answer stands), and the update is marked
    handled in the journal, so a restart neither replays nor loses it.
    """

    inbox: UpdateInbox

    async def process_update(self, update: object) -> None:
        """Run the handlers, then answer a still-spinning button and record the update.

        The questions the handlers sent are recorded as asked in that same record, not before:
        a crash in between replays the update with its next question not yet asked, so the
        replayed text is met with that question again instead of being stored as its answer.
        """
        if not isinstance(update, Update):
            await super().process_update(update)
            return
        with handling_update(update.update_id) as in_hand:
            try:
                await super().process_update(update)
            finally:
                query = update.callback_query
                if query is not None and not self.bot.answered(query.id):
                    await self.bot.answer_callback_query(query.id)
                await self.inbox.handled(update.update_id, in_hand.asked)


def build_application(wiring: Wiring, pacing: PacingClock | None = None) -> JournaledApplication:
    """Build, but do not start, the application around ready services.

    `pacing` is the reply limiter's time; tests give one the emulator's flood control shares.
    """
    settings = wiring.settings
    bot = SotongBot(
        settings.token,
        base_url=settings.bot_api_base_url,
        base_file_url=settings.bot_api_file_url,
        request=AiohttpRequest(),
        get_updates_request=AiohttpRequest(connection_pool_size=1),
        defaults=Defaults(
            parse_mode=ParseMode.HTML,
            tzinfo=settings.zone,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        rate_limiter=_reply_limiter(settings, pacing),
    )
    processor = UserOrderedUpdateProcessor(
        budget=InputBudget(settings.input_burst, settings.input_per_minute)
    )
    # The builder's type does not follow `application_class`; the instance is ours.
    application = cast(
        "JournaledApplication",
        ApplicationBuilder()
        .application_class(JournaledApplication)
        .bot(bot)
        .context_types(ContextTypes(context=SotongContext))
        .concurrent_updates(processor)
        .build(),
    )
    application.inbox = UpdateInbox(UpdateJournal(wiring.database), wiring.services.clock)
    bot.use_inbox(application.inbox)
    processor.flood_notice = flood.notifier(application)
    processor.skipped = _mark_skipped(application)
    application.bot_data[SERVICES_KEY] = wiring.services
    application.bot_data[WIRING_KEY] = wiring
    _register_handlers(application)
    # Jobs are not persisted: the draft reminder is scheduled afresh at every build.
    feedback.schedule_jobs(application)
    return application


def _reply_limiter(settings: Settings, pacing: PacingClock | None) -> ReplyLimiter | None:
    """The one limiter for interactive replies (the outbox paces digests on its own)."""
    if settings.reply_rate_per_second == 0:
        return None
    return ReplyLimiter(
        ReplyLimits(
            rate_per_second=settings.reply_rate_per_second,
            chat_burst=settings.reply_chat_burst,
            chat_interval=settings.reply_chat_interval,
        ),
        pacing,
    )


def _mark_skipped(application: JournaledApplication) -> Callable[[Update], Awaitable[None]]:
    """An update skipped by the input budget is done: the journal must not replay it."""

    async def mark(update: Update) -> None:
        await application.inbox.handled(update.update_id)

    return mark


def _register_handlers(application: SotongApplication) -> None:
    # Group -3 runs first: updates from groups and channels stop here (private by construction).
    application.add_handler(chat_scope.handler(), group=-3)
    # Group -1 runs next for every private update: it loads the sender.
    application.add_handler(identify.handler(), group=-1)
    # "Try again" after a storage fault replays a kept update: before any flow claims the tap.
    application.add_handlers(retry.handlers())
    # Conversations first, so a flow in progress sees its own input before any catch-all.
    application.add_handler(start.conversation())
    # /feedback: the intake conversation, before any catch-all sees its answers.
    application.add_handler(feedback.conversation())
    # /inbox's typed moves (ministry, answer, reason, original): after user flows, so an admin
    # filling in /feedback is never taken for an answer.
    application.add_handler(admin_inbox.conversation())
    # "Did it help?": the owner's verdict on a follow-up question, then an optional note.
    application.add_handler(follow_up.conversation())
    # /subscribe's panel, and the admins' content flows (/addmeeting, /addbill, /billstage,
    # /announce, meeting edit/cancel/held): after the user flows, before any catch-all.
    application.add_handler(subscribe.conversation())
    application.add_handler(content_admin.conversation())
    # Stateless commands, each declared once in its module's COMMANDS (handlers/commands.py);
    # administrators' ones guarded there.
    application.add_handlers(command_handlers())
    # Buttons outside any flow.
    for module in (menu, language, privacy, general):
        application.add_handlers(module.handlers())
    # Intake outside the flow: "me too" anywhere, /my and /status, /deletemydata, the offers
    # made for text typed outside a flow.
    for module in (feedback, my_submissions, deletion, loose_text):
        application.add_handlers(module.handlers())
    # Policy calendar and bills: /meetings, /bills and their buttons, a digest's "stop".
    for module in (meetings, bills, subscribe):
        application.add_handlers(module.handlers())
    # Administration: /inbox, /export, /stats, /audit, /delivery (each guarded by admin_only).
    for module in (admin_inbox, admin_export, admin_stats, admin_audit, delivery_admin):
        application.add_handlers(module.handlers())
    # /link and /agenda's buttons (meetings and bills), the burden table's buttons.
    for module in (admin_agenda, admin_burden):
        application.add_handlers(module.handlers())
    # Catch-alls last: anything unclaimed gets a hint and the menu.
    application.add_handlers(general.fallback_handlers())
    application.add_error_handler(errors.on_error)


async def on_startup(application: SotongApplication) -> None:
    """Publish commands and descriptions; runs after initialize, before polling starts."""
    await register_commands(application.bot, application.bot_data[SERVICES_KEY])
    # Digests, notices and reminders: the minute tick and the outbox sender (policy_jobs.py).
    policy_jobs.install(application)
    # Nightly: the retention purge and the backup (maintenance_jobs.py).
    wiring: Wiring = application.bot_data[WIRING_KEY]
    maintenance_jobs.install(application, wiring.settings)
    # Evidence: due days of older rows, the daily deadline list, agenda notices (evidence_jobs).
    await evidence_jobs.install(application)


ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER]
