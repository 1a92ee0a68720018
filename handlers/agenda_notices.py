"""What the owner and supporters of a linked report are told, in Telegram's words.

`services.agenda.AgendaService` decides who is owed which news about a meeting or bill their
report was linked to, and queues it in the transaction that records it; this composes each
message as it is queued: catalog HTML and a button that opens the report.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from domain import callback_data as cb
from domain.delivery import Buttons, QueuedMessage
from handlers.content_lines import meeting_line
from handlers.queued_buttons import queued_button
from messages import Markup, format_date, t
from services.agenda import LinkMessage, MeetingNews

__all__ = ["LinkNoticeWords"]


class LinkNoticeWords:
    """Telegram's `services.agenda.LinkNoticeWriter`: dates and times read in the bot's zone."""

    def __init__(self, zone: ZoneInfo) -> None:
        self._zone = zone

    def __call__(self, message: LinkMessage) -> QueuedMessage:
        """The notice with an "open" button under it, held back as the service says."""
        return QueuedMessage(
            message.user_id, (self._text(message),), _buttons(message), message.not_before
        )

    def _text(self, message: LinkMessage) -> Markup:
        """A supporter hears of a scheduled meeting as a report they support, not one they sent."""
        language, code, news = message.language, message.receipt_code, message.news
        if isinstance(news, MeetingNews):
            line = meeting_line(news.meeting, language, self._zone)
            if not news.held:
                key = "scheduled_supported" if message.supporter else "scheduled"
                return t(language, f"agenda.notify.{key}", code=code, line=line)
            outcome = news.meeting.outcome.get(language) or t(language, "agenda.no_outcome")
            return t(language, "agenda.notify.held", code=code, line=line, outcome=outcome)
        on_date = news.on_date
        day = datetime(on_date.year, on_date.month, on_date.day, 12, tzinfo=self._zone)
        return t(
            language,
            "agenda.notify.bill",
            code=code,
            bill=news.bill.name.get(language),
            stage=t(language, f"bills.stage.{news.stage}"),
            date=format_date(day, language, self._zone),
        )


def _buttons(message: LinkMessage) -> Buttons:
    open_button = cb.MyOpen(message.submission_id, 0)
    return ((queued_button(message.language, "feedback.button.open", open_button),),)
