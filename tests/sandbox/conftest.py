"""Browser fixtures: the whole sandbox in-process on a free port, driven by Debian's Chromium.

Chromium must be installed (`apt-get install -y chromium`, which `.ci/run` does); without it these
tests fail with that instruction instead of skipping, so a CI machine cannot pass by accident.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, ViewportSize, async_playwright

from sandbox import Sandbox, SandboxOptions
from tests.sandbox.chat import ChatPage

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "sandbox"
DESKTOP = ViewportSize(width=1280, height=860)


@pytest.fixture
async def sandbox(tmp_path: Path) -> AsyncIterator[Sandbox]:
    """The sandbox as `python -m sandbox` runs it, on a free port and a fresh database."""
    options = SandboxOptions(port=0, database_path=tmp_path / "sandbox.db")
    async with Sandbox(options, poll_timeout=1) as running:
        yield running
    # Whatever the visitor clicked, the bot must have behaved as real Telegram requires.
    assert running.emulator.conformance_problems() == []


@pytest.fixture
def chromium() -> Path:
    """Debian's Chromium; a clear failure (not a skip) when it is missing."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install it with `apt-get update && apt-get install -y "
            "chromium` (.ci/run does this) to run the browser tests"
        )
    return CHROMIUM


@pytest.fixture
async def browser(chromium: Path) -> AsyncIterator[Browser]:
    """Headless Chromium from the Debian package, never a browser Playwright downloads."""
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture
def artifacts(request: pytest.FixtureRequest) -> Path:
    """A screenshot folder per test under test-artifacts/sandbox (git-ignored), emptied first."""
    folder = ARTIFACTS / re.sub(r"[^\w-]+", "_", request.node.name)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder


@pytest.fixture
async def chat(browser: Browser, sandbox: Sandbox, artifacts: Path) -> AsyncIterator[ChatPage]:
    """The page at desktop size, with helpers that act like a person and wait like one."""
    page = await ChatPage.open(browser, sandbox.url, artifacts, DESKTOP)
    yield page
    await page.close()
