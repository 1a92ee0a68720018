"""The services one running bot shares between its handlers and jobs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.config import Settings
from domain.clock import Clock
from domain.delivery import DeliveryPolicy
from messages.catalog.privacy import NOTICE_VERSION
from services.accounts import AccountService
from services.content_admin import ContentAdminService
from services.content_loading import ContentImporter
from services.delivery import OutboxSender
from services.dispatch import PolicyDispatcher
from services.export import ExportService
from services.intake import IntakeService
from services.review import ReviewService
from services.stats import StatsService
from services.subscribing import SubscriptionService
from storage.admin_inputs import PendingInputRepository
from storage.admin_stats import StatsRepository
from storage.announcements import AnnouncementRepository
from storage.audit import AuditRepository
from storage.bills import BillRepository
from storage.content_events import ContentEventRepository
from storage.content_import import ContentImportRepository
from storage.database import Database
from storage.drafts import CompanyProfileRepository, DraftRepository
from storage.erasure import ErasureRepository
from storage.exports import ExportRepository
from storage.interests import InterestRepository
from storage.meetings import MeetingRepository
from storage.merges import MergeRepository
from storage.outbox import OutboxRepository
from storage.reference import ReferenceRepository
from storage.submissions import SubmissionRepository
from storage.subscriptions import SubscriptionRepository
from storage.users import UserRepository

__all__ = ["Services"]


def _policy_services(
    settings: Settings,
    database: Database,
    clock: Clock,
    submissions: SubmissionRepository,
    users: UserRepository,
) -> dict[str, Any]:
    """The policy calendar, bill tracker, subscriptions and the outbox sender."""
    content = ContentAdminService(
        MeetingRepository(database),
        BillRepository(database),
        AnnouncementRepository(database),
        clock,
    )
    events = ContentEventRepository(database)
    interests = InterestRepository(database)
    subscriptions = SubscriptionRepository(database)
    outbox = OutboxRepository(database)

    async def blocked(user_id: int) -> None:
        await users.mark_blocked(user_id, now=clock.now())

    delivery = OutboxSender(
        outbox,
        clock,
        DeliveryPolicy(
            rate_per_second=settings.delivery_rate_per_second,
            per_chat_interval=settings.delivery_per_chat_interval,
            max_attempts=settings.delivery_max_attempts,
        ),
        on_blocked=blocked,
    )
    return {
        "content": content,
        "subscriptions": SubscriptionService(
            subscriptions, interests, events, clock=clock, zone=settings.zone
        ),
        "outbox": outbox,
        "delivery": delivery,
        "dispatcher": PolicyDispatcher(
            subscriptions=subscriptions,
            events=events,
            meetings=content.meetings,
            bills=content.bills,
            announcements=content.announcements,
            interests=interests,
            submissions=submissions,
            clock=clock,
            zone=settings.zone,
            quiet_hours=settings.quiet,
            on_queued=delivery.wake,
        ),
        "content_import": ContentImporter(
            ReferenceRepository(database), ContentImportRepository(database), clock, settings.zone
        ),
    }


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
    submissions: SubmissionRepository
    intake: IntakeService
    erasure: ErasureRepository
    review: ReviewService
    pending_inputs: PendingInputRepository
    exports: ExportService
    stats: StatsService
    content: ContentAdminService
    subscriptions: SubscriptionService
    outbox: OutboxRepository
    delivery: OutboxSender
    dispatcher: PolicyDispatcher
    content_import: ContentImporter

    @classmethod
    def create(cls, settings: Settings, database: Database, clock: Clock) -> Services:
        """Wire repositories and services over one database."""
        users = UserRepository(database)
        submissions = SubmissionRepository(database)
        return cls(
            settings=settings,
            database=database,
            clock=clock,
            users=users,
            accounts=AccountService(users, clock, settings.default_language),
            reference=ReferenceRepository(database),
            audit=AuditRepository(database),
            submissions=submissions,
            intake=IntakeService(
                submissions,
                DraftRepository(database),
                CompanyProfileRepository(database),
                clock,
                zone=settings.zone,
                daily_limit=settings.submission_daily_limit,
                notice_version=NOTICE_VERSION,
            ),
            erasure=ErasureRepository(database),
            review=ReviewService(submissions, MergeRepository(database), clock),
            pending_inputs=PendingInputRepository(database),
            exports=ExportService(
                ExportRepository(database), AuditRepository(database), clock, settings.zone
            ),
            stats=StatsService(StatsRepository(database), clock, settings.zone),
            **_policy_services(settings, database, clock, submissions, users),
        )
