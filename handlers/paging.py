"""Lists that grow: a fixed page size, ◀ ▶ buttons, and pages that always fit one message.

Every list the bot shows (/bills, /meetings, /my, /inbox, /audit) pages through here. A page
holds at most `size` entries, and each entry gets an equal share of Telegram's 4096 UTF-16
units, so no data (500 bills, 500-character titles, emoji) can make a page too long.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from telegram import InlineKeyboardButton

from domain.callback_data import ButtonData
from handlers.ui import button
from messages import Markup
from messages.length import TEXT_LIMIT, fit_html, visible_length

__all__ = ["Page", "clamp", "fit_page", "navigation", "page_of"]

Item = TypeVar("Item")
_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Page(Generic[Item]):
    """One page of a list: its items, its number (from 0) and how many pages there are."""

    items: tuple[Item, ...]
    number: int
    pages: int
    total: int
    size: int

    @property
    def offset(self) -> int:
        """How many items come before this page, for numbering entries."""
        return self.number * self.size


def clamp(number: int, total: int, size: int) -> tuple[int, int]:
    """The page to show for a possibly stale page number, and the number of pages."""
    pages = max(1, -(-total // size))
    return min(max(number, 0), pages - 1), pages


def page_of(items: Sequence[Item], number: int, size: int) -> Page[Item]:
    """The page `number` of an in-memory list; a stale number shows the nearest page."""
    number, pages = clamp(number, len(items), size)
    start = number * size
    return Page(tuple(items[start : start + size]), number, pages, len(items), size)


def navigation(
    language: str, number: int, pages: int, data: Callable[[int], ButtonData]
) -> list[InlineKeyboardButton]:
    """◀ and ▶ where there is a page to go to; `data(n)` is the callback data for page n."""
    row = []
    if number > 0:
        row.append(button(language, "paging.previous", data(number - 1)))
    if number < pages - 1:
        row.append(button(language, "paging.next", data(number + 1)))
    return row


def fit_page(head: str, entries: Sequence[str], limit: int = TEXT_LIMIT) -> Markup:
    """The head and the entries, blank-line separated, each entry cut to its share if needed."""
    if not entries:
        return Markup(head)
    text = _SEPARATOR.join([head, *entries])
    if visible_length(text) <= limit:
        return Markup(text)
    spare = limit - visible_length(head) - len(_SEPARATOR) * len(entries)
    share = max(1, spare // len(entries))
    return Markup(_SEPARATOR.join([head, *(fit_html(entry, share) for entry in entries)]))
