"""Another channel reuses the services: the quick path and an official answer, no Telegram.

A minimal text channel (the kind a KakaoTalk or web adapter would be) drives the same services
the Telegram handlers call, with plain values only: an owner picks a topic, types the problem
and sends the report (the quick path's actions), and an administrator answers it. Nothing here
imports or builds a Telegram type; what each step shows comes back as a `Question` value.
"""

from __future__ import annotations

from datetime import timedelta

from domain.drafts import DraftStep
from domain.feedback_steps import Pick, Tap
from domain.submissions import Submission, SubmissionStatus, Visibility
from services.container import Services
from services.intake import Question
from tests.fixtures.app import ADMIN_ID, BotHarness

PROBLEM = "AI 학습데이터로 쓸 저작물마다 허락을 받는 것은 현실적으로 불가능합니다."


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
