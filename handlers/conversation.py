"""How Sotong builds its conversations: named, persistent, and quiet about a known PTB warning."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from telegram.ext import BaseHandler, ConversationHandler
from telegram.warnings import PTBUserWarning

from handlers.context import SotongContext

__all__ = ["END", "build_conversation"]

END = ConversationHandler.END
AnyHandler = BaseHandler[Any, SotongContext, Any]


def build_conversation(
    name: str,
    *,
    entry_points: Sequence[AnyHandler],
    states: dict[object, Sequence[AnyHandler]],
    fallbacks: Sequence[AnyHandler],
) -> ConversationHandler[SotongContext]:
    """A persistent conversation keyed by chat and user, which survives restarts.

    PTB warns that button presses are not tracked per message when `per_message` is off; that
    is exactly the behaviour wanted here (one flow per user), so that one warning is silenced.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*per_message=False.*", category=PTBUserWarning)
        return ConversationHandler(
            entry_points=list(entry_points),
            states={state: list(handlers) for state, handlers in states.items()},
            fallbacks=list(fallbacks),
            name=name,
            persistent=True,
            allow_reentry=True,
        )
