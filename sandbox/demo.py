"""Demo data for a new sandbox database: the policy content file and realistic submissions.

Submissions go through the same services the bot uses (intake for drafts and "me too",
review for status moves), each under a frozen clock set to when it happened, so receipt codes,
histories and audit entries look exactly as if people and administrators had used the bot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.wiring import Wiring
from domain.clock import FrozenClock
from domain.content_import import ImportSummary
from domain.drafts import Draft, DraftStep
from domain.follow_up import FollowUpResult
from domain.submissions import Submission, SubmissionStatus, Visibility
from domain.users import User
from sandbox.data_files import Entry, read_yaml
from sandbox.errors import SandboxDataError
from services.review import ReviewService
from storage.merges import MergeRepository

__all__ = [
    "CONTENT_FILE",
    "SUBMISSIONS_FILE",
    "DemoData",
    "DemoSubmission",
    "DemoSubmitter",
    "load_demo",
    "read_demo_submissions",
]

DEMO_DIR = Path(__file__).resolve().parent / "demo"
CONTENT_FILE = DEMO_DIR / "content.yaml"
SUBMISSIONS_FILE = DEMO_DIR / "submissions.yaml"

_SUBMITTER_FIELDS = frozenset({"key", "id", "name", "username", "language"})
_SUBMISSION_FIELDS = frozenset(
    {
        "submitter",
        "days_ago",
        "category",
        "region",
        "size",
        "industry",
        "visibility",
        "impact",
        "cost_hours",
        "cost_won",
        "problem",
        "law",
        "proposal",
        "status",
        "forwarded_to",
        "answer",
        "reason",
        "supporters",
        "expected_in_days",
        "replied_after_days",
        "links",
        "follow_up",
        "follow_up_note",
        "expected_reason",
    }
)
_FINAL = frozenset({SubmissionStatus.ANSWERED, SubmissionStatus.CLOSED, SubmissionStatus.REJECTED})
"""Statuses reached by one last step after the review (and the forwarding, if any)."""
_STATUS_NEEDS = {
    SubmissionStatus.FORWARDED: ("forwarded_to",),
    SubmissionStatus.ANSWERED: ("answer",),
    SubmissionStatus.REJECTED: ("reason",),
}


@dataclass(frozen=True, slots=True)
class DemoSubmitter:
    """Someone who used the bot before the visitor arrived."""

    key: str
    id: int
    name: str
    username: str | None
    language: str


@dataclass(frozen=True, slots=True)
class DemoSubmission:
    """One submission with where it stands now."""

    submitter: DemoSubmitter
    days_ago: int
    category_id: str
    region_id: str | None
    company_size_id: str | None
    industry_id: str | None
    visibility: Visibility
    impact: int
    cost_hours: str | None
    cost_won: str | None
    problem: str
    law: str | None
    proposal: str | None
    status: SubmissionStatus
    forwarded_to: str | None
    answer: str | None
    reason: str | None
    supporters: tuple[DemoSubmitter, ...]
    expected_in_days: int | None = None
    expected_reason: str | None = None
    replied_after_days: int | None = None
    links: tuple[str, ...] = ()
    follow_up: FollowUpResult | None = None
    follow_up_note: str | None = None


@dataclass(frozen=True, slots=True)
class DemoData:
    """Everything read from the submissions file."""

    submitters: tuple[DemoSubmitter, ...]
    submissions: tuple[DemoSubmission, ...]


def _submitter(value: object, where: str) -> DemoSubmitter:
    entry = Entry(value, where, _SUBMITTER_FIELDS)
    language = entry.text("language")
    if language not in ("ko", "en"):
        raise entry.fail("language must be ko or en")
    return DemoSubmitter(
        key=entry.text("key"),
        id=entry.integer("id", minimum=1),
        name=entry.text("name"),
        username=entry.optional_text("username"),
        language=language,
    )


def _submission(value: object, where: str, people: dict[str, DemoSubmitter]) -> DemoSubmission:
    entry = Entry(value, where, _SUBMISSION_FIELDS)

    def person(key: str) -> DemoSubmitter:
        if key not in people:
            raise entry.fail(f"no submitter with key {key!r}")
        return people[key]

    submitter = person(entry.text("submitter"))
    supporters = tuple(person(key) for key in entry.texts("supporters"))
    if submitter in supporters:
        raise entry.fail("a submitter cannot support their own submission")
    try:
        status = SubmissionStatus(entry.text("status"))
        visibility = Visibility(entry.text("visibility"))
    except ValueError as exc:
        raise entry.fail(str(exc)) from None
    follow_up = entry.optional_text("follow_up")
    if follow_up is not None and follow_up not in set(FollowUpResult):
        raise entry.fail("follow_up must be gone, smaller, unchanged or worse")
    if follow_up is not None and status is not SubmissionStatus.ANSWERED:
        raise entry.fail("only an answered submission has a follow-up")
    for field in _STATUS_NEEDS.get(status, ()):
        entry.text(field)
    impact = entry.integer("impact", minimum=1)
    if impact > 5:
        raise entry.fail("impact must be 1 to 5")
    return DemoSubmission(
        submitter=submitter,
        days_ago=entry.integer("days_ago", minimum=1),
        category_id=entry.text("category"),
        region_id=entry.optional_text("region"),
        company_size_id=entry.optional_text("size"),
        industry_id=entry.optional_text("industry"),
        visibility=visibility,
        impact=impact,
        cost_hours=entry.optional_text("cost_hours"),
        cost_won=entry.optional_text("cost_won"),
        problem=entry.text("problem"),
        law=entry.optional_text("law"),
        proposal=entry.optional_text("proposal"),
        status=status,
        forwarded_to=entry.optional_text("forwarded_to"),
        answer=entry.optional_text("answer"),
        reason=entry.optional_text("reason"),
        supporters=supporters,
        expected_in_days=entry.optional_integer("expected_in_days"),
        expected_reason=entry.optional_text("expected_reason"),
        replied_after_days=entry.optional_integer("replied_after_days"),
        links=tuple(entry.texts("links")),
        follow_up=None if follow_up is None else FollowUpResult(follow_up),
        follow_up_note=entry.optional_text("follow_up_note"),
    )


def read_demo_submissions(path: Path = SUBMISSIONS_FILE) -> DemoData:
    """Read and check the demo submissions file.

    Raises:
        SandboxDataError: naming the file and the entry at fault.

    """
    data = read_yaml(path)
    raw_people, raw_items = data.get("submitters"), data.get("submissions")
    if not isinstance(raw_people, list) or not isinstance(raw_items, list):
        raise SandboxDataError(f"{path}: submitters and submissions must be lists")
    submitters = tuple(
        _submitter(item, f"{path}: submitters[{index}]") for index, item in enumerate(raw_people)
    )
    people = {submitter.key: submitter for submitter in submitters}
    if len(people) != len(submitters) or len({p.id for p in submitters}) != len(submitters):
        raise SandboxDataError(f"{path}: two submitters share a key or an id")
    submissions = tuple(
        _submission(item, f"{path}: submissions[{index}]", people)
        for index, item in enumerate(raw_items)
    )
    return DemoData(submitters, submissions)


class _DemoWriter:
    """The bot's own services, rebuilt around a clock the loader moves to each moment."""

    def __init__(self, wiring: Wiring, clock: FrozenClock, admin_id: int) -> None:
        # Follow-up questions are due at once here, so the demo can show their answers.
        settings = wiring.settings.model_copy(update={"follow_up_days": 1})
        services = Wiring.create(settings, wiring.database, clock).services
        self.clock = clock
        self.admin_id = admin_id
        self.accounts = services.accounts
        self.users = services.users
        self.intake = services.intake
        # History replayed at start-up: the demo submitters are told nothing.
        self.review = ReviewService(
            wiring.repositories.submissions,
            MergeRepository(wiring.database),
            clock,
            notices=wiring.composers.owners,
            zone=wiring.settings.zone,
            quiet_hours=wiring.settings.quiet,
            on_queued=services.delivery.wake,
            tell_submitters=False,
        )
        self.deadlines = services.deadlines
        self.agenda = services.agenda
        self.links = services.links
        self.follow_ups = services.follow_ups
        self.notice_version = services.privacy.notice_version

    async def user(self, submitter: DemoSubmitter) -> User:
        found = await self.users.get(submitter.id)
        assert found is not None, f"demo submitter {submitter.key} was not created"
        return found

    async def join(self, submitter: DemoSubmitter) -> None:
        """Arrive, choose the language and agree to the notice, as /start would."""
        await self.accounts.arrive(submitter.id, submitter.language)
        await self.accounts.choose_language(submitter.id, submitter.language)
        await self.accounts.agree(
            submitter.id,
            notice_version=self.notice_version,
            display_name=submitter.name,
            username=submitter.username,
        )

    async def draft(self, item: DemoSubmission) -> Draft:
        """Answer every question of /feedback in order and stop at the review, as a person would.

        The intake rules check each answer (text lengths, amounts) exactly as in the chat.
        """
        intake = self.intake
        draft = await intake.start_draft(await self.user(item.submitter))
        draft = draft.with_category(item.category_id)
        draft = draft.answer(DraftStep.PROBLEM, item.problem)
        draft = draft.with_law(item.law)
        draft = draft.with_proposal(item.proposal)
        draft = draft.with_impact(item.impact)
        if item.cost_hours is not None:
            draft = draft.answer(DraftStep.COST_HOURS, item.cost_hours)
        if item.cost_won is not None:
            draft = draft.answer(DraftStep.COST_WON, item.cost_won)
        draft = draft.with_company(DraftStep.REGION, item.region_id)
        draft = draft.with_company(DraftStep.SIZE, item.company_size_id)
        draft = draft.with_company(DraftStep.INDUSTRY, item.industry_id)
        draft = draft.with_visibility(item.visibility)
        return (await intake.go(draft, DraftStep.REVIEW)).draft

    async def review_steps(
        self, submission: Submission, item: DemoSubmission, now: datetime
    ) -> None:
        """Move the submission to its status through the steps an administrator takes."""
        review, admin, status = self.review, self.admin_id, item.status
        steps: list[SubmissionStatus] = []
        if status is not SubmissionStatus.RECEIVED:
            steps.append(SubmissionStatus.IN_REVIEW)
        if status is SubmissionStatus.FORWARDED or (
            status is SubmissionStatus.ANSWERED and item.forwarded_to is not None
        ):
            steps.append(SubmissionStatus.FORWARDED)
        if status in _FINAL:
            steps.append(status)
        start = submission.created_at
        end = now if item.replied_after_days is None else start + timedelta(item.replied_after_days)
        span = end - start
        for number, step in enumerate(steps, start=1):
            self.clock.set(start + span * number / (len(steps) + 1))
            if step is SubmissionStatus.IN_REVIEW:
                await review.start_review(submission.id, actor_id=admin)
            elif step is SubmissionStatus.FORWARDED:
                await review.forward(submission.id, item.forwarded_to or "", actor_id=admin)
            elif step is SubmissionStatus.ANSWERED:
                await review.answer(submission.id, item.answer or "", actor_id=admin)
            elif step is SubmissionStatus.REJECTED:
                await review.reject(submission.id, item.reason or "", actor_id=admin)
            elif step is SubmissionStatus.CLOSED:
                await review.close(submission.id, actor_id=admin)

    async def write(self, data: DemoData, now: datetime) -> int:
        """Create users, then submissions oldest first so receipt numbers follow the dates."""
        oldest = max((item.days_ago for item in data.submissions), default=1)
        self.clock.set(now - timedelta(days=oldest + 1))
        for submitter in data.submitters:
            await self.join(submitter)
        ordered = sorted(data.submissions, key=lambda item: -item.days_ago)
        written: list[tuple[DemoSubmission, Submission]] = []
        for index, item in enumerate(ordered):
            # Spread the hours too, so the inbox does not show every submission at one minute.
            created = now - timedelta(days=item.days_ago, hours=(index * 5) % 9, minutes=index * 7)
            self.clock.set(created)
            draft = await self.draft(item)
            submission = await self.intake.submit(await self.user(item.submitter), draft)
            for number, supporter in enumerate(item.supporters, start=1):
                self.clock.set(created + timedelta(hours=3 * number))
                backer = await self.user(supporter)
                tag = await self.intake.offer(backer.id, submission.id)
                await self.intake.support(backer, submission.id, tag)
            await self.review_steps(submission, item, now)
            if item.expected_in_days is not None:
                self.clock.set(now - timedelta(hours=1))
                expected = (now + timedelta(days=item.expected_in_days)).astimezone(
                    self.deadlines.zone
                )
                await self.deadlines.extend(
                    f"{submission.receipt_code} {expected.date().isoformat()}"
                    f" {item.expected_reason or ''}",
                    actor_id=self.admin_id,
                )
            await self.link(submission, item, now)
            written.append((item, submission))
        await self.answer_follow_ups(written, now)
        return len(ordered)

    async def answer_follow_ups(
        self, written: list[tuple[DemoSubmission, Submission]], now: datetime
    ) -> None:
        """Ask every resolved submission's owner, then give the answers the file lists."""
        self.clock.set(now - timedelta(minutes=20))
        await self.follow_ups.ask_due()
        for item, submission in written:
            if item.follow_up is None:
                continue
            user_id = item.submitter.id
            await self.follow_ups.answer(user_id, submission.id, item.follow_up)
            if item.follow_up_note is not None:
                await self.follow_ups.add_note(user_id, item.follow_up_note)
            else:
                await self.follow_ups.done(user_id)

    async def link(self, submission: Submission, item: DemoSubmission, now: datetime) -> None:
        """Put the submission on the agenda of the meetings and bills its entry names."""
        for key in item.links:
            target = await self.links.target_for_key(key)
            if target is None:
                raise SandboxDataError(f"{SUBMISSIONS_FILE}: no meeting or bill with key {key!r}")
            self.clock.set(now - timedelta(minutes=30))
            await self.agenda.link(target, submission.id, actor_id=self.admin_id)


async def load_demo(
    wiring: Wiring,
    data: DemoData,
    *,
    admin_id: int,
    content_file: Path = CONTENT_FILE,
) -> tuple[ImportSummary, int]:
    """Import the policy content, then write the demo submissions; returns both counts.

    Raises:
        ContentImportError: the content file does not pass the importer's checks.

    """
    summary = await wiring.content_import.import_file(content_file)
    now = wiring.services.clock.now()
    count = await _DemoWriter(wiring, FrozenClock(now), admin_id).write(data, now)
    return summary, count
