"""Telegram's limits on a text, counted as Telegram counts them.

Python counts code points; Telegram counts UTF-16 code units after parsing the HTML, so an
emoji (two units) or an `&amp;` (one shown character, five written) counts differently. And
Telegram keeps only the first 100 formatting entities of a message, showing the rest as plain
text without an error. Every limit check in the project goes through here: views split or page
with `split_blocks`, and the bot fits whatever still comes out too long or too formatted with
`fit_html` just before sending.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Final

__all__ = [
    "BUTTON_TEXT_LIMIT",
    "CAPTION_LIMIT",
    "ELLIPSIS",
    "ENTITY_LIMIT",
    "TEXT_LIMIT",
    "TOAST_LIMIT",
    "entity_count",
    "fit_html",
    "split_blocks",
    "truncate",
    "utf16_length",
    "visible_length",
]

TEXT_LIMIT: Final = 4096
CAPTION_LIMIT: Final = 1024
TOAST_LIMIT: Final = 200
BUTTON_TEXT_LIMIT: Final = 64
"""Longer button labels are accepted but cut by clients; keep them readable."""
ELLIPSIS: Final = "…"
ENTITY_LIMIT: Final = 100
"""Formatting entities Telegram keeps in one text or caption; later ones are shown plain."""

_TAG = re.compile(r"<[^<>]*>")
_TOKEN = re.compile(r"<[^<>]*>|&#?[A-Za-z0-9]{1,32};|[^<&]+|[<&]")


def utf16_length(text: str) -> int:
    """Length of plain text in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def visible_length(markup: str) -> int:
    """What Telegram counts against its limit: the HTML text without tags, in UTF-16 units."""
    return utf16_length(html.unescape(_TAG.sub("", markup)))


def entity_count(markup: str) -> int:
    """The formatting entities an HTML text makes at most: one per opening tag.

    An empty tag or a link Telegram refuses makes none, so this may count a few too many, never
    too few.
    """
    return sum(1 for token in _TAG.findall(markup) if _opens(token))


def _opens(token: str) -> bool:
    name = _tag_name(token)
    return bool(name) and not name.startswith("/")


def _fits(markup: str, limit: int, entity_limit: int) -> bool:
    return visible_length(markup) <= limit and entity_count(markup) <= entity_limit


def _formatting_kept(markup: str, entity_limit: int) -> str:
    """`markup` with the tags after the first `entity_limit` left out; every word stays."""
    if entity_count(markup) <= entity_limit:
        return markup
    out: list[str] = []
    kept: list[bool] = []
    opened = 0
    for token in _TOKEN.findall(markup):
        if token.startswith("<") and len(token) > 1 and token.endswith(">"):
            if _opens(token):
                opened += 1
                kept.append(opened <= entity_limit)
                keep = kept[-1]
            else:
                keep = kept.pop() if kept else True
            if keep:
                out.append(token)
            continue
        out.append(token)
    return "".join(out)


def _head(text: str, units: int) -> str:
    """The longest start of `text` within `units` UTF-16 units; never half a surrogate pair."""
    taken = 0
    for index, char in enumerate(text):
        taken += 2 if ord(char) > 0xFFFF else 1
        if taken > units:
            return text[:index]
    return text


def truncate(text: str, limit: int) -> str:
    """Plain text cut to `limit` UTF-16 units, ending in "…" when anything was cut."""
    if utf16_length(text) <= limit:
        return text
    return _head(text, limit - 1).rstrip() + ELLIPSIS


def fit_html(markup: str, limit: int = TEXT_LIMIT, entity_limit: int = ENTITY_LIMIT) -> str:
    """HTML text whose shown part fits `limit`, cut with "…" and with every open tag closed.

    Formatting past `entity_limit` entities is left out (the words stay), as Telegram would
    show it anyway, so the text that arrives is the text that was meant.
    """
    markup = _formatting_kept(markup, entity_limit)
    if visible_length(markup) <= limit:
        return markup
    budget = limit - 1
    out: list[str] = []
    open_tags: list[str] = []
    for token in _TOKEN.findall(markup):
        if token.startswith("<") and len(token) > 1 and token.endswith(">"):
            name = _tag_name(token)
            if name.startswith("/"):
                if open_tags and open_tags[-1] == name[1:]:
                    open_tags.pop()
                    out.append(token)
                continue
            if name and not name.endswith("/"):
                open_tags.append(name)
                out.append(token)
            continue
        shown = html.unescape(token)
        size = utf16_length(shown)
        if size <= budget:
            out.append(token)
            budget -= size
            continue
        out.append(html.escape(_head(shown, budget), quote=False))
        break
    closing = "".join(f"</{name}>" for name in reversed(open_tags))
    return "".join(out).rstrip() + ELLIPSIS + closing


def split_blocks(
    blocks: Sequence[str], limit: int = TEXT_LIMIT, entity_limit: int = ENTITY_LIMIT
) -> tuple[str, ...]:
    """Pack HTML blocks into as few messages as possible, each within both limits.

    Each message keeps to `limit` shown units and `entity_limit` formatting entities. Blocks
    are separated by blank lines and never cut unless one alone is too long or too formatted;
    such a block is split by lines, and a line still too long is cut with "…".
    """
    parts: list[str] = []
    current = ""
    for block in _fitted_blocks(blocks, limit, entity_limit):
        candidate = f"{current}\n\n{block}" if current else block
        if _fits(candidate, limit, entity_limit):
            current = candidate
            continue
        if current:
            parts.append(current)
        current = block
    if current:
        parts.append(current)
    return tuple(parts)


def _tag_name(token: str) -> str:
    inner = token[1:-1].strip()
    return inner.split(maxsplit=1)[0].lower() if inner else ""


def _open_after(markup: str, stack: list[str]) -> list[str]:
    """The opening tags still open after `markup`, starting from those open before it."""
    stack = list(stack)
    for token in _TAG.findall(markup):
        name = _tag_name(token)
        if name.startswith("/"):
            if stack and _tag_name(stack[-1]) == name[1:]:
                stack.pop()
        elif name:
            stack.append(token)
    return stack


def _self_contained_lines(block: str) -> list[str]:
    """The block's lines, each closing what it leaves open and reopening what it inherits."""
    lines: list[str] = []
    stack: list[str] = []
    for line in block.split("\n"):
        before = stack
        stack = _open_after(line, before)
        closing = "".join(f"</{_tag_name(token)}>" for token in reversed(stack))
        lines.append("".join(before) + line + closing)
    return lines


def _fitted_blocks(blocks: Sequence[str], limit: int, entity_limit: int) -> list[str]:
    fitted: list[str] = []
    for block in blocks:
        if _fits(block, limit, entity_limit):
            fitted.append(block)
            continue
        current = ""
        for raw_line in _self_contained_lines(block):
            line = fit_html(raw_line, limit, entity_limit)
            candidate = f"{current}\n{line}" if current else line
            if _fits(candidate, limit, entity_limit):
                current = candidate
            else:
                if current:
                    fitted.append(current)
                current = line
        if current:
            fitted.append(current)
    return fitted
