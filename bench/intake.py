"""Intake benchmark: many users completing /feedback at once, next to a bare PTB echo bot.

    uv run python bench/intake.py [--users 200]

One emulator runs in this process with its flood limits lifted. Each bot runs in its own child
process against it, one after the other, so the peak memory reported (the child's maximum
resident set, which it reports as it exits) belongs to that bot alone:

- a python-telegram-bot echo bot with PTB's defaults (updates handled one at a time);
- Sotong as it runs in production (`UserOrderedUpdateProcessor`: users concurrently, each
  user's updates in order) on a fresh SQLite file.

Every simulated user sends each bot the same number of updates and waits until the bot has
fully handled one before sending the next, as a person would (the child reports each handled
update id on its stdout). The figure is updates handled end to end per second.
Target: Sotong at least 0.8x the echo bot's rate in the same run (issue 19; goal 1x).

A third run takes Sotong's quick path (a topic, the problem, submit now) for the figure an
owner feels: reports per second with every detail asked, and with none.

A last run counts what each kind of action of one owner costs the database (typed answers,
taps, a file, /feedback, Submit, and another owner's problem answer that finds the first
one's report similar), one owner at a time on the bot so that each count is that update's:
database round trips (each call the handlers wait on: a read, a search, a single write, or a
unit of work, one transaction whatever it holds, as `storage/database.py` makes them) and hops
to SQLite's threads (each statement, fetch and commit made on a thread; the ones made on the
event loop, as ordinary writes are, hand nothing over). Counted by wrapping those calls in
the child, from the first handler to the last; the update journal's two writes per update
(received; handled, which also records the question the handlers asked) come on top.
Target: at most 3 per typed answer (issue 19).

Sotong's reply pacing (right for real Telegram) and its input budget are lifted in the child
through their settings, as the emulator's flood limits are: the bench measures the bot, not the
limits.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from telegram import Update  # noqa: E402
from telegram.ext import (  # noqa: E402
    Application,
    ApplicationBuilder,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from sandbox.emulator import BotApiEmulator, EmulatorLimits  # noqa: E402

TOKEN = "123456789:AAbenchTOKENforTHEemulatorONLY_0123456789"
TARGET_RATIO = 0.8
TARGET_ROUND_TRIPS = 3
DONE_GROUP = 1000
UPDATES_PER_USER = 18
CATEGORIES = ("ai_copyright", "data_access", "ai_cost", "funding", "kiosk_access", "labeling")
PROBLEMS = (
    "저작물마다 허락을 받아 AI 학습데이터로 쓰는 것은 현실적으로 불가능합니다.",
    "공공 데이터 형식이 기관마다 달라 연계하는 데 몇 달이 걸립니다.",
    "AI 도입 비용에 비해 성과를 증명하기 어려워 지원사업 심사에서 떨어집니다.",
    "키오스크 배리어프리 기준을 맞추려면 기기를 모두 바꿔야 합니다.",
)

TYPED = (
    "저작권법 제35조의5",
    "학습 목적의 이용은 허락 없이 할 수 있게 해 주세요.",
    "월 300만원",
    "주 5시간",
)
"""What the counting run types after the problem: a law, a proposal, two costs."""

# --------------------------------------------------------------------------- the child: a bot

_COUNTS: ContextVar[list[int] | None] = ContextVar("database_counts", default=None)
"""[database round trips, thread hops] made while handling the current update, when counted."""
START_GROUP = -1000


async def _start_counting(update: object, _: object) -> None:
    """The first handler group: count this update's database work from here."""
    _COUNTS.set([0, 0])


def _count_database_work() -> None:
    """Wrap the database's calls and the hops to SQLite's threads to count them per update.

    Patched in the bench's child process only: production code carries no counters.
    """
    import aiosqlite  # noqa: PLC0415

    from storage.connection import Connection  # noqa: PLC0415
    from storage.database import Database  # noqa: PLC0415

    def counted(index: int, call: Callable[..., Any]) -> Callable[..., Any]:
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            counts = _COUNTS.get()
            if counts is not None:
                counts[index] += 1
            return await call(*args, **kwargs)

        return wrapper

    transaction = Database.transaction

    @contextlib.asynccontextmanager
    async def counted_transaction(self: Database, **kwargs: Any) -> AsyncIterator[Any]:
        counts = _COUNTS.get()
        if counts is not None:
            counts[0] += 1
        async with transaction(self, **kwargs) as connection:
            yield connection

    Database.fetch_all = counted(0, Database.fetch_all)  # type: ignore[method-assign]
    search = Database.search

    async def counted_search(self: Database, *args: Any) -> Any:
        # A search runs on its own thread with the standard sqlite3 module: one round trip
        # and one hop, which aiosqlite's wrapper below does not see.
        counts = _COUNTS.get()
        if counts is not None:
            counts[0] += 1
            counts[1] += 1
        return await search(self, *args)

    Database.search = counted_search  # type: ignore[method-assign]
    Database.execute = counted(0, Database.execute)  # type: ignore[method-assign]
    Database.transaction = counted_transaction  # type: ignore[method-assign]
    aiosqlite.Connection._execute = counted(1, aiosqlite.Connection._execute)  # type: ignore[method-assign]
    call = Connection._call

    async def counted_call(self: Connection, *args: Any) -> Any:
        # The thread writer's statements are hops; the loop writer's run where they are called.
        counts = _COUNTS.get()
        if counts is not None and self._worker is not None:
            counts[1] += 1
        return await call(self, *args)

    Connection._call = counted_call  # type: ignore[method-assign,assignment]


async def _report_handled(update: object, _: object) -> None:
    """The last handler group: tell the parent this update is fully handled (and its counts)."""
    if isinstance(update, Update):
        counts = _COUNTS.get() or [-1, -1]
        sys.stdout.write(f"{update.update_id} {counts[0]} {counts[1]}\n")
        sys.stdout.flush()


async def _until_stdin_closes() -> None:
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)


def _report_peak_memory(cpu_at_ready: float) -> None:
    """Tell the parent this process's peak resident set (kilobytes on Linux) and CPU seconds.

    The CPU counted is what the process spent from "ready" on: handling the users' updates
    (and stopping), not importing and starting up. The peak is Linux's `VmHWM`, this program's
    own: `ru_maxrss` also keeps the peak of the parent the child was forked from (the kernel
    carries it over at `exec`), so it reported the emulator's growth from one run to the next.
    """
    status = Path("/proc/self/status")
    peaks = [
        int(line.split()[1])
        for line in (status.read_text().splitlines() if status.exists() else ())
        if line.startswith("VmHWM:")
    ]
    peak = peaks[0] if peaks else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak {peak} {time.process_time() - cpu_at_ready:.3f}", flush=True)


async def serve_echo(base_url: str) -> None:
    """A bare PTB echo bot: defaults everywhere, one update at a time."""

    async def echo(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        await update.effective_message.reply_text(update.effective_message.text)

    application: Application[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder().token(TOKEN).base_url(base_url).build()
    )
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.add_handler(TypeHandler(Update, _report_handled), group=DONE_GROUP)
    async with application:
        assert application.updater is not None
        await application.updater.start_polling(timeout=1)
        await application.start()
        cpu_at_ready = time.process_time()
        print("ready", flush=True)
        await _until_stdin_closes()
        await application.updater.stop()
        await application.stop()
    _report_peak_memory(cpu_at_ready)


async def serve_sotong(
    base_url: str, file_url: str, database_path: Path, *, count: bool = False
) -> None:
    """Sotong as in production, on a fresh database, with reply pacing and input budget lifted.

    With `count`, each update's database work is counted and reported with it.
    """
    from bot.app import ALLOWED_UPDATES, build_application, on_startup  # noqa: PLC0415
    from bot.config import load_settings  # noqa: PLC0415
    from bot.wiring import Wiring  # noqa: PLC0415
    from domain.clock import SystemClock  # noqa: PLC0415
    from storage.database import Database  # noqa: PLC0415

    settings = load_settings(
        bot_token=TOKEN,
        bot_api_base_url=base_url,
        bot_api_file_url=file_url,
        database_path=database_path,
        submission_daily_limit=1000,
        # The emulator's flood limits are lifted, so are the bot's: no reply pacing, and an
        # input budget no simulated user reaches (each answers as fast as the bot replies).
        reply_rate_per_second=0,
        input_burst=10_000,
        log_level="WARNING",
        _env_file=None,
    )
    if count:
        _count_database_work()
    database = await Database.open(settings.database_path)
    try:
        application = build_application(Wiring.create(settings, database, SystemClock()))
        application.add_handler(TypeHandler(Update, _start_counting), group=START_GROUP)
        application.add_handler(TypeHandler(Update, _report_handled), group=DONE_GROUP)
        await application.initialize()
        try:
            await on_startup(application)
            assert application.updater is not None
            await application.updater.start_polling(timeout=1, allowed_updates=ALLOWED_UPDATES)
            await application.start()
            gc.freeze()  # as `python -m bot` does once it is running
            cpu_at_ready = time.process_time()
            print("ready", flush=True)
            await _until_stdin_closes()
            await application.updater.stop()
            await application.stop()
        finally:
            await application.shutdown()
    finally:
        await database.close()
    _report_peak_memory(cpu_at_ready)


# --------------------------------------------------------------------------- the parent: users


class Completion:
    """Futures resolved by the child's reports of handled updates."""

    def __init__(self) -> None:
        self._futures: dict[int, asyncio.Future[None]] = {}
        self.counts: dict[int, tuple[int, int]] = {}
        """Database calls and thread hops of each update, when the child counted them."""

    def _future(self, update_id: int) -> asyncio.Future[None]:
        if update_id not in self._futures:
            self._futures[update_id] = asyncio.get_running_loop().create_future()
        return self._futures[update_id]

    def handled(self, update_id: int, counts: tuple[int, int]) -> None:
        """The child handled this update, with these database calls and thread hops."""
        self.counts[update_id] = counts
        future = self._future(update_id)
        if not future.done():
            future.set_result(None)

    async def wait(self, update_id: int | None) -> None:
        """Wait until the bot handled this update."""
        assert update_id is not None, "the emulator filtered the update"
        await asyncio.wait_for(self._future(update_id), timeout=120)
        del self._futures[update_id]


Script = Callable[[BotApiEmulator, Completion, int], Awaitable[int]]


async def echo_script(emulator: BotApiEmulator, completion: Completion, index: int) -> int:
    """As many text messages as one Sotong submission takes, each echoed back."""
    user = emulator.create_user(f"echo{index}", language_code="ko")
    for step in range(UPDATES_PER_USER):
        _, update_id = emulator.send_text(user.id, f"message {step}")
        await completion.wait(update_id)
    return UPDATES_PER_USER


class _Owner:
    """One simulated owner: each action waits until the bot handled it, and is counted."""

    def __init__(self, emulator: BotApiEmulator, completion: Completion, index: int) -> None:
        self.emulator = emulator
        self.completion = completion
        self.index = index
        self.uid = emulator.create_user(f"user{index}", language_code="ko").id
        self.count = 0
        self.typed: list[int] = []
        """The update ids of the answers typed: the problem, then the details."""
        self.tapped: list[int] = []
        """The update ids of the button answers counted (the topic, then the details)."""
        self.entered = 0
        """The update id of /feedback."""

    async def _handled(self, update_id: int | None) -> None:
        await self.completion.wait(update_id)
        self.count += 1

    async def send(self, text: str) -> int:
        update_id = self.emulator.send_text(self.uid, text)[1]
        await self._handled(update_id)
        assert update_id is not None
        return update_id

    async def answer(self, text: str) -> None:
        self.typed.append(await self.send(text))

    async def tap(self, data: str) -> int:
        update_id = self.emulator.tap(self.uid, callback_data=data)[1]
        await self._handled(update_id)
        assert update_id is not None
        return update_id

    async def upload(self, name: str) -> int:
        update_id = self.emulator.upload_document(self.uid, b"%PDF-1.4 quote", name)[1]
        await self._handled(update_id)
        assert update_id is not None
        return update_id

    async def describe(self) -> None:
        """/start, consent, /feedback, a topic and the problem: the ready screen."""
        await self.send("/start")
        await self.tap("start:lang:ko")
        await self.tap("consent:agree")
        self.entered = await self.send("/feedback")
        self.tapped.append(await self.tap(f"fb:cat:{CATEGORIES[self.index % len(CATEGORIES)]}"))
        self.typed.append(
            await self.send(f"{PROBLEMS[self.index % len(PROBLEMS)]} (사례 {self.index})")
        )

    def receipt(self) -> int:
        if not any("SV-" in (message.text or "") for message in self.emulator.transcript(self.uid)):
            raise RuntimeError(f"user {self.index} got no receipt code")
        return self.count


async def sotong_script(emulator: BotApiEmulator, completion: Completion, index: int) -> int:
    """/start, consent, then /feedback through every detail to a receipt code."""
    owner = _Owner(emulator, completion, index)
    await owner.describe()
    if not index % 2:
        await owner.tap("fb:vis:named")
    await owner.tap("fb:more")
    await owner.tap("fb:skip:law")
    await owner.tap("fb:skip:proposal")
    await owner.tap(f"fb:impact:{index % 5 + 1}")
    await owner.tap("fb:next:cost")
    await owner.upload("quote.pdf")
    await owner.tap("fb:next:attachments")
    await owner.tap("fb:region:seoul")
    await owner.tap("fb:size:small")
    await owner.tap("fb:industry:ict")
    await owner.tap("fb:submit")
    return owner.receipt()


async def quick_script(emulator: BotApiEmulator, completion: Completion, index: int) -> int:
    """/start, consent, then the quick path: a topic, the problem, submit now."""
    owner = _Owner(emulator, completion, index)
    await owner.describe()
    await owner.tap("fb:submit")
    return owner.receipt()


COUNTED = ("typed", "tap", "upload", "feedback", "submit", "problem, a similar report shown")
"""What the counting run counts, each a list of (database round trips, thread hops)."""
COUNTS: dict[str, list[tuple[int, int]]] = {name: [] for name in COUNTED}

SIMILAR_OWNER = len(CATEGORIES) * len(PROBLEMS)
"""An owner index with owner 0's topic and problem: their problem finds owner 0's report."""


async def typed_script(emulator: BotApiEmulator, completion: Completion, index: int) -> int:
    """Every kind of action of one owner counted, then a second owner's problem that finds it.

    The problem, then a law, a proposal and two costs typed; the topic, more details, the
    severity, a cost unit, the cost's Next, the evidence's Next and a skipped region tapped;
    one file; /feedback and Submit. Then another owner with the same topic and problem: their
    problem answer shows the first report as similar.
    """
    owner = _Owner(emulator, completion, index)
    await owner.describe()
    owner.tapped.append(await owner.tap("fb:more"))
    await owner.answer(TYPED[0])
    await owner.answer(TYPED[1])
    owner.tapped.append(await owner.tap("fb:impact:4"))
    await owner.answer(TYPED[2])
    owner.tapped.append(await owner.tap("fb:cost:hours"))
    await owner.answer(TYPED[3])
    owner.tapped.append(await owner.tap("fb:next:cost"))
    uploaded = await owner.upload("quote.pdf")
    owner.tapped.append(await owner.tap("fb:next:attachments"))
    owner.tapped.append(await owner.tap("fb:skip:region"))
    submitted = await owner.tap("fb:submit")
    counts = completion.counts
    COUNTS["typed"].extend(counts[update_id] for update_id in owner.typed)
    COUNTS["tap"].extend(counts[update_id] for update_id in owner.tapped)
    COUNTS["upload"].append(counts[uploaded])
    COUNTS["feedback"].append(counts[owner.entered])
    COUNTS["submit"].append(counts[submitted])
    second = _Owner(emulator, completion, index + SIMILAR_OWNER)
    await second.describe()
    COUNTS["problem, a similar report shown"].append(counts[second.typed[0]])
    if "fb:metoo" not in str([message.to_json() for message in emulator.transcript(second.uid)]):
        raise RuntimeError("the second owner was shown no similar report")
    await second.tap("fb:submit")
    return owner.receipt() + second.receipt()


@dataclass
class Phase:
    """One bot's result."""

    name: str
    updates: int
    seconds: float
    peak_mb: float
    bot_cpu: float
    """CPU seconds the bot's process spent while the users ran (and while it stopped)."""
    bench_cpu: float
    """CPU seconds this process (the emulator and the simulated users) spent meanwhile."""

    @property
    def rate(self) -> float:
        """Updates handled end to end per second."""
        return self.updates / self.seconds

    @property
    def bot_ms_per_update(self) -> float:
        """The bot's own CPU per update: what its code costs, whatever the machine's load."""
        return 1000 * self.bot_cpu / self.updates

    @property
    def bench_ms_per_update(self) -> float:
        """The emulator's and the users' CPU per update."""
        return 1000 * self.bench_cpu / self.updates


async def _read_reports(
    stream: asyncio.StreamReader, completion: Completion
) -> tuple[float, float]:
    """Resolve handled updates until the child exits; return its peak memory in MB and CPU."""
    peak_mb = cpu = 0.0
    while line := await stream.readline():
        if line.startswith(b"peak "):
            _, peak, seconds = line.split()
            peak_mb, cpu = int(peak) / 1024, float(seconds)
        else:
            update_id, calls, hops = (int(part) for part in line.split())
            completion.handled(update_id, (calls, hops))
    return peak_mb, cpu


async def run_phase(
    name: str, emulator: BotApiEmulator, script: Script, users: int, child_args: list[str]
) -> Phase:
    """Start the bot in a child, drive every user concurrently, stop it, read its peak memory."""
    completion = Completion()
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--serve",
        *child_args,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert child.stdin is not None and child.stdout is not None
    if await child.stdout.readline() != b"ready\n":
        raise RuntimeError(f"{name} did not start")
    reader = asyncio.create_task(_read_reports(child.stdout, completion))
    started = time.perf_counter()
    cpu_started = time.process_time()
    counts = await asyncio.gather(*(script(emulator, completion, i) for i in range(users)))
    seconds = time.perf_counter() - started
    bench_cpu = time.process_time() - cpu_started
    child.stdin.close()
    status = await child.wait()
    peak_mb, bot_cpu = await reader
    if status != 0:
        raise RuntimeError(f"{name} exited with status {status}")
    return Phase(name, sum(counts), seconds, peak_mb, bot_cpu, bench_cpu)


async def measure(users: int, rounds: int) -> tuple[Phase, Phase, Phase]:
    """Both bots against one emulator, alternating, `rounds` times; the median of each.

    The machine's speed drifts from one moment to the next (shared cores), so one pair of runs
    can differ by a factor of two; alternating and taking medians keeps the ratio honest. The
    quick path runs after them, for what an owner feels: reports per second.
    """
    emulator = BotApiEmulator(limits=EmulatorLimits().without_flood_control(), delivery_timeout=120)
    await emulator.start()
    phases: dict[str, list[Phase]] = {"echo": [], "full": [], "quick": []}
    try:
        with tempfile.TemporaryDirectory() as folder:
            for round_number in range(rounds):
                phases["echo"].append(
                    await run_phase(
                        "PTB echo bot", emulator, echo_script, users, ["echo", emulator.base_url]
                    )
                )
                for path, name, script in (
                    ("full", "Sotong /feedback", sotong_script),
                    ("quick", "Sotong quick path", quick_script),
                ):
                    child = [
                        "sotong",
                        emulator.base_url,
                        emulator.base_file_url,
                        f"{folder}/{path}{round_number}.db",
                    ]
                    phases[path].append(await run_phase(name, emulator, script, users, child))
            counting = ["sotong", emulator.base_url, emulator.base_file_url, f"{folder}/count.db"]
            await run_phase("counting", emulator, typed_script, 1, [*counting, "count"])
    finally:
        await emulator.stop()
    return _median(phases["echo"]), _median(phases["full"]), _median(phases["quick"])


def _median(phases: list[Phase]) -> Phase:
    """The run with the median rate."""
    return sorted(phases, key=lambda phase: phase.rate)[len(phases) // 2]


def main() -> int:
    """Run the benchmark and print a small table; exit 1 when Sotong misses the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200, help="simulated users (default 200)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs (default 3)")
    parser.add_argument("--serve", nargs="+", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.serve:
        kind, *rest = arguments.serve
        if kind == "echo":
            asyncio.run(serve_echo(rest[0]))
        else:
            asyncio.run(serve_sotong(rest[0], rest[1], Path(rest[2]), count="count" in rest[3:]))
        return 0
    echo, sotong, quick = asyncio.run(measure(arguments.users, arguments.rounds))
    print(
        f"{arguments.users} users, flood limits lifted, one emulator, each bot in its own process;"
        f" median of {arguments.rounds} alternating runs"
    )
    print(
        f"{'bot':<18} {'updates':>8} {'seconds':>8} {'updates/s':>10} {'peak RSS MB':>12}"
        f" {'bot CPU ms/update':>18} {'emulator+users CPU ms/update':>29}"
    )
    for phase in (echo, sotong, quick):
        print(
            f"{phase.name:<18} {phase.updates:>8} {phase.seconds:>8.2f} {phase.rate:>10.1f}"
            f" {phase.peak_mb:>12.1f} {phase.bot_ms_per_update:>18.2f}"
            f" {phase.bench_ms_per_update:>29.2f}"
        )
    ratio = sotong.rate / echo.rate
    verdict = "meets" if ratio >= TARGET_RATIO else "MISSES"
    print(
        f"Sotong handles {ratio:.2f}x the echo bot's rate ({verdict} the target of {TARGET_RATIO}x)"
    )
    print(
        f"Reports per second, {arguments.users} owners at once: every detail"
        f" {arguments.users / sotong.seconds:.1f}, quick path {arguments.users / quick.seconds:.1f}"
    )
    typed = [calls for calls, _ in COUNTS["typed"]]
    verdict = "meets" if max(typed) <= TARGET_ROUND_TRIPS else "MISSES"
    print(
        "Database round trips and SQLite thread hops per action, one owner at a time (the"
        " update journal's two writes per update come on top, the second also recording the"
        " question asked):"
    )
    print(
        f"  typed answer (the problem, a law, a proposal, two costs): {typed}, median"
        f" {statistics.median(typed):g} ({verdict} the target of at most {TARGET_ROUND_TRIPS});"
        f" hops {[hops for _, hops in COUNTS['typed']]}"
    )
    for name in COUNTED[1:]:
        print(
            f"  {name}: {[calls for calls, _ in COUNTS[name]]};"
            f" hops {[hops for _, hops in COUNTS[name]]}"
        )
    return 0 if ratio >= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
