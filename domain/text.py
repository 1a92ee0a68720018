"""What people type, made safe to store and show: one normal form, no invisible tricks.

Telegram delivers text as the sender's client wrote it. Zero-width characters let a blank
message pass a length check, bidi controls (U+202E) make a shown text read differently from
what was stored, and NUL cuts texts short in some tools downstream (CSV readers, terminals).
"""

from __future__ import annotations

import unicodedata

__all__ = ["UnsafeTextError", "clean_text", "shown_text", "visible_characters"]

_INVISIBLE = frozenset(
    "\u00ad"  # soft hyphen
    "\u180e"  # Mongolian vowel separator
    "\u200b"  # zero width space
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
    "\ufeff"  # zero width no-break space (BOM)
)
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f"  # Arabic letter mark, left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # isolates
)
_KEPT_CONTROLS = frozenset("\n\t")
_BLANK_LOOKALIKES = frozenset("\u115f\u1160\u3164\uffa0\u2800")
"""Hangul fillers and the blank Braille pattern: letters to Unicode, blank on screen."""
_NOT_SEEN = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zs", "Zl", "Zp", "Mn", "Me"})
_REMOVED = _INVISIBLE | _BIDI_CONTROLS


class UnsafeTextError(ValueError):
    """The text holds a character that is refused rather than silently removed (NUL)."""


def clean_text(text: str) -> str:
    """The normal form of a typed text: NFC, one kind of line end, invisible and bidi controls gone.

    Zero width joiners stay: emoji sequences and several scripts need them.

    Raises:
        UnsafeTextError: the text contains NUL.

    """
    if "\x00" in text:
        raise UnsafeTextError("NUL is not allowed in a text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(
        char
        for char in text
        if char not in _REMOVED and (char in _KEPT_CONTROLS or unicodedata.category(char) != "Cc")
    )
    return unicodedata.normalize("NFC", kept)


def _seen(char: str) -> bool:
    return char not in _BLANK_LOOKALIKES and unicodedata.category(char) not in _NOT_SEEN


def visible_characters(text: str) -> int:
    """How many characters of `text` leave a mark on screen (letters, digits, symbols, emoji)."""
    return sum(1 for char in text if _seen(char))


def shown_text(text: str) -> str:
    """The text as a reader counts it: what leaves a mark and the spaces between, trimmed."""
    return "".join(char for char in text if char.isspace() or _seen(char)).strip()
