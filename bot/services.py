"""The services one running bot shares between its handlers and jobs."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import Settings
from bot.domain.accounts import AccountService
from bot.domain.clock import Clock
from storage.audit import AuditRepository
from storage.database import Database
from storage.reference import ReferenceRepository
from storage.users import UserRepository

__all__ = ["Services"]


@dataclass(frozen=True, slots=True)
class Services:
    """Everything a handler may call, built once at start-up."""

    settings: Settings
    database: Database
    clock: Clock
    users: UserRepository
    accounts: AccountService
    reference: ReferenceRepository
    audit: AuditRepository

    @classmethod
    def create(cls, settings: Settings, database: Database, clock: Clock) -> Services:
        """Wire repositories and services over one database."""
        users = UserRepository(database)
        return cls(
            settings=settings,
            database=database,
            clock=clock,
            users=users,
            accounts=AccountService(users, clock, settings.default_language),
            reference=ReferenceRepository(database),
            audit=AuditRepository(database),
        )
