# Imports sit inside the workers on purpose: the measuring parent must stay small.
# ruff: noqa: PLC0415
"""Export benchmark: 100,000 generated submissions to CSV and XLSX, next to sqlite3's own dump.

    uv run python bench/export.py [--rows 100000] [--keep DIR]

Each export runs in its own child process, so the peak memory reported (the child's maximum
resident set, from wait4) belongs to that export alone. The sqlite3 command line dumps the very
same query (`storage.exports.export_query`) as CSV in the same run; without the sqlite3 program
that comparison is skipped with a line saying so. Targets: CSV within 3x the sqlite3 dump, XLSX
under 30 s, peak memory under 200 MB for both.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]

SEOUL = ZoneInfo("Asia/Seoul")
CSV_FACTOR = 3.0
XLSX_SECONDS = 30.0
PEAK_MB = 200.0

CATEGORIES = [
    "ai_copyright",
    "ai_basic_act",
    "data_access",
    "ai_cost",
    "ai_skills",
    "computing",
    "funding",
    "kiosk_access",
    "land_building",
    "labeling",
    "other",
]
REGIONS = [
    "seoul",
    "busan",
    "daegu",
    "incheon",
    "gwangju",
    "daejeon",
    "ulsan",
    "sejong",
    "gyeonggi",
    "gangwon",
    "chungbuk",
    "chungnam",
    "jeonbuk",
    "jeonnam",
    "gyeongbuk",
    "gyeongnam",
    "jeju",
]
SIZES = ["micro", "small", "medium", "midsized", "startup", None]
INDUSTRIES = ["manufacturing", "ict", "trade", "hospitality", "construction", "other", None]
STATUSES = ["received", "in_review", "forwarded", "answered", "closed", "rejected"]
PHRASES = [
    "AI 학습데이터 저작권 허락을 저작물마다 받는 것은 불가능합니다.",
    "AI 기본법 과태료 기준이 불분명해 준비를 하지 못하고 있습니다.",
    "공공데이터 형식이 기관마다 달라 연계 비용이 큽니다.",
    "키오스크 배리어프리 기준을 맞추려면 장비를 전부 바꿔야 합니다.",
    "농지법 때문에 이동형 소형 데이터센터를 설치할 수 없습니다.",
    "화장품 제조업자 표시 의무로 포장재를 다시 만들어야 합니다.",
    "=SUM(A1:A9) 처럼 보이는 문장도 그대로 보관되어야 합니다.",
    "We cannot hire AI engineers outside the capital region.",
]


def _rows(count: int, seed: int = 2026) -> list[tuple[object, ...]]:
    """Plausible submissions: a third anonymous, texts of a few hundred characters."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    rows: list[tuple[object, ...]] = []
    for n in range(1, count + 1):
        created = start + timedelta(seconds=n * 250)
        anonymous = rng.random() < 0.33
        status = rng.choice(STATUSES)
        answered = created + timedelta(days=rng.randint(1, 40)) if status == "answered" else None
        problem = " ".join(rng.choice(PHRASES) for _ in range(rng.randint(3, 8)))
        hours = rng.choice([None, rng.randint(1, 200)])
        won = rng.choice([None, rng.randint(10_000, 90_000_000)])
        won_period = rng.choice(["month", "year", "one_off"])
        rows.append(
            (
                f"SV-2026-{n:06d}",
                10_000 + n,
                "anonymous" if anonymous else "named",
                None if anonymous else f"사장님{n}",
                None if anonymous else f"owner_{n}",
                rng.choice(CATEGORIES),
                problem,
                rng.choice([None, "인공지능 기본법 제31조", "농지법 시행령"]),
                rng.choice([None, "유예 기간을 두어 주세요. " * rng.randint(1, 4)]),
                rng.randint(1, 5),
                hours,
                hours,
                None if hours is None else "month",
                won,
                won,
                None if won is None else won_period,
                rng.choice(REGIONS),
                rng.choice(SIZES),
                rng.choice(INDUSTRIES),
                status,
                "중소벤처기업부" if status in {"forwarded", "answered"} else None,
                "검토 결과 개선하겠습니다." if answered else None,
                answered.isoformat(timespec="microseconds") if answered else None,
                created.isoformat(timespec="microseconds"),
                created.isoformat(timespec="microseconds"),
                "ko",
            )
        )
    return rows


async def generate(path: Path, count: int) -> None:
    """A fresh, migrated database holding `count` submissions and some supporters."""
    from storage.database import Database

    database = await Database.open(path)
    try:
        await database.executemany(
            "INSERT INTO submissions (receipt_code, user_id, visibility, submitter_name,"
            " submitter_username, category_id, problem, law_or_rule, proposal, impact,"
            " cost_hours_low, cost_hours_high, cost_hours_period, cost_won_low, cost_won_high,"
            " cost_won_period, region_id, company_size_id, industry_id, status,"
            " forwarded_to, answer_text, answered_at, created_at, updated_at, language)"
            f" VALUES ({', '.join('?' * 26)})",
            _rows(count),
        )
        rng = random.Random(7)
        now = datetime(2026, 11, 21, tzinfo=UTC).isoformat()
        await database.executemany(
            "INSERT OR IGNORE INTO submission_supporters (submission_id, user_id, at)"
            " VALUES (?, ?, ?)",
            [(rng.randint(1, count), 500_000 + n, now) for n in range(count // 2)],
        )
    finally:
        await database.close()


async def _worker(export_format: str, database_path: Path, out: Path) -> float:
    from domain.clock import SystemClock
    from handlers.export_words import CatalogExportWording
    from services.export import ExportFilter, ExportFormat, ExportService
    from storage.audit import AuditRepository
    from storage.database import Database
    from storage.exports import ExportRepository

    database = await Database.open(database_path)
    try:
        service = ExportService(
            ExportRepository(database),
            AuditRepository(database),
            SystemClock(),
            SEOUL,
            CatalogExportWording(),
        )
        started = time.perf_counter()
        await service.export(
            ExportFilter(include_contacts=True),
            ExportFormat(export_format),
            actor_id=0,
            language="ko",
            directory=out.parent,
            file_name=out.name,
            fit_upload_limit=False,
            via="bench",
        )
        return time.perf_counter() - started
    finally:
        await database.close()


def _measure(command: list[str], stdin: str = "") -> tuple[float, float, str]:
    """Run a child; return wall seconds, its peak resident memory in MB, and its stdout.

    wait4 reports the child's own maximum resident set, so one export's peak is not mixed with
    the generator's or another child's.
    """
    with tempfile.TemporaryFile("w+") as source, tempfile.TemporaryFile("w+") as sink:
        source.write(stdin)
        source.seek(0)
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdin=source, stdout=sink, env={**os.environ, "PYTHONPATH": str(ROOT)}
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise RuntimeError(f"{command[0]} failed with status {process.returncode}")
        sink.seek(0)
        return seconds, usage.ru_maxrss / 1024, sink.read()


def _sqlite3_script(dump: Path) -> str:
    """The export's own query and parameters, for the sqlite3 command line."""
    from services.export import ExportFilter
    from storage.exports import export_query

    sql, params = export_query(ExportFilter(include_contacts=True), "ko")
    bindings = "".join(f".parameter set ?{n} {value!r}\n" for n, value in enumerate(params, 1))
    return f"{bindings}.headers on\n.mode csv\n.output {dump}\n{sql};\n"


def main() -> int:
    """Every heavy step runs in a child, so this process stays small.

    On Linux a child's peak-memory figure starts from its parent's size at fork time.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the database and files in this folder")
    parser.add_argument(
        "--worker", nargs=3, metavar=("FORMAT", "DB", "OUT"), help=argparse.SUPPRESS
    )
    parser.add_argument("--generate", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--script", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        export_format, database, out = arguments.worker
        print(f"{asyncio.run(_worker(export_format, Path(database), Path(out))):.3f}")
        return 0
    if arguments.generate:
        asyncio.run(generate(arguments.generate, arguments.rows))
        return 0
    if arguments.script:
        print(_sqlite3_script(arguments.script))
        return 0
    folder = arguments.keep or Path(tempfile.mkdtemp(prefix="sotong-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "bench.db"
    database.unlink(missing_ok=True)
    seconds, _, _ = _measure(
        [sys.executable, __file__, "--rows", str(arguments.rows), "--generate", str(database)]
    )
    print(f"generated {arguments.rows:,} submissions in {seconds:.1f} s")
    results: dict[str, tuple[float, float, float, int]] = {}
    for export_format in ("csv", "xlsx"):
        out = folder / f"export.{export_format}"
        wall, peak, output = _measure(
            [sys.executable, __file__, "--worker", export_format, str(database), str(out)]
        )
        results[export_format] = (float(output.strip()), wall, peak, out.stat().st_size)
    print(f"{'what':<14}{'export s':>10}{'process s':>11}{'peak MB':>9}{'size MB':>9}")
    for name, (inner, wall, peak, size) in results.items():
        print(f"{name:<14}{inner:>10.2f}{wall:>11.2f}{peak:>9.1f}{size / 1e6:>9.1f}")
    sqlite3 = shutil.which("sqlite3")
    verdicts: list[tuple[str, bool]] = []
    if sqlite3 is None:
        print("sqlite3 command line not found: skipping the comparison with its CSV dump")
    else:
        dump = folder / "sqlite3.csv"
        _, _, script = _measure([sys.executable, __file__, "--script", str(dump)])
        wall, peak, _ = _measure([sqlite3, str(database)], script)
        print(
            f"{'sqlite3 dump':<14}{wall:>10.2f}{wall:>11.2f}{peak:>9.1f}"
            f"{dump.stat().st_size / 1e6:>9.1f}"
        )
        ratio = results["csv"][0] / wall
        verdicts.append(
            (f"csv within {CSV_FACTOR:.0f}x sqlite3 ({ratio:.2f}x)", ratio <= CSV_FACTOR)
        )
    verdicts.append((f"xlsx under {XLSX_SECONDS:.0f} s", results["xlsx"][0] < XLSX_SECONDS))
    for name, (_, _, peak, _) in results.items():
        verdicts.append((f"{name} peak under {PEAK_MB:.0f} MB", peak < PEAK_MB))
    for label, ok in verdicts:
        print(f"{'PASS' if ok else 'FAIL'}  {label}")
    if arguments.keep is None:
        shutil.rmtree(folder)
    return 0 if all(ok for _, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
