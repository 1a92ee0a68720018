"""Acting on the sandbox page as a person does: by visible labels, waiting for the bot's answer."""

from __future__ import annotations

import json
import re
import struct
import zlib
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import (
    Browser,
    ConsoleMessage,
    Locator,
    Page,
    ViewportSize,
    expect,
)

WAIT_MS = 10_000
AXE = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
FAILING_IMPACTS = frozenset({"serious", "critical"})
LAST_BUTTONS_IN_VIEW = """() => {
  const last = [...document.querySelectorAll(".message")].at(-1);
  if (!last) return true;
  const view = document.getElementById("scroller").getBoundingClientRect();
  return [...last.querySelectorAll(".inline-button")].every((button) => {
    const box = button.getBoundingClientRect();
    return box.top >= view.top - 0.5 && box.bottom <= Math.min(view.bottom, innerHeight) + 0.5
      && box.left >= view.left - 0.5 && box.right <= view.right + 0.5;
  });
}"""


@cache
def axe_source() -> str:
    """axe-core from the npm package (tests/sandbox/package.json); a clear failure without it."""
    if not AXE.exists():
        pytest.fail(
            f"{AXE} is missing: run `npm ci` in tests/sandbox (`python3 tasks.py test` and "
            ".ci/run do this) to run the accessibility checks"
        )
    return AXE.read_text(encoding="utf-8")


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = [node["target"] for node in violation["nodes"][:3]]
        lines.append(
            f"{violation['impact']} {violation['id']}: {violation['help']} "
            f"({len(violation['nodes'])} nodes, e.g. {json.dumps(targets, ensure_ascii=False)})"
        )
    return "\n".join(lines)


def _exact(text: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def png(width: int, height: int) -> bytes:
    """A real PNG (striped, like a scanned notice) so the emulator can read its size."""
    rows = []
    for y in range(height):
        shade = 235 if (y // 12) % 2 else 200
        rows.append(b"\x00" + bytes((shade, shade, 255 if y < 24 else shade)) * width)

    def chunk(tag: bytes, data: bytes) -> bytes:
        checksum = zlib.crc32(tag + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", checksum)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


class ChatPage:
    """The sandbox page with person-sized actions and numbered screenshots."""

    def __init__(self, page: Page, artifacts: Path) -> None:
        self.page = page
        self.artifacts = artifacts
        self.problems: list[str] = []
        self.keep_in_view = False
        """When set, every awaited bot answer also checks the last message's buttons are in view."""
        self._shots = 0
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text}")

    @classmethod
    async def open(
        cls,
        browser: Browser,
        url: str,
        artifacts: Path,
        viewport: ViewportSize,
        *,
        timezone_id: str | None = None,
    ) -> ChatPage:
        """A new browser window on the sandbox page, ready once the first chat is loaded."""
        window = await browser.new_context(
            locale="en-US", viewport=viewport, timezone_id=timezone_id
        )
        chat = cls(await window.new_page(), artifacts)
        await chat.page.goto(url)
        await chat.page.wait_for_selector("body[data-ready=true]")
        await chat.page.bring_to_front()
        return chat

    async def close(self) -> None:
        """Close the window; the page must not have logged any error."""
        await self.page.context.close()
        assert self.problems == [], "the page logged errors"

    async def shot(self, name: str) -> Path:
        """Save a screenshot of the page as it is now, numbered in the order taken."""
        self._shots += 1
        path = self.artifacts / f"{self._shots:02d}-{name}.png"
        await self.page.wait_for_timeout(200)  # let the message animation finish
        await self.page.screenshot(path=str(path))
        return path

    async def audit(self) -> None:
        """Run axe-core on the page as it is now; fail on any serious or critical violation."""
        # Finished animations: a bubble still fading in would read as low contrast.
        await self.page.evaluate("() => document.getAnimations().forEach((a) => a.finish())")
        if not await self.page.evaluate("() => typeof window.axe === 'object'"):
            await self.page.add_script_tag(content=axe_source())
        result = await self.page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        failing = [v for v in result["violations"] if v["impact"] in FAILING_IMPACTS]
        assert failing == [], _describe(failing)

    async def last_buttons_in_view(self) -> None:
        """Every button of the newest message is wholly on screen, not below the fold."""
        # One check of all buttons at once: an edit may replace them while they are counted.
        await self.page.wait_for_function(LAST_BUTTONS_IN_VIEW, timeout=WAIT_MS)

    def bot_messages(self, text: str | None = None) -> Locator:
        """Bot bubbles, optionally only those containing `text`."""
        messages = self.page.locator(".message.from-bot")
        return messages if text is None else messages.filter(has_text=text)

    async def bot_says(self, text: str) -> Locator:
        """Wait until a bot message containing `text` is on screen; return it."""
        found = self.bot_messages(text).last
        await expect(found).to_be_visible(timeout=WAIT_MS)
        if self.keep_in_view:
            await self.last_buttons_in_view()
        return found

    async def persona(self, role: str) -> None:
        """Switch to the persona whose button shows `role` (e.g. "Administrator")."""
        await self.page.locator(".persona").filter(has_text=role).click()
        await expect(self.page.locator(".persona[aria-pressed=true]")).to_contain_text(role)
        await expect(self.page.locator("body[data-chat]")).to_have_count(1, timeout=WAIT_MS)

    async def start(self) -> None:
        """Press Telegram's Start button of an empty chat."""
        await self.page.get_by_role("button", name="Start", exact=True).click()

    async def tap(self, text: str, *, exact: bool = True) -> None:
        """Click the newest inline button labelled `text` (or containing it, if not `exact`)."""
        name = _exact(text) if exact else text
        button = self.page.locator(".inline-keyboard").get_by_role("button", name=name)
        await button.last.click(timeout=WAIT_MS)

    async def send(self, text: str) -> None:
        """Type into the message box and press Enter, as a keyboard user does."""
        box = self.page.get_by_role("combobox", name="Message")
        await box.fill(text)
        await box.press("Enter")
        await expect(self.page.locator(".message.from-user").last).to_contain_text(
            text.strip().splitlines()[0], timeout=WAIT_MS
        )

    async def onboard(self, language_button: str, agree_button: str, menu_text: str) -> None:
        """Start, choose the language and agree to the notice, waiting for each answer."""
        await self.start()
        await self.bot_says("Please choose your language")
        await self.tap(language_button, exact=False)
        await expect(
            self.page.locator(".inline-keyboard").get_by_role("button", name=_exact(agree_button))
        ).to_be_visible(timeout=WAIT_MS)
        await self.tap(agree_button)
        await self.bot_says(menu_text)
