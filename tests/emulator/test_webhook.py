"""setWebhook: updates are POSTed to a loopback URL with the secret, kept until answered 2xx."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot
from telegram.error import BadRequest, Conflict

from sandbox.emulator import BotApiEmulator, ScriptedUser

SECRET = "s3cret-Token_for-tests"


async def _until(condition: Callable[[], bool], within: float = 5.0) -> None:
    """Poll a cheap condition: a failed delivery has no event to wait on."""
    deadline = time.monotonic() + within
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.01)


class Receiver:
    """A bot's webhook endpoint on loopback that answers with the statuses it is told to."""

    def __init__(self) -> None:
        self.received: list[tuple[str | None, dict[str, Any]]] = []
        self.statuses: list[int] = []
        self.arrived = asyncio.Event()
        self.url = ""

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.received.append((request.headers.get("X-Telegram-Bot-Api-Secret-Token"), body))
        self.arrived.set()
        return web.Response(status=self.statuses.pop(0) if self.statuses else 200)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    instance = Receiver()
    app = web.Application()
    app.router.add_post("/hook", instance.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    instance.url = f"http://127.0.0.1:{port}/hook"
    try:
        yield instance
    finally:
        await runner.cleanup()


async def test_updates_are_posted_with_the_secret_in_order(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser, receiver: Receiver
) -> None:
    assert await bot.set_webhook(receiver.url, secret_token=SECRET, allowed_updates=["message"])
    for text in ("하나", "둘", "셋"):
        emulator.send_text(user.id, text)
    await emulator.wait_delivered()
    assert [secret for secret, _ in receiver.received] == [SECRET] * 3
    assert [body["message"]["text"] for _, body in receiver.received] == ["하나", "둘", "셋"]
    info = await bot.get_webhook_info()
    assert info.url == receiver.url
    assert info.pending_update_count == 0
    assert info.allowed_updates == ("message",)


async def test_an_update_is_retried_until_the_bot_answers_2xx(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser, receiver: Receiver
) -> None:
    receiver.statuses = [500, 403]
    await bot.set_webhook(receiver.url, secret_token=SECRET)
    update_id = emulator.send_text(user.id, "다시")[1]
    await emulator.wait_delivered(update_id)
    assert [attempt.status for attempt in emulator.state.webhook.attempts] == [500, 403, 200]
    assert len(receiver.received) == 3
    info = await bot.get_webhook_info()
    assert info.last_error_message == "Wrong response from the webhook: 403"


async def test_an_unreachable_bot_keeps_its_updates(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser, receiver: Receiver
) -> None:
    await bot.set_webhook("http://127.0.0.1:9/nobody", secret_token=SECRET)
    emulator.send_text(user.id, "안녕")
    await _until(lambda: bool(emulator.state.webhook.attempts))
    assert emulator.state.webhook.attempts[0].status == 0
    assert emulator.state.updates.pending_count == 1
    await bot.set_webhook(receiver.url, secret_token=SECRET)
    await emulator.wait_delivered()
    assert receiver.received[0][1]["message"]["text"] == "안녕"


async def test_get_updates_conflicts_while_a_webhook_is_set(
    emulator: BotApiEmulator, bot: Bot, receiver: Receiver
) -> None:
    await bot.set_webhook(receiver.url)
    emulator.expect_rejection(method="getUpdates", status=409)
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    assert await bot.delete_webhook()
    assert await bot.get_updates() == ()
    assert (await bot.get_webhook_info()).url == ""


@pytest.mark.parametrize(
    ("url", "secret", "error"),
    [
        ("ftp://127.0.0.1/hook", None, "An HTTPS URL must be provided"),
        ("https://example.org/hook", None, "loopback addresses only"),
        ("http://127.0.0.1:8443/hook", "has spaces", "secret token contains unallowed"),
        ("https://127.0.0.1:9443/hook", None, "only on ports 80, 88, 443 or 8443"),
        ("https://localhost:8080/hook", None, "only on ports 80, 88, 443 or 8443"),
        ("https://127.0.0.1:99999/hook", None, "invalid webhook URL specified"),
    ],
)
async def test_what_cannot_be_delivered_is_refused(
    emulator: BotApiEmulator, bot: Bot, url: str, secret: str | None, error: str
) -> None:
    emulator.expect_rejection(method="setWebhook", status=400)
    with pytest.raises(BadRequest, match=f"(?i){error}"):
        await bot.set_webhook(url, secret_token=secret)
    assert not emulator.state.webhook.active


@pytest.mark.parametrize("url", ["https://127.0.0.1/hook", "https://localhost:8443/hook"])
async def test_https_on_a_port_telegram_posts_to_is_accepted(
    emulator: BotApiEmulator, bot: Bot, url: str
) -> None:
    assert await bot.set_webhook(url, secret_token=SECRET)
    assert (await bot.get_webhook_info()).url == url
    await bot.delete_webhook()
