"""`python -m bot assembly-sync --dry-run BILL_NO`: what the sync would change for one bill.

For an operator with a key from 열린국회정보 to try before setting ASSEMBLY_API_KEY for the
running bot: the bill is looked up exactly as the scheduled sync does (the same services in
the same order), compared with what the database holds, and printed. Nothing is written; the
database is read through a read-only connection. The key never appears in what is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
from typing import Any

from bot.config import Settings
from domain.assembly import (
    LOOKUP_ORDER,
    AssemblyApiError,
    StageReading,
    SyncPlan,
    assembly_age,
)
from services.assembly_sync import AssemblyFinding, preview
from storage.bill_sync import TrackedBill, read_tracked_bill

__all__ = ["add_assembly_parser", "run_assembly_sync"]

EXIT_CONFIGURATION = 2
EXIT_FAILED = 1


def add_assembly_parser(subcommands: Any) -> None:
    """Declare assembly-sync and its arguments."""
    parser = subcommands.add_parser(
        "assembly-sync",
        help="show what the National Assembly sync would change for one bill (--dry-run)",
        description=(
            "Look BILL_NO up in the National Assembly open API as the scheduled sync does ("
            + ", then ".join(service.name for service in LOOKUP_ORDER)
            + "; BILLINFODETAIL for the stages the row cannot carry), compare what it says "
            "with the bill tracked under that number in DATABASE_PATH, and print each stage "
            "that would be "
            "added, corrected or kept because an administrator entered it, with the service "
            "that gave it. Needs ASSEMBLY_API_KEY (and ASSEMBLY_API_URL for another address). "
            "Writes nothing, also while the bot runs; exit status 0 when the bill was found."
        ),
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        required=True,
        help="only read and print (required: the running bot's scheduled job does the writing)",
    )
    parser.add_argument("bill_number", metavar="BILL_NO", help="the bill number, e.g. 2214372")


def _line(label: str, reading: StageReading, extra: str = "") -> str:
    entry = reading.entry
    note = f"  {entry.note.ko}" if entry.note.ko else ""
    return (
        f"  {label:<14} {reading.stage.value:<19} {entry.on_date.isoformat()}{note}"
        f"  [{reading.source}]{extra}"
    )


def _report(
    number: str, tracked: TrackedBill | None, finding: AssemblyFinding, plan: SyncPlan
) -> list[str]:
    services = " + ".join(record.service for record in finding.records)
    lines = [
        f"Bill {number} found in {services} (BILL_ID {finding.assembly_bill_id or 'none'}).",
        f"Tracked here as bill {tracked.id}, {tracked.name}."
        if tracked
        else "Not tracked here: once an administrator adds a bill with this number, the sync "
        "records these stages.",
    ]
    lines += [_line("would add", reading) for reading in plan.added]
    lines += [_line("would correct", reading) for reading in plan.corrected]
    lines += [
        _line(
            "kept by hand",
            conflict.reading,
            f"  (an administrator entered {conflict.by_hand[0].isoformat()})",
        )
        for conflict in plan.conflicts
    ]
    lines += [_line("unchanged", reading) for reading in plan.unchanged]
    if not (plan.added or plan.corrected or plan.conflicts):
        lines.append("Nothing would change.")
    lines.append("Dry run: nothing was written.")
    return lines


def run_assembly_sync(arguments: argparse.Namespace, settings: Settings) -> int:
    """Print what a sync would change for one bill number; write nothing."""
    number = str(arguments.bill_number).strip()
    if settings.assembly_api_key is None:
        print(
            "sotong: ASSEMBLY_API_KEY is not set; get a key from open.assembly.go.kr "
            "(마이페이지 > 인증키 발급) and set it to try the sync",
            file=sys.stderr,
        )
        return EXIT_CONFIGURATION
    if assembly_age(number) is None:
        print(f"sotong: {number!r} is not a National Assembly bill number", file=sys.stderr)
        return EXIT_FAILED
    tracked: TrackedBill | None = None
    if settings.database_path.exists():
        try:
            tracked = read_tracked_bill(settings.database_path, number)
        except sqlite3.Error as exc:
            print(f"sotong: cannot read {settings.database_path}: {exc}", file=sys.stderr)
            return EXIT_FAILED
    try:
        finding, plan = asyncio.run(
            preview(
                number,
                tracked.stages if tracked else {},
                base_url=settings.assembly_api_url,
                key=settings.assembly_api_key.get_secret_value(),
            )
        )
    except AssemblyApiError as exc:
        print(
            f"sotong: the National Assembly API answered {exc.code} ({exc.kind.value}): "
            f"{exc.message}",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if finding is None:
        names = ", ".join(service.name for service in LOOKUP_ORDER)
        print(f"Bill {number} is in none of {names}. Dry run: nothing was written.")
        return EXIT_FAILED
    for line in _report(number, tracked, finding, plan):
        print(line)
    return 0
