# Imports sit inside the functions on purpose: the bench can print its usage without the app.
# ruff: noqa: PLC0415
"""Scale benchmark: the administrators' and owners' reads over 1,000,000 submissions.

    uv run python bench/scale.py [--rows 1000000] [--runs 20] [--db PATH] [--keep]

Generates a migrated database (reference data from the migrations, then the rows in one
transaction through executemany, the search index filled by its trigger as in production),
unless `--db` names one generated before with the same `--rows`. Then each view is called
through the same service entry points its handler calls, `--runs` times, and the 95th
percentile is printed: the /inbox first page and a filtered deeper page, /search, /stats,
the burden table, the similar-report check a ready screen makes, and /my for the owner with
the most reports. Targets: each under 200 ms at p95; the CSV export of every row within 2x
the time of the sqlite3 command line's `.dump` of the submissions table (Python's iterdump
when the sqlite3 program is missing).

Distribution: a quarter as many owners as reports, a fifth of the reports from 500 heavy
senders (hundreds each at full size); topics
skewed towards AI law and copyright; three years of reports, older ones mostly answered or
closed, the last month mostly open; a third anonymous; texts of one to four sentences drawn
from real complaints with a company detail, so the search and the similarity check have work.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_MS = 200.0
EXPORT_FACTOR = 2.0
SLOW_SECONDS = 20.0
NOW = datetime(2026, 11, 21, 6, 0, tzinfo=UTC)
START = NOW - timedelta(days=3 * 365)
ADMIN = 900_001

CATEGORY_WEIGHTS = {
    "ai_basic_act": 22,
    "ai_copyright": 17,
    "data_access": 12,
    "ai_cost": 9,
    "computing": 8,
    "funding": 8,
    "ai_skills": 6,
    "labeling": 6,
    "kiosk_access": 5,
    "land_building": 4,
    "other": 3,
}
REGIONS = ["seoul"] * 5 + ["gyeonggi"] * 3 + ["busan", "daegu", "incheon", "gwangju", "daejeon"]
REGIONS += ["ulsan", "sejong", "gangwon", "chungbuk", "chungnam", "jeonbuk", "jeonnam"]
REGIONS += ["gyeongbuk", "gyeongnam", "jeju"]
SIZES = ["micro", "micro", "small", "small", "medium", "midsized", "startup", None]
INDUSTRIES = ["manufacturing", "ict", "ict", "trade", "hospitality", "construction", "other"]
SENTENCES = [
    "AI 학습데이터 저작권 허락을 저작물마다 받는 것은 불가능합니다.",
    "AI 기본법 고영향 AI 판단 기준이 불분명해 준비를 하지 못하고 있습니다.",
    "AI 기본법 과태료 기준이 불분명해 투자 결정을 미루고 있습니다.",
    "공공데이터 형식이 기관마다 달라 연계 비용이 큽니다.",
    "키오스크 배리어프리 기준을 맞추려면 장비를 전부 바꿔야 합니다.",
    "농지법 때문에 이동형 소형 데이터센터를 설치할 수 없습니다.",
    "화장품 제조업자 표시 의무로 포장재를 다시 만들어야 합니다.",
    "GPU 클라우드 바우처 정산 서류가 너무 많아 신청을 포기했습니다.",
    "생성형 AI 결과물 표시 의무의 범위가 모호해 서비스를 출시하지 못했습니다.",
    "개인정보 가명처리 가이드라인이 자주 바뀌어 개발 일정이 밀립니다.",
    "We cannot hire AI engineers outside the capital region.",
    "The subsidy audit asks for the same documents three times a year.",
]
PROPOSALS = [None, None, "유예 기간을 두어 주세요.", "중소기업 예외 규정을 두어 주세요."]
LAWS = [None, None, "인공지능 기본법 제31조", "저작권법 제35조의5", "농지법 시행령", "화장품법"]


def _status(age_days: float, rng: random.Random) -> str:
    """Open while recent, mostly answered or closed once older: a backlog of about a tenth."""
    if age_days < 30:
        return rng.choices(["received", "in_review", "forwarded", "answered"], [50, 25, 15, 10])[0]
    return rng.choices(
        ["answered", "closed", "rejected", "forwarded", "in_review", "received"],
        [55, 25, 10, 5, 3, 2],
    )[0]


def _rows(count: int, seed: int) -> Iterator[tuple[object, ...]]:
    """Submissions oldest first, one every few minutes over three years."""
    rng = random.Random(seed)
    categories = list(CATEGORY_WEIGHTS)
    weights = list(CATEGORY_WEIGHTS.values())
    owners = max(1, count // 4)
    step = (NOW - START) / count
    per_year: dict[int, int] = {}
    for n in range(count):
        created = START + step * n
        year = created.year
        per_year[year] = per_year.get(year, 0) + 1
        age = (NOW - created).total_seconds() / 86_400
        status = _status(age, rng)
        anonymous = rng.random() < 0.33
        # A fifth of the reports come from 500 heavy senders (associations, consultants).
        owner = 10_000 + (rng.randrange(500) if rng.random() < 0.2 else rng.randrange(owners))
        problem = " ".join(rng.choices(SENTENCES, k=rng.randint(1, 4)))
        problem += f" (직원 {rng.randint(2, 300)}명, {rng.randint(1, 40)}년차)"
        replied = created + timedelta(days=rng.randint(1, 40))
        answered = status == "answered"
        hours = rng.choice([None, rng.randint(1, 200)])
        won = rng.choice([None, rng.randint(10_000, 90_000_000)])
        stamp = created.isoformat(timespec="microseconds")
        yield (
            f"SV-{year}-{per_year[year]:06d}",
            owner,
            "anonymous" if anonymous else "named",
            None if anonymous else f"사장님{owner}",
            None,
            rng.choices(categories, weights)[0],
            problem,
            rng.choice(LAWS),
            rng.choice(PROPOSALS),
            rng.randint(1, 5),
            hours,
            hours,
            None if hours is None else "month",
            won,
            won,
            None if won is None else rng.choice(["month", "year", "one_off"]),
            rng.choice(REGIONS),
            rng.choice(SIZES),
            rng.choice(INDUSTRIES),
            status,
            "중소벤처기업부" if status in {"forwarded", "answered"} else None,
            "검토 결과 개선하겠습니다." if answered else None,
            replied.isoformat(timespec="microseconds") if answered else None,
            replied.isoformat(timespec="microseconds")
            if status in {"answered", "rejected"}
            else None,
            (created.date() + timedelta(days=14)).isoformat(),
            stamp,
            stamp,
            "ko" if rng.random() < 0.9 else "en",
        )


def generate(path: Path, count: int, seed: int) -> float:
    """A migrated database with `count` submissions and some supporters; return the seconds."""
    from storage.database import Database

    started = time.perf_counter()

    async def migrate() -> None:
        await (await Database.open(path)).close()

    asyncio.run(migrate())
    columns = (
        "receipt_code, user_id, visibility, submitter_name, submitter_username, category_id,"
        " problem, law_or_rule, proposal, impact, cost_hours_low, cost_hours_high,"
        " cost_hours_period, cost_won_low, cost_won_high, cost_won_period, region_id,"
        " company_size_id, industry_id, status, forwarded_to, answer_text, answered_at,"
        " replied_at, due_on, created_at, updated_at, language"
    )
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -400000")
        # The search index is filled in one statement after the rows rather than by the
        # insert trigger row by row (half the time); the trigger is put back as it was.
        (trigger,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'submissions_search_insert'"
        ).fetchone()
        connection.execute("BEGIN")
        connection.execute("DROP TRIGGER submissions_search_insert")
        connection.executemany(
            f"INSERT INTO submissions ({columns}) VALUES ({', '.join('?' * 28)})",
            _rows(count, seed),
        )
        connection.execute(
            "INSERT INTO submissions_search (rowid, norm) SELECT id, lower(replace(replace("
            "replace(replace(receipt_code || problem || COALESCE(proposal, '')"
            " || COALESCE(law_or_rule, ''), ' ', ''), char(10), ''), char(13), ''), char(9), ''))"
            " FROM submissions"
        )
        connection.execute(trigger)
        rng = random.Random(seed + 1)
        stamp = NOW.isoformat()
        connection.executemany(
            "INSERT OR IGNORE INTO submission_supporters (submission_id, user_id, at)"
            " VALUES (?, ?, ?)",
            ((rng.randint(1, count), 5_000_000 + n, stamp) for n in range(count // 10)),
        )
        connection.execute("COMMIT")
        connection.execute("ANALYZE")
    finally:
        connection.close()
    return time.perf_counter() - started


def p95(samples: list[float]) -> float:
    """The 95th percentile (inclusive method), in milliseconds."""
    if len(samples) == 1:
        return samples[0] * 1000
    return statistics.quantiles(samples, n=20, method="inclusive")[18] * 1000


async def _timed(call: Callable[[], Awaitable[object]], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - started)
    return samples


async def measure(
    path: Path, runs: int, folder: Path, only: str | None
) -> tuple[dict[str, float], float | None]:
    """p95 in ms of each view, and the CSV export's seconds."""
    from bot.config import load_settings
    from bot.wiring import Wiring
    from domain.clock import FrozenClock
    from domain.drafts import Draft
    from domain.export.model import ExportFilter
    from domain.search import COUNT_LIMIT
    from handlers.admin_inbox_views import PAGE_SIZE, InboxView
    from handlers.my_submissions import PAGE_SIZE as MY_PAGE_SIZE
    from services.export import ExportFormat
    from storage.database import Database

    settings = load_settings(
        bot_token="123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
        database_path=path,
        admin_ids=str(ADMIN),
        _env_file=None,
    )
    database = await Database.open(path)
    try:
        services = Wiring.create(settings, database, FrozenClock(NOW)).services
        today: date = services.deadlines.today()
        heaviest = await database.fetch_value(
            "SELECT user_id FROM submissions GROUP BY user_id ORDER BY count(*) DESC LIMIT 1"
        )
        assert isinstance(heaviest, int)

        async def inbox(view: InboxView) -> None:
            submission_filter = view.submission_filter(today)
            await services.submissions.count_filtered(submission_filter)
            await services.submissions.list_filtered(
                submission_filter, limit=PAGE_SIZE, offset=view.page * PAGE_SIZE
            )
            await services.reference.categories()
            await services.reference.regions()

        async def search(words: str) -> None:
            await services.inbox_search.remember(ADMIN, words)
            query = await services.inbox_search.current(ADMIN)
            assert query is not None
            submission_filter = services.inbox_search.narrow(
                InboxView(status="*", search=True).submission_filter(today), query
            )
            await services.submissions.count_filtered(submission_filter, at_most=COUNT_LIMIT + 1)
            await services.submissions.list_filtered(submission_filter, limit=PAGE_SIZE)

        async def stats() -> None:
            await services.stats.overview()
            await services.deadlines.summary()
            await services.follow_up_answers.summary()
            await services.burden.total()

        blank = Draft.blank(4_000_000, "ko", NOW)
        draft = replace(
            blank,
            content=replace(
                blank.content,
                category_id="ai_basic_act",
                problem="AI 기본법 고영향 AI 판단 기준이 불분명해서 제품 출시를 미루고 있어요",
            ),
        )

        async def my() -> None:
            total = await services.submissions.count_for_owner(heaviest)
            await services.submissions.list_for_owner(heaviest, limit=MY_PAGE_SIZE, offset=0)
            assert total > 0

        views: dict[str, Callable[[], Awaitable[object]]] = {
            "/inbox first page": lambda: inbox(InboxView()),
            "/inbox category, any status, page 10": lambda: inbox(
                InboxView(page=10, status="*", category="ai_copyright")
            ),
            "/search 저작권 허락": lambda: search("저작권 허락"),
            "/search SV code": lambda: search("SV-2026-000123"),
            "/stats": stats,
            "burden table": lambda: services.burden.table(language="ko"),
            "similar-report check": lambda: services.intake.similar(draft),
            f"/my (owner with {await services.submissions.count_for_owner(heaviest)})": my,
        }
        figures: dict[str, float] = {}
        for name, call in views.items():
            if only is not None and only not in name:
                continue
            # Once to warm the page cache, as a running bot has it; a view that already takes
            # seconds is not repeated (its one figure stands), so the run stays within minutes.
            (warm,) = await _timed(call, 1)
            samples = await _timed(call, runs) if warm < SLOW_SECONDS else [warm]
            figures[name] = p95(samples)
            print(f"  {name:<44}{figures[name]:>9.1f} ms  ({len(samples)} runs)", flush=True)
        if only is not None:
            return figures, None
        started = time.perf_counter()
        await services.exports.export(
            ExportFilter(include_contacts=True, include_hidden=True),
            ExportFormat.CSV,
            actor_id=ADMIN,
            language="ko",
            directory=folder,
            file_name="scale.csv",
            fit_upload_limit=False,
            via="bench",
        )
        export_seconds = time.perf_counter() - started
    finally:
        await database.close()
    return figures, export_seconds


def dump_seconds(path: Path, folder: Path) -> tuple[str, float]:
    """How long SQLite's own text dump of the submissions table takes, to a file."""
    out = folder / "dump.sql"
    program = shutil.which("sqlite3")
    started = time.perf_counter()
    if program is not None:
        with out.open("w") as sink:
            subprocess.run([program, str(path), ".dump submissions"], stdout=sink, check=True)
        return "sqlite3 .dump submissions", time.perf_counter() - started
    with sqlite3.connect(path) as connection, out.open("w") as sink:
        for line in connection.iterdump():
            sink.write(f"{line}\n")
    return "iterdump (whole database)", time.perf_counter() - started


def main() -> int:
    """Generate (or reuse), measure, print the figures and a verdict per target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--db", type=Path, help="reuse (or create and keep) this database")
    parser.add_argument("--only", help="measure only the views whose name contains this")
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sotong-scale-"))
    path = arguments.db or folder / "scale.db"
    try:
        if not path.exists():
            seconds = generate(path, arguments.rows, arguments.seed)
            print(f"generated {arguments.rows:,} submissions in {seconds:.1f} s", flush=True)
        with sqlite3.connect(path) as connection:
            rows = connection.execute("SELECT count(*) FROM submissions").fetchone()[0]
            open_rows = connection.execute(
                "SELECT count(*) FROM submissions"
                " WHERE status IN ('received', 'in_review', 'forwarded')"
            ).fetchone()[0]
        size = os.path.getsize(path) / 1e6
        print(f"{rows:,} submissions ({open_rows:,} open), {size:.0f} MB; p95 of {arguments.runs}")
        figures, export_seconds = asyncio.run(measure(path, arguments.runs, folder, arguments.only))
        verdicts = [
            (f"{name} under {TARGET_MS:.0f} ms", ms < TARGET_MS) for name, ms in figures.items()
        ]
        if export_seconds is not None:
            dump_name, dumped = dump_seconds(path, folder)
            print(f"  {'CSV export, every row':<44}{export_seconds:>9.2f} s")
            print(f"  {dump_name:<44}{dumped:>9.2f} s")
            ratio = export_seconds / dumped
            verdicts.append(
                (f"CSV within {EXPORT_FACTOR:.0f}x the dump ({ratio:.2f}x)", ratio <= EXPORT_FACTOR)
            )
        for label, ok in verdicts:
            print(f"{'PASS' if ok else 'FAIL'}  {label}")
        return 0 if all(ok for _, ok in verdicts) else 1
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    sys.exit(main())
