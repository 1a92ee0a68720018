"""Output that keeps the bot token and users' data out of every line, tracebacks included.

`redact` is the one mechanism: the log formatter applies it to each record, and `redacted_output`
applies it to everything the command line writes to stdout and stderr, whoever writes it (our
reports, argparse, a library's warning), so no path can forget it.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import TextIO, cast
from urllib.parse import quote

__all__ = [
    "RedactingFormatter",
    "RedactingStream",
    "configure_logging",
    "redact",
    "redacted_output",
    "register_secrets",
]

_TOKEN = re.compile(r"(?<!\d)\d{3,}:[A-Za-z0-9_-]{20,}")
_SECRETS: set[str] = set()
_PAYLOAD_LOGGERS = ("aiosqlite", "telegram", "httpx", "aiohttp", "apscheduler")
"""Libraries whose DEBUG lines quote SQL parameters, rows, update payloads or API parameters."""

logger = logging.getLogger("sotong")


def redact(text: str) -> str:
    """Mask anything shaped like a bot token, and the configured secrets however quoted."""
    for secret in _SECRETS:
        text = text.replace(secret, "<token>")
    return _TOKEN.sub("<token>", text)


def register_secrets(secrets: Iterable[str]) -> None:
    """Mask these values too (the token, the webhook secret, API keys), also URL-quoted."""
    _SECRETS.update(
        variant for secret in secrets if secret for variant in (secret, quote(secret, safe=""))
    )


class RedactingStream:
    """A text stream that writes whole lines through `redact`.

    Lines are held until their newline (a token never spans one), so a message written in
    pieces is still masked; `flush` lets a pending partial line go, masked too.
    """

    def __init__(self, target: TextIO) -> None:
        self._target = target
        self._pending = ""
        self.encoding = target.encoding
        self.errors = target.errors

    def writable(self) -> bool:
        """Always: this stream only writes."""
        return True

    def isatty(self) -> bool:
        """Whatever the wrapped stream says, so colour and progress decisions stay the same."""
        return self._target.isatty()

    def write(self, text: str) -> int:
        """Pass on every complete line, masked; keep the rest for the next write or flush."""
        complete, newline, self._pending = (self._pending + text).rpartition("\n")
        if newline:
            self._target.write(redact(complete + newline))
        return len(text)

    def flush(self) -> None:
        """Write the pending partial line, masked, and flush the wrapped stream."""
        if self._pending:
            self._target.write(redact(self._pending))
            self._pending = ""
        self._target.flush()


@contextmanager
def redacted_output() -> Iterator[None]:
    """Send stdout and stderr through `redact` until the block ends (the command line's life)."""
    saved = sys.stdout, sys.stderr
    streams = RedactingStream(saved[0]), RedactingStream(saved[1])
    sys.stdout, sys.stderr = cast("TextIO", streams[0]), cast("TextIO", streams[1])
    try:
        yield
    finally:
        for stream in streams:
            stream.flush()
        sys.stdout, sys.stderr = saved


class RedactingFormatter(logging.Formatter):
    """The Bot API puts the token in every request URL, and error texts quote URLs.

    Redacting the formatted line (not the record) also covers tracebacks.
    """

    def format(self, record: logging.LogRecord) -> str:
        """Format as usual, then mask the token."""
        return redact(super().format(record))


def _log_uncaught(
    kind: type[BaseException], value: BaseException, traceback: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, traceback)
        return
    logger.critical("unexpected error", exc_info=(kind, value, traceback))


def _log_uncaught_in_thread(arguments: threading.ExceptHookArgs) -> None:
    if arguments.exc_value is None:
        return
    logger.critical(
        "unexpected error in thread %s",
        arguments.thread.name if arguments.thread else "?",
        exc_info=(arguments.exc_type, arguments.exc_value, arguments.exc_traceback),
    )


def configure_logging(level: str, *, payloads: bool = False, secrets: Iterable[str] = ()) -> None:
    """Log to stderr at `level` through the redacting formatter, uncaught errors included.

    Third-party libraries stay at INFO or above unless `payloads` (LOG_PAYLOADS) is set: at
    DEBUG, aiosqlite prints SQL parameters and PTB prints whole updates, which would tie an
    anonymous submission to its sender's user id in the log.
    """
    register_secrets(secrets)
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(max(logging.WARNING, root.level))
    for name in _PAYLOAD_LOGGERS:
        if name != "httpx":
            logging.getLogger(name).setLevel(
                logging.NOTSET if payloads else max(logging.INFO, root.level)
            )
    # A traceback that escapes every handler still goes through the formatter above.
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread
