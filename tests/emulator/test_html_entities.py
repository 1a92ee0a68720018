"""Telegram's HTML parse mode: cases taken from TDLib's own parser tests plus Korean text."""

from __future__ import annotations

import pytest

from sandbox.emulator.html_entities import (
    Entity,
    HtmlParseError,
    ParsedText,
    entities_from_json,
    parse_html,
    render_html,
    trim_text,
    utf16_len,
)

STADIUM = "🏟 🏟"  # 9 UTF-8 bytes + space: the markup below starts its tags at byte 13


@pytest.mark.parametrize(
    ("markup", "error"),
    [
        (f"{STADIUM}&lt;<abacaba", "Unclosed start tag at byte offset 13"),
        (f"{STADIUM}&lt;<abac aba>", 'Unsupported start tag "abac" at byte offset 13'),
        (f"{STADIUM}&lt;<i   =aba>", 'Empty attribute name in the tag "i" at byte offset 13'),
        (f"{STADIUM}&lt;<i    aba>", 'Can\'t find end tag corresponding to start tag "i"'),
        (f"{STADIUM}&lt;<i    aba  =  ", 'Unclosed start tag "i" at byte offset 13'),
        (
            f"{STADIUM}&lt;<i    aba  =  190azAz-.,",
            "Unexpected end of name token at byte offset 27",
        ),
        (f'{STADIUM}&lt;<i    aba  =  "&lt;&gt;&quot;>', "Unclosed start tag at byte offset 13"),
        (f"{STADIUM}&lt;</", "Unexpected end tag at byte offset 13"),
        (f"{STADIUM}&lt;<b></b></", "Unexpected end tag at byte offset 20"),
        (f"{STADIUM}&lt;<i>a</i   ", "Unclosed end tag at byte offset 17"),
        (
            f"{STADIUM}&lt;<i>a</em   >",
            'Unmatched end tag at byte offset 17, expected "</i>", found "</em>"',
        ),
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<p>hello <div>world</div>", 'Unsupported start tag "p" at byte offset 0'),
        ("<b>안녕</b><div>x</div>", 'Unsupported start tag "div" at byte offset 13'),
        ("3 < 5", 'Unsupported start tag "" at byte offset 2'),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("&#xDFDF;", "Text contains invalid Unicode characters"),
    ],
)
def test_parse_errors_match_tdlib(markup: str, error: str) -> None:
    with pytest.raises(HtmlParseError) as caught:
        parse_html(markup)
    assert str(caught.value).startswith(error)


@pytest.mark.parametrize(
    ("markup", "text", "entities"),
    [
        ("", "", ()),
        (
            "&ge;&lt;&gt;&amp;&quot;&laquo;&raquo;&#12345678;",
            '&ge;<>&"&laquo;&raquo;&#12345678;',
            (),
        ),
        ("a & b", "a & b", ()),
        ("&#54620;&#xAE00;", "한글", ()),
        ("➡️ ➡️<i>➡️ ➡️</i>", "➡️ ➡️➡️ ➡️", (Entity("italic", 5, 5),)),
        ("➡️ ➡️<strong>➡️ ➡️</strong>", "➡️ ➡️➡️ ➡️", (Entity("bold", 5, 5),)),
        ("➡️ ➡️<ins>➡️ ➡️</ins>", "➡️ ➡️➡️ ➡️", (Entity("underline", 5, 5),)),
        ("➡️ ➡️<del>➡️ ➡️</del>", "➡️ ➡️➡️ ➡️", (Entity("strikethrough", 5, 5),)),
        (f"{STADIUM}<i>🏟 &lt🏟</i>", "🏟 🏟🏟 <🏟", (Entity("italic", 5, 6),)),
        (
            f"{STADIUM}<i>🏟 &gt;<b aba   =   caba>&lt🏟</b></i>",
            "🏟 🏟🏟 ><🏟",
            (Entity("italic", 5, 7), Entity("bold", 9, 3)),
        ),
        (f"{STADIUM}&lt;<i>🏟 🏟&lt;</>", "🏟 🏟<🏟 🏟<", (Entity("italic", 6, 6),)),
        (f"{STADIUM}&lt;<b></b>", "🏟 🏟<", ()),
        (
            '➡️ ➡️<span class = "tg-spoiler">➡️ ➡️</span><b>➡️ ➡️</b>',
            "➡️ ➡️➡️ ➡️➡️ ➡️",
            (Entity("spoiler", 5, 5), Entity("bold", 10, 5)),
        ),
        ("<tg-spoiler>비밀</tg-spoiler>", "비밀", (Entity("spoiler", 0, 2),)),
        (
            "<a href=telegram.org>\t</a>",
            "\t",
            (Entity("text_link", 0, 1, url="http://telegram.org/"),),
        ),
        (
            "<a   href=  'telegram.org?&lt;'   > </a>",
            " ",
            (Entity("text_link", 0, 1, url="http://telegram.org/?<"),),
        ),
        ("<a> </a>", " ", ()),
        (
            "<a>telegram.org</a>",
            "telegram.org",
            (Entity("text_link", 0, 12, url="http://telegram.org/"),),
        ),
        (
            "<code><i><b> </b></i></code><i><b><code> </code></b></i>",
            "  ",
            (
                Entity("code", 0, 1),
                Entity("bold", 0, 1),
                Entity("italic", 0, 1),
                Entity("code", 1, 1),
                Entity("bold", 1, 1),
                Entity("italic", 1, 1),
            ),
        ),
        (
            f'{STADIUM}&lt;<pre><code class="language-fift">🏟 🏟&lt;</></>',
            "🏟 🏟<🏟 🏟<",
            (Entity("pre", 6, 6, language="fift"),),
        ),
        (
            f'{STADIUM}&lt;<code class="language-fift"><pre>🏟 🏟&lt;</></>',
            "🏟 🏟<🏟 🏟<",
            (Entity("pre", 6, 6, language="fift"),),
        ),
        (
            f"{STADIUM}&lt;<pre><code>🏟 🏟&lt;</code></>",
            "🏟 🏟<🏟 🏟<",
            (Entity("pre", 6, 6), Entity("code", 6, 6)),
        ),
        (
            '➡️ ➡️<tg-emoji emoji-id = "12345">➡️ ➡️</tg-emoji><b>➡️ ➡️</b>',
            "➡️ ➡️➡️ ➡️➡️ ➡️",
            (Entity("custom_emoji", 5, 5, custom_emoji_id="12345"), Entity("bold", 10, 5)),
        ),
        (
            "<blockquote   expandable>a&lt;<pre  >b;</></>",
            "a<b;",
            (Entity("expandable_blockquote", 0, 4), Entity("pre", 2, 2)),
        ),
        ("<blockquote>인용</blockquote>", "인용", (Entity("blockquote", 0, 2),)),
    ],
)
def test_parse_results_match_tdlib(markup: str, text: str, entities: tuple[Entity, ...]) -> None:
    assert parse_html(markup) == ParsedText(text, entities)


def test_utf16_offsets_with_korean_and_emoji() -> None:
    parsed = parse_html("안녕하세요 😀 <b>소통</b> 👨‍👩‍👧 <i>끝</i>")
    assert parsed.text == "안녕하세요 😀 소통 👨‍👩‍👧 끝"
    bold, italic = parsed.entities
    # 5 Hangul + space + surrogate pair + space = 9 code units before "소통"
    assert (bold.offset, bold.length) == (9, 2)
    # the family emoji is 3 surrogate pairs joined by 2 ZWJs = 8 code units
    assert (italic.offset, italic.length) == (9 + 2 + 1 + 8 + 1, 1)
    assert utf16_len("😀") == 2
    assert utf16_len("한") == 1


def test_trim_strips_whitespace_and_shifts_entities() -> None:
    trimmed = trim_text(parse_html("\n\n  <b>굵게</b> 끝  \n"))
    assert trimmed == ParsedText("굵게 끝", (Entity("bold", 0, 2),))


def test_render_html_round_trips() -> None:
    markup = (
        '<b>굵게 <i>기울임</i></b> 😀 <a href="https://example.com/">링크</a> '
        '<pre><code class="language-python">x &lt; 1</code></pre> &amp;'
    )
    parsed = parse_html(markup)
    assert parse_html(render_html(parsed.text, parsed.entities)) == parsed


@pytest.mark.parametrize(
    ("attributes", "shown_as"),
    [
        # The Bot API documentation's four examples.
        ('unix="1647531900" format="wDT"', "wDT"),
        ('unix="1647531900" format="t"', "t"),
        ('unix="1647531900" format="r"', "r"),
        ('unix="1647531900"', ""),
        # Letters come back in TDLib's order; an unquoted value is lower-cased; no date, no entity.
        ("unix=1647531900 format=TDW", "wdt"),
        ('unix="1647531900" format="TdW"', "wdT"),
        ('format="t"', None),
    ],
)
def test_tg_time_makes_a_date_time_entity(attributes: str, shown_as: str | None) -> None:
    parsed = parse_html(f"<tg-time {attributes}>22:45 tomorrow</tg-time>")
    assert parsed.text == "22:45 tomorrow"
    expected = Entity("date_time", 0, 14, unix_time=1647531900, date_time_format=shown_as)
    assert parsed.entities == (() if shown_as is None else (expected,))


def test_a_date_time_format_outside_the_grammar_is_refused() -> None:
    with pytest.raises(HtmlParseError, match="Invalid date format used"):
        parse_html('<tg-time unix="1647531900" format="rt">내일 22:45</tg-time>')


def test_date_time_entities_round_trip_as_json_and_html() -> None:
    parsed = parse_html('마감 <tg-time unix="1647531900" format="wDT">3월 17일</tg-time>')
    (entity,) = parsed.entities
    assert entity.to_json() == {
        "type": "date_time",
        "offset": 3,
        "length": 6,
        "unix_time": 1647531900,
        "date_time_format": "wDT",
    }
    assert entities_from_json([entity.to_json()]) == parsed.entities
    assert parse_html(render_html(parsed.text, parsed.entities)) == parsed


@pytest.mark.parametrize(
    ("entity", "error"),
    [
        ({"type": "date_time", "offset": 0, "length": 2}, "unix_time"),
        ({"type": "date_time", "offset": 0, "length": 2, "unix_time": 0}, "Invalid date"),
        (
            {
                "type": "date_time",
                "offset": 0,
                "length": 1,
                "unix_time": 9,
                "date_time_format": "?",
            },
            "Invalid date-time format specified",
        ),
    ],
)
def test_a_malformed_date_time_entity_is_refused(entity: dict[str, object], error: str) -> None:
    with pytest.raises(ValueError, match=error):
        entities_from_json([entity])
