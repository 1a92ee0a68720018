"""Similar-report benchmark: how well the matcher finds the same problem, and what it costs others.

    uv run python bench/similarity.py [--reports 10000] [--owners 20]

1. Quality: recall and precision of the matcher (domain/similarity.py) at its threshold over the
   labelled Korean pairs in tests/fixtures/similar_pairs.py, and around the threshold.
2. Cost: a database with `--reports` open reports of one topic, each a few hundred characters
   sharing the topic's words (the index's worst case: every report matches many pieces of a
   draft). Sotong runs against the emulator (flood limits lifted, as the figure is the bot's).
   `--owners` owners at the topic step type their problem at the same moment, so that many
   ready screens look for similar reports at once, while another person sends /help again and
   again. Printed: /help's latency alone and under that load (median and worst), and how long
   the owners waited for their ready screens. Target: /help under 100 ms throughout. A first run
   with no open report at all gives the same figures without any search, for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PTB_TIMEDELTA", "1")

from bot.config import load_settings  # noqa: E402
from bot.runtime import running_bot  # noqa: E402
from domain.clock import FrozenClock  # noqa: E402
from domain.similarity import DEFAULT_THRESHOLD, cosine, tokens  # noqa: E402
from sandbox.emulator import BotApiEmulator, EmulatorLimits  # noqa: E402
from storage.database import Database  # noqa: E402
from tests.fixtures.similar_pairs import PAIRS  # noqa: E402

TOKEN = "123456789:AAbenchTOKENforTHEemulatorONLY_0123456789"
TARGET_MS = 100.0
CATEGORY = "ai_basic_act"
PHRASES = (
    "AI 기본법 고영향 AI 판단 기준이 불분명해서 준비를 못 하고 있어요.",
    "과태료 유예기간이 너무 짧아 중소기업은 의무를 이행하기 어렵습니다.",
    "투명성 의무와 워터마크 표시 방법에 대한 가이드가 없습니다.",
    "영향평가 비용이 너무 비싸고 외부 컨설팅에 기댈 수밖에 없어요.",
    "국내 대리인 지정 의무가 스타트업에도 적용되는지 모르겠습니다.",
    "기준이 없으니 법무 비용만 계속 나가고 출시 일정도 못 잡고 있습니다.",
)
DRAFTS = (
    "AI 기본법 고영향 AI 판단 기준이 불분명해서 우리 제품이 대상인지 알 수가 없어요",
    "과태료 계도기간을 늘려 주세요. 1년 유예로는 준비하기 어렵습니다",
    "워터마크 표시 의무를 어떻게 지켜야 하는지 가이드라인이 필요해요",
    "영향평가 컨설팅 비용이 수천만원이라 너무 비쌉니다",
)


def quality() -> None:
    """Recall and precision over the labelled pairs, at and around the threshold."""
    scored = [(cosine(tokens(pair.draft), tokens(pair.stored)), pair.same) for pair in PAIRS]
    same = sum(label for _, label in scored)
    print(f"labelled pairs: {len(PAIRS)} ({same} same problem, {len(PAIRS) - same} different)")
    for threshold in sorted({0.20, 0.25, 0.30, DEFAULT_THRESHOLD}):
        hits = [label for score, label in scored if score >= threshold]
        recall = sum(hits) / same
        precision = sum(hits) / len(hits) if hits else 1.0
        mark = "  <- in use" if threshold == DEFAULT_THRESHOLD else ""
        print(f"  threshold {threshold:.2f}: recall {recall:.2f}, precision {precision:.2f}{mark}")


async def seed(path: Path, count: int) -> None:
    """A migrated database with `count` open reports of one topic, by as many owners."""
    rng = random.Random(2026)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    rows = []
    for n in range(1, count + 1):
        stamp = (start + timedelta(seconds=n * 60)).isoformat(timespec="microseconds")
        problem = " ".join(rng.choice(PHRASES) for _ in range(rng.randint(6, 12)))
        rows.append((f"SV-2026-{n:06d}", 10_000 + n, CATEGORY, problem, stamp, stamp))
    database = await Database.open(path)
    try:
        await database.executemany(
            "INSERT INTO submissions (receipt_code, user_id, visibility, category_id, problem,"
            " status, created_at, updated_at, language)"
            " VALUES (?, ?, 'anonymous', ?, ?, 'received', ?, ?, 'ko')",
            rows,
        )
    finally:
        await database.close()


async def _answered(emulator: BotApiEmulator, chat_id: int, act: Callable[[], object]) -> float:
    """Do something as the user; seconds until the bot answered (polled)."""
    started = time.perf_counter()
    act()
    while not emulator.replies(chat_id):
        if time.perf_counter() - started > 120:
            raise TimeoutError(f"chat {chat_id} got no answer")
        await asyncio.sleep(0.001)
    return time.perf_counter() - started


async def _tap(emulator: BotApiEmulator, chat_id: int, data: str) -> None:
    """Tap a button once the bot has shown it; wait for the answer."""
    started = time.perf_counter()
    while True:
        try:
            await _answered(emulator, chat_id, lambda: emulator.tap(chat_id, callback_data=data))
        except AssertionError:
            if time.perf_counter() - started > 120:
                raise
            await asyncio.sleep(0.005)
        else:
            return


async def _help_latencies(emulator: BotApiEmulator, chat_id: int, until: asyncio.Event) -> list:
    """/help again and again until told to stop; each answer's latency in seconds."""
    seen: list[float] = []
    while not until.is_set():
        seen.append(
            await _answered(emulator, chat_id, lambda: emulator.send_text(chat_id, "/help"))
        )
        await asyncio.sleep(0.01)
    return seen


async def cost(reports: int, owners: int) -> None:
    """Ready screens at `reports` open reports of a topic, and another person's /help meanwhile."""
    folder = Path(tempfile.mkdtemp(prefix="sotong-similar-"))
    started = time.perf_counter()
    await seed(folder / "sotong.db", reports)
    print(f"{reports:,} open reports of one topic written in {time.perf_counter() - started:.1f} s")
    emulator = BotApiEmulator(limits=EmulatorLimits().without_flood_control(), delivery_timeout=120)
    await emulator.start()
    settings = load_settings(
        bot_token=TOKEN,
        bot_api_base_url=emulator.base_url,
        bot_api_file_url=emulator.base_file_url,
        database_path=folder / "sotong.db",
        reply_rate_per_second=0,
        input_burst=10_000,
        log_level="ERROR",
        _env_file=None,
    )
    other = emulator.create_user("민수", started=True)
    solo = emulator.create_user("혼자", started=True)
    typing = [emulator.create_user(f"사장{n}", started=True) for n in range(owners)]
    stack = running_bot(settings, clock=FrozenClock(datetime.now(UTC)), poll_timeout=1)
    await stack.__aenter__()
    try:
        for user in (other, solo, *typing):
            await _answered(emulator, user.id, lambda u=user: emulator.send_text(u.id, "/start"))
            for data in ("start:lang:ko", "consent:agree"):
                await _tap(emulator, user.id, data)
        for user in (solo, *typing):
            await _answered(emulator, user.id, lambda u=user: emulator.send_text(u.id, "/feedback"))
            await _tap(emulator, user.id, f"fb:cat:{CATEGORY}")
        idle = [
            await _answered(emulator, other.id, lambda: emulator.send_text(other.id, "/help"))
            for _ in range(10)
        ]
        alone = await _answered(emulator, solo.id, lambda: emulator.send_text(solo.id, DRAFTS[0]))
        done = asyncio.Event()
        helps = asyncio.create_task(_help_latencies(emulator, other.id, done))
        waits = await asyncio.gather(
            *(
                _answered(
                    emulator,
                    user.id,
                    lambda u=user, n=n: emulator.send_text(u.id, DRAFTS[n % len(DRAFTS)]),
                )
                for n, user in enumerate(typing)
            )
        )
        done.set()
        loaded = await helps
        offered = sum("fb:metoo" in str(emulator.replies(user.id)) for user in typing)
    finally:
        await stack.__aexit__(None, None, None)
        await emulator.stop()
    print(
        f"/help alone: median {statistics.median(idle) * 1000:.0f} ms, worst "
        f"{max(idle) * 1000:.0f} ms"
    )
    print(
        f"/help while {owners} owners reach their ready screens at once ({len(loaded)} asked): "
        f"median {statistics.median(loaded) * 1000:.0f} ms, 95th percentile "
        f"{_p95(loaded) * 1000:.0f} ms, worst {max(loaded) * 1000:.0f} ms "
        f"(target < {TARGET_MS:.0f} ms)"
    )
    print(f"one ready screen alone: {alone * 1000:.0f} ms")
    print(
        f"ready screens, {owners} at once: median {statistics.median(waits) * 1000:.0f} ms, worst "
        f"{max(waits) * 1000:.0f} ms; {offered} of {owners} offered a similar report"
    )


def _p95(values: list[float]) -> float:
    """The 95th percentile (the worst value when there are fewer than twenty)."""
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def main() -> int:
    """Parse the arguments and run both parts."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--owners", type=int, default=20)
    arguments = parser.parse_args()
    quality()
    for reports in (0, arguments.reports):
        asyncio.run(cost(reports, arguments.owners))
    return 0


if __name__ == "__main__":
    sys.exit(main())
