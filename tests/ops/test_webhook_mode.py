"""Webhook mode end to end: the emulator posts to the bot's server; strangers get 403."""

from __future__ import annotations

import json
import logging
from typing import Any

import aiohttp
import pytest

from tests.fixtures.app import BotHarness
from tests.ops.support import WEBHOOK_SECRET, free_port, webhook_settings


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    return webhook_settings(free_port())


def _listen_url(sotong: BotHarness, path: str) -> str:
    host, port = sotong.settings.webhook_address
    return f"http://{host}:{port}{path}"


async def test_updates_arrive_by_webhook_and_are_answered(sotong: BotHarness) -> None:
    [call] = sotong.emulator.calls("setWebhook")
    assert call.params["url"] == sotong.settings.webhook_url
    assert call.params["secret_token"] == WEBHOOK_SECRET
    assert json.loads(call.params["allowed_updates"]) == [
        "message",
        "callback_query",
        "my_chat_member",
    ]
    assert call.params.get("drop_pending_updates") in (None, False, "false")
    assert not sotong.emulator.calls("getUpdates")
    user = sotong.user("웹훅")
    await user.send("/start")
    assert "사용할 언어를 골라 주세요" in (user.reply().text or "")
    assert [attempt.status for attempt in sotong.emulator.state.webhook.attempts] == [200]


@pytest.mark.parametrize("secret", [None, "wrong-secret-of-good-shape"])
async def test_a_request_without_the_secret_gets_403_and_its_body_is_not_logged(
    sotong: BotHarness, caplog: pytest.LogCaptureFixture, secret: str | None
) -> None:
    body = {"update_id": 1, "message": {"text": "PRIVATE-BODY-TEXT"}}
    headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
    with caplog.at_level(logging.INFO):
        async with (
            aiohttp.ClientSession() as session,
            session.post(_listen_url(sotong, "/telegram"), json=body, headers=headers) as answer,
        ):
            assert answer.status == 403
    refused = [record for record in caplog.records if "refused (403)" in record.getMessage()]
    assert len(refused) == 1
    assert "PRIVATE-BODY-TEXT" not in caplog.text
    assert sotong.application.update_queue.empty()


async def test_healthz_reports_the_database_and_the_queues(sotong: BotHarness) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.get(_listen_url(sotong, "/healthz")) as answer,
    ):
        assert answer.status == 200
        health = await answer.json()
    assert health["status"] == "ok"
    assert health["database"]["ok"] is True
    assert health["database"]["schema_version"] >= 9
    assert health["queue"] == {"updates_waiting": 0, "updates_in_progress": 0, "outbox_pending": 0}
