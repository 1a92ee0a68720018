"""One reply per action: every action across the bot's flows gets at most one new message.

Each scenario drives a flow the way a person would and counts the bot's new messages after
every message sent or button tapped; an edit of a message already there is not a new one, nor
is a button's toast. A second message per action doubles the chat's length for nothing and, at
a human pace of one action a second, runs straight into Telegram's per-chat limit.

The few actions that truly need more are in `MORE_THAN_ONE`, each with its reason. The
/feedback flow's steps are walked in tests/intake/, not here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from bot.evidence_jobs import FOLLOW_UP_JOB
from domain import callback_data as cb
from domain.submissions import Attachment
from sandbox.emulator import EmulatorLimits, ScriptedUser
from sandbox.emulator.models import format_transcript
from tests.admin.support import open_label, submit
from tests.delivery.support import add_bill, add_meeting, containing, kst
from tests.evidence.support import run_job
from tests.fixtures.app import ADMIN_ID, BotHarness


@pytest.fixture
def emulator_limits() -> EmulatorLimits:
    """Flood limits lifted: a scripted person acts many times a second, which nobody does.

    What is counted is how many messages an action brings, not how fast they go out;
    tests/hostile/test_floods.py covers pacing.
    """
    return EmulatorLimits().without_flood_control()


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    """No reply pacing, for the same reason: it would only make the walk slow."""
    return {"reply_rate_per_second": 0}


MORE_THAN_ONE: dict[str, tuple[int, str]] = {
    # A document or a photo travels only in a message of its own: the card, then the file.
    "open a submission with one piece of evidence": (2, "the card and the evidence file"),
}
"""Actions allowed more than one new message: label → (messages, why)."""


def _bot_messages(user: ScriptedUser) -> int:
    return sum(1 for message in user.transcript if message.sender == "bot")


@dataclass
class Replies:
    """Counts the new bot messages each action of one person brings, and keeps every count."""

    user: ScriptedUser
    counts: list[tuple[str, int]] = field(default_factory=list)
    excess: list[str] = field(default_factory=list)

    async def __call__(self, label: str, action: Awaitable[object]) -> None:
        """Run one action (a message or a tap) and record how many new messages followed."""
        before = _bot_messages(self.user)
        await action
        count = _bot_messages(self.user) - before
        self.counts.append((label, count))
        allowed = MORE_THAN_ONE.get(label, (1, ""))[0]
        if count > allowed:
            new = [m for m in self.user.transcript if m.sender == "bot"][-count:]
            self.excess.append(f"{label}: {count} new messages\n{format_transcript(new)}")

    def check(self) -> None:
        """Fail with every action that said more than it may, and its messages."""
        assert self.counts, "no action was counted"
        assert not self.excess, "more than one reply per action:\n\n" + "\n\n".join(self.excess)


async def test_start_language_privacy_help_and_fallbacks(sotong: BotHarness) -> None:
    user = sotong.user("민수", language_code="ko")
    act = Replies(user)
    await act("/start", user.send("/start"))
    await act("hint while choosing the language", user.send("안녕하세요"))
    await act("pick Korean", user.tap("한국어 ✓"))
    await act("hint while reading the notice", user.send("그냥 쓸게요"))
    await act("agree", user.tap("✅ 동의"))
    await act("/start again", user.send("/start"))
    await act("/help", user.send("/help"))
    await act("menu: help", user.tap("❓ 도움말"))
    await act("/menu", user.send("/menu"))
    await act("menu: language", user.tap("🌐 언어 · Language"))
    await act("switch to English", user.tap("English"))
    await act("/language", user.send("/language"))
    await act("the language in use", user.tap("English ✓"))
    await act("switch back to Korean", user.tap("한국어"))
    await act("/privacy", user.send("/privacy"))
    await act("withdraw", user.tap("동의 철회"))
    await act("keep consent", user.tap("아니요, 유지할게요"))
    await act("menu: privacy", user.tap("🔒 개인정보", message_id=_last_menu(user)))
    await act("withdraw again", user.tap("동의 철회"))
    await act("confirm withdrawal", user.tap("네, 철회할게요"))
    await act("/privacy without consent", user.send("/privacy"))
    await act("decline from /privacy", user.tap("동의하지 않음"))
    await act("/privacy once more", user.send("/privacy"))
    await act("agree from /privacy", user.tap("✅ 동의"))
    await act("unknown text", user.send("이건 뭐예요?"))
    await act("unknown command", user.send("/frobnicate now"))
    await act("a sticker", user.send_sticker())
    await act("a stray document", user.upload_document(b"%PDF-1.4", "a.pdf"))
    await act("/cancel with nothing open", user.send("/cancel"))
    await act("/deletemydata", user.send("/deletemydata"))
    await act("keep my data", user.tap("아니요"))
    await act("/deletemydata again", user.send("/deletemydata"))
    await act("delete my data", user.tap("🗑 네, 삭제할게요"))
    act.check()


async def test_a_notice_that_ends_an_action_carries_the_menu(sotong: BotHarness) -> None:
    """Not understood, unknown command, nothing to cancel, welcome back, consent answered."""
    user = sotong.user("민수", language_code="ko")
    await user.send("/start")
    await user.tap("한국어 ✓")
    actions: dict[str, Callable[[], Awaitable[object]]] = {
        "agree": lambda: user.tap("✅ 동의"),
        "unknown text": lambda: user.send("이건 뭐예요?"),
        "unknown command": lambda: user.send("/frobnicate"),
        "nothing to cancel": lambda: user.send("/cancel"),
        "welcome back": lambda: user.send("/start"),
    }
    for label, action in actions.items():
        before = len(user.transcript)
        await action()
        new = [m for m in user.transcript[before:] if m.sender == "bot"]
        assert len(new) == 1, label
        assert "📝 의견 보내기" in new[0].buttons, label


def _last_menu(user: ScriptedUser) -> int:
    return next(
        m.message_id
        for m in reversed(user.transcript)
        if m.sender == "bot" and "🔒 개인정보" in m.buttons
    )


async def test_start_in_english_cancelled_declined_and_agreed_first(sotong: BotHarness) -> None:
    user = sotong.user("Jane", language_code="en")
    act = Replies(user)
    await act("/start", user.send("/start"))
    picker = user.reply().message_id
    await act("/cancel during /start", user.send("/cancel"))
    await act("a button of a closed flow", user.tap("English ✓", message_id=picker))
    await act("/start again", user.send("/start"))
    await act("pick English", user.tap("English ✓"))
    await act("decline", user.tap("I do not agree"))
    await act("/start after declining", user.send("/start"))

    act.check()

    # Consent given in /privacy before any /start: picking the language ends on the menu.
    early = sotong.user("Lee", language_code="en")
    act = Replies(early)
    await act("/privacy before /start", early.send("/privacy"))
    await act("agree before /start", early.tap("✅ I agree"))
    await act("/start with consent on file", early.send("/start"))
    await act("pick Korean with consent on file", early.tap("한국어"))
    act.check()


async def test_my_submissions_status_and_follow_up(sotong: BotHarness) -> None:
    owner = sotong.user("민수", language_code="ko")
    await owner.send("/start")
    await owner.tap("한국어 ✓")
    await owner.tap("✅ 동의")
    act = Replies(owner)
    await act("/my with nothing", owner.send("/my"))
    items = [
        await submit(sotong, owner.id, problem=f"{n}번째 애로 사항, 충분히 깁니다")
        for n in range(7)
    ]
    answered = items[0]
    await sotong.repositories.submissions.set_answer(
        answered.id, "시행령을 고치기로 했어요", actor_id=ADMIN_ID, now=sotong.clock.now()
    )
    await act("/my", owner.send("/my"))
    await act("my: next page", owner.tap("다음 ▶️"))
    await act("my: open one", owner.tap(f"{answered.receipt_code} ·"))
    await act("my: back to the list", owner.tap("⬅️ 내 의견 목록"))
    await act("menu: my", owner.tap("📂 내 의견", message_id=_last_menu(owner)))
    await act("/status CODE", owner.send(f"/status {items[3].receipt_code}"))
    await act("/status without a code", owner.send("/status"))
    await act("/status of someone else's", owner.send("/status SV-2026-999999"))

    await run_job(sotong, FOLLOW_UP_JOB, kst(2027, 3, 1, 10))
    (question,) = containing(owner, "해결된 지")
    await act("follow-up verdict", owner.tap("↘️ 줄었어요", message_id=question.message_id))
    await act("follow-up: a sticker", owner.send_sticker())
    await act("follow-up note", owner.send("이제 월 5시간, 30만원 정도예요"))
    act.check()


async def test_subscribe_bills_and_meetings(sotong: BotHarness) -> None:
    user = sotong.user("민수", language_code="ko")
    act = Replies(user)
    await act("/start", user.send("/start"))
    await act("pick Korean", user.tap("한국어 ✓"))
    await act("decline", user.tap("동의하지 않음"))
    await act("/subscribe without consent", user.send("/subscribe"))
    await act("/bills with none", user.send("/bills"))
    await act("/meetings with none", user.send("/meetings"))
    for n in range(12):
        await add_meeting(sotong, kst(2026, 12, 1 + n, 14), title=f"정책협의회 {n + 1}차")
    for _ in range(12):
        await add_bill(sotong)
    await act("/meetings", user.send("/meetings"))
    await act("meetings: next page", user.tap("다음 ▶️"))
    await act("meetings: previous page", user.tap("◀️ 이전"))
    await act("open a meeting", user.tap("📄 정책협의회 1차"))
    await act("remind me without consent", user.tap("🔔 알림 받기"))
    await act("the consent button", user.tap("🔒 개인정보"))
    await act("agree", user.tap("✅ 동의"))
    await user.send("/meetings")
    await act("open a meeting again", user.tap("📄 정책협의회 1차"))
    await act("remind me", user.tap("🔔 알림 받기"))
    await act("no reminder", user.tap("🔕 알림 끄기"))
    await act("calendar file", user.tap("📆 캘린더(.ics)"))
    await act("back to all meetings", user.tap("⬅️ 회의 목록"))

    await act("/bills", user.send("/bills"))
    await act("bills: next page", user.tap("다음 ▶️"))
    await act("bills: open one", user.tap(callback_data=_first_data(user, cb.BillShow.matches)))
    await act("follow", user.tap("⭐ 관심 법안에 추가"))
    await act("unfollow", user.tap("✖️ 관심 법안에서 빼기"))
    await act("back to all bills", user.tap("⬅️ 법안 목록"))

    await act("/subscribe", user.send("/subscribe"))
    await act("subscribe: meetings", user.tap("회의 일정", message_id=_last(user)))
    await act("subscribe: bills", user.tap("⚖️ 법안:"))
    await act("subscribe: topics", user.tap("🏷 분야 고르기"))
    await act("subscribe: a topic", user.tap("▫️ AI 학습데이터·저작권 (TDM)"))
    await act("subscribe: all topics", user.tap("모든 분야"))
    await act("subscribe: topics done", user.tap("✅ 완료"))
    await act("subscribe: when", user.tap("⏱ 받는 때"))
    await act("subscribe: weekly", user.tap("🗓 매주 한 번"))
    await act("subscribe: an hour", user.tap("오전 9시"))
    await act("subscribe: a weekday", user.tap("월요일"))
    await act("subscribe: save", user.tap("💾 저장"))
    await act("/subscribe again", user.send("/subscribe"))
    await act("subscribe: close", user.tap("✖️ 닫기"))
    await act("menu: subscribe", user.tap("🔔 구독", message_id=_last_menu(user)))
    await act("/cancel on the panel", user.send("/cancel"))
    await user.send("/subscribe")
    await act("unsubscribe", user.tap("🔕 구독 해지"))
    await act("subscribe again", user.tap("🔔 다시 구독하기"))
    act.check()


def _first_data(user: ScriptedUser, matches: Callable[[object], bool]) -> str:
    """The callback data of the first button of the newest keyboard that `matches`."""
    message = next(m for m in reversed(user.transcript) if m.sender == "bot" and m.keyboard)
    return next(data for row in message.keyboard for _, data in row if data and matches(data))


async def _tap_data(user: ScriptedUser, data: str) -> None:
    """Tap the newest button carrying `data`, wherever it is in the chat (a menu above)."""
    message = next(
        m
        for m in reversed(user.transcript)
        if m.sender == "bot" and any(d == data for row in m.keyboard for _, d in row)
    )
    await user.tap(callback_data=data, message_id=message.message_id)


def _last(user: ScriptedUser) -> int:
    return next(m.message_id for m in reversed(user.transcript) if m.sender == "bot")


async def test_admin_inbox_answers_and_reasons(sotong: BotHarness) -> None:
    owner = sotong.user("민수", language_code="ko")
    uploaded = await owner.upload_document(
        b"%PDF-1.4 evidence", "고지서.pdf", mime_type="application/pdf"
    )
    assert uploaded.attachment is not None
    evidence = Attachment(
        file_id=uploaded.attachment.file_id,
        file_unique_id=uploaded.attachment.file_unique_id,
        kind="document",
        file_name="고지서.pdf",
        mime_type="application/pdf",
        file_size=uploaded.attachment.file_size,
    )
    first = await submit(sotong, owner.id, attachments=(evidence,))
    second = await submit(sotong, owner.id, problem="두 번째 애로 사항, 충분히 깁니다")
    third = await submit(sotong, owner.id, problem="세 번째 애로 사항, 충분히 깁니다")
    for n in range(12):
        await submit(sotong, 7000 + n, problem=f"{n}번째 다른 애로 사항, 충분히 깁니다")
    admin = sotong.admin()
    act = Replies(admin)
    await act("/start", admin.send("/start"))
    await act("pick Korean", admin.tap("한국어"))
    await act("agree", admin.tap("✅ 동의"))
    await act("/inbox", admin.send("/inbox"))
    await act("inbox: next page", admin.tap("다음 ▶️"))
    await act("inbox: sort", admin.tap("↕️ 정렬"))
    await act("inbox: oldest first", admin.tap("오래된 순"))
    await act("inbox: a filter", admin.tap("🔎 분야"))
    await act("inbox: a category", admin.tap("AI 기본법", message_id=_last(admin)))
    await act("inbox: clear filters", admin.tap("↺ 필터 초기화"))
    await act("menu: inbox", _tap_data(admin, cb.ADMIN_INBOX.encode()))
    await admin.send(f"/search {first.receipt_code}")
    await act(
        "open a submission with one piece of evidence",
        admin.tap(open_label(admin, first.receipt_code)),
    )
    await act("start review", admin.tap("🔎 검토 시작"))
    await act("write an answer", admin.tap("✍️ 답변 작성"))
    await act("a sticker instead of the answer", admin.send_sticker())
    await act("the answer", admin.send("시행령 개정을 검토하고 있어요."))
    await act("edit the answer", admin.tap("✏️ 고치기"))
    await act("the answer again", admin.send("시행령을 고치기로 했어요."))
    await act("send the answer", admin.tap("📤 보내기"))
    await act("back to the list", admin.tap("⬅️ 목록", message_id=_last(admin)))

    await admin.send(f"/search {second.receipt_code}")
    await act("open another", admin.tap(open_label(admin, second.receipt_code)))
    await act("forward", admin.tap("📨 부처 전달"))
    await act("/cancel the forward", admin.send("/cancel"))
    await act("reject", admin.tap("⛔ 반려", message_id=_last_card(admin)))
    await act("the reason", admin.send("소관 밖이에요."))
    await act("/search", admin.send(f"/search {third.receipt_code}"))
    await act("/search without words", admin.send("/search"))
    await act("open from the search", admin.tap(open_label(admin, third.receipt_code)))
    await act("mark duplicate", admin.tap("🔗 중복 표시"))
    await act("a wrong code", admin.send("아무 말"))
    await act("the original's code", admin.send(first.receipt_code))
    await admin.send(f"/search {first.receipt_code}")
    await act(
        "open a submission with one piece of evidence",
        admin.tap(open_label(admin, first.receipt_code)),
    )
    await act("write another answer", admin.tap("✍️ 답변 다시 보내기"))
    await act("an answer to cancel", admin.send("취소할 답변이에요."))
    await act("cancel the preview", admin.tap("✖️ 취소"))
    await act("close", admin.tap("🗂 종결", message_id=_last_card(admin)))
    act.check()


def _last_card(user: ScriptedUser) -> int:
    return next(
        m.message_id
        for m in reversed(user.transcript)
        if m.sender == "bot" and "🔗 회의·법안 연결" in m.buttons
    )


async def test_admin_stats_audit_delivery_export_agenda_and_deadlines(sotong: BotHarness) -> None:
    owner = sotong.user("민수", language_code="ko")
    items = [await submit(sotong, owner.id, law_or_rule=f"법 {n % 3}") for n in range(4)]
    meeting = await add_meeting(sotong, kst(2026, 12, 3, 14))
    bill_id = await add_bill(sotong)
    admin = sotong.admin()
    act = Replies(admin)
    await admin.send("/start")
    await admin.tap("한국어")
    await admin.tap("✅ 동의")

    await act("/stats", admin.send("/stats"))
    await act("stats: a section", admin.tap(callback_data=cb.StatsView("cat").encode()))
    await act("stats: back to the summary", admin.tap("⬅️ 요약"))
    await act("stats: chart", admin.tap("📈 차트"))
    await act("stats: burden", admin.tap("⚖️ 부담 상위 5", message_id=_stats(admin)))
    await act("burden: all laws", admin.tap("📋 법령별 전체"))
    await act("burden: by category", admin.tap("🗂 분야별"))
    await act("burden: chart", admin.tap("📊 부담 차트"))
    await act("menu: stats", _tap_data(admin, cb.ADMIN_STATS.encode()))

    for _ in range(12):
        await sotong.services.review.start_review(items[0].id, actor_id=ADMIN_ID)
        await sotong.services.review.close(items[0].id, actor_id=ADMIN_ID)
    await act("/audit", admin.send("/audit"))
    await act("audit: older", admin.tap("더 이전 기록 ▶️"))
    await act("audit: newer", admin.tap("◀️ 최근 기록"))
    await act("menu: audit", _tap_data(admin, cb.ADMIN_AUDIT.encode()))
    await act("/delivery", admin.send("/delivery"))
    await act("delivery: refresh", admin.tap("🔄 새로고침"))

    await act("/export", admin.send("/export"))
    for step, label in enumerate(
        ("엑셀 (.xlsx)", "전체 기간", "전체", "전체", "전체", "연락처 제외", "현재 기록만")
    ):
        await act(f"export: answer {step + 1}", admin.tap(label))
    await act("menu: export", _tap_data(admin, cb.ADMIN_EXPORT.encode()))

    code = items[1].receipt_code
    await act("/link", admin.send(f"/link m{meeting.id} {code} SV-2026-999999"))
    await act("/link without a target", admin.send("/link"))
    await act("/agenda", admin.send("/agenda"))
    await act("agenda: an item", admin.tap(callback_data=cb.AgendaView("m", meeting.id).encode()))
    await act("/agenda b", admin.send(f"/agenda b{bill_id}"))
    await admin.send(f"/search {items[2].receipt_code}")
    await admin.tap(open_label(admin, items[2].receipt_code))
    await act("card: link", admin.tap("🔗 회의·법안 연결"))
    await act(
        "link to a bill", admin.tap(callback_data=cb.AgendaLink(items[2].id, "b", bill_id).encode())
    )
    await act("/extend", admin.send(f"/extend {code} 2026-12-31 부처 협의 중"))
    await act("/extend without words", admin.send("/extend"))
    await act("/extend a bad date", admin.send(f"/extend {code} 어제 이유"))
    act.check()

    stranger = Replies(owner)
    await stranger("a non-admin's /inbox", owner.send("/inbox"))
    stranger.check()


def _stats(user: ScriptedUser) -> int:
    return next(
        m.message_id
        for m in reversed(user.transcript)
        if m.sender == "bot" and "⚖️ 부담 상위 5" in m.buttons
    )


async def test_content_admin_forms(sotong: BotHarness) -> None:
    admin = sotong.admin()
    act = Replies(admin)
    await admin.send("/start")
    await admin.tap("한국어")
    await admin.tap("✅ 동의")

    await act("/addmeeting", admin.send("/addmeeting"))
    await act("meeting: kind", admin.tap("SOS Talk"))
    await act("meeting: title", admin.send("서울 동부권 SOS Talk"))
    await act("meeting: a bad start", admin.send("언젠가"))
    await act("meeting: start", admin.send("2026-12-10 10:00"))
    await act("meeting: an end before the start", admin.send("09:00"))
    await act("meeting: end", admin.send("12:00"))
    await act("meeting: place", admin.send("서울 송파구"))
    await act("meeting: a bad link", admin.send("not a link"))
    await act("meeting: skip the link", admin.tap("⏭ 건너뛰기"))
    await act("meeting: organizer", admin.send("중소기업 옴부즈만"))
    await act("meeting: skip the agenda", admin.tap("⏭ 건너뛰기"))
    await act("meeting: a category", admin.tap("▫️ AI 학습데이터·저작권 (TDM)"))
    await act("meeting: categories done", admin.tap("✅ 분야 선택 완료"))
    await act("meeting: publish", admin.tap("✅ 게시"))

    await act("/meetings", admin.send("/meetings"))
    await act("open the meeting", admin.tap("📄 서울 동부권 SOS Talk"))
    await act("meeting: edit", admin.tap("✏️ 수정"))
    await act("meeting: the field", admin.tap("장소"))
    await act("meeting: clear the field", admin.tap("⏭ 건너뛰기"))
    await admin.send("/meetings")
    await admin.tap("📄 서울 동부권 SOS Talk")
    await act("meeting: cancel", admin.tap("❌ 취소"))
    await act("meeting: keep it", admin.tap("아니요"))
    await admin.send("/meetings")
    await admin.tap("📄 서울 동부권 SOS Talk")
    await act("meeting: held", admin.tap("✅ 개최 완료"))
    await act("meeting: the outcome", admin.send("유예 기간 연장을 건의하기로 했어요."))

    await act("/addbill", admin.send("/addbill"))
    await act("bill: name", admin.send("중소기업 인공지능 활용 촉진법"))
    await act("bill: skip the number", admin.tap("⏭ 건너뛰기"))
    await act("bill: sponsor", admin.send("김동아 의원"))
    await act("bill: skip the committee", admin.tap("⏭ 건너뛰기"))
    await act("bill: summary", admin.send("AI 도입 비용을 지원해요."))
    await act("bill: categories done", admin.tap("✅ 분야 선택 완료"))
    await act("bill: publish", admin.tap("✅ 게시"))
    await act("bill: record a stage", admin.tap("➕ 단계 기록"))
    await act("stage: pick", admin.tap(callback_data=cb.CadmStage("committee_review").encode()))
    await act("stage: a bad date", admin.send("언젠가"))
    await act("stage: today", admin.tap("📅 오늘"))
    await act("stage: note", admin.send("소위 통과"))
    await act("/billstage", admin.send("/billstage"))
    await act("/cancel the stage", admin.send("/cancel"))

    await act("/announce", admin.send("/announce"))
    await act("announce: title", admin.send("설명회 안내"))
    await act("announce: body", admin.send("12월 3일 설명회가 열려요."))
    await act("announce: categories done", admin.tap("✅ 분야 선택 완료"))
    await act("announce: discard", admin.tap("🗑 버리기"))
    await admin.send("/announce")
    await admin.send("설명회 안내")
    await admin.send("12월 3일 설명회가 열려요.")
    await admin.tap("✅ 분야 선택 완료")
    await act("announce: publish", admin.tap("✅ 게시"))
    act.check()
