"""The intake use case: drafts, submission, similarity and support over storage."""

from __future__ import annotations

import contextlib
import dataclasses
import hmac
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from domain.amounts import Cost
from domain.clock import Clock
from domain.deadlines import due_date
from domain.drafts import (
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
    Chosen,
    Tap,
    after_typing,
    choose,
    first_missing,
    next_step,
    resolve,
)
from domain.inputs import HELD_TEXT
from domain.intake import (
    SIMILAR_CANDIDATES,
    SIMILAR_LIMIT,
    SIMILAR_WINDOW,
    ConsentRequiredError,
    DailyLimitReachedError,
    DetailsClosedError,
    SimilarSubmission,
    SupportError,
    TextLengthError,
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
from storage.drafts import DraftRepository
from storage.inputs import InputRepository
from storage.signing_keys import SigningKeyRepository
from storage.submissions import SubmissionRepository

__all__ = ["RECEIPT_RECALL", "IntakeService", "Kept", "OfferSeal", "Parked", "Question", "Sent"]

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


@dataclass(frozen=True, slots=True)
class Parked:
    """A report begun earlier: the owner chooses to continue it or start over; nothing is open."""

    draft: Draft


@dataclass(frozen=True, slots=True)
class Sent:
    """What Submit stored: a new report, or the details added to one sent before."""

    submission: Submission
    details: bool


@dataclass(frozen=True, slots=True)
class Kept:
    """A problem typed at the topic question: whether it was kept, and the question still open."""

    question: Question
    kept: bool


@dataclass(frozen=True, slots=True)
class OfferAnswered:
    """A sentence offered back, answered: the report's open question placed again.

    `question` None: the report went meanwhile. `added`: the sentence joined the problem;
    `too_long`: why it could not (the problem is kept as it was).
    """

    question: Question | None
    added: bool = False
    too_long: TextLengthError | None = None


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

    async def begin(self, user: User | None) -> Question | Parked:
        """/feedback: a report to continue or start over (`Parked`), else the topic asked.

        One unit of work: the day's count, the draft and what it offers back are read in the
        transaction that saves a blank draft at the topic question, so the limit and the
        draft cannot change in between.

        Raises:
            ConsentRequiredError: no consent to the current notice; nothing is stored.
            DailyLimitReachedError: the day's reports are made; nothing is stored.

        """
        user = self.require_consent(user)
        async with self._units() as work:
            today = await self._submissions.count_created_since(
                user.id, self._start_of_today(), work=work
            )
            if today >= self._daily_limit:
                raise DailyLimitReachedError(self._daily_limit)
            found = await self._drafts.load(work, user.id)
            if found is not None and not found[0].is_blank:
                return Parked(found[0])
            if found is None:
                draft = Draft.blank(user.id, user.language, self._clock.now())
                remembered = await self._drafts.remembered(work, user.id)
            else:
                draft, remembered = found
            draft = await self._place(work, draft, DraftStep.CATEGORY, remembered)
        return await self._shown(draft, remembered)

    async def resume(self, user_id: int) -> Question | None:
        """The draft's open question asked again (continue, the reminder's button); None: no draft.

        Saved at its step as not yet asked, in one unit of work, as a new question is.
        """
        return await self._reopen(user_id, lambda draft: (draft, draft.step))

    async def restart(self, user: User) -> Question | None:
        """Start over: a blank draft in place of the saved one, at the topic; None: no draft."""
        blank = Draft.blank(user.id, user.language, self._clock.now())
        return await self._reopen(user.id, lambda _: (blank, DraftStep.CATEGORY))

    async def current(self, user_id: int) -> Question | None:
        """What the open question shows, changing nothing: for a hint or a refusal; None: no draft.

        One read: the draft with what it offers back.
        """
        found = await self._drafts.shown(user_id)
        if found is None:
            return None
        return await self._shown(*found)

    async def keep_problem(self, user_id: int, raw: str) -> Kept | None:
        """A problem typed while the topic is asked: kept as the problem, the topic still open.

        Not kept (nothing stored) while the topic is changed from the review, or when the text
        is too short or too long to be a problem. None when there is no draft.
        """
        async with self._units() as work:
            found = await self._drafts.load(work, user_id)
            if found is None:
                return None
            draft, remembered = found
            kept = False
            if draft.step is DraftStep.CATEGORY and not draft.editing:
                with contextlib.suppress(TextLengthError):
                    draft = draft.with_problem(raw)
                    kept = True
            if kept:
                draft = await self._place(work, draft, DraftStep.CATEGORY, remembered, asked=True)
        return Kept(await self._shown(draft, remembered), kept=kept)

    async def report_from(self, user: User | None, raw: str) -> Question | None:
        """Text typed outside any flow, kept as a report's problem; the next question placed.

        One unit of work: with no draft, a new one is started within the day's limit; a draft
        without a problem takes the text as its problem. Placed at the topic, or past it when
        the topic was chosen. None (nothing stored): the draft has its problem already, so the
        text is for its open question.

        Raises:
            ConsentRequiredError: no consent to the current notice; nothing is stored.
            DailyLimitReachedError: no draft, and the day's reports are made; nothing stored.
            TextLengthError: too short or too long for a problem; nothing stored.

        """
        user = self.require_consent(user)
        async with self._units() as work:
            found = await self._drafts.load(work, user.id)
            if found is None:
                today = await self._submissions.count_created_since(
                    user.id, self._start_of_today(), work=work
                )
                if today >= self._daily_limit:
                    raise DailyLimitReachedError(self._daily_limit)
                draft = Draft.blank(user.id, user.language, self._clock.now())
                remembered = await self._drafts.remembered(work, user.id)
            else:
                draft, remembered = found
                if draft.content.problem is not None:
                    return None
            draft = draft.with_problem(raw)
            step = (
                DraftStep.CATEGORY
                if draft.content.category_id is None
                else next_step(draft, DraftStep.PROBLEM)
            )
            draft = await self._place(work, draft, step, remembered)
        return await self._shown(draft, remembered)

    async def answer_offer(
        self, user_id: int, message_id: int, *, add: bool
    ) -> OfferAnswered | None:
        """Add the sentence offered back to the problem, or not; the open question placed again.

        One unit of work: the sentence held for this offer is taken (`message_id`: the
        sentence's, so an older offer's tap never takes a newer one), and the draft saved at
        its step. None (nothing changed): the offer is gone, answered or replaced.
        """
        async with self._units() as work:
            held = await self._inputs.take(work, user_id, HELD_TEXT, "message_id", message_id)
            if held is None:
                return None
            found = await self._drafts.load(work, user_id)
            if found is None:
                return OfferAnswered(None)
            draft, remembered = found
            too_long = None
            if add:
                try:
                    draft = draft.with_more_problem(str(held["text"]))
                except TextLengthError as exc:
                    too_long = exc
            draft = await self._place(work, draft, draft.step, remembered)
        shown = await self._shown(draft, remembered)
        return OfferAnswered(shown, added=add and too_long is None, too_long=too_long)

    async def set_cost(self, user_id: int, step: DraftStep, cost: Cost) -> Question | None:
        """A cost a tap completes (its period, or 만 against 원): stored, the cost screen shown."""
        return await self._act(
            user_id, step, lambda draft, _: (draft.with_known_cost(cost), DraftStep.COST)
        )

    async def go(self, draft: Draft, step: DraftStep, *, asked: bool = False) -> Question:
        """Save the draft at `step` as the open question, and what that question shows.

        One unit of work: what the owner's earlier reports offer back is read in the
        transaction that saves the draft (see `_place`). `asked` keeps a step already put to
        the owner asked (the question is shown again with a notice, not sent anew).
        """
        async with self._units() as work:
            remembered = await self._drafts.remembered(work, draft.user_id)
            draft = await self._place(work, draft, step, remembered, asked=asked)
        return await self._shown(draft, remembered)

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

    async def _reopen(
        self, user_id: int, decide: Callable[[Draft], tuple[Draft, DraftStep]]
    ) -> Question | None:
        """The stored draft placed again, whatever its step, in one unit of work; None: no draft."""
        async with self._units() as work:
            found = await self._drafts.load(work, user_id)
            if found is None:
                return None
            draft, remembered = found
            placed, step = decide(draft)
            draft = await self._place(work, placed, step, remembered)
        return await self._shown(draft, remembered)

    async def _place(
        self,
        work: UnitOfWork,
        draft: Draft,
        step: DraftStep,
        remembered: Remembered,
        *,
        asked: bool = False,
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
        await self._drafts.save(placed, asked=asked, work=work)
        return placed

    async def _shown(self, draft: Draft, remembered: Remembered) -> Question:
        if draft.step is not DraftStep.READY:
            return Question(draft, remembered=remembered.profile)
        return Question(draft, tuple(await self.similar(draft)), remembered.profile)

    async def asked(self, draft: Draft) -> None:
        """The draft's step was put to the owner: their next text answers it."""
        await self._inputs.mark_asked(draft.user_id, FEEDBACK_FLOW, str(draft.step))

    async def attach(
        self,
        user_id: int,
        attachment: Attachment,
        download: Callable[[int], Awaitable[bytes | None]],
    ) -> Question | None:
        """One more piece of evidence, kept with the evidence question still open; None: no draft.

        The draft judges the declared name, type, size and count (`Draft.with_attachment`);
        a document's bytes are fetched with `download(limit)` (None: larger than `limit`
        bytes) only once its name, type and size pass for the draft as it is, and judged
        before it is kept. The download happens outside the unit of work (it must not hold
        the write lock), so the draft is judged again inside it. The same file twice counts
        once.

        Raises:
            EvidenceRefusedError: the file is not on the evidence allow-list, too large, or its
                bytes are not what its name says.
            AttachmentLimitError: the draft already holds as many files as a submission takes.

        """
        rules = self._evidence
        if attachment.kind != "photo":
            found = await self._drafts.shown(user_id)
            if found is None:
                return None
            if found[0].with_attachment(attachment, rules) is not found[0]:
                content = await download(rules.max_bytes)
                if content is None:
                    raise EvidenceRefusedError(EvidenceProblem.TOO_LARGE, rules.max_megabytes)
                check_evidence_content(attachment.file_name, content, rules)
        async with self._units() as work:
            loaded = await self._drafts.load(work, user_id)
            if loaded is None:
                return None
            draft, remembered = loaded
            draft = await self._place(
                work,
                draft.with_attachment(attachment, rules),
                DraftStep.ATTACHMENTS,
                remembered,
                asked=True,
            )
        return await self._shown(draft, remembered)

    async def add_details(self, user: User | None, submission_id: int) -> Question | Parked:
        """A sent report's details to add to or change, at the review; one unit of work.

        An unfinished report is never overwritten: it comes back `Parked`, nothing stored.

        Raises:
            ConsentRequiredError: no consent to the current notice; nothing is stored.
            DetailsClosedError: the report is not the user's, or no longer open.

        """
        async with self._units() as work:
            found = await self._drafts.load(work, user.id) if user is not None else None
            if found is not None and not found[0].is_blank and found[0].amends != submission_id:
                return Parked(found[0])
            user = self.require_consent(user)
            submission = await self._submissions.owned(submission_id, user.id, work=work)
            if (
                submission is None
                or not submission.is_open
                or submission.merged_into is not None
                or submission.hidden
            ):
                raise DetailsClosedError
            draft = dataclasses.replace(
                Draft.blank(user.id, user.language, self._clock.now()),
                editing=True,
                content=submission.content,
                attachments=tuple(await self._submissions.attachments(submission.id, work=work)),
                visibility=submission.visibility,
                amends=submission.id,
            )
            remembered = (
                found[1] if found is not None else await self._drafts.remembered(work, user.id)
            )
            draft = await self._place(work, draft, DraftStep.REVIEW, remembered)
        return await self._shown(draft, remembered)

    async def send(self, user: User | None) -> Sent | Question | None:
        """Submit: the draft stored as a report, or as details onto the report it amends.

        One unit of work; the draft is consumed. None: there is no draft. A draft missing a
        required answer is saved at that step instead and its `Question` returned. Details for
        a report answered, closed or merged meanwhile are dropped with their draft, as there is
        nothing left to add them to.

        Raises:
            ConsentRequiredError: no consent to the current notice; nothing is stored.
            DailyLimitReachedError: the day's reports are made; nothing is stored.
            DetailsClosedError: the amended report is no longer open; the draft is gone.

        """
        closed = False
        async with self._units() as work:
            found = await self._drafts.load(work, user.id) if user is not None else None
            if found is None:
                return None
            draft, remembered = found
            user = self.require_consent(user)
            now = self._clock.now()
            if draft.amends is not None:
                saved = await self._submissions.add_details(
                    draft.amends, user.id, draft.content, draft.attachments, now=now, work=work
                )
                if saved is not None:
                    return Sent(saved, details=True)
                await self._drafts.delete(user.id, work=work)
                closed = True
            else:
                today = await self._submissions.count_created_since(
                    user.id, self._start_of_today(), work=work
                )
                if today >= self._daily_limit:
                    raise DailyLimitReachedError(self._daily_limit)
                missing = first_missing(draft)
                if missing is None:
                    created = await self._submissions.create(
                        self._new_submission(user, draft, now),
                        year=now.astimezone(self._zone).year,
                        now=now,
                        work=work,
                    )
                    return Sent(created, details=False)
                draft = await self._place(work, draft, missing, remembered)
        if closed:
            raise DetailsClosedError
        return await self._shown(draft, remembered)

    async def discard(self, user_id: int) -> Draft | None:
        """Throw the draft away and return it (what it was for); None: there was none.

        One unit of work: the draft read and deleted in one transaction.
        """
        async with self._units() as work:
            found = await self._drafts.load(work, user_id)
            if found is None:
                return None
            await self._drafts.delete(user_id, work=work)
        return found[0]

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
        candidates, aliases = await self._submissions.similar_open(
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
        """Turn a complete draft into a submission with a receipt code; the draft is consumed.

        For a draft built in memory (the sandbox's demo data); the bot's Submit is `send`.
        """
        user = await self.ensure_can_submit(user)
        missing = first_missing(draft)
        if missing is not None:
            raise DraftIncompleteError(missing)
        now = self._clock.now()
        return await self._submissions.create(
            self._new_submission(user, draft, now), year=now.astimezone(self._zone).year, now=now
        )

    def _new_submission(self, user: User, draft: Draft, now: datetime) -> NewSubmission:
        """The report a complete draft makes: named with the owner's name only when chosen."""
        assert draft.visibility is not None
        named = draft.visibility is Visibility.NAMED
        return NewSubmission(
            user_id=user.id,
            visibility=draft.visibility,
            submitter_name=user.display_name if named else None,
            submitter_username=user.username if named else None,
            content=draft.content,
            language=user.language,
            attachments=draft.attachments,
            due_on=due_date(now, self._zone, self._answer_deadline_days),
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
