"""The HTTP control API under /_control and the WebSocket event stream."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup

from sandbox.emulator import BotApiEmulator


@pytest.fixture
async def http(emulator: BotApiEmulator) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(base_url=emulator.url) as session:
        yield session


async def _create_user(http: aiohttp.ClientSession, first_name: str) -> int:
    created = await _json(await http.post("/_control/users", json={"first_name": first_name}), 201)
    return int(created["id"])


async def _json(response: aiohttp.ClientResponse, status: int = 200) -> Any:
    assert response.status == status, await response.text()
    return await response.json()


async def test_users_messages_and_transcript(
    emulator: BotApiEmulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    created = await _json(
        await http.post("/_control/users", json={"first_name": "민수", "language_code": "ko"}), 201
    )
    user_id = created["id"]
    assert created["blocked"] is False
    sent = await _json(
        await http.post(f"/_control/users/{user_id}/messages", json={"text": "/start"}), 201
    )
    assert sent["message"]["entities"][0]["type"] == "bot_command"
    (update,) = await bot.get_updates()
    assert update.update_id == sent["update_id"]
    await bot.send_message(
        user_id,
        "<b>어서 오세요</b>",
        parse_mode="HTML",
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("시작", callback_data="go")]]),
    )
    transcript = await _json(await http.get(f"/_control/chats/{user_id}/transcript"))
    assert [m["sender"] for m in transcript["messages"]] == ["user", "bot"]
    assert transcript["messages"][1]["html"] == "<b>어서 오세요</b>"
    tap = await _json(
        await http.post(f"/_control/users/{user_id}/taps", json={"text": "시작"}), 201
    )
    await bot.answer_callback_query(tap["callback_query_id"], text="좋아요")
    profile = await _json(await http.get(f"/_control/users/{user_id}"))
    assert profile["last_toast"] == {"text": "좋아요", "show_alert": False}
    users = await _json(await http.get("/_control/users"))
    assert [u["first_name"] for u in users["users"]] == ["민수"]


async def test_uploads_stickers_and_blocking(
    emulator: BotApiEmulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    user_id = await _create_user(http, "지영")
    form = aiohttp.FormData()
    form.add_field("file", b"col\n1\n", filename="목록.csv", content_type="text/csv")
    form.add_field("caption", "파일")
    document = await _json(await http.post(f"/_control/users/{user_id}/documents", data=form), 201)
    attachment = document["message"]["attachment"]
    assert (attachment["file_name"], attachment["mime_type"]) == ("목록.csv", "text/csv")
    file = await http.get(f"/_control/files/{attachment['file_id']}")
    assert await file.read() == b"col\n1\n"
    photo_form = aiohttp.FormData()
    photo_form.add_field("file", b"\x89PNG\r\n\x1a\n" + b"\0" * 16, filename="p.png")
    photo = await _json(await http.post(f"/_control/users/{user_id}/photos", data=photo_form), 201)
    assert photo["message"]["attachment"]["kind"] == "photo"
    await _json(await http.post(f"/_control/users/{user_id}/stickers", json={}), 201)
    blocked = await _json(await http.post(f"/_control/users/{user_id}/block"))
    assert blocked["update_id"] is not None
    assert (await _json(await http.get(f"/_control/users/{user_id}")))["blocked"] is True
    await _json(await http.post(f"/_control/users/{user_id}/unblock"))
    kinds = [u.effective_message is not None for u in await bot.get_updates()]
    assert kinds == [True, True, True, False, False]


async def test_faults_outage_calls_and_errors(
    emulator: BotApiEmulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    await _json(
        await http.post(
            "/_control/faults", json={"kind": "server_error", "method": "getMe", "count": 2}
        ),
        201,
    )
    faults = await _json(await http.get("/_control/faults"))
    assert faults["faults"][0]["remaining"] == 2
    await _json(await http.delete("/_control/faults"))
    assert (await _json(await http.post("/_control/outage", json={"active": True})))["outage"]
    assert not (await _json(await http.post("/_control/outage", json={"active": False})))["outage"]
    emulator.expect_rejection("chat not found")
    with pytest.raises(Exception, match="Chat not found"):
        await bot.send_message(1, "x")
    calls = await _json(await http.get("/_control/calls?method=sendMessage"))
    assert [c["status"] for c in calls["calls"]] == [400]
    errors = await _json(await http.get("/_control/errors"))
    assert errors["rejected"][0]["description"] == "Bad Request: chat not found"
    assert errors["problems"] == []
    assert (await _json(await http.get("/_control/callbacks/unanswered")))["callbacks"] == []


async def test_faults_for_one_chat_with_a_chosen_status_and_delay(
    emulator: BotApiEmulator, http: aiohttp.ClientSession
) -> None:
    body = {"kind": "server_error", "chat_id": 42, "status": 503, "method": "sendMessage"}
    await _json(await http.post("/_control/faults", json=body), 201)
    delay = {"kind": "delay", "seconds": 0.5}
    await _json(await http.post("/_control/faults", json=delay), 201)
    faults = (await _json(await http.get("/_control/faults")))["faults"]
    first = faults[0]
    assert (first["kind"], first["chat_id"], first["status"]) == ("server_error", 42, 503)
    assert faults[1]["seconds"] == 0.5
    outage = {"active": True, "chat_id": 42, "method": "sendMessage", "status": 504}
    assert (await _json(await http.post("/_control/outage", json=outage)))["outage"]
    assert emulator.faults.outages[0].chat_id == 42


async def test_control_errors_are_json(http: aiohttp.ClientSession) -> None:
    missing = await _json(await http.get("/_control/users/42"), 404)
    assert "42" in missing["error"]
    invalid = await _json(await http.post("/_control/users", json={}), 400)
    assert "first_name" in invalid["error"]
    user_id = await _create_user(http, "A")
    no_button = await _json(
        await http.post(f"/_control/users/{user_id}/taps", json={"text": "x"}), 400
    )
    assert "no inline keyboard" in no_button["error"]


async def test_websocket_event_stream(
    emulator: BotApiEmulator, bot: Bot, http: aiohttp.ClientSession
) -> None:
    user = emulator.create_user("민수", started=True)
    other = emulator.create_user("지영", started=True)
    async with http.ws_connect(f"/_control/events?chat_id={user.id}") as socket:

        async def next_event() -> dict[str, Any]:
            event: dict[str, Any] = await asyncio.wait_for(socket.receive_json(), 5)
            return event

        await bot.send_message(other.id, "다른 채팅")  # filtered out by chat_id
        sent = await bot.send_message(
            user.id,
            "안녕",
            reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("예", callback_data="y")]]),
        )
        created, call = [await next_event() for _ in range(2)]
        assert (created["type"], call["type"]) == ("message.created", "api.call")
        assert created["chat_id"] == user.id
        assert created["message"]["text"] == "안녕"
        assert created["message"]["inline_keyboard"] == [[{"text": "예", "callback_data": "y"}]]
        assert (call["method"], call["ok"], call["status"]) == ("sendMessage", True, 200)
        await bot.edit_message_text("안녕!", user.id, sent.message_id)
        edited = [await next_event() for _ in range(2)]
        assert edited[0]["type"] == "message.edited" and edited[0]["message"]["edited"]
        await bot.delete_message(user.id, sent.message_id)
        deleted = [await next_event() for _ in range(2)]
        assert deleted[0]["type"] == "message.deleted" and deleted[0]["message"]["deleted"]


async def test_in_process_subscription_sees_toasts(emulator: BotApiEmulator, bot: Bot) -> None:
    user = emulator.create_user("민수", started=True)
    await bot.send_message(
        user.id,
        "골라",
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("예", callback_data="y")]]),
    )
    async with emulator.subscribe(user.id) as events:
        query_id, _ = emulator.tap(user.id, "예")
        await bot.answer_callback_query(query_id, text="완료", show_alert=True)
        seen = [await events.next() for _ in range(2)]
    assert seen[0] == {
        "type": "callback.answered",
        "chat_id": user.id,
        "user_id": user.id,
        "callback_query_id": query_id,
        "text": "완료",
        "show_alert": True,
    }
    assert seen[1]["type"] == "api.call" and seen[1]["method"] == "answerCallbackQuery"


async def test_cross_site_and_rebound_requests_are_refused(
    emulator: BotApiEmulator, http: aiohttp.ClientSession
) -> None:
    before = await _json(await http.get("/_control/users"))
    forged = await http.post(
        "/_control/users",
        data='{"first_name": "Mallory"}',
        headers={"Content-Type": "text/plain"},
    )
    assert forged.status == 403
    cross_site = await http.post(
        "/_control/users", json={"first_name": "Mallory"}, headers={"Origin": "https://evil.test"}
    )
    assert cross_site.status == 403
    rebound = await http.get("/_control/users", headers={"Host": f"evil.test:{emulator.port}"})
    assert rebound.status == 403
    assert await _json(await http.get("/_control/users")) == before
    own_page = await http.post(
        "/_control/users",
        json={"first_name": "민수"},
        headers={"Origin": emulator.url},
    )
    assert own_page.status == 201
