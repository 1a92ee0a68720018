"""Wires one Sotong application: services, handlers in order, persistence, limits, defaults."""

from __future__ import annotations

from typing import Any

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes, Defaults

from bot.commands import register_commands
from bot.services import Services
from bot.update_processor import UserOrderedUpdateProcessor
from handlers import errors, general, identify, language, menu, privacy, start
from handlers.context import SERVICES_KEY, SotongContext
from storage.persistence import SQLitePersistence

__all__ = ["SotongApplication", "build_application"]

SotongApplication = Application[Any, SotongContext, Any, Any, Any, Any]


def build_application(services: Services) -> SotongApplication:
    """Build, but do not start, the application around ready services."""
    settings = services.settings
    application: SotongApplication = (
        ApplicationBuilder()
        .token(settings.bot_token.get_secret_value())
        .base_url(settings.bot_api_base_url)
        .base_file_url(settings.bot_api_file_url)
        .context_types(ContextTypes(context=SotongContext))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                tzinfo=settings.zone,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .persistence(SQLitePersistence(services.database))
        .concurrent_updates(UserOrderedUpdateProcessor())
        .rate_limiter(AIORateLimiter(max_retries=3))
        .build()
    )
    application.bot_data[SERVICES_KEY] = services
    _register_handlers(application)
    return application


def _register_handlers(application: SotongApplication) -> None:
    # Group -1 runs before everything else for every update: it loads the sender.
    application.add_handler(identify.handler(), group=-1)
    # Conversations first, so a flow in progress sees its own input before any catch-all.
    application.add_handler(start.conversation())
    # Stateless commands and buttons.
    for module in (menu, language, privacy, general):
        application.add_handlers(module.handlers())
    # Catch-alls last: anything unclaimed gets a hint and the menu.
    application.add_handlers(general.fallback_handlers())
    application.add_error_handler(errors.on_error)


async def on_startup(application: SotongApplication) -> None:
    """Publish commands and descriptions; runs after initialize, before polling starts."""
    services: Services = application.bot_data[SERVICES_KEY]
    await register_commands(application.bot, services.settings)


ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.MY_CHAT_MEMBER]
