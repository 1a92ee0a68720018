"""Defuse spreadsheet formulas a submitter typed, so opening an export never runs them."""

from __future__ import annotations

__all__ = ["FORMULA_TRIGGERS", "neutralise", "neutralise_at"]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_TRIGGER_SET = frozenset(FORMULA_TRIGGERS)


def neutralise(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would read as a formula (OWASP's advice).

    Excel and LibreOffice treat a leading apostrophe as "this is text", and a person reading
    the cell still sees everything that was typed.
    """
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def neutralise_at(values: list[object], indices: tuple[int, ...]) -> None:
    """Neutralise the text cells of one line in place: the hot loop of a large CSV export."""
    for index in indices:
        value = values[index]
        # Text cells hold a str or None; a truth test is cheaper than isinstance here.
        if value and value[0] in _TRIGGER_SET:  # type: ignore[index]
            values[index] = "'" + value  # type: ignore[operator]
