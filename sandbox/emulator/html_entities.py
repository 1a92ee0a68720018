"""Telegram's HTML parse mode, reproduced from TDLib's ``parse_html`` so errors match byte for byte.

The bot under test must survive the real parser: an unescaped ``<`` in user input, an unclosed
``<b>`` after truncation or an unsupported tag all fail in production with a 400. The emulator
therefore rejects exactly what Telegram rejects (same wording, same byte offsets) and produces the
same plain text and UTF-16 based entity list that Telegram returns in the sent ``Message``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = [
    "Entity",
    "HtmlParseError",
    "ParsedText",
    "date_time_format",
    "entities_from_json",
    "parse_html",
    "render_html",
    "trim_text",
    "utf16_len",
]

_SUPPORTED_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "s",
        "strike",
        "del",
        "u",
        "ins",
        "tg-spoiler",
        "tg-emoji",
        "tg-time",
        "span",
        "pre",
        "code",
        "blockquote",
    }
)
_SIMPLE_TYPES = {
    "i": "italic",
    "em": "italic",
    "b": "bold",
    "strong": "bold",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "u": "underline",
    "ins": "underline",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
# TDLib sorts entities by offset, then longer first, then by this priority.
_PRIORITY = {
    "mention": 50,
    "hashtag": 50,
    "bot_command": 50,
    "url": 50,
    "email": 50,
    "bold": 90,
    "italic": 91,
    "code": 20,
    "pre": 11,
    "text_link": 49,
    "text_mention": 49,
    "cashtag": 50,
    "phone_number": 50,
    "underline": 92,
    "strikethrough": 93,
    "blockquote": 0,
    "spoiler": 94,
    "custom_emoji": 99,
    "expandable_blockquote": 0,
    "date_time": 30,
}
# Date-time entity formatting: "r" (relative) alone, else any of w, d/D, t/T (TDLib also takes
# R and W). The Bot API answers with the canonical order w, d|D, t|T, short before long.
_RELATIVE = frozenset({"r", "R"})
_FORMAT_LETTERS = frozenset("tTdDwW")
_SPACES = frozenset(" \t\r\n\v\0")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_LINK = re.compile(r"^(?:(https?|tg|ton)://)?([^/?#\s]+)(\S*)$", re.IGNORECASE)
_DOMAIN = re.compile(r"^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}(?::\d+)?$", re.IGNORECASE)


class HtmlParseError(ValueError):
    """Raised with TDLib's exact wording; the API layer prefixes "can't parse entities: "."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One ``MessageEntity``: offsets and lengths count UTF-16 code units, as Telegram does."""

    type: str
    offset: int
    length: int
    url: str | None = None
    language: str | None = None
    custom_emoji_id: str | None = None
    user_id: int | None = None
    unix_time: int | None = None
    date_time_format: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Serialise as the Bot API ``MessageEntity`` object (optional fields only when set)."""
        data: dict[str, Any] = {"type": self.type, "offset": self.offset, "length": self.length}
        if self.url is not None:
            data["url"] = self.url
        if self.language is not None:
            data["language"] = self.language
        if self.custom_emoji_id is not None:
            data["custom_emoji_id"] = self.custom_emoji_id
        if self.user_id is not None:
            data["user"] = {"id": self.user_id, "is_bot": False, "first_name": ""}
        if self.type == "date_time":
            data["unix_time"] = self.unix_time
            data["date_time_format"] = self.date_time_format or ""
        return data

    def shifted(self, delta: int) -> Entity:
        """Return the same entity moved by ``delta`` code units (used when trimming)."""
        return replace(self, offset=self.offset + delta)


@dataclass(frozen=True, slots=True)
class ParsedText:
    """Plain text plus entities, the form in which Telegram stores and returns a message."""

    text: str
    entities: tuple[Entity, ...] = field(default_factory=tuple)


def utf16_len(text: str) -> int:
    """Count UTF-16 code units, the unit of Telegram's offsets and length limits."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _sort_key(entity: Entity) -> tuple[int, int, int]:
    return (entity.offset, -entity.length, _PRIORITY.get(entity.type, 50))


def _decode_entity(text: str, pos: int) -> tuple[str, int] | None:
    """Decode an HTML entity starting at ``text[pos] == '&'`` the way TDLib does.

    Only ``lt``, ``gt``, ``amp``, ``quot`` and numeric references are understood; the trailing
    semicolon is optional. Anything else is not an entity and the ``&`` stays literal.
    """
    end = pos + 1
    size = len(text)
    if end < size and text[end] == "#":
        end += 1
        code = 0
        if end < size and text[end] == "x":
            end += 1
            while end < size and text[end] in "0123456789abcdefABCDEF":
                code = code * 16 + int(text[end], 16)
                end += 1
        else:
            while end < size and "0" <= text[end] <= "9":
                code = code * 10 + int(text[end])
                end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return None
        decoded = chr(code)
    else:
        while end < size and text[end].isascii() and text[end].isalpha():
            end += 1
        named = _NAMED_ENTITIES.get(text[pos + 1 : end])
        if named is None:
            return None
        decoded = named
    if end < size and text[end] == ";":
        end += 1
    return decoded, end


def date_time_format(raw: str) -> str:
    """Validate a date-time format and return it as the Bot API echoes it (TDLib's rules).

    Raises:
        HtmlParseError: "Invalid date format used" for a letter outside ``r|w?[dD]?[tT]?``.

    """
    if raw in _RELATIVE:
        return "r"
    if any(letter not in _FORMAT_LETTERS for letter in raw):
        raise HtmlParseError("Invalid date format used")
    weekday = "w" if "w" in raw or "W" in raw else ""
    date = "d" if "d" in raw else "D" if "D" in raw else ""
    time = "t" if "t" in raw else "T" if "T" in raw else ""
    return weekday + date + time


def _int32(value: str) -> int:
    """TDLib's ``to_integer<int32>``: an optional minus and the leading digits, else 0."""
    match = re.match(r"-?\d+", value)
    number = int(match.group()) if match else 0
    return (number + 2**31) % 2**32 - 2**31


def _checked_link(url: str) -> str | None:
    """Approximate TDLib's ``get_checked_link``: normalise a URL or reject it (``None``)."""
    match = _LINK.match(url)
    if match is None:
        return None
    scheme, host, rest = match.group(1), match.group(2), match.group(3)
    if scheme is None:
        if not _DOMAIN.match(host):
            return None
        scheme = "http"
    if scheme.lower() not in ("http", "https"):
        return url
    if not rest.startswith("/"):
        rest = "/" + rest
    return f"{scheme.lower()}://{host}{rest}"


@dataclass(slots=True)
class _OpenTag:
    name: str
    argument: str
    offset: int
    text_start: int
    date: int = 0


class _HtmlParser:
    """One-shot state machine over the markup; indices are ``str`` indices, not bytes."""

    def __init__(self, markup: str) -> None:
        self.src = markup
        self.pos = 0
        self.out: list[str] = []
        self.out_len = 0  # length of "".join(out) in str characters
        self.utf16 = 0
        self.entities: list[Entity] = []
        self.stack: list[_OpenTag] = []

    def byte_offset(self, index: int) -> int:
        return len(self.src[:index].encode("utf-8"))

    def char_at(self, index: int) -> str:
        return self.src[index] if index < len(self.src) else "\0"

    def emit(self, chunk: str) -> None:
        self.out.append(chunk)
        self.out_len += len(chunk)
        self.utf16 += utf16_len(chunk)

    def run(self) -> ParsedText:
        src = self.src
        size = len(src)
        while self.pos < size:
            char = src[self.pos]
            if char == "&":
                decoded = _decode_entity(src, self.pos)
                if decoded is not None:
                    if 0xD800 <= ord(decoded[0]) <= 0xDFFF:
                        raise HtmlParseError(
                            "Text contains invalid Unicode characters after decoding HTML "
                            "entities, check for unmatched surrogate code units"
                        )
                    self.emit(decoded[0])
                    self.pos = decoded[1]
                    continue
            if char != "<":
                stop = self.pos + 1
                while stop < size and src[stop] not in "<&":
                    stop += 1
                self.emit(src[self.pos : stop])
                self.pos = stop
                continue
            if self.char_at(self.pos + 1) == "/":
                self.close_tag()
            else:
                self.open_tag()
        if self.stack:
            raise HtmlParseError(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"'
            )
        text = "".join(self.out)
        entities = [replace(e, language=None) if e.type == "code" else e for e in self.entities]
        return ParsedText(text, tuple(sorted(entities, key=_sort_key)))

    def open_tag(self) -> None:
        begin = self.pos
        i = begin + 1
        while self.char_at(i) not in _SPACES and self.char_at(i) != ">":
            i += 1
        if i >= len(self.src):
            raise HtmlParseError(f"Unclosed start tag at byte offset {self.byte_offset(begin)}")
        tag = self.src[begin + 1 : i].lower()
        if tag not in _SUPPORTED_TAGS:
            raise HtmlParseError(
                f'Unsupported start tag "{tag}" at byte offset {self.byte_offset(begin)}'
            )
        opened = _OpenTag(tag, "", self.utf16, self.out_len)
        while self.char_at(i) != ">":
            i = self.attribute(opened, begin, i)
        if tag == "span" and opened.argument != "spoiler":
            raise HtmlParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {self.byte_offset(begin)}'
            )
        self.stack.append(opened)
        self.pos = i + 1

    def attribute(self, opened: _OpenTag, begin: int, i: int) -> int:
        """Parse one attribute at ``i`` into ``opened``; return the index after it."""
        tag = opened.name
        size = len(self.src)
        while i < size and self.src[i] in _SPACES:
            i += 1
        if self.char_at(i) == ">":
            return i
        name_start = i
        while self.char_at(i) not in _SPACES and self.char_at(i) not in "=>/\"'":
            i += 1
        name = self.src[name_start:i]
        if not name:
            raise HtmlParseError(
                f'Empty attribute name in the tag "{tag}" at byte offset {self.byte_offset(begin)}'
            )
        while i < size and self.src[i] in _SPACES:
            i += 1
        if self.char_at(i) != "=":
            if i >= size:
                raise HtmlParseError(
                    f'Unclosed start tag "{tag}" at byte offset {self.byte_offset(begin)}'
                )
            if tag == "blockquote" and name == "expandable":
                opened.argument = "1"
            return i
        i += 1
        while i < size and self.src[i] in _SPACES:
            i += 1
        if i >= size:
            raise HtmlParseError(
                f'Unclosed start tag "{tag}" at byte offset {self.byte_offset(begin)}'
            )
        quote = self.src[i]
        if quote not in "'\"":
            token_start = i
            while self.char_at(i).isascii() and (
                self.char_at(i).isalnum() or self.char_at(i) in ".-"
            ):
                i += 1
            value = self.src[token_start:i].lower()
            if self.char_at(i) not in _SPACES and self.char_at(i) != ">":
                raise HtmlParseError(
                    f"Unexpected end of name token at byte offset {self.byte_offset(token_start)}"
                )
        else:
            i += 1
            parts: list[str] = []
            while i < size and self.src[i] != quote:
                if self.src[i] == "&":
                    decoded = _decode_entity(self.src, i)
                    if decoded is not None:
                        parts.append(decoded[0])
                        i = decoded[1]
                        continue
                parts.append(self.src[i])
                i += 1
            if i < size:
                i += 1
            value = "".join(parts)
        if i >= size:
            raise HtmlParseError(f"Unclosed start tag at byte offset {self.byte_offset(begin)}")
        if tag == "a" and name == "href":
            opened.argument = value
        elif tag == "code" and name == "class" and value.startswith("language-"):
            opened.argument = value[9:]
        elif tag == "span" and name == "class" and value.startswith("tg-"):
            opened.argument = value[3:]
        elif tag == "tg-emoji" and name == "emoji-id":
            opened.argument = value
        elif tag == "blockquote" and name == "expandable":
            opened.argument = "1"
        elif tag == "tg-time" and name == "unix":
            opened.date = _int32(value)
        elif tag == "tg-time" and name == "format":
            opened.argument = value
        return i

    def close_tag(self) -> None:
        begin = self.pos
        if not self.stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {self.byte_offset(begin)}")
        i = begin + 2
        while self.char_at(i) not in _SPACES and self.char_at(i) != ">":
            i += 1
        end_name = self.src[begin + 2 : i].lower()
        while i < len(self.src) and self.src[i] in _SPACES:
            i += 1
        if self.char_at(i) != ">":
            raise HtmlParseError(f"Unclosed end tag at byte offset {self.byte_offset(begin)}")
        opened = self.stack[-1]
        if end_name and end_name != opened.name:
            raise HtmlParseError(
                f"Unmatched end tag at byte offset {self.byte_offset(begin)}, "
                f'expected "</{opened.name}>", found "</{end_name}>"'
            )
        if self.utf16 > opened.offset:
            self.add_entity(opened, self.utf16 - opened.offset)
        self.stack.pop()
        self.pos = i + 1

    def add_entity(self, opened: _OpenTag, length: int) -> None:
        tag, offset, argument = opened.name, opened.offset, opened.argument
        last = self.entities[-1] if self.entities else None
        same_span = last is not None and last.offset == offset and last.length == length
        if tag in _SIMPLE_TYPES:
            self.entities.append(Entity(_SIMPLE_TYPES[tag], offset, length))
        elif tag == "tg-emoji":
            if not argument.isdigit() or int(argument) == 0:
                raise HtmlParseError("Invalid custom emoji identifier specified")
            self.entities.append(Entity("custom_emoji", offset, length, custom_emoji_id=argument))
        elif tag == "tg-time":
            shown_as = date_time_format(argument)
            if opened.date > 0:
                self.entities.append(
                    Entity(
                        "date_time",
                        offset,
                        length,
                        unix_time=opened.date,
                        date_time_format=shown_as,
                    )
                )
        elif tag == "a":
            url = argument or "".join(self.out)[opened.text_start :]
            checked = _checked_link(url)
            if checked is not None:
                self.entities.append(Entity("text_link", offset, length, url=checked))
        elif tag == "pre":
            if same_span and last is not None and last.type == "code" and last.language:
                self.entities[-1] = Entity("pre", offset, length, language=last.language)
            else:
                self.entities.append(Entity("pre", offset, length))
        elif tag == "code":
            if same_span and last is not None and last.type == "pre" and argument:
                self.entities[-1] = Entity("pre", offset, length, language=argument)
            else:
                self.entities.append(Entity("code", offset, length, language=argument or None))
        else:
            kind = "expandable_blockquote" if argument else "blockquote"
            self.entities.append(Entity(kind, offset, length))


def parse_html(markup: str) -> ParsedText:
    """Parse Telegram HTML into plain text and entities; fail with ``HtmlParseError`` like TDLib."""
    return _HtmlParser(markup).run()


def trim_text(parsed: ParsedText) -> ParsedText:
    """Strip leading/trailing whitespace and clip entities, as Telegram does before storing text."""
    text = parsed.text
    stripped_left = text.lstrip()
    result = stripped_left.rstrip()
    if result == text:
        return parsed
    start = utf16_len(text[: len(text) - len(stripped_left)])
    end = start + utf16_len(result)
    entities: list[Entity] = []
    for entity in parsed.entities:
        lo = max(entity.offset, start)
        hi = min(entity.offset + entity.length, end)
        if hi > lo:
            entities.append(replace(entity, offset=lo - start, length=hi - lo))
    return ParsedText(result, tuple(entities))


def entities_from_json(raw: Any) -> tuple[Entity, ...]:
    """Validate an ``entities`` parameter (list of MessageEntity objects) and convert it.

    Raises:
        ValueError: when the value is not a list of objects with ``type``/``offset``/``length``.

    """
    if not isinstance(raw, list):
        raise ValueError("entities must be an array")
    result: list[Entity] = []
    for item in raw:
        if not isinstance(item, dict):
            raise ValueError("entity must be an object")
        kind, offset, length = item.get("type"), item.get("offset"), item.get("length")
        if not isinstance(kind, str) or not isinstance(offset, int) or not isinstance(length, int):
            raise ValueError("entity must have type, offset and length")
        user = item.get("user")
        unix_time, shown_as = _date_time_fields(item) if kind == "date_time" else (None, None)
        result.append(
            Entity(
                kind,
                offset,
                length,
                url=item.get("url"),
                language=item.get("language"),
                custom_emoji_id=item.get("custom_emoji_id"),
                user_id=user.get("id") if isinstance(user, dict) else None,
                unix_time=unix_time,
                date_time_format=shown_as,
            )
        )
    return tuple(sorted(result, key=_sort_key))


def _date_time_fields(item: dict[str, Any]) -> tuple[int, str]:
    """A ``date_time`` entity's required ``unix_time`` and its checked ``date_time_format``."""
    unix_time = item.get("unix_time")
    if not isinstance(unix_time, int) or isinstance(unix_time, bool):
        raise ValueError('field "unix_time" must be of type Number')
    if unix_time <= 0:
        raise ValueError("Invalid date specified")
    raw_format = item.get("date_time_format", "")
    if not isinstance(raw_format, str):
        raise ValueError('field "date_time_format" must be of type String')
    try:
        return unix_time, date_time_format(raw_format)
    except HtmlParseError:
        raise ValueError("Invalid date-time format specified") from None


_OPEN_MARKUP = {
    "bold": "<b>",
    "italic": "<i>",
    "underline": "<u>",
    "strikethrough": "<s>",
    "spoiler": "<tg-spoiler>",
    "code": "<code>",
    "blockquote": "<blockquote>",
    "expandable_blockquote": "<blockquote expandable>",
}
_CLOSE_MARKUP = {
    "bold": "</b>",
    "italic": "</i>",
    "underline": "</u>",
    "strikethrough": "</s>",
    "spoiler": "</tg-spoiler>",
    "code": "</code>",
    "blockquote": "</blockquote>",
    "expandable_blockquote": "</blockquote>",
    "pre": "</pre>",
    "text_link": "</a>",
    "custom_emoji": "</tg-emoji>",
    "date_time": "</tg-time>",
}


def _open_markup(entity: Entity) -> str:
    if entity.type == "pre":
        if entity.language:
            return f'<pre><code class="language-{html.escape(entity.language)}">'
        return "<pre>"
    if entity.type == "text_link":
        return f'<a href="{html.escape(entity.url or "")}">'
    if entity.type == "custom_emoji":
        return f'<tg-emoji emoji-id="{entity.custom_emoji_id}">'
    if entity.type == "date_time":
        return f'<tg-time unix="{entity.unix_time}" format="{entity.date_time_format or ""}">'
    return _OPEN_MARKUP.get(entity.type, "")


def _close_markup(entity: Entity) -> str:
    if entity.type == "pre" and entity.language:
        return "</code></pre>"
    return _CLOSE_MARKUP.get(entity.type, "")


def render_html(text: str, entities: tuple[Entity, ...]) -> str:
    """Render text + entities back to Telegram HTML, for transcripts and the sandbox page.

    Entities that cross each other are rendered as far as proper nesting allows; the result is for
    display and assertions, and it parses back to the same text.
    """
    units = text.encode("utf-16-le")
    opens: dict[int, list[Entity]] = {}
    closes: dict[int, list[Entity]] = {}
    for entity in sorted(entities, key=_sort_key):
        opens.setdefault(entity.offset, []).append(entity)
        closes.setdefault(entity.offset + entity.length, []).insert(0, entity)
    out: list[str] = []
    for index in range(len(units) // 2 + 1):
        out.extend(_close_markup(e) for e in closes.get(index, ()))
        out.extend(_open_markup(e) for e in opens.get(index, ()))
        if index < len(units) // 2:
            code = int.from_bytes(units[index * 2 : index * 2 + 2], "little")
            if 0xDC00 <= code <= 0xDFFF:
                continue
            if 0xD800 <= code <= 0xDBFF:
                char = units[index * 2 : index * 2 + 4].decode("utf-16-le")
            else:
                char = chr(code)
            out.append(html.escape(char, quote=False))
    return "".join(out)
