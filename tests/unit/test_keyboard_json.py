"""The reply markup the bot sends is exactly what PTB's `to_dict` would have sent."""

from __future__ import annotations

import pytest
from telegram import (
    CopyTextButton,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LoginUrl,
    WebAppInfo,
)

from bot.sotong_bot import keyboard_json

KEYBOARDS = [
    InlineKeyboardMarkup([]),
    InlineKeyboardMarkup([[]]),
    InlineKeyboardMarkup([[InlineKeyboardButton("예", callback_data="fb:cat:ai_cost")]]),
    InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton('<b>굵게</b> & "따옴표"', callback_data="fb:skip:law"),
                InlineKeyboardButton("링크", url="https://example.org/a?b=c"),
            ],
            [InlineKeyboardButton("다음", callback_data="fb:next:cost")],
        ]
    ),
    InlineKeyboardMarkup(
        [
            [InlineKeyboardButton("복사", copy_text=CopyTextButton("SV-2026-000001"))],
            [InlineKeyboardButton("앱", web_app=WebAppInfo("https://example.org/app"))],
            [InlineKeyboardButton("로그인", login_url=LoginUrl("https://example.org/login"))],
            [InlineKeyboardButton("검색", switch_inline_query="")],
            [InlineKeyboardButton("빨강", callback_data="x", style="danger")],
        ]
    ),
    InlineKeyboardMarkup(
        [[InlineKeyboardButton("추가", callback_data="y", api_kwargs={"future_field": 1})]]
    ),
    InlineKeyboardMarkup(
        [[InlineKeyboardButton("키보드", callback_data="z")]], api_kwargs={"future_field": 2}
    ),
]


@pytest.mark.parametrize("markup", KEYBOARDS)
def test_keyboard_json_is_to_dict(markup: InlineKeyboardMarkup) -> None:
    assert keyboard_json(markup) == markup.to_dict()


def test_no_keyboard_is_none() -> None:
    assert keyboard_json(None) is None
