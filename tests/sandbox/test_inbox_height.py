"""/inbox at phone width: one page, buttons included, fits one 390×844 screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.async_api import Browser, ViewportSize, expect

from sandbox import Sandbox
from tests.sandbox.chat import ChatPage

pytestmark = pytest.mark.browser

PHONE = ViewportSize(width=390, height=844)


async def test_an_inbox_page_fits_one_phone_screen(
    browser: Browser, sandbox: Sandbox, artifacts: Path
) -> None:
    """With the sandbox's 30 demo reports, long problems among them.

    The screenshot (inbox-page.png) is in test-artifacts/sandbox/ under this test's name.
    """
    chat = await ChatPage.open(browser, sandbox.url, artifacts, PHONE)
    await chat.persona("Administrator")
    await chat.onboard("한국어", "✅ 동의", "무엇을 도와드릴까요?")
    await chat.send("/inbox")
    page = await chat.bot_says("🔎 분야")
    await chat.shot("inbox-page")
    await expect(page).to_contain_text("1/5쪽")
    box = await page.bounding_box()
    assert box is not None and box["height"] <= 700, box
    buttons = page.locator(".inline-keyboard").get_by_role("button")
    await expect(buttons.first).to_have_text(re.compile(r"^1\. 농지법·건축법 등… · 공장 지붕에"))
    await chat.close()
