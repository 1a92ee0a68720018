"""Where a person is belongs to the application that handles them, not to a module.

Two applications in one process (two bots, or a test beside the sandbox) each build their own
flows; a question open in one must not route text in the other, and no handler module keeps
per-person or per-message state of its own.
"""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import Chat, Message, Update, User
from telegram.ext import MessageHandler, filters

import handlers.conversation
import handlers.ui
from domain.inputs import OpenQuestion
from handlers.conversation import build_conversation


async def _step(update: Update, context: object) -> None:
    """The handler of the open step."""


def _flow() -> handlers.conversation.Flow:
    return build_conversation(
        "feedback",
        entry_points=[],
        states={"problem": [MessageHandler(filters.TEXT, _step)]},
        fallbacks=[],
    )


def _text(user_id: int) -> Update:
    chat = Chat(user_id, Chat.PRIVATE)
    sender = User(user_id, "민수", is_bot=False)
    message = Message(1, datetime(2026, 12, 1, tzinfo=UTC), chat, from_user=sender, text="글")
    return Update(1, message=message)


def test_a_question_open_in_one_application_routes_only_there() -> None:
    mine, other = _flow(), _flow()
    mine.settle(7, OpenQuestion("feedback", "problem"))
    other.settle(7, None)
    assert mine.check_update(_text(7)) is not None
    assert other.check_update(_text(7)) is None
    mine.settle(7, OpenQuestion("subscribe", "topics"))
    assert mine.check_update(_text(7)) is None


def test_no_handler_module_keeps_state_of_its_own() -> None:
    for module in (handlers.conversation, handlers.ui):
        kept = [
            name
            for name, value in vars(module).items()
            if isinstance(value, dict) and not name.startswith("__")
        ]
        assert kept == [], f"{module.__name__} keeps {kept}"
