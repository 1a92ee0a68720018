"""Telegram's button labels as a typed answer is matched against them.

A button shows its catalog text unescaped (`handlers.ui.button`), so a person types those
characters, not the HTML; and they may type the label of either language, whichever they read.
"""

from __future__ import annotations

import html

from messages import LANGUAGES, t

__all__ = ["button_labels"]


def button_labels(key: str) -> tuple[str, ...]:
    """A button's label in every language, as plain text (`services.typed_choices.ButtonLabels`)."""
    return tuple(html.unescape(str(t(language, key))) for language in LANGUAGES)
