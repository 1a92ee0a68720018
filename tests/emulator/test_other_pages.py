"""Another web page open in the visitor's browser can use no route on the emulator's port.

Each test is one attack a page on another site (or a domain rebound to 127.0.0.1) could make
on the Bot API, the file routes or the control API, as a browser would send it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from sandbox.emulator import BotApiEmulator, ScriptedUser
from tests.fixtures.emulator import EMULATOR_TOKEN

EVIL = "https://evil.test"
PAGE = "<!doctype html><script>fetch('/_control/users')</script>"


@pytest.fixture
async def http(emulator: BotApiEmulator) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=emulator.url) as session:
        yield session


def _api(method: str) -> str:
    return f"/bot{EMULATOR_TOKEN}/{method}"


async def test_a_cross_site_form_cannot_send_a_message(
    http: aiohttp.ClientSession, user: ScriptedUser
) -> None:
    phishing = {"chat_id": str(user.id), "text": "Your account is locked: http://evil.test"}
    posted = await http.post(
        _api("sendMessage"), data=phishing, headers={"Origin": EVIL, "Sec-Fetch-Site": "cross-site"}
    )
    assert posted.status == 403
    # An <img src> sends no Origin, only Sec-Fetch-Site.
    loaded = await http.get(
        _api("sendMessage"), params=phishing, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert loaded.status == 403
    another_port = await http.post(
        _api("sendMessage"), data=phishing, headers={"Origin": "http://127.0.0.1:1"}
    )
    assert another_port.status == 403
    assert user.transcript == []


async def test_a_cross_site_form_cannot_upload_a_file(
    http: aiohttp.ClientSession, user: ScriptedUser
) -> None:
    form = aiohttp.FormData()
    form.add_field("chat_id", str(user.id))
    form.add_field("document", PAGE.encode(), filename="x.html", content_type="text/html")
    posted = await http.post(_api("sendDocument"), data=form, headers={"Origin": "null"})
    assert posted.status == 403
    assert user.transcript == []


async def test_a_rebound_name_reads_neither_updates_nor_files(
    emulator: BotApiEmulator, http: aiohttp.ClientSession, user: ScriptedUser
) -> None:
    message, _ = emulator.upload_document(user.id, b"%PDF-1.7 secret", "견적서.pdf")
    assert message.attachment is not None
    rebound = {"Host": f"evil.test:{emulator.port}"}
    updates = await http.post(_api("getUpdates"), json={"timeout": 0}, headers=rebound)
    assert updates.status == 403
    found = await http.post(_api("getFile"), json={"file_id": message.attachment.file_id})
    found.raise_for_status()
    path = (await found.json())["result"]["file_path"]
    for url in (
        f"/file/bot{EMULATOR_TOKEN}/{path}",
        f"/_control/files/{message.attachment.file_id}",
    ):
        stolen = await http.get(url, headers=rebound)
        assert stolen.status == 403, url
        assert b"secret" not in await stolen.read()
        own = await http.get(url)
        assert own.status == 200 and await own.read() == b"%PDF-1.7 secret"


async def test_files_are_downloads_that_run_no_script(
    emulator: BotApiEmulator, http: aiohttp.ClientSession, user: ScriptedUser
) -> None:
    message, _ = emulator.upload_document(
        user.id, PAGE.encode(), "메모.html", mime_type="text/html"
    )
    assert message.attachment is not None
    served = await http.get(f"/_control/files/{message.attachment.file_id}")
    assert served.status == 200
    assert served.headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%EB%A9%94%EB%AA%A8.html" in served.headers["Content-Disposition"]
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    policy = served.headers["Content-Security-Policy"]
    assert "sandbox" in policy and "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy


async def test_no_answer_may_be_framed(http: aiohttp.ClientSession) -> None:
    for response in (
        await http.get("/_control/users"),
        await http.post(_api("getMe")),
        await http.get("/no-such-route"),
    ):
        assert response.headers["Content-Security-Policy"] == "frame-ancestors 'none'"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_the_bot_and_the_own_page_still_pass(
    emulator: BotApiEmulator, http: aiohttp.ClientSession, user: ScriptedUser
) -> None:
    own = {"Origin": emulator.url, "Sec-Fetch-Site": "same-origin"}
    sent = await http.post(_api("sendMessage"), json={"chat_id": user.id, "text": "안녕"})
    assert sent.status == 200
    typed = await http.get("/_control/users", headers={"Sec-Fetch-Site": "none"})
    assert typed.status == 200
    page_call = await http.post(_api("getMe"), headers=own)
    assert page_call.status == 200
    assert [message.text for message in user.transcript] == ["안녕"]
