"""`python -m bot export`: the same export as /export, for staff with server access."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from bot.config import Settings
from domain.clock import SystemClock
from domain.submissions import SubmissionStatus
from handlers.export_words import CatalogExportWording
from services.burden import BurdenService
from services.export import CONSOLE_ACTOR_ID, ExportError, ExportFilter, ExportFormat
from services.export.service import ExportService
from storage.audit import AuditRepository
from storage.burden import BurdenRepository
from storage.database import Database
from storage.exports import ExportRepository
from storage.reference import ReferenceQueries

__all__ = ["EXIT_EXPORT", "EXIT_USAGE", "add_export_parser", "run_export"]

EXIT_EXPORT = 1
EXIT_USAGE = 2


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-01") from None


def add_export_parser(subcommands: Any) -> None:
    """Declare `export` and its options, each with help."""
    parser = subcommands.add_parser(
        "export",
        help="export submissions to xlsx, csv or json",
        description=(
            "Export submissions as /export does in chat. Hidden, merged and deleted records are "
            "left out unless --include-hidden is given. Anonymous submitters are never exported. "
            "The export is written to the audit log."
        ),
    )
    parser.add_argument(
        "--format",
        choices=[f.value for f in ExportFormat],
        default=ExportFormat.XLSX.value,
        help="file format (default: xlsx)",
    )
    parser.add_argument(
        "--since", type=_day, help="first day to include, YYYY-MM-DD, in the bot's time zone"
    )
    parser.add_argument(
        "--until", type=_day, help="last day to include, YYYY-MM-DD, in the bot's time zone"
    )
    parser.add_argument("--category", help="category id, e.g. ai_copyright")
    parser.add_argument("--region", help="region id, e.g. seoul")
    parser.add_argument("--size", help="company size id, e.g. small")
    parser.add_argument("--industry", help="industry id, e.g. ict")
    parser.add_argument(
        "--status", choices=[s.value for s in SubmissionStatus], help="only this status"
    )
    parser.add_argument(
        "--contacts",
        action="store_true",
        help="include name and Telegram handle of NAMED submitters (audited)",
    )
    parser.add_argument(
        "--include-hidden", action="store_true", help="also export hidden, merged and deleted"
    )
    parser.add_argument(
        "--language", choices=["ko", "en"], help="headers and names (default: DEFAULT_LANGUAGE)"
    )
    parser.add_argument(
        "--burden",
        action="store_true",
        help=(
            "with --format json: write the burden league table for the filter instead of the "
            'rows: {"total": line, "by_law": [line...], "by_category": [line...]}, each line '
            '{"label", "submissions", "supporters", "hours_per_month": {"total", "median"}, '
            '"won_per_month": {"total", "median"}, "won_one_off": {"total", "median"}, '
            '"hours_one_off": {"total"}}'
        ),
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="output file (default: a name with the date and filter, in the current folder)",
    )


def _is_database_file(out: Path, database: Path) -> bool:
    """Whether `out` names the database or one of SQLite's companion files."""
    target = out.resolve()
    base = database.resolve()
    companions = {
        base,
        *(base.with_name(base.name + suffix) for suffix in ("-wal", "-shm", "-journal")),
    }
    return target in companions or (target.exists() and base.exists() and target.samefile(base))


def _midnight(day: date, settings: Settings) -> datetime:
    return datetime.combine(day, time(), tzinfo=settings.zone)


async def _export(arguments: argparse.Namespace, settings: Settings) -> int:
    database = await Database.open(settings.database_path)
    try:
        reference = ReferenceQueries(database)
        for table, noun, value in (
            ("categories", "category", arguments.category),
            ("regions", "region", arguments.region),
            ("company_sizes", "company size", arguments.size),
            ("industries", "industry", arguments.industry),
        ):
            if value is not None and await reference.find(table, value) is None:
                print(f"sotong: unknown {noun} id {value!r}", file=sys.stderr)
                return EXIT_USAGE
        export_filter = ExportFilter(
            since=_midnight(arguments.since, settings) if arguments.since else None,
            until=(
                _midnight(arguments.until + timedelta(days=1), settings)
                if arguments.until
                else None
            ),
            category_id=arguments.category,
            region_id=arguments.region,
            status=arguments.status,
            company_size_id=arguments.size,
            industry_id=arguments.industry,
            include_contacts=arguments.contacts,
            include_hidden=arguments.include_hidden,
        )
        service = ExportService(
            ExportRepository(database),
            AuditRepository(database),
            SystemClock(),
            settings.zone,
            CatalogExportWording(),
        )
        export_format = ExportFormat(arguments.format)
        out: Path = arguments.out or Path(service.file_name(export_filter, export_format))
        if _is_database_file(out, settings.database_path):
            print(f"sotong: --out {out} is the database; choose another file", file=sys.stderr)
            return EXIT_USAGE
        out.parent.mkdir(parents=True, exist_ok=True)
        if arguments.burden:
            language = arguments.language or settings.default_language
            burden = await BurdenService(
                ExportRepository(database), BurdenRepository(database)
            ).table(export_filter, language=language)
            text = json.dumps(burden.as_json(), ensure_ascii=False, indent=1) + "\n"
            await asyncio.to_thread(out.write_text, text, encoding="utf-8")
            print(f"wrote the burden table of {burden.total.submissions} submissions to {out}")
            return 0
        result = await service.export(
            export_filter,
            export_format,
            actor_id=CONSOLE_ACTOR_ID,
            language=arguments.language or settings.default_language,
            directory=out.parent,
            file_name=out.name,
            fit_upload_limit=False,
            via="cli",
        )
    finally:
        await database.close()
    print(f"exported {result.row_count} submissions to {result.files[0]}")
    return 0


def run_export(arguments: argparse.Namespace, settings: Settings) -> int:
    """Run one export; failures become one line on stderr and a non-zero status."""
    if arguments.burden and arguments.format != ExportFormat.JSON.value:
        print("sotong: --burden needs --format json", file=sys.stderr)
        return EXIT_USAGE
    if arguments.since and arguments.until and arguments.until < arguments.since:
        print("sotong: --until is before --since", file=sys.stderr)
        return EXIT_USAGE
    try:
        return asyncio.run(_export(arguments, settings))
    except (ExportError, OSError) as exc:
        print(f"sotong: export failed: {exc}", file=sys.stderr)
        return EXIT_EXPORT
