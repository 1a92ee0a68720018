"""The numbers Telegram enforces, gathered in one immutable object a test can tighten or lift."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

__all__ = ["Clock", "EmulatorLimits", "Settle"]

Clock = Callable[[], float]
"""A monotonic clock in seconds; injectable so limit tests advance time instead of sleeping."""

Settle = Callable[[], Awaitable[None]]
"""Awaited after each user action once the bot has the update (the app's "work is done" hook)."""


@dataclass(frozen=True, slots=True)
class EmulatorLimits:
    """Every limit the emulator enforces, with Telegram's defaults.

    Frozen so one test's tightening cannot leak into another; derive variants with
    ``dataclasses.replace`` or :meth:`without_flood_control`.

    Attributes:
        max_text: message text length after entity parsing, in UTF-16 code units.
        max_caption: caption length after entity parsing, in UTF-16 code units.
        max_callback_data: ``callback_data`` size in UTF-8 bytes.
        max_entities: formatting entities kept in one text or caption; Telegram keeps the first
            100 and sends the rest of the text unformatted, without an error.
        max_upload_bytes: largest file a bot may upload (50 MB on the public Bot API).
        max_download_bytes: largest file ``getFile`` serves (20 MB on the public Bot API).
        callback_query_timeout: seconds after which a callback query can no longer be answered.
        flood_control: master switch for the three flood limits below. Each sent *or edited*
            message spends one: Telegram's limits for editing are the ones for sending, shared
            (tdlib/td#2592, #3034). ``answerCallbackQuery`` is never limited
            (tdlib/telegram-bot-api#648).
        global_rate: sending and editing calls per second across all chats.
        global_burst: how many sending and editing calls may arrive at once across all chats.
        private_rate: sustained messages (sent or edited) per second in one private chat.
        private_burst: messages tolerated at once in one private chat (tests click fast).
        group_rate: sustained messages per second in one group (20 per minute).
        group_burst: messages tolerated at once in one group.

    """

    max_text: int = 4096
    max_caption: int = 1024
    max_callback_data: int = 64
    max_entities: int = 100
    max_upload_bytes: int = 50 * 1024 * 1024
    max_download_bytes: int = 20 * 1024 * 1024
    callback_query_timeout: float = 15.0
    flood_control: bool = True
    global_rate: float = 30.0
    global_burst: int = 30
    private_rate: float = 1.0
    private_burst: int = 20
    group_rate: float = 20 / 60
    group_burst: int = 20

    def without_flood_control(self) -> EmulatorLimits:
        """Return a copy with flood control off, for benchmarks that measure the bot itself."""
        return replace(self, flood_control=False)
