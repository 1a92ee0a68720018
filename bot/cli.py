"""The command line: `python -m bot` runs the bot; subcommands serve staff with server access.

Named exceptions from inside become one line and an exit status here, never a traceback:
2 for configuration (a missing setting, a token Telegram rejects), 3 for a file at
DATABASE_PATH that is no usable database (empty, truncated, corrupt, not SQLite, unreadable),
4 for a release whose pending migration is numbered below one the database already has,
1 for other failures (a migration, a backup, an unreachable address that cannot heal).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
from collections.abc import Callable, Sequence

from telegram.error import InvalidToken, NetworkError

from bot.cli_assembly import add_assembly_parser, run_assembly_sync
from bot.cli_export import add_export_parser, run_export
from bot.cli_import import add_import_parser, run_import
from bot.cli_ops import (
    add_ops_parsers,
    report_invalid_configuration,
    run_backup,
    run_check,
    run_restore,
)
from bot.config import ConfigurationError, Settings, load_settings
from bot.logging_setup import configure_logging, redacted_output
from bot.runtime import running_bot
from bot.shutdown import stop_requested
from bot.startup import StartupAbandonedError
from storage.errors import DatabaseUnusableError, MigrationOrderError, StorageError

__all__ = ["main"]

EXIT_CONFIGURATION = 2
EXIT_STORAGE = 1
EXIT_UNREACHABLE = 1
EXIT_DATABASE_UNUSABLE = 3
EXIT_MIGRATION_ORDER = 4

Command = Callable[[argparse.Namespace, Settings], int]


async def _serve(settings: Settings) -> None:
    stop = stop_requested()
    async with running_bot(settings, stop=stop):
        # What start-up imported and built lives as long as the process: take it out of the
        # collector's sight, so full collections scan only what handling updates allocates.
        gc.freeze()
        await stop.wait()


def _run(_: argparse.Namespace, settings: Settings) -> int:
    try:
        asyncio.run(_serve(settings))
    except StartupAbandonedError:
        return 0
    return 0


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    """The parser and the function behind each subcommand; `run` is the default."""
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Sotong, the SME consultation bot. Without a subcommand it runs the bot.",
    )
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    subcommands.add_parser(
        "run",
        help="run the bot against BOT_API_BASE_URL (the default)",
        description="Run the bot until Ctrl-C, polling the configured Bot API.",
    )
    # Staff with server access: the same export as /export in chat.
    add_export_parser(subcommands)
    # Staff with server access: policy content in bulk (meetings, bills, announcements).
    add_import_parser(subcommands)
    # Operators and monitors: health, backups and restore (README, "Running it for real").
    add_ops_parsers(subcommands)
    # Operators with a National Assembly key: try the bill sync on one bill, writing nothing.
    add_assembly_parser(subcommands)
    return parser, {
        "run": _run,
        "export": run_export,
        "import": run_import,
        "check": run_check,
        "backup": run_backup,
        "restore": run_restore,
        "assembly-sync": run_assembly_sync,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, load settings, run the chosen command and return its exit status.

    Everything any command prints, logs included, goes through the token's redaction.
    """
    with redacted_output():
        return _main(argv)


def _secrets(settings: Settings) -> list[str]:
    """What no output may show: the token, the webhook's secret, the Assembly API key."""
    values = (settings.bot_token, settings.webhook_secret, settings.assembly_api_key)
    return [value.get_secret_value() for value in values if value is not None]


def _main(argv: Sequence[str] | None) -> int:
    parser, commands = build_parser()
    arguments = parser.parse_args(argv)
    command = commands[arguments.command or "run"]
    try:
        # Only running the bot and `check` talk to Telegram; the rest work on the database alone.
        settings = load_settings(require_token=command in (_run, run_check))
    except ConfigurationError as exc:
        if command is run_check:
            # A broken configuration is one of the things `check` reports, with exit status 1.
            return report_invalid_configuration(exc)
        print(f"sotong: {exc}", file=sys.stderr)
        return EXIT_CONFIGURATION
    configure_logging(
        settings.log_level, payloads=settings.log_payloads, secrets=_secrets(settings)
    )
    try:
        return command(arguments, settings)
    except DatabaseUnusableError as exc:
        print(f"sotong: {exc}", file=sys.stderr)
        return EXIT_DATABASE_UNUSABLE
    except MigrationOrderError as exc:
        print(f"sotong: {exc}", file=sys.stderr)
        return EXIT_MIGRATION_ORDER
    except StorageError as exc:
        print(f"sotong: {exc}", file=sys.stderr)
        return EXIT_STORAGE
    except InvalidToken:
        print("sotong: Telegram refused BOT_TOKEN; copy it again from @BotFather", file=sys.stderr)
        return EXIT_CONFIGURATION
    except NetworkError as exc:
        print(f"sotong: cannot reach the Bot API at BOT_API_BASE_URL: {exc}", file=sys.stderr)
        return EXIT_UNREACHABLE
