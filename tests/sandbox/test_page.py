"""What the page shows and how it behaves.

Telegram formatting, media, live edits and deletions, alerts, reply keyboards, personas, the
keyboard alone, and phone width.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
import pytest
from playwright.async_api import Browser, ViewportSize, expect

from sandbox import Sandbox
from tests.sandbox.chat import WAIT_MS, ChatPage, png
from tests.sandbox.conftest import DESKTOP

pytestmark = pytest.mark.browser

KOREAN_OWNER = 710001
ENGLISH_OWNER = 710002
PHONE = ViewportSize(width=390, height=844)
FORMATTED = (
    "<b>bold</b> <i>italic</i> <u>underlined</u> <s>struck</s> "
    "<tg-spoiler>secret</tg-spoiler> <a href='https://example.org/policy'>a link</a> "
    "<code>inline code</code>\n<pre><code class='language-python'>print('pre')</code></pre>"
    "<blockquote>a quotation</blockquote>"
)


# WCAG's contrast ratio of each element's text on its own (opaque) background.
CONTRAST = """(nodes) => nodes.map((node) => {
  const style = getComputedStyle(node);
  const channels = (color) => color.match(/[\\d.]+/g).map(Number);
  const background = channels(style.backgroundColor);
  if (background.length === 4 && background[3] < 1) return 0;
  const luminance = ([r, g, b]) => [r, g, b]
    .map((c) => c / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const ends = [luminance(channels(style.color)), luminance(background)];
  const [light, dark] = ends.sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
})"""


async def as_bot(sandbox: Sandbox, method: str, data: dict[str, Any] | aiohttp.FormData) -> Any:
    """Call the Bot API as the bot would, to show the page everything Telegram can send."""
    url = f"{sandbox.emulator.base_url}{sandbox.token}/{method}"
    async with aiohttp.ClientSession() as session:
        payload = {"data": data} if isinstance(data, aiohttp.FormData) else {"json": data}
        async with session.post(url, **payload) as response:
            answer = await response.json()
    assert answer["ok"], answer
    return answer["result"]


async def test_formatting_media_edits_deletions_and_alerts_render_live(
    chat: ChatPage, sandbox: Sandbox
) -> None:
    page = chat.page
    await chat.persona("SME owner · English")
    sent = await as_bot(
        sandbox,
        "sendMessage",
        {
            "chat_id": ENGLISH_OWNER,
            "text": FORMATTED,
            "parse_mode": "HTML",
            "reply_markup": {
                "inline_keyboard": [
                    [{"text": "Open the site", "url": "https://example.org/"}],
                    [{"text": "Admin only", "callback_data": "admin:inbox"}],
                ]
            },
        },
    )
    bubble = page.locator(f"#message-{sent['message_id']}")
    await expect(bubble.locator("strong")).to_have_text("bold")
    await expect(bubble.locator("em")).to_have_text("italic")
    await expect(bubble.locator("u")).to_have_text("underlined")
    await expect(bubble.locator("s")).to_have_text("struck")
    await expect(bubble.locator("a", has_text="a link")).to_have_attribute(
        "href", "https://example.org/policy"
    )
    await expect(bubble.locator(".text > code")).to_have_text("inline code")
    await expect(bubble.locator("pre code[data-language=python]")).to_have_text("print('pre')")
    await expect(bubble.locator("blockquote")).to_have_text("a quotation")
    spoiler = bubble.get_by_role("button", name="Spoiler: press to reveal")
    await expect(spoiler).to_have_css("color", "rgba(0, 0, 0, 0)")
    await spoiler.focus()
    await page.keyboard.press("Enter")
    await expect(bubble.locator(".spoiler.revealed")).to_have_text("secret")
    await expect(bubble.get_by_role("link", name="Open the site")).to_have_attribute(
        "href", "https://example.org/"
    )
    await chat.shot("formatting")

    edit = {"text": "Changed <b>now</b>", "parse_mode": "HTML"}
    await as_bot(
        sandbox,
        "editMessageText",
        {"chat_id": ENGLISH_OWNER, "message_id": sent["message_id"], **edit},
    )
    await expect(bubble.locator(".text")).to_have_text("Changed now")
    await expect(bubble.locator(".edited")).to_have_text("edited")
    await expect(bubble.get_by_role("button")).to_have_count(0)

    photo = aiohttp.FormData()
    photo.add_field("chat_id", str(ENGLISH_OWNER))
    photo.add_field("caption", "A <i>chart</i>")
    photo.add_field("parse_mode", "HTML")
    photo.add_field("photo", png(240, 120), filename="chart.png", content_type="image/png")
    shown = await as_bot(sandbox, "sendPhoto", photo)
    picture = page.locator(f"#message-{shown['message_id']} img")
    await expect(picture).to_be_visible()
    await picture.evaluate(
        "image => image.complete && image.naturalWidth"
        " || new Promise(done => image.addEventListener('load', done, {once: true}))"
    )
    assert await picture.evaluate("image => image.naturalWidth") == 240
    await expect(page.locator(f"#message-{shown['message_id']} em")).to_have_text("chart")

    document = aiohttp.FormData()
    document.add_field("chat_id", str(ENGLISH_OWNER))
    document.add_field("document", b"a,b\n1,2\n", filename="report.csv", content_type="text/csv")
    filed = await as_bot(sandbox, "sendDocument", document)
    link = page.locator(f"#message-{filed['message_id']} a.document")
    await expect(link).to_have_attribute("download", "report.csv")
    async with page.expect_download() as download_info:
        await link.click()
    path = await (await download_info.value).path()
    assert path.read_bytes() == b"a,b\n1,2\n"
    await chat.shot("media")

    await as_bot(
        sandbox, "deleteMessage", {"chat_id": ENGLISH_OWNER, "message_id": shown["message_id"]}
    )
    await expect(page.locator(f"#message-{shown['message_id']}")).to_have_count(0)

    # A reply keyboard replaces typing; pressing a key sends its text as the user.
    keys = {"keyboard": [[{"text": "Seoul"}, {"text": "Busan"}]]}
    await as_bot(
        sandbox, "sendMessage", {"chat_id": ENGLISH_OWNER, "text": "Pick one", "reply_markup": keys}
    )
    keyboard = page.get_by_role("group", name="Reply keyboard")
    await expect(keyboard.get_by_role("button", name="Busan")).to_be_visible()
    await chat.shot("reply-keyboard")
    await keyboard.get_by_role("button", name="Busan").click()
    await expect(page.locator(".message.from-user .text").last).to_have_text("Busan")
    await chat.bot_says("Submit feedback")  # the bot did not understand and shows its menu

    # An admin-only button pressed by an owner: the bot refuses with an alert box.
    forged = {"inline_keyboard": [[{"text": "Inbox", "callback_data": "admin:inbox"}]]}
    await as_bot(
        sandbox, "sendMessage", {"chat_id": ENGLISH_OWNER, "text": "Forged", "reply_markup": forged}
    )
    await chat.tap("Inbox")
    alert = page.get_by_role("dialog")
    await expect(alert).to_be_visible(timeout=WAIT_MS)
    await chat.shot("alert")
    await alert.get_by_role("button", name="OK").click()
    await expect(alert).to_be_hidden()


async def test_new_person_starts_from_nothing_each_time(chat: ChatPage, sandbox: Sandbox) -> None:
    page = chat.page
    await chat.persona("New person")
    first = page.locator(".persona[aria-pressed=true] .persona-name")
    await expect(first).to_have_text("Newcomer 1")
    await chat.start()
    await chat.bot_says("Please choose your language")
    await chat.persona("New person")
    await expect(first).to_have_text("Newcomer 2")
    await expect(page.locator(".message")).to_have_count(0)
    await expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    known = {user.info.first_name for user in sandbox.emulator.users}
    assert {"Newcomer 1", "Newcomer 2"} <= known
    # The page's own labels follow the language button; the bot's texts are the bot's business.
    await page.get_by_role("button", name="한국어 (page labels in Korean)").click()
    await expect(page.locator("html")).to_have_attribute("lang", "ko")
    await expect(page.locator(".persona").filter(has_text="관리자")).to_be_visible()
    await expect(page.get_by_role("button", name="시작", exact=True)).to_be_visible()
    await chat.shot("korean-labels")


async def test_keyboard_alone_with_visible_focus_and_labels(chat: ChatPage) -> None:
    page = chat.page
    order = []
    for _ in range(8):
        await page.keyboard.press("Tab")
        order.append(
            await page.evaluate(
                "() => { const e = document.activeElement;"
                " return (e.getAttribute('aria-label') || e.innerText).trim().split('\\n')[0]; }"
            )
        )
        outline = await page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", f"no visible focus on {order[-1]!r}"
    assert order == [
        "Skip to the message box",
        "한국어 (page labels in Korean)",
        "API calls",
        "SME owner · 한국어",
        "SME owner · English",
        "Administrator",
        "New person",
        "START",  # shown in capitals, as Telegram does
    ]
    await page.keyboard.press("Enter")
    await chat.bot_says("Please choose your language")
    # Focus is in the message box; going back reaches the bot's buttons.
    await expect(page.get_by_role("combobox", name="Message")).to_be_focused()
    await page.keyboard.press("Shift+Tab")
    await page.keyboard.press("Shift+Tab")
    await page.keyboard.press("Shift+Tab")
    await expect(page.locator(".inline-button", has_text="English")).to_be_focused()
    await chat.shot("keyboard-focus")
    await page.keyboard.press("Enter")
    # The notice that answers the tap has links and /commands in its text: the focus skips them
    # for its first button, so a second Enter agrees instead of sending /privacy.
    notice = await chat.bot_says("personal information")
    await expect(notice.locator(".inline-button").first).to_be_focused()
    await page.keyboard.press("Enter")
    await chat.bot_says("What can I do for you?")
    focused = await page.evaluate(
        "() => { const e = document.activeElement;"
        " return e.id || (e.closest('.message:last-child') && e.className); }"
    )
    assert focused in {"composer-input", "inline-button"}, focused
    await page.get_by_role("combobox", name="Message").focus()
    await page.keyboard.type("/help")
    await page.keyboard.press("Escape")
    replies = chat.bot_messages()
    before = await replies.count()
    await page.keyboard.press("Enter")
    await expect(page.locator(".message.from-user").last).to_contain_text("/help")
    # The answer moves focus to its buttons: type on only once it is in, as a person would.
    await expect(replies).not_to_have_count(before, timeout=WAIT_MS)
    await page.get_by_role("combobox", name="Message").focus()
    # The first match is highlighted as one types, and Enter sends it, not the letters typed.
    await page.keyboard.type("/mee")
    suggestions = page.get_by_role("listbox", name="Commands")
    await expect(suggestions.get_by_role("option", selected=True)).to_contain_text("/meetings")
    before = await replies.count()
    await page.keyboard.press("Enter")
    await expect(page.locator(".message.from-user").last).to_have_text(re.compile(r"/meetings"))
    await expect(replies).not_to_have_count(before, timeout=WAIT_MS)
    await page.get_by_role("combobox", name="Message").focus()
    # Pointing at another suggestion highlights it instead; Enter then sends that one.
    await page.keyboard.type("/")
    await suggestions.get_by_role("option").filter(has_text="/help").hover()
    await expect(suggestions.get_by_role("option", selected=True)).to_contain_text("/help")
    await page.keyboard.press("Enter")
    await expect(page.locator(".message.from-user").last).to_have_text(re.compile(r"/help"))

    log = page.get_by_role("log")
    await expect(log).to_have_attribute("aria-live", "polite")
    unnamed = await page.evaluate(
        "() => [...document.querySelectorAll("
        "'button, a[href], textarea, input:not([aria-hidden])')]"
        ".filter(e => e.offsetParent !== null)"
        ".filter(e => !(e.getAttribute('aria-label') || e.innerText || e.labels?.[0]?.innerText"
        " || '').trim()).map(e => e.outerHTML)"
    )
    assert unnamed == []
    await chat.audit()


async def test_bubble_times_are_in_the_bot_zone_not_the_browser_zone(
    browser: Browser, sandbox: Sandbox, artifacts: Any
) -> None:
    chat = await ChatPage.open(
        browser, sandbox.url, artifacts, DESKTOP, timezone_id="America/Los_Angeles"
    )
    await chat.persona("SME owner · English")
    sent = await as_bot(sandbox, "sendMessage", {"chat_id": ENGLISH_OWNER, "text": "Noted"})
    seoul = datetime.fromtimestamp(sent["date"], ZoneInfo("Asia/Seoul"))
    bubble = chat.page.locator(f"#message-{sent['message_id']}")
    await expect(bubble.locator("time")).to_have_text(seoul.strftime("%H:%M"))
    day = chat.page.locator(".day").last
    await expect(day).to_contain_text(f"{seoul.day} {seoul.strftime('%B')}")
    await chat.close()


async def test_phone_width_is_readable_without_sideways_scrolling(
    browser: Browser, sandbox: Sandbox, artifacts: Any
) -> None:
    chat = await ChatPage.open(browser, sandbox.url, artifacts, PHONE)
    page = chat.page
    await chat.shot("phone-empty")
    await chat.audit()
    # The header leaves most of the height to the chat.
    header = await page.locator(".topbar").bounding_box()
    assert header is not None and header["height"] <= 110, header
    await chat.onboard("English", "✅ I agree", "What can I do for you?")
    await chat.shot("phone-menu")
    await chat.last_buttons_in_view()
    await chat.audit()
    assert await page.evaluate("() => document.documentElement.scrollWidth") <= 390
    # axe cannot see through the chat's gradient, so the buttons' contrast is measured here.
    ratios = await page.locator(".inline-button").evaluate_all(CONTRAST)
    assert ratios and min(ratios) >= 4.5, ratios

    # The newest message grows by an edit (a summary under a question): its buttons follow.
    buttons = {"inline_keyboard": [[{"text": "Next ➡️", "callback_data": "x"}]]}
    asked = await as_bot(
        sandbox,
        "sendMessage",
        {"chat_id": KOREAN_OWNER, "text": "How much does it cost?", "reply_markup": buttons},
    )
    await chat.last_buttons_in_view()
    grown = "\n".join(f"Line {number}: an answer so far" for number in range(1, 25))
    await as_bot(
        sandbox,
        "editMessageText",
        {
            "chat_id": KOREAN_OWNER,
            "message_id": asked["message_id"],
            "text": grown,
            "reply_markup": buttons,
        },
    )
    await expect(page.locator(f"#message-{asked['message_id']}")).to_contain_text("Line 24")
    await chat.last_buttons_in_view()
    await chat.shot("phone-edited-grows")
    await page.get_by_role("button", name="API calls").click()
    panel = page.get_by_role("complementary", name="Bot API calls")
    await expect(panel).to_be_visible()
    box = await panel.bounding_box()
    assert box is not None and box["width"] == 390
    await chat.shot("phone-api-panel")
    await chat.audit()
    await page.keyboard.press("Escape")
    await expect(panel).to_be_hidden()
    await chat.close()
