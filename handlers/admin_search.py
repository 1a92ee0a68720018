"""/search WORDS: the inbox narrowed to a receipt code or to submissions containing every word.

Words are looked for in the problem, the proposal and the law's name, spaced or not; the
search then combines with the inbox's status, category and region filters until reset.
"""

from __future__ import annotations

from telegram import Update

from handlers.admin_inbox import show_list
from handlers.admin_inbox_views import InboxView
from handlers.commands import Command, Scope
from handlers.context import SotongContext
from handlers.ui import send
from messages import t

__all__ = ["COMMANDS"]


async def search(update: Update, context: SotongContext) -> None:
    """Save the words as the administrator's search and show every status that matches."""
    message = update.effective_message
    user = update.effective_user
    assert message is not None and message.text is not None and user is not None
    query = await context.services.inbox_search.remember(user.id, message.text.partition(" ")[2])
    if query is None:
        await send(update, context, t(context.lang, "search.usage"))
        return
    await show_list(update, context, InboxView(status="*", search=True))


COMMANDS = (Command("search", Scope.ADMIN, 130, search),)
