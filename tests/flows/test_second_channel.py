"""Another channel reuses the services: the quick path and an official answer, no Telegram.

A minimal text channel (the kind a KakaoTalk or web adapter would be) drives the same services
the Telegram handlers call, with plain values only: an owner picks a topic, types the problem
and sends the report (the quick path's actions), and an administrator answers it. Nothing here
imports or builds a Telegram type; what each step shows comes back as a `Question` value.

What the services queue for other people is worded by the channel too: a bot wired with
plain-text composers written here, and no Telegram application, hears the answer, a
supporter's notice and the news of a meeting on the report's topic through the outbox, with no
Telegram markup or button data in them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

from bot.config import load_settings
from bot.wiring import Composers, Wiring
from domain.bills import Bill
from domain.clock import FrozenClock
from domain.content import ContentChange, LocalizedText
from domain.deadlines import DeadlineItem
from domain.delivery import OutgoingMessage, QueuedMessage
from domain.drafts import DraftStep
from domain.feedback_steps import Pick, Tap
from domain.meetings import Meeting, MeetingDraft, MeetingKind
from domain.reference import Choice
from domain.review import MergeCounts
from domain.submissions import Recipient, Submission, SubmissionStatus, Visibility
from services.agenda import LinkMessage
from services.container import Services
from services.digests import ContentSnapshot, DigestEntry
from services.intake import Question
from services.notices import LaterDate, MergeSide, StatusChange
from storage.database import Database
from tests.fixtures.app import ADMIN_ID, START, TEST_TOKEN, BotHarness

PROBLEM = "AI 학습데이터로 쓸 저작물마다 허락을 받는 것은 현실적으로 불가능합니다."
ANSWER = "학습 목적 이용에 관한 개정안을 검토하고 있어요."


class TextChannel:
    """One person on a channel that has only text and choices: every action one service call."""

    def __init__(self, services: Services, user_id: int) -> None:
        self.services = services
        self.user_id = user_id

    async def join(self) -> None:
        """Arrive and agree to the privacy notice, as /start and its button do."""
        await self.services.accounts.arrive(self.user_id, "ko")
        await self.services.accounts.agree(
            self.user_id,
            notice_version=self.services.privacy.notice_version,
            display_name="민수",
            username=None,
        )

    async def report(self) -> Question:
        """The report command: a new draft, asking its topic."""
        intake = self.services.intake
        user = await intake.ensure_can_submit(await self.services.users.get(self.user_id))
        return await intake.go(await intake.start_draft(user), DraftStep.CATEGORY)

    async def choose_topic(self, asked: Question, category_id: str) -> Question:
        """A topic chosen from the choices the question offered: a tap, as any button answer."""
        tap = Tap(Pick.CHOOSE, category_id)
        chosen = await self.services.intake.choose(self.user_id, asked.draft.step, tap)
        assert chosen is not None
        return chosen

    async def type(self, asked: Question, text: str) -> Question:
        """Text typed at the open step."""
        answered = await self.services.intake.answer(self.user_id, asked.draft.step, text)
        assert answered is not None
        return answered

    async def send_now(self, asked: Question) -> Submission:
        """Send the report as it stands."""
        user = await self.services.users.get(self.user_id)
        return await self.services.intake.submit(user, asked.draft)


async def test_the_quick_path_and_an_answer_run_through_the_services_alone(
    sotong: BotHarness,
) -> None:
    # The owner can be reached on Telegram too, where the outbox still delivers notices.
    owner = TextChannel(sotong.services, sotong.user("민수", started=True).id)
    await owner.join()
    actions = 0
    asked = await owner.report()
    actions += 1
    assert asked.draft.step is DraftStep.CATEGORY
    asked = await owner.choose_topic(asked, "ai_copyright")
    actions += 1
    assert asked.draft.step is DraftStep.PROBLEM
    asked = await owner.type(asked, PROBLEM)
    actions += 1
    assert asked.draft.step is DraftStep.READY
    assert asked.draft.visibility is Visibility.ANONYMOUS
    submission = await owner.send_now(asked)
    actions += 1
    assert actions == 4
    assert submission.problem == PROBLEM and submission.status is SubmissionStatus.RECEIVED

    sotong.clock.advance(timedelta(hours=1))
    outcome = await sotong.services.review.answer(
        submission.id, "학습 목적 이용에 관한 개정안을 검토하고 있어요.", actor_id=ADMIN_ID
    )
    assert outcome.submission.status is SubmissionStatus.ANSWERED
    assert outcome.notice_at is not None
    stored = await sotong.repositories.submissions.get(submission.id)
    assert stored is not None and stored.answer_text == outcome.submission.answer_text
    await sotong.delivered()
    assert any(
        "SV-2026-000001" in (message.text or "")
        for message in sotong.emulator.transcript(owner.user_id)
    )


class PlainNotices:
    """An owner's notices as a text-only channel words them: one line, no markup, no buttons."""

    def status_changed(
        self, recipient: Recipient, change: StatusChange, *, not_before: datetime
    ) -> QueuedMessage:
        """The new status, and the answer when there is one."""
        said = f"{change.code} is now {change.status}"
        if change.answer:
            said += f": {change.answer}"
        return QueuedMessage(recipient.user_id, (said,), (), not_before)

    def supported_status_changed(
        self, recipient: Recipient, change: StatusChange, *, not_before: datetime
    ) -> QueuedMessage:
        """The same, for someone who said "me too"."""
        said = f"A report you support, {change.code}, is now {change.status}"
        if change.answer:
            said += f": {change.answer}"
        return QueuedMessage(recipient.user_id, (said,), (), not_before)

    def merged(
        self,
        recipient: Recipient,
        sides: tuple[MergeSide, ...],
        codes: tuple[str, str],
        counts: MergeCounts,
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """One line per side that is theirs."""
        parts = tuple(f"{side} of the merge of {codes[0]} into {codes[1]}" for side in sides)
        return QueuedMessage(recipient.user_id, parts, (), not_before)

    def supported_merged(
        self,
        recipient: Recipient,
        codes: tuple[str, str],
        original_id: int,
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """Where their support went."""
        said = f"Your support for {codes[0]} now counts for {codes[1]}"
        return QueuedMessage(recipient.user_id, (said,), (), not_before)

    def extended(
        self, recipient: Recipient, later: LaterDate, *, not_before: datetime
    ) -> QueuedMessage:
        """The later day and why."""
        said = f"{later.code} is expected by {later.expected_on}: {later.reason}"
        return QueuedMessage(recipient.user_id, (said,), (), not_before)

    def supported_extended(
        self, recipient: Recipient, later: LaterDate, *, not_before: datetime
    ) -> QueuedMessage:
        """The same, for a supporter."""
        return self.extended(recipient, later, not_before=not_before)

    def draft_reminder(
        self, user_id: int, language: str, started_at: datetime, *, not_before: datetime
    ) -> QueuedMessage:
        """A draft waits."""
        return QueuedMessage(
            user_id, (f"Your report from {started_at:%Y-%m-%d} waits",), (), not_before
        )

    def follow_up_question(
        self,
        user_id: int,
        language: str,
        submission_id: int,
        code: str,
        days: int,
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """Whether it helped."""
        return QueuedMessage(user_id, (f"{days} days on, did {code} help?",), (), not_before)


class PlainNews:
    """The news of meetings and bills as a text-only channel words it."""

    def digest(
        self,
        user_id: int,
        language: str,
        entries: Sequence[DigestEntry],
        snapshot: ContentSnapshot,
        *,
        slot: datetime | None,
        not_before: datetime,
    ) -> QueuedMessage | None:
        """How many items changed."""
        return QueuedMessage(user_id, (f"{len(entries)} items changed",), (), not_before)

    def meeting_reminder(
        self, user_id: int, language: str, meeting: Meeting, which: str, *, not_before: datetime
    ) -> QueuedMessage:
        """Which meeting, and how soon."""
        said = f"{meeting.title.get(language)} is a {which} away"
        return QueuedMessage(user_id, (said,), (), not_before)

    def meeting_changed(
        self,
        user_id: int,
        language: str,
        meeting: Meeting,
        change: ContentChange,
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """Which meeting, and what became of it."""
        said = f"{meeting.title.get(language)} was {change.value}"
        return QueuedMessage(user_id, (said,), (), not_before)

    def related_meeting(
        self, recipient: Recipient, meeting: Meeting, *, not_before: datetime
    ) -> QueuedMessage:
        """A meeting on the reader's topic."""
        said = f"A meeting on your topic: {meeting.title.get(recipient.language)}"
        return QueuedMessage(recipient.user_id, (said,), (), not_before)

    def related_bill(
        self, recipient: Recipient, bill: Bill, *, not_before: datetime
    ) -> QueuedMessage:
        """A bill on the reader's topic moved."""
        said = f"A bill on your topic moved: {bill.name.get(recipient.language)}"
        return QueuedMessage(recipient.user_id, (said,), (), not_before)


def linked(message: LinkMessage) -> QueuedMessage:
    """News of a meeting or bill a report was linked to, in one line."""
    said = f"{message.receipt_code} was linked to a meeting or bill"
    return QueuedMessage(message.user_id, (said,), (), message.not_before)


class PlainDeadlineLists:
    """The administrators' daily list as one line per report."""

    def daily(
        self,
        admin_id: int,
        language: str,
        today: date,
        items: Sequence[DeadlineItem],
        categories: Sequence[Choice],
        *,
        not_before: datetime,
    ) -> QueuedMessage:
        """Each report with the day it is due."""
        parts = tuple(f"{item.receipt_code} due {item.effective_on}" for item in items)
        return QueuedMessage(admin_id, parts, (), not_before)


@asynccontextmanager
async def text_bot(tmp_path: Path, clock: FrozenClock) -> AsyncIterator[Wiring]:
    """A whole bot over its own SQLite file, wired with the plain-text channel's words.

    No emulator and no Telegram application: the token is never used.
    """
    settings = load_settings(
        bot_token=TEST_TOKEN,
        database_path=tmp_path / "text-channel.db",
        admin_ids=str(ADMIN_ID),
        _env_file=None,
    )
    database = await Database.open(settings.database_path)
    try:
        yield Wiring.create(
            settings,
            database,
            clock,
            Composers(
                owners=PlainNotices(),
                news=PlainNews(),
                links=linked,
                deadlines=PlainDeadlineLists(),
            ),
        )
    finally:
        await database.close()


async def heard(services: Services) -> list[tuple[int, str, object]]:
    """Everything the outbox sends now, as this channel's transport would get it."""
    sent: list[OutgoingMessage] = []

    async def send(message: OutgoingMessage) -> None:
        sent.append(message)

    await services.delivery.drain(send)
    return sorted((message.chat_id, message.text, message.buttons) for message in sent)


async def test_the_answer_and_a_supporters_notice_reach_a_channel_that_words_them_itself(
    tmp_path: Path,
) -> None:
    clock = FrozenClock(START)
    async with text_bot(tmp_path, clock) as wiring:
        services = wiring.services
        owner = TextChannel(services, 1001)
        supporter = TextChannel(services, 1002)
        for person in (owner, supporter):
            await person.join()
        asked = await owner.choose_topic(await owner.report(), "ai_copyright")
        submission = await owner.send_now(await owner.type(asked, PROBLEM))
        tag = await services.intake.offer(supporter.user_id, submission.id)
        backer = await services.users.get(supporter.user_id)
        await services.intake.support(backer, submission.id, tag)

        clock.advance(timedelta(hours=1))
        await services.review.answer(submission.id, ANSWER, actor_id=ADMIN_ID)

        code = submission.receipt_code
        assert await heard(services) == [
            (owner.user_id, f"{code} is now answered: {ANSWER}", ()),
            (supporter.user_id, f"A report you support, {code}, is now answered: {ANSWER}", ()),
        ]


async def test_a_meeting_on_the_reports_topic_reaches_its_owner_in_the_channels_words(
    tmp_path: Path,
) -> None:
    async with text_bot(tmp_path, FrozenClock(START)) as wiring:
        services = wiring.services
        owner = TextChannel(services, 1001)
        await owner.join()
        asked = await owner.choose_topic(await owner.report(), "ai_copyright")
        await owner.send_now(await owner.type(asked, PROBLEM))
        await services.dispatcher.tick()
        await services.content.add_meeting(
            MeetingDraft(
                kind=MeetingKind.POLICY_COUNCIL,
                title=LocalizedText("AI 저작권 정책협의회", "AI copyright policy council"),
                starts_at=START + timedelta(days=12),
                categories=frozenset({"ai_copyright"}),
            ),
            actor_id=ADMIN_ID,
        )

        await services.dispatcher.tick()

        assert await heard(services) == [
            (owner.user_id, "A meeting on your topic: AI 저작권 정책협의회", ()),
        ]
