"""The intake use case: drafts, submission, similarity and support over storage."""

from __future__ import annotations

import dataclasses
import hmac
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from domain.amounts import CostUnit
from domain.callback_data import offer_tag
from domain.clock import Clock
from domain.deadlines import due_date
from domain.drafts import FEEDBACK_FLOW, CompanyProfile, Draft, DraftStep
from domain.evidence import (
    EvidenceProblem,
    EvidenceRefusedError,
    EvidenceRules,
    check_evidence,
    check_evidence_content,
)
from domain.feedback_steps import COMPANY_STEPS, first_missing
from domain.intake import (
    SIMILAR_CANDIDATES,
    SIMILAR_LIMIT,
    SIMILAR_WINDOW,
    AttachmentLimitError,
    ConsentRequiredError,
    DailyLimitReachedError,
    DetailsClosedError,
    DraftIncompleteError,
    SimilarSubmission,
    SupportError,
    _checked_text,
    checked_cost,
)
from domain.similarity import rank_similar, search_terms
from domain.submissions import (
    MAX_ATTACHMENTS,
    MAX_LAW_LENGTH,
    MAX_TEXT_LENGTH,
    MIN_PROBLEM_LENGTH,
    Attachment,
    NewSubmission,
    Submission,
    Visibility,
)
from domain.users import User
from storage.drafts import CompanyProfileRepository, DraftRepository
from storage.inputs import InputRepository
from storage.signing_keys import SigningKeyRepository
from storage.submissions import SubmissionRepository

__all__ = ["RECEIPT_RECALL", "IntakeService"]

RECEIPT_RECALL = timedelta(hours=1)
"""How long a repeated Submit tap is answered with the receipt of the submission it made."""

_OFFER_KEY = "me_too_offer"


class IntakeService:
    """Keeps drafts and submissions truthful.

    The `answer_*` methods check an answer and return the draft holding it; `move` then saves
    that draft with the next open question in one write, so every valid answer is stored
    before the next question is asked, at one write per message.
    """

    def __init__(
        self,
        submissions: SubmissionRepository,
        drafts: DraftRepository,
        profiles: CompanyProfileRepository,
        inputs: InputRepository,
        clock: Clock,
        *,
        zone: ZoneInfo,
        daily_limit: int,
        notice_version: str,
        signing_keys: SigningKeyRepository,
        evidence: EvidenceRules | None = None,
        answer_deadline_days: int = 14,
    ) -> None:
        self._signing_keys = signing_keys
        self._submissions = submissions
        self._drafts = drafts
        self._profiles = profiles
        self._inputs = inputs
        self._clock = clock
        self._zone = zone
        self._daily_limit = daily_limit
        self._notice_version = notice_version
        self._evidence = evidence or EvidenceRules()
        self._answer_deadline_days = answer_deadline_days

    def _start_of_today(self) -> datetime:
        local = self._clock.now().astimezone(self._zone)
        return local.replace(hour=0, minute=0, second=0, microsecond=0)

    def require_consent(self, user: User | None) -> User:
        """Nothing personal is stored without consent to the notice the user saw."""
        if user is None or not user.has_consent(self._notice_version):
            raise ConsentRequiredError
        return user

    async def ensure_can_submit(self, user: User | None) -> User:
        """Consent, then the daily limit (counted in the configured zone's calendar day)."""
        user = self.require_consent(user)
        today = await self._submissions.count_created_since(user.id, self._start_of_today())
        if today >= self._daily_limit:
            raise DailyLimitReachedError(self._daily_limit)
        return user

    async def draft(self, user_id: int) -> Draft | None:
        """The user's draft, if any."""
        return await self._drafts.get(user_id)

    async def start_draft(self, user: User) -> Draft:
        """A fresh draft, replacing any earlier one ("start over")."""
        draft = Draft.blank(user.id, user.language, self._clock.now())
        await self._drafts.save(draft)
        return draft

    async def move(
        self, draft: Draft, step: DraftStep, *, editing: bool | None = None, asked: bool = False
    ) -> Draft:
        """Save the draft with its open question, so a restart or /feedback resumes there.

        The answer just given and the step to resume at reach the database in one transaction;
        the step counts as asked only once `asked` follows the question being sent, unless
        the caller stays on a step already asked.
        """
        updated = dataclasses.replace(
            draft,
            step=step,
            editing=draft.editing if editing is None else editing,
            updated_at=self._clock.now(),
        )
        await self._drafts.save(updated, asked=asked)
        return updated

    async def asked(self, draft: Draft) -> None:
        """The draft's step was put to the owner: their next text answers it."""
        await self._inputs.mark_asked(draft.user_id, FEEDBACK_FLOW, str(draft.step))

    async def pause(self, user_id: int) -> None:
        """Park the draft: no question open, the answers kept for `/feedback`."""
        await self._inputs.park(user_id, FEEDBACK_FLOW)

    def answer_category(self, draft: Draft, category_id: str) -> Draft:
        """Store the topic (already checked against the reference list by the caller)."""
        return dataclasses.replace(draft, category_id=category_id)

    def answer_problem(self, draft: Draft, text: str) -> Draft:
        """Store the problem in the owner's words, 10 to 3,500 characters."""
        problem = _checked_text(text, MIN_PROBLEM_LENGTH, MAX_TEXT_LENGTH)
        return dataclasses.replace(draft, problem=problem)

    def add_to_problem(self, draft: Draft, text: str) -> Draft:
        """Text typed at the ready screen is more of the problem ("I forgot to say...").

        Kept, within the problem's limit, rather than dropped for not being a button.
        """
        added = _checked_text(text, 1, MAX_TEXT_LENGTH)
        combined = f"{draft.problem}\n\n{added}" if draft.problem else added
        return self.answer_problem(draft, combined)

    def answer_law(self, draft: Draft, text: str | None, *, unsure: bool = False) -> Draft:
        """Store the law or rule concerned, "not sure", or nothing."""
        law = None if text is None else _checked_text(text, 1, MAX_LAW_LENGTH)
        return dataclasses.replace(draft, law_or_rule=law, law_unsure=unsure and law is None)

    def answer_proposal(self, draft: Draft, text: str | None) -> Draft:
        """Store what the owner proposes, or nothing."""
        proposal = None if text is None else _checked_text(text, 1, MAX_TEXT_LENGTH)
        return dataclasses.replace(draft, proposal=proposal)

    def answer_impact(self, draft: Draft, impact: int | None) -> Draft:
        """Store how badly it hurts, 1 (a little) to 5 (threatens the business), or nothing."""
        if impact is not None and not 1 <= impact <= 5:
            raise ValueError(f"impact {impact} is not on the five-step scale")
        return dataclasses.replace(draft, impact=impact)

    def answer_cost(self, draft: Draft, text: str, unit: CostUnit | None = None) -> Draft:
        """Store a cost as the owner said it ("월 300만원 정도", "주 5시간", "한 번에 300만원").

        `unit` is what the owner chose to give (after "⏱ 시간" or "₩ 금액"); a unit in the text
        wins. Hours and won each keep their own figure; a period not said means a month.
        """
        cost = checked_cost(text, unit)
        if cost.unit is CostUnit.HOURS:
            return dataclasses.replace(draft, hours_cost=cost)
        return dataclasses.replace(draft, won_cost=cost)

    def answer_cost_hours(self, draft: Draft, text: str) -> Draft:
        """Store the hours it takes, from what the owner typed after choosing hours."""
        return self.answer_cost(draft, text, CostUnit.HOURS)

    def answer_cost_won(self, draft: Draft, text: str) -> Draft:
        """Store the cost in won, from what the owner typed after choosing won."""
        return self.answer_cost(draft, text, CostUnit.WON)

    def clear_cost(self, draft: Draft) -> Draft:
        """Drop both cost figures."""
        return dataclasses.replace(draft, hours_cost=None, won_cost=None)

    async def add_attachment(
        self,
        draft: Draft,
        attachment: Attachment,
        download: Callable[[int], Awaitable[bytes | None]],
    ) -> Draft:
        """Keep one more piece of evidence; the same file twice counts once.

        A document's bytes are fetched with `download(limit)` (None: larger than `limit`
        bytes) only once its name, type and size pass, and judged before it is kept.

        Raises:
            EvidenceRefusedError: the file is not on the evidence allow-list, too large, or its
                bytes are not what its name says.
            AttachmentLimitError: the draft already holds as many files as a submission takes.

        """
        rules = self._evidence
        photo = attachment.kind == "photo"
        if photo:
            # Telegram re-encodes every photo as JPEG, whatever the sender's file was.
            check_evidence(None, "image/jpeg", attachment.file_size, rules)
        else:
            check_evidence(attachment.file_name, attachment.mime_type, attachment.file_size, rules)
        if any(item.file_unique_id == attachment.file_unique_id for item in draft.attachments):
            return draft
        if len(draft.attachments) >= MAX_ATTACHMENTS:
            raise AttachmentLimitError(MAX_ATTACHMENTS)
        if not photo:
            # Only now is it worth downloading: the declared kind, size and count all pass.
            content = await download(rules.max_bytes)
            if content is None:
                raise EvidenceRefusedError(EvidenceProblem.TOO_LARGE, rules.max_megabytes)
            check_evidence_content(attachment.file_name, content, rules)
        return dataclasses.replace(draft, attachments=(*draft.attachments, attachment))

    def clear_attachments(self, draft: Draft) -> Draft:
        """Drop every attachment, to send them again."""
        return dataclasses.replace(draft, attachments=())

    async def remembered_profile(self, user_id: int) -> CompanyProfile | None:
        """The profile of the last submission, when there is something to offer back."""
        profile = await self._profiles.get(user_id)
        return None if profile is None or profile.is_empty else profile

    def answer_profile(self, draft: Draft, profile: CompanyProfile) -> Draft:
        """Store a whole profile at once ("same as last time", or "skip")."""
        return dataclasses.replace(
            draft,
            region_id=profile.region_id,
            company_size_id=profile.company_size_id,
            industry_id=profile.industry_id,
        )

    def skip_company(self, draft: Draft, at: DraftStep) -> Draft:
        """Leave the company questions from `at` on unanswered; earlier answers stay."""
        left = COMPANY_STEPS[COMPANY_STEPS.index(at) :]
        return dataclasses.replace(
            draft,
            region_id=None if DraftStep.REGION in left else draft.region_id,
            company_size_id=None if DraftStep.SIZE in left else draft.company_size_id,
            industry_id=None,
        )

    def answer_region(self, draft: Draft, region_id: str | None) -> Draft:
        """Store the region, or none."""
        return dataclasses.replace(draft, region_id=region_id)

    def answer_size(self, draft: Draft, company_size_id: str | None) -> Draft:
        """Store the company size, or none."""
        return dataclasses.replace(draft, company_size_id=company_size_id)

    def answer_industry(self, draft: Draft, industry_id: str | None) -> Draft:
        """Store the industry, or none."""
        return dataclasses.replace(draft, industry_id=industry_id)

    def answer_visibility(self, draft: Draft, visibility: Visibility) -> Draft:
        """Store named or anonymous."""
        return dataclasses.replace(draft, visibility=visibility)

    async def with_default_visibility(self, draft: Draft) -> Draft:
        """The draft with a visibility chosen, ready to submit in one tap.

        The owner's last choice is kept; a first report is anonymous, the safer default for
        people wary of being seen to complain about a regulator.
        """
        if draft.visibility is not None:
            return draft
        last = await self._submissions.last_visibility(draft.user_id)
        return dataclasses.replace(draft, visibility=last or Visibility.ANONYMOUS)

    async def start_details(self, user: User | None, submission_id: int) -> Draft:
        """A draft holding a sent report's details, to add to or change them.

        Raises:
            DetailsClosedError: the report is not the user's, or no longer open.

        """
        user = self.require_consent(user)
        submission = await self._submissions.get(submission_id)
        if (
            submission is None
            or not submission.is_open
            or submission.merged_into is not None
            or submission.hidden
            or not await self._submissions.is_owner(submission.id, user.id)
        ):
            raise DetailsClosedError
        draft = dataclasses.replace(
            Draft.blank(user.id, user.language, self._clock.now()),
            step=DraftStep.REVIEW,
            editing=True,
            category_id=submission.category_id,
            problem=submission.problem,
            law_or_rule=submission.law_or_rule,
            law_unsure=submission.law_unsure,
            proposal=submission.proposal,
            impact=submission.impact,
            hours_cost=submission.hours_cost,
            won_cost=submission.won_cost,
            attachments=tuple(await self._submissions.attachments(submission.id)),
            region_id=submission.region_id,
            company_size_id=submission.company_size_id,
            industry_id=submission.industry_id,
            visibility=submission.visibility,
            amends=submission.id,
        )
        await self._drafts.save(draft)
        return draft

    async def save_details(self, user: User | None, draft: Draft) -> Submission:
        """Write a details draft onto its report; the draft is consumed either way.

        Raises:
            DetailsClosedError: the report was answered, closed or merged meanwhile; the
                details are dropped, as there is nothing left to add them to.

        """
        user = self.require_consent(user)
        assert draft.amends is not None
        saved = await self._submissions.add_details(
            draft.amends, user.id, draft.details, now=self._clock.now()
        )
        if saved is None:
            await self._drafts.delete(user.id)
            raise DetailsClosedError
        return saved

    async def discard(self, user_id: int) -> None:
        """Throw the draft away."""
        await self._drafts.delete(user_id)

    async def similar(self, draft: Draft) -> list[SimilarSubmission]:
        """Open reports of the same topic about the same problem, as the draft's owner may see them.

        The search index returns the best few candidates (never the owner's own or ones they
        support already), and only those are scored here: the cost does not grow with the
        number of open reports.
        """
        if draft.category_id is None or draft.problem is None:
            return []
        text = _report_text(draft.problem, draft.law_or_rule, draft.proposal)
        candidates = await self._submissions.similar_open(
            draft.category_id,
            search_terms(text),
            reader_id=draft.user_id,
            limit=SIMILAR_CANDIDATES,
            window=SIMILAR_WINDOW,
        )
        ranked = rank_similar(
            text,
            ((item, _report_text(item.problem, item.law_or_rule, item.proposal))
             for item in candidates),
            limit=SIMILAR_LIMIT,
        )  # fmt: skip
        if not ranked:
            return []
        aliases = await self._submissions.law_aliases()
        return [SimilarSubmission.of(match.item, match.score, aliases) for match in ranked]

    async def offer(self, user_id: int, submission_id: int) -> str:
        """The tag a "me too" button carries when the bot shows this submission to this user."""
        return offer_tag(await self._signing_keys.key(_OFFER_KEY), user_id, submission_id)

    async def support(self, user: User | None, submission_id: int, tag: str) -> Submission:
        """Count a "me too" from a consenting user on someone else's open submission.

        Only from a button the bot showed this user (the tag proves it), so nobody can probe
        submission ids. Support for a merged duplicate goes to the submission it was merged into.
        """
        user = self.require_consent(user)
        if not hmac.compare_digest(tag, await self.offer(user.id, submission_id)):
            raise SupportError("not_offered")
        submission = await self._submissions.get(submission_id)
        if submission is not None and submission.merged_into is not None:
            submission = await self._submissions.get(submission.merged_into)
        if submission is None or submission.hidden:
            raise SupportError("missing")
        if await self._submissions.is_owner(submission.id, user.id):
            raise SupportError("own")
        if not submission.is_open:
            raise SupportError("closed")
        if not await self._submissions.add_supporter(submission.id, user.id, now=self._clock.now()):
            raise SupportError("already")
        updated = await self._submissions.get(submission.id)
        assert updated is not None
        return updated

    async def submit(self, user: User | None, draft: Draft) -> Submission:
        """Turn a complete draft into a submission with a receipt code; the draft is consumed."""
        user = await self.ensure_can_submit(user)
        missing = first_missing(draft)
        if missing is not None:
            raise DraftIncompleteError(missing)
        assert draft.category_id is not None and draft.problem is not None
        assert draft.visibility is not None
        named = draft.visibility is Visibility.NAMED
        now = self._clock.now()
        return await self._submissions.create(
            NewSubmission(
                user_id=user.id,
                visibility=draft.visibility,
                submitter_name=user.display_name if named else None,
                submitter_username=user.username if named else None,
                category_id=draft.category_id,
                problem=draft.problem,
                law_or_rule=draft.law_or_rule,
                law_unsure=draft.law_unsure,
                proposal=draft.proposal,
                impact=draft.impact,
                hours_cost=draft.hours_cost,
                won_cost=draft.won_cost,
                region_id=draft.region_id,
                company_size_id=draft.company_size_id,
                industry_id=draft.industry_id,
                language=user.language,
                attachments=draft.attachments,
                due_on=due_date(now, self._zone, self._answer_deadline_days),
            ),
            year=now.astimezone(self._zone).year,
            now=now,
        )

    async def just_submitted(self, user_id: int) -> Submission | None:
        """The owner's newest submission if made within the hour, else None.

        A crash between storing a submission and sending its receipt leaves the owner looking
        at the review; their second tap on Submit is answered with this receipt, not a new
        submission or a "no draft".
        """
        newest = await self._submissions.list_for_owner(user_id, limit=1, offset=0)
        if not newest or newest[0].created_at < self._clock.now() - RECEIPT_RECALL:
            return None
        return newest[0]


def _report_text(problem: str, law_or_rule: str | None, proposal: str | None) -> str:
    """The words a report is matched by: its problem, law and proposal."""
    return f"{problem} {law_or_rule or ''} {proposal or ''}"
