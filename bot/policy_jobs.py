"""The thin wiring between PTB and the policy scheduler.

A JobQueue tick asks the dispatcher what is due, the outbox sender runs as an application
task, and the Telegram transport turns Bot API errors into the sender's own.

Schedules live in SQLite (subscriptions' next slots, reminder flags, the outbox); the jobs hold
no state, so recreating them at every start-up loses nothing.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.reply_limiter import retry_seconds
from domain.delivery import (
    OutgoingMessage,
    PermanentSendError,
    RateLimitedError,
    RecipientBlockedError,
    Send,
    TransientSendError,
)
from handlers.context import SERVICES_KEY, SotongApplication, SotongContext
from services.container import Services

__all__ = ["TICK_JOB", "install", "telegram_send"]

logger = logging.getLogger("sotong.delivery")

TICK_JOB = "policy_tick"
_SENDER_JOB = "outbox_sender_start"
TICK_INTERVAL = timedelta(minutes=1)


def telegram_send(bot: Bot) -> Send:
    """A `send` for the outbox sender, over one PTB bot."""

    async def send(message: OutgoingMessage) -> None:
        markup = (
            InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton(label, callback_data=data) for label, data in row]
                    for row in message.buttons
                ]
            )
            if message.buttons
            else None
        )
        try:
            await bot.send_message(message.chat_id, message.text, reply_markup=markup)
        except RetryAfter as exc:
            raise RateLimitedError(retry_seconds(exc)) from exc
        except Forbidden as exc:
            raise RecipientBlockedError(str(exc)) from exc
        except BadRequest as exc:
            if "chat not found" in str(exc).lower():
                raise RecipientBlockedError(str(exc)) from exc
            raise PermanentSendError(str(exc)) from exc
        except NetworkError as exc:
            raise TransientSendError(str(exc)) from exc
        except TelegramError as exc:
            raise PermanentSendError(str(exc)) from exc

    return send


async def _tick(context: SotongContext) -> None:
    """Every minute: queue whatever is due (digests, notices, reminders)."""
    await context.services.dispatcher.tick()


async def _start_sender(context: SotongContext) -> None:
    """Once the application runs: start the sender as a task PTB waits for on stop."""
    application = context.application
    services = context.services
    if services.delivery.running:
        return
    application.create_task(
        services.delivery.run(telegram_send(context.bot), lambda: not application.running),
        name="outbox_sender",
    )


def install(application: SotongApplication) -> None:
    """Schedule the tick and the sender start; called at start-up, before polling."""
    services: Services = application.bot_data[SERVICES_KEY]
    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("the policy scheduler needs PTB's job-queue extra")
    now = services.clock.now()
    first = 60 - now.second - now.microsecond / 1e6
    job_queue.run_repeating(_tick, interval=TICK_INTERVAL, first=first, name=TICK_JOB)
    job_queue.run_once(_start_sender, when=0, name=_SENDER_JOB)
    logger.debug("policy jobs scheduled; first tick in %.1fs", first)
