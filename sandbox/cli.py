"""`python -m sandbox`: try every flow in a browser, with no Telegram token and no `.env`."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import sys
from pathlib import Path

from bot.logging_setup import configure_logging
from bot.shutdown import stop_requested
from domain.content_import import ContentImportError
from sandbox.errors import SandboxError
from sandbox.runner import SANDBOX_DATABASE, Sandbox, SandboxOptions
from storage.errors import StorageError

__all__ = ["build_parser", "main"]

DEFAULT_PORT = 8080


def build_parser() -> argparse.ArgumentParser:
    """The sandbox's options; it needs no settings, token or `.env`."""
    parser = argparse.ArgumentParser(
        prog="python -m sandbox",
        description=(
            "Start the Bot API emulator, the bot against it and a web chat page. Uses its own "
            f"database ({SANDBOX_DATABASE}), kept between runs. Ctrl-C stops it."
        ),
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"port of the chat page (default {DEFAULT_PORT}; 0 picks a free one)",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this computer only)",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="delete the sandbox database first and start over with the demo data",
    )
    return parser


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    with contextlib.suppress(ValueError):
        return ipaddress.ip_address(host).is_loopback
    return False


def _reach(host: str) -> str:
    """Who can open the page, said plainly: the control API lets anyone act as any persona."""
    if _is_loopback(host):
        return f"Listening on {host} only (loopback): other computers cannot open it."
    where = "all interfaces" if host in ("0.0.0.0", "") else host
    return (
        f"Listening on {where}: anyone who can reach this computer can open the page "
        "and act as any persona."
    )


async def _serve(options: SandboxOptions) -> None:
    stop = stop_requested()
    async with Sandbox(options) as sandbox:
        state = "new, with demo data" if sandbox.is_new_database else "kept from the last run"
        print(f"Sotong sandbox: {sandbox.url}", flush=True)
        print(_reach(options.host), flush=True)
        print(
            f"Database: {options.database_path} ({state}; --fresh starts over). "
            "Press Ctrl-C to stop.",
            flush=True,
        )
        await stop.wait()
    print("Sandbox stopped.", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run until Ctrl-C; configures itself, so it works without any `.env`."""
    arguments = build_parser().parse_args(argv)
    configure_logging("WARNING")
    options = SandboxOptions(
        host=arguments.host,
        port=arguments.port,
        database_path=Path(SANDBOX_DATABASE),
        fresh=arguments.fresh,
    )
    try:
        asyncio.run(_serve(options))
    except KeyboardInterrupt:
        # Ctrl-C before the signal handlers were installed: still a clean stop.
        return 0
    except (SandboxError, ContentImportError, StorageError) as exc:
        print(f"sotong: {exc}", file=sys.stderr)
        return 1
    return 0
