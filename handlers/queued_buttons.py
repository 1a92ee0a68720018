"""Buttons under a message queued in the outbox, in the form the outbox row stores them."""

from __future__ import annotations

import html

from domain.callback_data import ButtonData
from messages import t

__all__ = ["queued_button"]


def queued_button(language: str, key: str, data: ButtonData) -> tuple[str, str]:
    """A (label, callback data) pair: the label plain, as Telegram shows labels without HTML."""
    return html.unescape(t(language, key)), data.encode()
