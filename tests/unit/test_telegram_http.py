"""The aiohttp transport behind PTB: bodies, uploads and failures as PTB expects them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from telegram import Bot
from telegram.error import BadRequest, NetworkError, RetryAfter

from bot.telegram_http import AiohttpRequest
from sandbox.emulator import BotApiEmulator
from tests.fixtures.emulator import EMULATOR_TOKEN


@pytest.fixture
async def bot(emulator: BotApiEmulator) -> AsyncIterator[Bot]:
    instance = Bot(
        EMULATOR_TOKEN,
        base_url=emulator.base_url,
        base_file_url=emulator.base_file_url,
        request=AiohttpRequest(),
        get_updates_request=AiohttpRequest(connection_pool_size=1),
    )
    async with instance:
        yield instance


async def test_form_bodies_keyboards_and_uploads_round_trip(
    bot: Bot, emulator: BotApiEmulator
) -> None:
    user = emulator.create_user("민수", started=True)
    sent = await bot.send_message(user.id, "<b>안녕</b> 하세요", parse_mode="HTML")
    assert sent.text == "안녕 하세요"
    document = await bot.send_document(user.id, b"a,b\n1,2\n", filename="counts.csv")
    assert document.document is not None
    assert document.document.file_name == "counts.csv"
    downloaded = await (await bot.get_file(document.document.file_id)).download_as_bytearray()
    assert bytes(downloaded) == b"a,b\n1,2\n"


async def test_telegram_errors_keep_their_meaning(bot: Bot, emulator: BotApiEmulator) -> None:
    user = emulator.create_user("민수", started=True)
    emulator.expect_rejection("message text is empty")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(user.id, "")
    emulator.inject_fault("retry_after", method="sendMessage", retry_after=7)
    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(user.id, "hello")
    assert raised.value.retry_after == timedelta(seconds=7)


async def test_a_dropped_connection_is_a_network_error(bot: Bot, emulator: BotApiEmulator) -> None:
    user = emulator.create_user("민수", started=True)
    emulator.inject_fault("drop", method="sendMessage")
    with pytest.raises(NetworkError, match="aiohttp"):
        await bot.send_message(user.id, "hello")
    assert (await bot.send_message(user.id, "again")).text == "again"


async def test_shutdown_twice_and_use_before_initialise() -> None:
    request = AiohttpRequest()
    with pytest.raises(RuntimeError, match="not initialized"):
        await request.do_request("http://127.0.0.1:9/", "POST")
    await request.initialize()
    await request.shutdown()
    await request.shutdown()
    assert request.read_timeout == 5.0
