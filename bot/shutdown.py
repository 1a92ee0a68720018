"""Stopping on Ctrl-C or SIGTERM, the same way for the bot and the sandbox."""

from __future__ import annotations

import asyncio
import contextlib
import signal

__all__ = ["stop_requested"]


def stop_requested() -> asyncio.Event:
    """An event set by SIGINT or SIGTERM, so the caller can shut down in order, not mid-update.

    Platforms without loop signal handlers (Windows) fall back to KeyboardInterrupt.
    """
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    return stop
