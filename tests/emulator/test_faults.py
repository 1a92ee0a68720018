"""Injected failures: 429, 500, dropped connections and outages; none blames the bot."""

from __future__ import annotations

import asyncio
import datetime as dtm

import pytest
from telegram import Bot
from telegram.error import NetworkError, RetryAfter

from sandbox.emulator import BotApiEmulator, FaultKind, ScriptedUser
from tests.emulator.conftest import FakeClock


@pytest.fixture
def emulator_clock() -> FakeClock:
    return FakeClock()


async def test_injected_retry_after(emulator: BotApiEmulator, bot: Bot, user: ScriptedUser) -> None:
    emulator.inject_fault(FaultKind.RETRY_AFTER, method="sendMessage", retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(user.id, "첫 시도")
    assert caught.value.retry_after == dtm.timedelta(seconds=7)
    await bot.send_message(user.id, "둘째 시도")
    assert [m.text for m in user.transcript] == ["둘째 시도"]
    (failed, succeeded) = emulator.calls("sendMessage")
    assert failed.injected and failed.status == 429 and not failed.rejected
    assert succeeded.ok


async def test_injected_server_error_for_any_method(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    emulator.inject_fault("server_error", count=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.send_chat_action(user.id, "typing")
    assert await bot.send_chat_action(user.id, "typing")


async def test_dropped_connection(emulator: BotApiEmulator, bot: Bot, user: ScriptedUser) -> None:
    emulator.inject_fault(FaultKind.DROP, method="sendMessage")
    with pytest.raises(NetworkError):
        await bot.send_message(user.id, "사라짐")
    assert user.transcript == []
    assert emulator.calls("sendMessage")[0].status == 0
    await bot.send_message(user.id, "도착")


async def test_outage_switch(emulator: BotApiEmulator, bot: Bot, user: ScriptedUser) -> None:
    async with emulator.outage():
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.send_message(user.id, "장애 중")
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.get_updates()
    await bot.send_message(user.id, "복구")
    assert emulator.conformance_problems() == []


async def test_outage_window_ends_by_the_clock(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser, emulator_clock: FakeClock
) -> None:
    emulator.start_outage(30)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(user.id, "장애 중")
    emulator_clock.advance(30)
    await bot.send_message(user.id, "복구")


async def test_clear_faults(emulator: BotApiEmulator, bot: Bot, user: ScriptedUser) -> None:
    emulator.inject_fault("retry_after", count=5)
    emulator.start_outage()
    emulator.clear_faults()
    await bot.send_message(user.id, "정상")


async def test_an_outage_narrowed_to_one_method_and_one_chat(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser, emulator_clock: FakeClock
) -> None:
    other = emulator.create_user("지영", started=True)
    emulator.start_outage(4, method="sendMessage", chat_id=user.id)
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(user.id, "장애 중")
    await bot.send_message(other.id, "다른 대화는 정상")
    await bot.send_chat_action(user.id, "typing")
    emulator_clock.advance(4)
    await bot.send_message(user.id, "복구")
    assert [m.text for m in user.transcript] == ["복구"]
    assert [m.text for m in other.transcript] == ["다른 대화는 정상"]
    (failed,) = [c for c in emulator.calls("sendMessage") if not c.ok]
    assert failed.injected and failed.status == 502


async def test_a_fault_narrowed_to_one_chat_waits_for_a_call_into_it(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    other = emulator.create_user("지영", started=True)
    emulator.inject_fault("server_error", method="sendMessage", chat_id=other.id)
    await bot.send_message(user.id, "먼저")
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.send_message(other.id, "실패")
    await bot.send_message(other.id, "성공")
    assert emulator.faults.pending == []


async def test_server_error_for_one_chat_only(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    other = emulator.create_user("다른 사용자", started=True)
    emulator.inject_fault("server_error", chat_id=user.id, status=503, count=2)
    await bot.send_message(other.id, "영향 없음")
    with pytest.raises(NetworkError, match="Service Unavailable"):
        await bot.send_message(user.id, "실패")
    with pytest.raises(NetworkError, match="Service Unavailable"):
        await bot.send_chat_action(user.id, "typing")
    await bot.send_message(user.id, "회복")
    assert [m.text for m in user.transcript] == ["회복"]


async def test_outage_of_one_method_and_of_one_chat(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    other = emulator.create_user("다른 사용자", started=True)
    async with emulator.outage(method="sendMessage", status=504):
        with pytest.raises(NetworkError, match="Gateway Timeout"):
            await bot.send_message(other.id, "장애 중")
        assert await bot.send_chat_action(other.id, "typing")
    async with emulator.outage(chat_id=user.id):
        with pytest.raises(NetworkError, match="Bad Gateway"):
            await bot.send_message(user.id, "이 채팅만 장애")
        await bot.send_message(other.id, "다른 채팅은 정상")
    await bot.send_message(user.id, "복구")
    assert emulator.conformance_problems() == []


async def test_delay_answers_late_but_answers(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    emulator.inject_fault(FaultKind.DELAY, method="sendMessage", chat_id=user.id, seconds=0.2)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await bot.send_message(user.id, "늦게 도착")
    assert loop.time() - started >= 0.2
    assert [m.text for m in user.transcript] == ["늦게 도착"]


def test_fault_arguments_are_checked(emulator: BotApiEmulator) -> None:
    with pytest.raises(ValueError, match="server error"):
        emulator.inject_fault("server_error", status=418)
    with pytest.raises(ValueError, match="seconds"):
        emulator.inject_fault("delay")
    with pytest.raises(ValueError, match="server error"):
        emulator.start_outage(status=404)
