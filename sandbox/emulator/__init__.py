"""Telegram Bot API emulator: a real HTTP server PTB talks to, with scripted users.

Used by the test suite, the offline sandbox page and load benchmarks. Nothing here imports the
bot's own packages: the emulator only knows Telegram.
"""

from sandbox.emulator.emulator import BotApiEmulator
from sandbox.emulator.errors import ApiError
from sandbox.emulator.events import EventSubscription
from sandbox.emulator.faults import Fault, FaultKind
from sandbox.emulator.html_entities import (
    Entity,
    HtmlParseError,
    ParsedText,
    parse_html,
    render_html,
)
from sandbox.emulator.limits import Clock, EmulatorLimits, Settle
from sandbox.emulator.models import (
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
from sandbox.emulator.server import DEFAULT_TOKEN_PATTERN
from sandbox.emulator.updates import DeliveryTimeoutError
from sandbox.emulator.user import ScriptedUser

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
