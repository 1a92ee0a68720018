"""Logging set-up that keeps the bot token out of every line, httpx's request URLs included."""

from __future__ import annotations

import logging
import re

__all__ = ["RedactingFormatter", "configure_logging", "redact"]

_TOKEN = re.compile(r"\d{3,}:[A-Za-z0-9_-]{20,}")


def redact(text: str) -> str:
    """Mask anything shaped like a bot token."""
    return _TOKEN.sub("<token>", text)


class RedactingFormatter(logging.Formatter):
    """httpx logs every request URL and Telegram puts the token in the URL path.

    Redacting the formatted line (not the record) also covers tracebacks, whose exception
    texts quote URLs too.
    """

    def format(self, record: logging.LogRecord) -> str:
        """Format as usual, then mask the token."""
        return redact(super().format(record))


def configure_logging(level: str) -> None:
    """Log to stderr at `level` through the redacting formatter; httpx only from WARNING."""
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(max(logging.WARNING, root.level))
