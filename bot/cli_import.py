"""`python -m bot import FILE`: load meetings, bills and announcements from YAML or CSV.

The file is checked line by line first; any problem is printed as `file:line: field: reason`
and nothing is written. A valid file is written in one transaction.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from bot.config import Settings
from domain.clock import SystemClock
from domain.content_import import ContentImportError, ImportSummary
from services.content_loading import ContentImporter
from storage.content_import import ContentImportRepository
from storage.database import Database
from storage.reference import ReferenceQueries

__all__ = ["EXIT_INVALID_CONTENT", "add_import_parser", "import_content", "run_import"]

EXIT_INVALID_CONTENT = 3


def add_import_parser(subcommands: Any) -> None:
    """Declare the import subcommand and its one argument."""
    parser = subcommands.add_parser(
        "import",
        help="import meetings, bills, announcements and law aliases from a YAML or CSV file",
        description=(
            "Import policy content from a .yaml/.yml or .csv file into DATABASE_PATH. The whole "
            "file is checked first and written in one transaction: on any error nothing changes. "
            "Items with a key update the item imported with that key before."
        ),
    )
    parser.add_argument("file", type=Path, help="the content file, e.g. sandbox/demo/content.yaml")


async def import_content(path: Path, settings: Settings) -> ImportSummary:
    """Open the database and import one file (the offline sandbox calls this too)."""
    database = await Database.open(settings.database_path)
    try:
        importer = ContentImporter(
            ReferenceQueries(database),
            ContentImportRepository(database),
            SystemClock(),
            settings.zone,
        )
        return await importer.import_file(path)
    finally:
        await database.close()


def _counts(bucket: dict[str, int]) -> str:
    return ", ".join(f"{count} {kind}" for kind, count in sorted(bucket.items())) or "nothing"


def run_import(arguments: argparse.Namespace, settings: Settings) -> int:
    """Import and report in one line; problems go to stderr, one per line."""
    try:
        summary = asyncio.run(import_content(arguments.file, settings))
    except ContentImportError as exc:
        for problem in exc.problems:
            print(f"sotong: {problem}", file=sys.stderr)
        print("sotong: nothing was imported", file=sys.stderr)
        return EXIT_INVALID_CONTENT
    print(
        f"imported {arguments.file.name}: created {_counts(summary.created)};"
        f" updated {_counts(summary.updated)}; unchanged {_counts(summary.unchanged)}"
    )
    return 0
