"""Intake fixtures: a real SQLite file with every migration, and the intake service over it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from domain.callback_data import offer_tag
from domain.clock import FrozenClock
from domain.users import User
from messages.catalog.privacy import NOTICE_VERSION
from sandbox.emulator import EmulatorLimits
from services.intake import IntakeService
from storage.database import Database
from storage.drafts import DraftRepository
from storage.erasure import ErasureRepository
from storage.inputs import InputRepository
from storage.signing_keys import SigningKeyRepository
from storage.submissions import SubmissionRepository
from storage.users import UserRepository

SEOUL = ZoneInfo("Asia/Seoul")
START = datetime(2026, 11, 21, 6, 0, tzinfo=UTC)


@pytest.fixture
def emulator_limits() -> EmulatorLimits:
    """Telegram's limits, except the per-chat burst.

    A scripted user answers forty questions in about a second, which no person does; the
    per-chat flood limit (about one message a second) would then fail tests for the test's own
    speed. Everything else (text, caption and callback sizes, the global rate) stays real.
    """
    return EmulatorLimits(private_burst=10_000)


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    db = await Database.open(tmp_path / "intake.db")
    try:
        yield db
    finally:
        await db.close()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(START)


@pytest.fixture
def submissions(database: Database) -> SubmissionRepository:
    return SubmissionRepository(database)


@pytest.fixture
def drafts(database: Database) -> DraftRepository:
    return DraftRepository(database)


@pytest.fixture
def erasure(database: Database) -> ErasureRepository:
    return ErasureRepository(database)


@pytest.fixture
def users(database: Database) -> UserRepository:
    return UserRepository(database)


@pytest.fixture
def intake(
    submissions: SubmissionRepository,
    drafts: DraftRepository,
    database: Database,
    clock: FrozenClock,
) -> IntakeService:
    return IntakeService(
        submissions,
        drafts,
        InputRepository(database),
        clock,
        units=database.unit_of_work,
        zone=SEOUL,
        daily_limit=3,
        notice_version=NOTICE_VERSION,
        signing_keys=SigningKeyRepository(database),
        offer_seal=offer_tag,
    )


class People:
    """Creates consenting users with names, as /start would."""

    def __init__(self, users: UserRepository, clock: FrozenClock) -> None:
        self._users = users
        self._clock = clock

    async def __call__(self, user_id: int, name: str, *, language: str = "ko") -> User:
        await self._users.touch(user_id, language, self._clock.now())
        return await self._users.grant_consent(
            user_id,
            notice_version=NOTICE_VERSION,
            now=self._clock.now(),
            display_name=name,
            username=f"user{user_id}",
        )


@pytest.fixture
def person(users: UserRepository, clock: FrozenClock) -> People:
    return People(users, clock)
