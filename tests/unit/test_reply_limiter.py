"""Replies are paced per chat; a 429 holds back its own chat only; other sends pass through."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

import pytest
from telegram.error import RetryAfter

from bot.reply_limiter import ReplyLimiter, ReplyLimits, handling_update

LIMITS = ReplyLimits(rate_per_second=1000, chat_burst=2, chat_interval=0.05)


class _Calls:
    def __init__(self, fail_for: int | None = None) -> None:
        self.chats: list[int] = []
        self.fail_for = fail_for

    async def __call__(self, chat_id: int) -> dict[str, Any]:
        self.chats.append(chat_id)
        if chat_id == self.fail_for:
            self.fail_for = None
            raise RetryAfter(30)
        return {"ok": True}


async def _send(limiter: ReplyLimiter, calls: _Calls, chat_id: int) -> None:
    await limiter.process_request(calls, (chat_id,), {}, "sendMessage", {"chat_id": chat_id}, None)


async def test_sends_outside_update_handling_are_not_paced() -> None:
    limiter, calls = ReplyLimiter(LIMITS), _Calls()
    started = time.monotonic()
    for _ in range(10):
        await _send(limiter, calls, 1)
    assert time.monotonic() - started < 0.04
    assert calls.chats == [1] * 10


async def test_replies_to_one_chat_are_spaced_after_its_burst_and_others_are_not() -> None:
    limiter, calls = ReplyLimiter(LIMITS), _Calls()
    token = handling_update.set(True)
    try:
        started = time.monotonic()
        for _ in range(3):
            await _send(limiter, calls, 1)
        assert time.monotonic() - started >= 0.04
        started = time.monotonic()
        await _send(limiter, calls, 2)
        assert time.monotonic() - started < 0.03
    finally:
        handling_update.reset(token)


async def test_a_429_holds_back_its_chat_only_and_is_not_retried() -> None:
    limiter, calls = ReplyLimiter(LIMITS), _Calls(fail_for=1)
    token = handling_update.set(True)
    try:
        with pytest.raises(RetryAfter):
            await _send(limiter, calls, 1)
        with pytest.raises(RetryAfter):
            await _send(limiter, calls, 1)  # refused here, without reaching Telegram
        await _send(limiter, calls, 2)
    finally:
        handling_update.reset(token)
    assert calls.chats == [1, 2]


class _Edits:
    """An edit Telegram refuses `refusals` times with a 429 asking to wait `retry_after`."""

    def __init__(self, refusals: int, retry_after: float) -> None:
        self.refusals = refusals
        self.retry_after = retry_after
        self.attempts = 0

    async def __call__(self) -> dict[str, Any]:
        self.attempts += 1
        if self.attempts <= self.refusals:
            raise RetryAfter(timedelta(seconds=self.retry_after))
        return {"ok": True}


async def _edit(limiter: ReplyLimiter, edits: _Edits, chat_id: int = 1) -> object:
    token = handling_update.set(True)
    try:
        return await limiter.process_request(
            edits, (), {}, "editMessageText", {"chat_id": chat_id}, None
        )
    finally:
        handling_update.reset(token)


async def test_edits_are_paced_with_sends_in_the_same_chat_budget() -> None:
    limiter, calls = ReplyLimiter(LIMITS), _Calls()
    token = handling_update.set(True)
    try:
        await _send(limiter, calls, 1)
        await _edit(limiter, _Edits(0, 0))
        started = time.monotonic()
        await _edit(limiter, _Edits(0, 0))
        assert time.monotonic() - started >= 0.04
    finally:
        handling_update.reset(token)


async def test_a_short_429_on_an_edit_is_waited_out_once_and_the_edit_lands() -> None:
    limiter = ReplyLimiter(ReplyLimits(1000, 2, 0.05, wait_out=0.2))
    edits = _Edits(1, 0.1)
    started = time.monotonic()
    assert await _edit(limiter, edits) == {"ok": True}
    assert time.monotonic() - started >= 0.09
    assert edits.attempts == 2


async def test_a_429_after_the_wait_or_a_long_one_reaches_the_handler() -> None:
    limiter = ReplyLimiter(ReplyLimits(1000, 2, 0.05, wait_out=0.2))
    twice = _Edits(2, 0.05)
    with pytest.raises(RetryAfter):
        await _edit(limiter, twice)
    assert twice.attempts == 2
    long = _Edits(1, 30)
    with pytest.raises(RetryAfter):
        await _edit(limiter, long, chat_id=2)
    assert long.attempts == 1
