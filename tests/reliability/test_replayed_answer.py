"""An answer replayed after a crash is not stored again as the answer to the next question.

The bot stores an answer, asks the next question, and only then records the update as handled
in the journal. If the process dies in between, the restart replays the update: its text
answered the question before, so it must be met with the open question again, not stored as
that question's answer. That holds only if "the next question was asked" and "the update was
handled" are recorded together; here the process dies right before that record.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bot.app import JournaledApplication
from domain.drafts import DraftStep
from storage.inputs import AskedStep
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
