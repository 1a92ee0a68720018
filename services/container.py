"""What every handler and job of one running bot may use: services, queries and a few settings.

The wiring (`bot/wiring.py`) builds it once at start-up. A change goes through a service, the
one way into its use case. A view that only reads goes straight to a query object of storage/
(a `...Queries` class: reads, no writes), as a service that merely forwarded the call would add
nothing. Handlers never see a repository's writes, the database or the settings object.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.privacy import PrivacyTerms
from domain.subscriptions import QuietHours
from services.accounts import AccountService
from services.agenda import AgendaService
from services.assembly_sync import BillSyncService
from services.backups import BackupService
from services.burden import BurdenService
from services.content_admin import ContentAdminService
from services.deadlines import DeadlineService
from services.delivery import OutboxSender
from services.dispatch import PolicyDispatcher
from services.draft_reminders import DraftReminders
from services.export import ExportService
from services.follow_ups import FollowUpService
from services.inbox_search import InboxSearch
from services.inputs import InputService
from services.intake import IntakeService
from services.retention import RetentionService
from services.review import ReviewService
from services.stats import StatsService
from services.subscribing import SubscriptionService
from storage.agenda import LinkQueries
from storage.audit import AuditQueries
from storage.bills import BillQueries
from storage.deadlines import DeadlineQueries
from storage.drafts import DraftQueries
from storage.follow_ups import FollowUpQueries
from storage.inputs import InputQueries
from storage.interests import InterestQueries
from storage.meetings import MeetingQueries
from storage.outbox import OutboxQueries
from storage.reference import ReferenceQueries
from storage.submissions import SubmissionQueries
from storage.subscriptions import SubscriptionQueries
from storage.users import UserQueries

__all__ = ["Services"]


@dataclass(frozen=True, slots=True)
class Services:
    """Built once at start-up and shared by every update and job."""

    clock: Clock
    admin_ids: frozenset[int]
    default_language: str
    zone: ZoneInfo
    quiet: QuietHours
    privacy: PrivacyTerms
    accounts: AccountService
    users: UserQueries
    reference: ReferenceQueries
    submissions: SubmissionQueries
    intake: IntakeService
    drafts: DraftQueries
    """Read-only: the screens that show a draft (changes go through `intake`)."""
    draft_reminders: DraftReminders
    review: ReviewService
    inputs: InputService
    forms: InputQueries
    """Read-only: a person's open question and the forms they are half-way through."""
    audit: AuditQueries
    exports: ExportService
    stats: StatsService
    content: ContentAdminService
    meetings: MeetingQueries
    bills: BillQueries
    subscriptions: SubscriptionService
    subscribers: SubscriptionQueries
    interests: InterestQueries
    dispatcher: PolicyDispatcher
    delivery: OutboxSender
    delivery_status: OutboxQueries
    retention: RetentionService
    backups: BackupService
    assembly: BillSyncService | None
    deadlines: DeadlineService
    due_dates: DeadlineQueries
    """Read-only: why an answer was put off."""
    agenda: AgendaService
    links: LinkQueries
    """Read-only: what a submission is linked to, and the item an import key names."""
    inbox_search: InboxSearch
    follow_ups: FollowUpService
    follow_up_answers: FollowUpQueries
    """Read-only: an owner's verdict and the summary of them."""
    burden: BurdenService

    def is_admin(self, user_id: int | None) -> bool:
        """Whether this user is listed in ADMIN_IDS; re-checked on every admin update, so cheap."""
        return user_id is not None and user_id in self.admin_ids
