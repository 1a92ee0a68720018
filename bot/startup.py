"""Reaching Telegram at start-up: retry with growing pauses, one log line per attempt.

Telegram (or the network to it) is sometimes down when the bot starts; a service manager
restarting a crashed process in a loop helps nobody. A rejected token or a malformed address
is no passing fault: those end start-up, and the command line says which in one line.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from telegram.error import InvalidToken, NetworkError, RetryAfter, TelegramError, TimedOut

__all__ = ["Backoff", "StartupAbandonedError", "with_retries"]

logger = logging.getLogger("sotong.startup")


class StartupAbandonedError(Exception):
    """A stop was requested while start-up was still waiting for Telegram."""


@dataclass(frozen=True, slots=True)
class Backoff:
    """Pauses between attempts: `first` seconds, doubling up to `longest`."""

    first: float = 1.0
    longest: float = 60.0

    def pause(self, attempt: int) -> float:
        """The pause after failed attempt number `attempt` (1-based)."""
        return min(self.longest, self.first * 2.0 ** (attempt - 1))


def _reason(error: TelegramError) -> str:
    """What failed, in words; PTB's texts carry no token, the transport's are redacted."""
    if isinstance(error, TimedOut):
        return "timed out"
    return str(error) or type(error).__name__


async def with_retries(
    step: Callable[[], Awaitable[None]],
    what: str,
    *,
    backoff: Backoff,
    stop: asyncio.Event | None = None,
) -> None:
    """Run `step` until it succeeds, pausing between attempts; stop early when asked to.

    Raises:
        InvalidToken: Telegram answered 401.
        NetworkError: BOT_API_BASE_URL is malformed, so no attempt can succeed.
        StartupAbandonedError: `stop` was set while waiting.

    """
    attempt = 0
    while True:
        attempt += 1
        try:
            await step()
        except InvalidToken:
            raise
        except NetworkError as exc:
            if isinstance(exc.__cause__, ValueError):
                raise  # a malformed BOT_API_BASE_URL (a port out of range) will not heal
            pause = backoff.pause(attempt)
            reason = _reason(exc)
        except RetryAfter as exc:
            wait = exc.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            pause = max(backoff.pause(attempt), seconds)
            reason = _reason(exc)
        except TelegramError as exc:
            pause = backoff.pause(attempt)
            reason = _reason(exc)
        else:
            return
        logger.warning(
            "could not %s (attempt %d: %s); trying again in %g s", what, attempt, reason, pause
        )
        if stop is None:
            await asyncio.sleep(pause)
            continue
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), pause)
        if stop.is_set():
            raise StartupAbandonedError
