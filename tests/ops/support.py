"""Helpers for the operations tests: free ports and webhook settings."""

from __future__ import annotations

import socket
from typing import Any

WEBHOOK_SECRET = "webhook-Secret_for-the-tests-only"


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def webhook_settings(port: int) -> dict[str, Any]:
    """Settings for webhook mode on loopback, where the emulator delivers."""
    return {
        "webhook_url": f"http://127.0.0.1:{port}/telegram",
        "webhook_listen": f"127.0.0.1:{port}",
        "webhook_secret": WEBHOOK_SECRET,
    }
