"""Builds one running bot's parts over one database: repositories, then the services on them.

Handlers get only `services` (services/container.py); the rest is kept here for the wiring
itself (the persistence, the command line), the sandbox's demo data and the tests. The services
word what they queue for other people through the channel's composers: Telegram's from
handlers/ unless another channel brings its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.config import Settings
from domain.callback_data import offer_tag
from domain.clock import Clock
from domain.delivery import DeliveryPolicy
from domain.evidence import EvidenceRules
from domain.privacy import PrivacyTerms
from domain.retention import RetentionRule
from handlers.agenda_notices import LinkNoticeWords
from handlers.deadline_texts import DeadlineListTexts
from handlers.digest_texts import PolicyNewsTexts
from handlers.export_words import CatalogExportWording
from handlers.notice_texts import OwnerNoticeTexts
from messages.catalog.privacy import NOTICE_VERSION
from services.accounts import AccountService
from services.agenda import AgendaService, LinkNoticeWriter
from services.assembly_sync import BillSyncService
from services.backups import BackupService
from services.burden import BurdenService
from services.container import Services
from services.content_admin import ContentAdminService
from services.content_loading import ContentImporter
from services.deadlines import DeadlineLists, DeadlineService
from services.delivery import OutboxSender
from services.digests import PolicyNews
from services.dispatch import PolicyDispatcher
from services.draft_reminders import DraftReminders
from services.export import ExportService
from services.follow_ups import FollowUpService
from services.inbox_search import InboxSearch
from services.inputs import InputService
from services.intake import IntakeService
from services.notices import OwnerNotices
from services.retention import RetentionService
from services.review import ReviewService
from services.stats import StatsService
from services.subscribing import SubscriptionService
from storage.admin_searches import AdminSearchRepository
from storage.admin_stats import StatsRepository
from storage.agenda import LinkQueries, LinkRepository
from storage.announcements import AnnouncementRepository
from storage.audit import AuditRepository
from storage.bill_sync import BillSyncRepository
from storage.bills import BillRepository
from storage.burden import BurdenRepository
from storage.content_events import ContentEventRepository
from storage.content_import import ContentImportRepository
from storage.database import Database
from storage.deadlines import DeadlineQueries, DeadlineRepository
from storage.drafts import DraftQueries, DraftRepository
from storage.erasure import ErasureRepository
from storage.exports import ExportRepository
from storage.follow_ups import FollowUpQueries, FollowUpRepository
from storage.inputs import InputQueries, InputRepository
from storage.interests import InterestRepository
from storage.meetings import MeetingRepository
from storage.merges import MergeRepository
from storage.outbox import OutboxRepository
from storage.reference import ReferenceQueries
from storage.retention import RetentionRepository
from storage.signing_keys import SigningKeyRepository
from storage.submissions import SubmissionRepository
from storage.subscriptions import SubscriptionRepository
from storage.users import UserRepository

__all__ = ["Composers", "Repositories", "Wiring"]


@dataclass(frozen=True, slots=True)
class Repositories:
    """One repository per table group, all over the same database."""

    users: UserRepository
    submissions: SubmissionRepository
    reference: ReferenceQueries
    audit: AuditRepository
    meetings: MeetingRepository
    bills: BillRepository
    announcements: AnnouncementRepository
    events: ContentEventRepository
    interests: InterestRepository
    subscriptions: SubscriptionRepository
    outbox: OutboxRepository

    @classmethod
    def over(cls, database: Database) -> Repositories:
        """Every shared repository over one database."""
        return cls(
            users=UserRepository(database),
            submissions=SubmissionRepository(database),
            reference=ReferenceQueries(database),
            audit=AuditRepository(database),
            meetings=MeetingRepository(database),
            bills=BillRepository(database),
            announcements=AnnouncementRepository(database),
            events=ContentEventRepository(database),
            interests=InterestRepository(database),
            subscriptions=SubscriptionRepository(database),
            outbox=OutboxRepository(database),
        )


@dataclass(frozen=True, slots=True)
class Composers:
    """How one channel words the messages the services queue for other people."""

    owners: OwnerNotices
    news: PolicyNews
    links: LinkNoticeWriter
    deadlines: DeadlineLists

    @classmethod
    def telegram(cls, zone: ZoneInfo) -> Composers:
        """Telegram HTML with buttons, dates in the configured zone."""
        return cls(
            owners=OwnerNoticeTexts(zone),
            news=PolicyNewsTexts(zone),
            links=LinkNoticeWords(zone),
            deadlines=DeadlineListTexts(zone),
        )


def _sender(settings: Settings, clock: Clock, stores: Repositories) -> OutboxSender:
    async def blocked(user_id: int) -> None:
        await stores.users.mark_blocked(user_id, now=clock.now())

    return OutboxSender(
        stores.outbox,
        clock,
        DeliveryPolicy(
            rate_per_second=settings.delivery_rate_per_second,
            per_chat_interval=settings.delivery_per_chat_interval,
            give_up_after=timedelta(hours=settings.delivery_give_up_hours),
        ),
        on_blocked=blocked,
    )


def _assembly_sync(
    settings: Settings, database: Database, clock: Clock, stores: Repositories
) -> BillSyncService | None:
    """The National Assembly sync, only with a key: without one, nothing changes."""
    if settings.assembly_api_key is None:
        return None
    return BillSyncService(
        stores.bills,
        BillSyncRepository(database),
        clock,
        base_url=settings.assembly_api_url,
        key=settings.assembly_api_key.get_secret_value(),
    )


def _services(
    settings: Settings,
    database: Database,
    clock: Clock,
    stores: Repositories,
    composers: Composers,
) -> Services:
    delivery = _sender(settings, clock, stores)
    privacy = PrivacyTerms(
        wording_version=NOTICE_VERSION,
        controller=settings.privacy_controller,
        contact=settings.privacy_contact,
        retention_years=settings.retention_years,
        backup_days=settings.backup_keep,
        follow_up_days=settings.follow_up_days,
    )
    return Services(
        clock=clock,
        admin_ids=settings.admin_ids,
        default_language=settings.default_language,
        zone=settings.zone,
        quiet=settings.quiet,
        privacy=privacy,
        accounts=AccountService(
            stores.users, ErasureRepository(database), clock, settings.default_language
        ),
        reference=stores.reference,
        users=stores.users,
        submissions=stores.submissions,
        intake=IntakeService(
            stores.submissions,
            DraftRepository(database),
            InputRepository(database),
            clock,
            units=database.unit_of_work,
            zone=settings.zone,
            daily_limit=settings.submission_daily_limit,
            notice_version=privacy.notice_version,
            signing_keys=SigningKeyRepository(database),
            offer_seal=offer_tag,
            evidence=EvidenceRules(max_megabytes=settings.evidence_max_mb),
            answer_deadline_days=settings.answer_deadline_days,
        ),
        drafts=DraftQueries(database),
        draft_reminders=DraftReminders(
            DraftRepository(database),
            stores.users,
            clock,
            notices=composers.owners,
            zone=settings.zone,
            quiet_hours=settings.quiet,
            on_queued=delivery.wake,
        ),
        review=ReviewService(
            stores.submissions,
            MergeRepository(database),
            clock,
            notices=composers.owners,
            zone=settings.zone,
            quiet_hours=settings.quiet,
            on_queued=delivery.wake,
        ),
        inputs=InputService(InputRepository(database), clock),
        forms=InputQueries(database),
        audit=stores.audit,
        exports=ExportService(
            ExportRepository(database),
            stores.audit,
            clock,
            settings.zone,
            CatalogExportWording(),
        ),
        stats=StatsService(StatsRepository(database), clock, settings.zone),
        content=ContentAdminService(stores.meetings, stores.bills, stores.announcements, clock),
        meetings=stores.meetings,
        bills=stores.bills,
        subscriptions=SubscriptionService(
            stores.subscriptions, stores.interests, stores.events, clock=clock, zone=settings.zone
        ),
        subscribers=stores.subscriptions,
        interests=stores.interests,
        dispatcher=PolicyDispatcher(
            subscriptions=stores.subscriptions,
            events=stores.events,
            meetings=stores.meetings,
            bills=stores.bills,
            announcements=stores.announcements,
            interests=stores.interests,
            submissions=stores.submissions,
            news=composers.news,
            clock=clock,
            zone=settings.zone,
            quiet_hours=settings.quiet,
            on_queued=delivery.wake,
        ),
        delivery=delivery,
        delivery_status=stores.outbox,
        retention=RetentionService(
            RetentionRepository(database),
            database,
            RetentionRule(settings.retention_years),
            clock,
            settings.zone,
            # A nightly backup is kept BACKUP_KEEP days; a day more covers the one being taken.
            erasure_days=settings.backup_keep + 1,
        ),
        backups=BackupService(
            settings.database_path, settings.backup_dir, settings.backup_keep, clock, settings.zone
        ),
        assembly=_assembly_sync(settings, database, clock, stores),
        deadlines=DeadlineService(
            DeadlineRepository(database),
            stores.submissions,
            stores.reference,
            clock,
            lists=composers.deadlines,
            notices=composers.owners,
            zone=settings.zone,
            days=settings.answer_deadline_days,
            admin_ids=settings.admin_ids,
            quiet=settings.quiet,
            on_queued=delivery.wake,
        ),
        due_dates=DeadlineQueries(database),
        links=LinkQueries(database),
        agenda=AgendaService(
            LinkRepository(database),
            stores.submissions,
            stores.meetings,
            stores.bills,
            clock,
            zone=settings.zone,
            quiet=settings.quiet,
            words=composers.links,
            on_queued=delivery.wake,
        ),
        follow_up_answers=FollowUpQueries(database),
        inbox_search=InboxSearch(AdminSearchRepository(database), clock),
        burden=BurdenService(ExportRepository(database), BurdenRepository(database)),
        follow_ups=FollowUpService(
            FollowUpRepository(database),
            clock,
            notices=composers.owners,
            zone=settings.zone,
            days=settings.follow_up_days,
            quiet=settings.quiet,
            on_queued=delivery.wake,
        ),
    )


@dataclass(frozen=True, slots=True)
class Wiring:
    """Settings, the open database, its repositories and the services built on them."""

    settings: Settings
    database: Database
    repositories: Repositories
    composers: Composers
    services: Services
    content_import: ContentImporter

    @classmethod
    def create(
        cls,
        settings: Settings,
        database: Database,
        clock: Clock,
        composers: Composers | None = None,
    ) -> Wiring:
        """Wire repositories and services over one open database.

        What the services queue is worded for Telegram unless another channel's `composers`
        are given.
        """
        stores = Repositories.over(database)
        chosen = composers or Composers.telegram(settings.zone)
        return cls(
            settings=settings,
            database=database,
            repositories=stores,
            composers=chosen,
            services=_services(settings, database, clock, stores, chosen),
            content_import=ContentImporter(
                stores.reference, ContentImportRepository(database), clock, settings.zone
            ),
        )
