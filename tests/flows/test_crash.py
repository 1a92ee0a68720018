"""`kill -9` of a real `python -m bot` between an admin's status change and the notice's delivery.

The notice was queued in the transaction of the change, so the restarted bot delivers it, once.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from bot.config import load_settings
from bot.wiring import Wiring
from domain.clock import FrozenClock
from domain.submissions import NewSubmission, ReportContent, Visibility
from sandbox.emulator import BotApiEmulator, ScriptedUser
from storage.database import Database
from tests.admin.support import open_label
from tests.fixtures.app import START, TEST_TOKEN

ROOT = Path(__file__).resolve().parents[2]
ADMIN = 900_001
NOTICE = "상태가 바뀌었어요"


async def _arrange(database_path: Path, owner: int) -> str:
    """An owner with one submission and an administrator, both past the consent step."""
    settings = load_settings(
        bot_token=TEST_TOKEN, database_path=database_path, admin_ids=str(ADMIN), _env_file=None
    )
    database = await Database.open(database_path)
    try:
        wiring = Wiring.create(settings, database, FrozenClock(START))
        services = wiring.services
        for user_id in (owner, ADMIN):
            await services.accounts.arrive(user_id, "ko")
            await services.accounts.agree(
                user_id,
                notice_version=services.privacy.notice_version,
                display_name=None,
                username=None,
            )
        submission = await wiring.repositories.submissions.create(
            NewSubmission(
                content=ReportContent(
                    category_id="ai_basic_act",
                    problem="AI 기본법 과태료 기준이 불분명해 준비를 못 하고 있습니다.",
                    law_unsure=True,
                    impact=4,
                ),
                user_id=owner,
                visibility=Visibility.ANONYMOUS,
                submitter_name=None,
                submitter_username=None,
                language="ko",
                attachments=(),
            ),
            year=2026,
            now=START,
        )
    finally:
        await database.close()
    return submission.receipt_code


@asynccontextmanager
async def _bot(emulator: BotApiEmulator, home: Path) -> AsyncIterator[asyncio.subprocess.Process]:
    """`python -m bot` against the emulator; stopped with SIGINT unless the test killed it."""
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "BOT_TOKEN": TEST_TOKEN,
        "BOT_API_BASE_URL": emulator.base_url,
        "BOT_API_FILE_URL": emulator.base_file_url,
        "DATABASE_PATH": str(home / "sotong.db"),
        "ADMIN_IDS": str(ADMIN),
        "QUIET_HOURS": "off",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=ROOT,
        env=environment,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.terminate()
        await asyncio.wait_for(process.communicate(), 30)


async def _until(condition: Callable[[], bool], what: str, within: float = 30) -> None:
    """Poll a condition on the emulator's state while the bot runs in its own process."""
    try:
        async with asyncio.timeout(within):
            while not condition():  # noqa: ASYNC110 (another process acts; nothing to await)
                await asyncio.sleep(0.05)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


def _said(user: ScriptedUser, fragment: str) -> Callable[[], bool]:
    return lambda: any(m.sender == "bot" and fragment in (m.text or "") for m in user.transcript)


async def _tap_and_wait(user: ScriptedUser, label: str, then: str) -> None:
    await user.tap(label)
    await _until(_said(user, then), f"{then!r} after tapping {label!r}")


def _notices(emulator: BotApiEmulator, owner: ScriptedUser) -> int:
    return sum(
        1
        for call in emulator.calls("sendMessage")
        if call.ok
        and str(call.params.get("chat_id")) == str(owner.id)
        and NOTICE in str(call.params.get("text"))
    )


async def test_a_notice_survives_kill_9_after_the_change_and_arrives_once(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    owner = emulator.create_user("민수", started=True)
    admin = emulator.create_user("관리자", user_id=ADMIN, started=True)
    code = await _arrange(tmp_path / "sotong.db", owner.id)
    emulator.start_outage(method="sendMessage", chat_id=owner.id)

    async with _bot(emulator, tmp_path) as first:
        await admin.send("/inbox")
        await _until(_said(admin, code), "the inbox")
        await _tap_and_wait(admin, open_label(admin, code), "처리 이력")
        await _tap_and_wait(admin, "🔎 검토 시작", "알림이 바로 가요")
        await _until(
            lambda: any(
                call.injected and str(call.params.get("chat_id")) == str(owner.id)
                for call in emulator.calls("sendMessage")
            ),
            "the sender's first (refused) attempt",
        )
        first.kill()
        await first.wait()
    emulator.end_outage()
    assert _notices(emulator, owner) == 0

    async with _bot(emulator, tmp_path):
        await _until(lambda: _notices(emulator, owner) >= 1, "the notice after the restart")
        database = sqlite3.connect(f"file:{tmp_path / 'sotong.db'}?mode=ro", uri=True)
        try:
            await _until(
                lambda: (
                    database.execute(
                        "SELECT COUNT(*) FROM outbox WHERE status = 'pending'"
                    ).fetchone()[0]
                    == 0
                ),
                "the notice recorded as sent",
            )
        finally:
            database.close()
    assert _notices(emulator, owner) == 1
