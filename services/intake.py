"""The intake use case: drafts, submission, similarity and support over storage."""

from __future__ import annotations

import dataclasses
import hmac
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from domain.clock import Clock
from domain.deadlines import due_date
from domain.drafts import (
    COMPANY_STEPS,
    FEEDBACK_FLOW,
    CompanyProfile,
    Draft,
    DraftIncompleteError,
    DraftStep,
    Remembered,
)
from domain.evidence import (
    EvidenceProblem,
    EvidenceRefusedError,
    EvidenceRules,
    check_evidence_content,
)
from domain.feedback_steps import (
    DETAIL_STEPS,
    Chosen,
    Tap,
    after_typing,
    choose,
    first_missing,
    resolve,
)
from domain.intake import (
    SIMILAR_CANDIDATES,
    SIMILAR_LIMIT,
    SIMILAR_WINDOW,
    ConsentRequiredError,
    DailyLimitReachedError,
    DetailsClosedError,
    SimilarSubmission,
    SupportError,
)
from domain.similarity import rank_similar, search_terms
from domain.submissions import (
    Attachment,
    NewSubmission,
    Submission,
    Visibility,
)
from domain.users import User
from storage.database import UnitOfWork
from storage.drafts import CompanyProfileRepository, DraftRepository
from storage.inputs import InputRepository
from storage.signing_keys import SigningKeyRepository
from storage.submissions import SubmissionRepository

__all__ = ["RECEIPT_RECALL", "IntakeService", "OfferSeal", "Question"]

RECEIPT_RECALL = timedelta(hours=1)
"""How long a repeated Submit tap is answered with the receipt of the submission it made."""

_OFFER_KEY = "me_too_offer"


class OfferSeal(Protocol):
    """How a channel's "me too" button proves the bot offered it: a tag signed with a secret.

    The proof travels in what the button carries back, so its form is the channel's (Telegram's
    fits callback data: `domain.callback_data.offer_tag`, whose length the codec checks); the
    service keeps the key (storage/) and the rule that only an offered button counts.
    """

    def __call__(self, key: bytes, user_id: int, submission_id: int) -> str:
        """The tag for this user and submission under `key`."""


@dataclass(frozen=True, slots=True)
class Question:
    """What to ask next: the draft, saved at its open step, and any similar reports to show.

    Only the ready screen shows similar reports; every other step has none.
    """

    draft: Draft
    similar: tuple[SimilarSubmission, ...] = ()
    remembered: CompanyProfile | None = None
    """The company offered back: the profile question shows it, the details' count needs it."""


_COUNTED = frozenset({*DETAIL_STEPS, DraftStep.PROFILE, *COMPANY_STEPS})
"""Steps whose question counts the details, which depends on a remembered company."""


def _needs_profile(draft: Draft, step: DraftStep) -> bool:
    return step is DraftStep.PROFILE or (step in _COUNTED and not draft.editing)


Units = Callable[[], AbstractAsyncContextManager[UnitOfWork]]
"""Opens one user action's transaction (`Database.unit_of_work`)."""


class IntakeService:
    """Keeps drafts and submissions truthful.

    The draft itself checks an answer and returns the draft holding it (`Draft.answer`, and
    `choose` in `domain/feedback_steps.py` for a button); each answer is one unit of work:
    the draft read, decided on and saved with the next open question in one transaction, so
    every valid answer is stored before the next question is asked.
    """

    def __init__(
        self,
        submissions: SubmissionRepository,
        drafts: DraftRepository,
        profiles: CompanyProfileRepository,
        inputs: InputRepository,
        clock: Clock,
        *,
        units: Units,
        zone: ZoneInfo,
        daily_limit: int,
        notice_version: str,
        signing_keys: SigningKeyRepository,
        offer_seal: OfferSeal,
        evidence: EvidenceRules | None = None,
        answer_deadline_days: int = 14,
    ) -> None:
        self._units = units
        self._signing_keys = signing_keys
        self._offer_seal = offer_seal
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

    async def go(self, draft: Draft, step: DraftStep) -> Question:
        """Save the draft at `step` as the open question, and what that question shows.

        One unit of work: what the owner's earlier reports offer back is read in the
        transaction that saves the draft (see `_place`).
        """
        async with self._units() as work:
            remembered = await self._drafts.remembered(work, draft.user_id)
            draft = await self._place(work, draft, step, remembered)
        return await self._shown(draft, remembered)

    async def question(self, draft: Draft) -> Question:
        """What the draft's open question shows, read here so the view reads nothing.

        Only the ready screen shows similar reports; the remembered company is read only for
        the steps that need it.
        """
        profile = None
        if _needs_profile(draft, draft.step):
            profile = await self._profiles.get(draft.user_id)
            profile = None if profile is None or profile.is_empty else profile
        return await self._shown(draft, Remembered(profile))

    async def answer(self, user_id: int, step: DraftStep, raw: str) -> Question | None:
        """A text typed at `step`: checked by the draft, saved with the step it leads to.

        None when the user has no draft (erased, or submitted meanwhile). Text for a step the
        draft has left (two messages crossing) stores nothing: the open question is asked again.

        Raises:
            TextLengthError: too short or too long for the step; nothing is stored.
            AmountError: not a cost the step can take; nothing is stored.
            PeriodMissingError: a cost without its period; nothing is stored.

        """

        def typed(draft: Draft, _: Remembered) -> Chosen:
            answered = draft.answer(step, raw)
            return answered, after_typing(answered, step)

        return await self._act(user_id, step, typed)

    async def choose(self, user_id: int, step: DraftStep, tap: Tap) -> Question | None:
        """A button answer at `step` (or its label typed), as `answer` is for a text."""

        def tapped(draft: Draft, remembered: Remembered) -> Chosen:
            return choose(draft, step, tap, remembered.profile)

        return await self._act(user_id, step, tapped)

    async def _act(
        self, user_id: int, step: DraftStep, decide: Callable[[Draft, Remembered], Chosen]
    ) -> Question | None:
        """One answer, one unit of work: read the draft, let it decide, save it at its next step.

        Read inside the transaction that writes it, so nothing changes the draft in between,
        and in one call with the write. The similar reports are searched after it commits:
        the search must not hold the write lock.
        """
        async with self._units() as work:
            found = await self._drafts.load(work, user_id)
            if found is None:
                return None
            draft, remembered = found
            if draft.step is step:
                decided, wanted = decide(draft, remembered)
                draft = await self._place(work, decided, wanted, remembered)
        return await self._shown(draft, remembered)

    async def _place(
        self, work: UnitOfWork, draft: Draft, step: DraftStep, remembered: Remembered
    ) -> Draft:
        """Save the draft at the step the flow wants, resolved (`resolve`), not yet asked.

        The ready screen gets the visibility the owner used last time (anonymous the first
        time, the safer default for people wary of being seen to complain about a regulator).
        """
        step, editing = resolve(draft, step, has_profile=remembered.profile is not None)
        if step is DraftStep.READY and draft.visibility is None:
            draft = dataclasses.replace(
                draft, visibility=remembered.visibility or Visibility.ANONYMOUS
            )
        placed = dataclasses.replace(
            draft, step=step, editing=editing, updated_at=self._clock.now()
        )
        await self._drafts.save(placed, work=work)
        return placed

    async def _shown(self, draft: Draft, remembered: Remembered) -> Question:
        if draft.step is not DraftStep.READY:
            return Question(draft, remembered=remembered.profile)
        return Question(draft, tuple(await self.similar(draft)), remembered.profile)

    async def asked(self, draft: Draft) -> None:
        """The draft's step was put to the owner: their next text answers it."""
        await self._inputs.mark_asked(draft.user_id, FEEDBACK_FLOW, str(draft.step))

    async def add_attachment(
        self,
        draft: Draft,
        attachment: Attachment,
        download: Callable[[int], Awaitable[bytes | None]],
    ) -> Draft:
        """The draft with one more piece of evidence; the same file twice counts once.

        The draft judges the declared name, type, size and count (`Draft.with_attachment`);
        a document's bytes are fetched with `download(limit)` (None: larger than `limit`
        bytes) only once its name, type and size pass, and judged before it is kept.

        Raises:
            EvidenceRefusedError: the file is not on the evidence allow-list, too large, or its
                bytes are not what its name says.
            AttachmentLimitError: the draft already holds as many files as a submission takes.

        """
        rules = self._evidence
        kept = draft.with_attachment(attachment, rules)
        if kept is draft or attachment.kind == "photo":
            return kept
        # Only now is it worth downloading: the declared kind, size and count all pass.
        content = await download(rules.max_bytes)
        if content is None:
            raise EvidenceRefusedError(EvidenceProblem.TOO_LARGE, rules.max_megabytes)
        check_evidence_content(attachment.file_name, content, rules)
        return kept

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
            content=submission.content,
            attachments=tuple(await self._submissions.attachments(submission.id)),
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
            draft.amends, user.id, draft.content, draft.attachments, now=self._clock.now()
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
        content = draft.content
        if content.category_id is None or content.problem is None:
            return []
        text = _report_text(content.problem, content.law_or_rule, content.proposal)
        candidates = await self._submissions.similar_open(
            content.category_id,
            search_terms(text),
            reader_id=draft.user_id,
            limit=SIMILAR_CANDIDATES,
            window=SIMILAR_WINDOW,
        )
        ranked = rank_similar(
            text,
            ((item, _report_text(item.problem, item.content.law_or_rule, item.content.proposal))
             for item in candidates),
            limit=SIMILAR_LIMIT,
        )  # fmt: skip
        if not ranked:
            return []
        aliases = await self._submissions.law_aliases()
        return [SimilarSubmission.of(match.item, match.score, aliases) for match in ranked]

    async def offer(self, user_id: int, submission_id: int) -> str:
        """The tag a "me too" button carries when the bot shows this submission to this user."""
        return self._offer_seal(await self._signing_keys.key(_OFFER_KEY), user_id, submission_id)

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
        assert draft.visibility is not None
        named = draft.visibility is Visibility.NAMED
        now = self._clock.now()
        return await self._submissions.create(
            NewSubmission(
                user_id=user.id,
                visibility=draft.visibility,
                submitter_name=user.display_name if named else None,
                submitter_username=user.username if named else None,
                content=draft.content,
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
