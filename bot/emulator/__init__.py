"""Telegram Bot API emulator: a real HTTP server PTB talks to, with scripted users.

Used by the test suite, the offline sandbox page and load benchmarks. Nothing here imports the
bot's own packages: the emulator only knows Telegram.
"""

from bot.emulator.emulator import BotApiEmulator
from bot.emulator.errors import ApiError
from bot.emulator.events import EventSubscription
from bot.emulator.faults import Fault, FaultKind
from bot.emulator.html_entities import Entity, HtmlParseError, ParsedText, parse_html, render_html
from bot.emulator.limits import Clock, EmulatorLimits, Settle
from bot.emulator.models import (
    ApiCall,
    Attachment,
    Button,
    CallbackQueryRecord,
    ChatMessage,
    ExpectedRejection,
    Toast,
    UserInfo,
    format_transcript,
)
from bot.emulator.server import DEFAULT_TOKEN_PATTERN
from bot.emulator.updates import DeliveryTimeoutError
from bot.emulator.user import ScriptedUser

__all__ = [
    "DEFAULT_TOKEN_PATTERN",
    "ApiCall",
    "ApiError",
    "Attachment",
    "BotApiEmulator",
    "Button",
    "CallbackQueryRecord",
    "ChatMessage",
    "Clock",
    "DeliveryTimeoutError",
    "EmulatorLimits",
    "Entity",
    "EventSubscription",
    "ExpectedRejection",
    "Fault",
    "FaultKind",
    "HtmlParseError",
    "ParsedText",
    "ScriptedUser",
    "Settle",
    "Toast",
    "UserInfo",
    "format_transcript",
    "parse_html",
    "render_html",
]
