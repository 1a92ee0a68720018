"""In a real browser, a site open beside the sandbox cannot act through it nor run its files."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from playwright.async_api import Browser, Error

from sandbox import Sandbox

pytestmark = pytest.mark.browser

KOREAN_OWNER = 710001


@pytest.fixture
async def evil_site() -> AsyncIterator[tuple[str, dict[str, str]]]:
    """A page on another site (localhost, not 127.0.0.1), serving whatever a test puts in."""
    pages: dict[str, str] = {}

    async def serve(request: web.Request) -> web.Response:
        return web.Response(text=pages[request.path], content_type="text/html")

    app = web.Application()
    app.router.add_get("/{name}", serve)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "localhost", 0).start()
    port = runner.addresses[0][1]
    try:
        yield f"http://localhost:{port}", pages
    finally:
        await runner.cleanup()


async def test_a_form_and_an_image_on_another_site_send_nothing(
    browser: Browser, sandbox: Sandbox, evil_site: tuple[str, dict[str, str]]
) -> None:
    origin, pages = evil_site
    api = f"{sandbox.emulator.base_url}{sandbox.token}/sendMessage"
    pages["/phish"] = f"""<!doctype html>
<img src="{api}?chat_id={KOREAN_OWNER}&amp;text=image-phish">
<form id="form" method="post" action="{api}">
  <input name="chat_id" value="{KOREAN_OWNER}"><input name="text" value="form-phish">
</form>
<script>addEventListener("load", () => document.getElementById("form").submit());</script>"""
    page = await browser.new_page()
    try:
        async with page.expect_navigation(url=api):
            await page.goto(f"{origin}/phish")
        assert "requests from other web pages are refused" in await page.content()
    finally:
        await page.close()
    assert sandbox.emulator.transcript(KOREAN_OWNER) == []


async def test_an_uploaded_web_page_is_downloaded_not_run(
    browser: Browser, sandbox: Sandbox
) -> None:
    script = "<!doctype html><script>document.title = 'ran'; alert('ran')</script>"
    message, _ = sandbox.emulator.upload_document(
        KOREAN_OWNER, script.encode(), "memo.html", mime_type="text/html"
    )
    assert message.attachment is not None
    page = await browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    try:
        await page.goto(sandbox.url)
        async with page.expect_download() as download:
            with pytest.raises(Error, match="Download is starting"):
                await page.goto(f"{sandbox.url}/_control/files/{message.attachment.file_id}")
        assert (await download.value).suggested_filename == "memo.html"
        assert dialogs == []
        assert await page.title() != "ran"
    finally:
        await page.close()
