"""How deadline dates read in Telegram: a day, "D-3", and the administrators' daily list.

The daily list is the Telegram words of `services.deadlines.DeadlineLists`, composed when the
list is queued, in the transaction that marks the day done.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from domain import callback_data as cb
from domain.deadlines import DeadlineItem
from domain.delivery import Buttons, QueuedMessage
from domain.reference import Choice
from handlers.queued_buttons import queued_button
from messages import Markup, format_date, t
from messages.length import split_blocks

__all__ = ["DeadlineListTexts", "day_text", "days_left_text"]


def day_text(day: date, language: str, zone: ZoneInfo) -> str:
    """A calendar day as the reader writes dates (noon, so no zone can shift the day)."""
    return format_date(datetime(day.year, day.month, day.day, 12, tzinfo=zone), language, zone)


def days_left_text(language: str, days: int) -> Markup:
    """D-3, D-day or "3 days overdue", in the reader's language."""
    if days > 0:
        return t(language, "deadline.left", days=days)
    if days == 0:
        return t(language, "deadline.today")
    return t(language, "deadline.overdue", days=-days)


def _name(choices: Sequence[Choice], ident: str, language: str) -> str:
    for choice in choices:
        if choice.id == ident:
            return choice.name(language)
    return ident


class DeadlineListTexts:
    """The daily list as Telegram HTML, split into parts, with a button to the overdue inbox."""

    def __init__(self, zone: ZoneInfo) -> None:
        self._zone = zone

    def daily(
        self,
        admin_id: int,
        language: str,
        today: date,
        items: Sequence[DeadlineItem],
        categories: Sequence[Choice],
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """Overdue first, then due soon, each line with its topic, due day and days left."""
        overdue = [item for item in items if item.days_left(today) < 0]
        soon = [item for item in items if item.days_left(today) >= 0]
        blocks: list[str] = [
            t(
                language,
                "deadline.digest.title",
                date=day_text(today, language, self._zone),
                overdue=len(overdue),
                soon=len(soon),
            )
        ]
        for key, group in (("overdue", overdue), ("soon", soon)):
            if not group:
                continue
            blocks.append(t(language, f"deadline.digest.{key}"))
            blocks.extend(
                t(
                    language,
                    "deadline.digest.line",
                    code=item.receipt_code,
                    category=_name(categories, item.category_id, language),
                    due=day_text(item.effective_on, language, self._zone),
                    left=days_left_text(language, item.days_left(today)),
                )
                for item in group
            )
        overdue_inbox = cb.InboxList(0, "!", "-", "-")
        buttons: Buttons = ((queued_button(language, "deadline.button.overdue", overdue_inbox),),)
        return QueuedMessage(admin_id, split_blocks(blocks), buttons, not_before)
