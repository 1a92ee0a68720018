"""An answer replayed after a crash is not stored again as the answer to the next question.

The bot stores an answer, asks the next question, and only then records the update as handled
in the journal. If the process dies in between, the restart replays the update: its text
answered the question before, so it must not be stored as the next question's answer. Here the
process dies right before that record, in the report (the question is asked again) and in an
administrator's meeting form (the replayed text changes nothing: its question was sent).
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bot.app import JournaledApplication
from domain.drafts import DraftStep
from storage.inputs import AskedStep
from tests.delivery.support import kst
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_EN, PROBLEM_KO, agreed_user

LAW = {"ko": "저작권법 제35조의5", "en": "Copyright Act, Article 35-5"}
PROBLEM = {"ko": PROBLEM_KO, "en": PROBLEM_EN}
PROPOSAL_ASKED = {"ko": "어떻게 바뀌면 좋을까요?", "en": "What should change?"}


async def _dies_before_the_journal_records_it(
    update_id: int, asked: Sequence[AskedStep] = ()
) -> None:
    """The process is gone before the journal's record of the update lands."""


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_replayed_answer_is_met_with_the_open_question_not_stored_again(
    sotong: BotHarness, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = await agreed_user(sotong, language=language)
    await owner.send("/feedback")
    await owner.tap(callback_data="fb:cat:ai_copyright")
    await owner.send(PROBLEM[language])
    await owner.tap(callback_data="fb:more")

    application = sotong.application
    assert isinstance(application, JournaledApplication)
    # The stopped application's inbox goes with it: the restarted one records as usual.
    monkeypatch.setattr(application.inbox, "handled", _dies_before_the_journal_records_it)
    await owner.send(LAW[language])
    asked_before = len(owner.replies())
    await sotong.restart()
    await sotong.settle()

    draft = await sotong.services.drafts.get(owner.id)
    assert draft is not None
    assert draft.content.law_or_rule == LAW[language]
    assert draft.content.proposal is None
    assert draft.step is DraftStep.PROPOSAL
    replies = owner.replies()
    assert len(replies) > asked_before, "the replay said nothing"
    assert PROPOSAL_ASKED[language] in (replies[-1].text or "")


async def test_a_replayed_form_answer_is_not_stored_as_the_next_field(
    sotong: BotHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = sotong.admin()
    await admin.send("/start")
    await admin.tap("한국어")
    await admin.tap("✅ 동의")
    await admin.send("/addmeeting")
    await admin.tap("SOS Talk")
    await admin.send("서울 동부권 SOS Talk")
    await admin.send("2026-12-10 10:00")
    await admin.send("12:00")
    await admin.send("서울 송파구 월드타워빌딩")
    await admin.tap("⏭ 건너뛰기")

    application = sotong.application
    assert isinstance(application, JournaledApplication)
    monkeypatch.setattr(application.inbox, "handled", _dies_before_the_journal_records_it)
    await admin.send("중소기업 옴부즈만")
    await sotong.restart()
    await sotong.settle()

    await admin.tap("⏭ 건너뛰기")
    await admin.tap("▫️ AI 학습데이터·저작권 (TDM)")
    await admin.tap("✅ 분야 선택 완료")
    await admin.tap("✅ 게시")
    (meeting,) = await sotong.services.meetings.upcoming(sotong.services.clock.now())
    assert meeting.starts_at == kst(2026, 12, 10, 10)
    assert meeting.organizer.ko == "중소기업 옴부즈만"
    assert meeting.agenda.ko is None
