"""Issue 11.3: other owners see no anonymous text, and "me too" needs a button the bot showed."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.evidence_jobs import FOLLOW_UP_JOB
from domain.bills import BillStage, BillStageEntry
from domain.submissions import Submission
from sandbox.emulator import ScriptedUser
from tests.admin.support import onboard, open_label, submit
from tests.delivery.support import add_bill, kst
from tests.evidence.support import run_agenda, run_job
from tests.fixtures.app import ADMIN_ID, BotHarness
from tests.intake.flow import PERSON, agreed_user, label, ready_beside_planted, submit_one

SECRET = "우리 회사 비밀연구소 알파랩에서 저작물 학습데이터 허락 문제로 막혀 있어요"


async def _ready_screen(sotong: BotHarness) -> tuple[str, str]:
    owner = await agreed_user(sotong, "민수", username="minsu")
    code = await submit_one(owner, "ko", problem=SECRET, anonymous=True)
    other = await agreed_user(sotong, "지영")
    await other.send("/feedback")
    await other.tap(callback_data="fb:cat:ai_copyright")
    # A draft that repeats the other owner's words, probing what they wrote.
    await other.send("알파랩 비밀연구소 저작물 학습데이터 허락 문제 우리 회사")
    shown = other.reply().text or ""
    # Only what is said of the other report counts: the prober's own words are theirs to see.
    return code, shown[shown.index("비슷한 의견이 이미 있어요") :]


async def test_the_ready_screen_neither_quotes_nor_echoes_an_anonymous_owner(
    sotong: BotHarness,
) -> None:
    code, shown = await _ready_screen(sotong)
    assert "비슷한 의견이 이미 있어요" in shown
    assert "AI 학습데이터·저작권" in shown or "👍 0" in shown
    for word in ("알파랩", "비밀연구소", "우리 회사", code, "민수", "minsu"):
        assert word not in shown, f"{word!r} leaked into another owner's view"


@pytest.mark.parametrize("forged", ["metoo:{id}", "metoo:{id}:AAAAAAAAAAA", "fb:metoo:{id}:x"])
async def test_a_forged_me_too_neither_counts_nor_reveals_anything(
    sotong: BotHarness, forged: str
) -> None:
    owner = await agreed_user(sotong, "민수")
    code = await submit_one(owner, "ko", anonymous=True)
    submission = await sotong.repositories.submissions.get_by_code(code)
    assert submission is not None
    prober = await agreed_user(sotong, "지영")
    message = prober.transcript[-1]
    data = forged.format(id=submission.id)
    _, update_id = sotong.emulator.state.user_tap(prober.id, message, data)
    await sotong.emulator.wait_delivered(update_id)
    await sotong.settle()
    assert await sotong.repositories.submissions.supporters_count(submission.id) == 0
    shown = " ".join(
        [(prober.last_toast.text or "") if prober.last_toast else ""]
        + [m.text or "" for m in prober.replies()]
    )
    assert code not in shown and "👍" not in shown


@pytest.mark.parametrize(
    "data",
    ["metoo:" + "9" * 40, "my:open:" + "9" * 40 + ":0", "my:page:0", "my:open:5:0", "ai:o:1"],
)
async def test_a_stale_or_crafted_button_gets_an_answer_never_an_error(
    sotong: BotHarness, data: str
) -> None:
    user = await agreed_user(sotong, "민수")
    message = user.transcript[-1]
    _, update_id = sotong.emulator.state.user_tap(user.id, message, data)
    await sotong.emulator.wait_delivered(update_id)
    await sotong.settle()
    assert user.last_toast is not None, "the tap was answered"
    assert not any("문제가 생겼어요" in (m.text or "") for m in user.replies())


# Issue 18: what administrators read after a merge or a move is the same whoever wrote an
# anonymous report and whatever became of its owner. Each scenario is played twice on the same
# footing, differing only in that one fact, and every figure and reply must match.

_LABELS = {
    "ko": {
        "duplicate": "🔗 중복 표시",
        "forward": "📨 부처 전달",
        "answer": "✍️ 답변 작성",
        "send": "📤 보내기",
    },
    "en": {
        "duplicate": "🔗 Mark duplicate",
        "forward": "📨 Forward",
        "answer": "✍️ Write answer",
        "send": "📤 Send",
    },
}


def _blind(text: str) -> str:
    """The text with what legitimately differs between the two runs (codes, ids) blanked."""
    text = re.sub(r"SV-\d{4}-\d+(?:을|를|과|와|은|는|이|가)?", "CODE", text, flags=re.IGNORECASE)
    return re.sub(r"(\w[\w-]*):\d+", r"\1:N", text)


async def _newest_delivery(admin: ScriptedUser) -> str:
    await admin.send("/delivery")
    return _blind((admin.reply().text or "").split("\n\n")[1])


async def _two_owners(sotong: BotHarness) -> tuple[ScriptedUser, ScriptedUser]:
    first, second = sotong.user("엑스"), sotong.user("와이")
    await onboard(first)
    await onboard(second)
    return first, second


async def _two_anonymous_reports(sotong: BotHarness, fate: str) -> tuple[Submission, Submission]:
    """One anonymous report whose owner is still here, one whose owner has `fate`."""
    still_here, gone = await _two_owners(sotong)
    reachable = await submit(sotong, still_here.id, anonymous=True)
    unreachable = await submit(sotong, gone.id, anonymous=True)
    if fate == "blocked":
        await gone.block()
    else:
        await sotong.services.accounts.erase(gone.id)
    return reachable, unreachable


async def _open(admin: ScriptedUser, labels: dict[str, str], code: str) -> None:
    await admin.send("/inbox")
    await admin.tap(open_label(admin, code))


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_merging_says_the_same_whether_or_not_the_two_reports_share_an_owner(
    sotong: BotHarness, language: str
) -> None:
    x, y = await _two_owners(sotong)
    first_named = await submit(sotong, x.id)
    second_named = await submit(sotong, x.id)
    own_anonymous = await submit(sotong, x.id, anonymous=True)
    foreign_anonymous = await submit(sotong, y.id, anonymous=True)
    admin = sotong.admin()
    await onboard(admin, language)
    labels = _LABELS[language]
    seen: list[tuple[object, ...]] = []
    for duplicate, original in ((own_anonymous, first_named), (foreign_anonymous, second_named)):
        await _open(admin, labels, duplicate.receipt_code)
        await admin.tap(labels["duplicate"])
        await admin.send(original.receipt_code)
        reply = _blind(admin.reply().text or "")
        audit = (await sotong.services.audit.latest(1))[0]
        queued = await _newest_delivery(admin)
        await sotong.delivered()
        delivered = await _newest_delivery(admin)
        await admin.send("/audit")
        # The newest entry: its time, then who, what and on which reports (codes blanked).
        audit_view = _blind("\n".join((admin.reply().text or "").split("\n")[2:4]))
        supporters = await sotong.repositories.submissions.supporters_count(original.id)
        seen.append((reply, audit.details, queued, delivered, audit_view, supporters))
    assert seen[0] == seen[1]
    assert seen[0][-1] == 1, "the merged report adds one support, whoever wrote it"
    # Nothing doubled for the owner of both: told once of each side, in one message.
    told = [m.text or "" for m in x.replies()]
    assert sum("함께 처리해요" in text for text in told) == 1
    assert sum(first_named.receipt_code in text and "늘었어요" in text for text in told) == 1


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_no_reply_or_delivery_line_tells_that_an_anonymous_owner_blocked_the_bot(
    sotong: BotHarness, language: str
) -> None:
    reachable, unreachable = await _two_anonymous_reports(sotong, "blocked")
    admin = sotong.admin()
    await onboard(admin, language)
    labels = _LABELS[language]
    seen: list[list[str]] = []
    for submission in (reachable, unreachable):
        code = submission.receipt_code
        replies: list[str] = []
        await admin.send(f"/extend {code} 2027-01-29 부처 협의 중")
        replies.append(admin.reply().text or "")
        await _open(admin, labels, code)
        await admin.tap(labels["forward"])
        await admin.send("중소벤처기업부")
        replies.append(admin.reply().text or "")
        await admin.tap(labels["answer"])
        await admin.send("검토하여 개선하겠습니다")
        await admin.tap(labels["send"])
        replies.append(admin.reply().text or "")
        replies.append(await _newest_delivery(admin))
        await sotong.delivered()
        await admin.send("/delivery")
        replies.append(admin.reply().text or "")
        seen.append([_blind(text) for text in replies])
    assert seen[0] == seen[1]
    shown = "\n".join(seen[0])
    for word in ("연락할 수 없", "cannot be reached", "blocked", "차단"):
        assert word not in shown


@pytest.mark.parametrize(
    "relation",
    [
        "strangers",
        "one owner of both",
        "the duplicate's owner supports the original",
        "the original's owner supports the duplicate",
        "one supporter of both",
        "the duplicate's owner erased their data",
    ],
)
async def test_a_merge_adds_every_voice_whoever_stands_behind_it(
    sotong: BotHarness, relation: str
) -> None:
    x, y = await _two_owners(sotong)
    original = await submit(sotong, x.id)
    owner = x if relation == "one owner of both" else y
    duplicate = await submit(sotong, owner.id, anonymous=True)
    duplicate_fan, original_fan = 7001, 7002
    if relation == "the duplicate's owner supports the original":
        original_fan = y.id
    elif relation == "the original's owner supports the duplicate":
        duplicate_fan = x.id
    elif relation == "one supporter of both":
        duplicate_fan = original_fan
    repository = sotong.repositories.submissions
    await repository.add_supporter(duplicate.id, duplicate_fan, now=sotong.clock.now())
    await repository.add_supporter(original.id, original_fan, now=sotong.clock.now())
    if relation == "the duplicate's owner erased their data":
        await sotong.services.accounts.erase(y.id)
    outcome = await sotong.services.review.mark_duplicate(
        duplicate.id, original.receipt_code, actor_id=ADMIN_ID
    )
    assert (outcome.counts.added_supporters, outcome.counts.supporters) == (2, 3)
    assert outcome.notices is None
    assert await repository.supporters_count(original.id) == 3
    # Nobody is listed twice, and the original's owner is not listed as its supporter.
    assert not await repository.has_supported(original.id, x.id)
    for person in {duplicate_fan, original_fan} - {x.id}:
        assert await repository.has_supported(original.id, person)


async def _delivery_lines(admin: ScriptedUser, subject: str) -> list[str]:
    """The /delivery entries whose heading names `subject` ("연결된 법안", "해결 뒤 효과 질문")."""
    await admin.send("/delivery")
    entries = [_blind(entry) for entry in (admin.reply().text or "").split("\n\n")[1:]]
    return [entry for entry in entries if subject in entry]


@pytest.mark.parametrize("fate", ["blocked", "erased"])
async def test_bill_news_looks_the_same_whatever_became_of_an_anonymous_owner(
    sotong: BotHarness, fate: str
) -> None:
    reachable, unreachable = await _two_anonymous_reports(sotong, fate)
    bill_id = await add_bill(sotong)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send(f"/link b{bill_id} {reachable.receipt_code} {unreachable.receipt_code}")
    await sotong.services.content.add_stage(
        bill_id, BillStageEntry(BillStage.PROMULGATED, date(2026, 11, 22)), actor_id=ADMIN_ID
    )
    await run_agenda(sotong)
    news = await _delivery_lines(admin, "연결된 법안")
    assert len(news) == 2 and news[0] == news[1], news


async def test_the_follow_up_looks_the_same_when_an_anonymous_owner_blocked_the_bot(
    sotong: BotHarness,
) -> None:
    for submission in await _two_anonymous_reports(sotong, "blocked"):
        await sotong.repositories.submissions.set_answer(
            submission.id, "검토하겠습니다", actor_id=ADMIN_ID, now=sotong.clock.now()
        )
    await run_job(sotong, FOLLOW_UP_JOB, kst(2027, 3, 1, 10))
    admin = sotong.admin()
    await onboard(admin)
    questions = await _delivery_lines(admin, "해결 뒤 효과 질문")
    assert len(questions) == 2 and questions[0] == questions[1], questions
    await admin.send("/stats")
    assert "질문 2건 중 0건 응답" in (admin.reply().text or "")


async def test_nothing_another_owner_typed_reaches_a_supporter_anywhere(
    sotong: BotHarness,
) -> None:
    """Issue 18: the ready screen, the support confirmation, the receipt, /my and /status."""
    prober = await ready_beside_planted(
        sotong,
        problem="한빛테크 김대표예요. AI 학습데이터로 쓸 저작물마다 허락을 받는 게 불가능해요",
    )
    planted = await sotong.repositories.submissions.get(1)
    assert planted is not None
    seen: list[str] = []

    def look() -> None:
        """What the prober was shown by the last action (screens are edited in place later)."""
        for message in prober.replies():
            seen.append(message.text or "")
            seen.extend(caption for row in message.keyboard for caption, _ in row)
        seen.append(prober.last_toast.text or "" if prober.last_toast else "")

    look()
    await prober.tap(label("ko", "feedback.button.me_too_numbered", number=1))
    look()
    await prober.tap(label("ko", "feedback.button.own_submission"))
    look()
    await prober.tap(callback_data="fb:submit")
    look()
    await prober.send("/my")
    look()
    await prober.send(f"/status {planted.receipt_code}")
    look()
    assert await sotong.repositories.submissions.supporters_count(planted.id) == 1
    for typed in (*PERSON, "민수", "minsu"):
        assert not any(typed in text for text in seen), f"{typed!r} reached another owner"
