"""Authorisation for every admin command and button, checked on each call, never cached."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from telegram import Update

from handlers.context import SotongContext
from handlers.ui import send
from messages import t

__all__ = ["admin_only"]

logger = logging.getLogger("sotong.security")

R = TypeVar("R")
# Coroutine, not Awaitable: PTB's handlers accept only coroutine functions.
Callback = Callable[[Update, SotongContext], Coroutine[Any, Any, R]]


def admin_only(callback: Callback[R]) -> Callback[R | None]:
    """Run the callback only for users in ADMIN_IDS; anyone else gets a polite refusal.

    A non-admin can reach an admin button only by forging callback data, so it is logged.
    Returning None keeps any conversation in its current state.
    """

    @functools.wraps(callback)
    async def guarded(update: Update, context: SotongContext) -> R | None:
        if context.is_admin:
            return await callback(update, context)
        user_id = update.effective_user.id if update.effective_user else None
        query = update.callback_query
        logger.warning(
            "non-admin %s tried %s (%s)",
            user_id,
            callback.__name__,
            "button" if query is not None else "command",
        )
        if query is not None:
            await query.answer(t(context.lang, "admin.denied"), show_alert=True)
        else:
            await send(update, context, t(context.lang, "admin.denied"))
        return None

    return guarded
