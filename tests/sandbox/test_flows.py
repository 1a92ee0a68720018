"""The sandbox page end to end, by clicking and typing in Chromium.

A whole submission, the administrator's inbox and export, and the status notice arriving back in
the owner's chat.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.async_api import Browser, ViewportSize, expect

from sandbox import Sandbox
from tests.sandbox.chat import WAIT_MS, ChatPage, png

pytestmark = pytest.mark.browser

PROBLEM = "AI 학습에 쓸 뉴스 기사마다 저작권자 허락을 받는 것은 현실적으로 불가능합니다."
LAW = "저작권법 제35조의5"
PROPOSAL = "TDM 면책 조항을 도입해 주세요."
RECEIPT = re.compile(r"SV-\d{4}-\d{6}")
PHONE = ViewportSize(width=390, height=844)


async def _receipt_code(chat: ChatPage) -> str:
    receipt = await chat.bot_says("접수됐어요")
    await chat.shot("receipt")
    await chat.audit()
    found = RECEIPT.search(await receipt.inner_text())
    assert found is not None, await receipt.inner_text()
    return found.group()


async def submit_quickly(chat: ChatPage) -> str:
    """The quick path: /feedback, a topic, the problem, "submit now"; the receipt code."""
    await chat.send("/feedback")
    await chat.bot_says("어떤 분야인가요?")
    await chat.shot("quick-topics")
    await chat.tap("AI 학습데이터·저작권 (TDM)")
    await chat.bot_says("2/2 어떤 점이 어려우신가요?")
    await chat.shot("quick-problem")
    await chat.send(PROBLEM)
    await chat.bot_says("이대로 보낼 수 있어요")
    await chat.shot("quick-ready")
    await chat.audit()
    await chat.tap("✅ 지금 보내기")
    return await _receipt_code(chat)


async def submit_feedback(chat: ChatPage) -> str:
    """Walk /feedback through every detail to the receipt; return the receipt code."""
    page = chat.page
    box = page.get_by_role("combobox", name="Message")
    # The command list as suggestions: type the start of a command, pick it with the arrows.
    await box.fill("/fee")
    suggestions = page.get_by_role("listbox", name="Commands")
    await expect(suggestions).to_be_visible()
    await expect(suggestions.get_by_role("option")).to_have_count(1)
    await chat.shot("command-suggestions")
    await box.press("ArrowDown")
    await expect(suggestions.get_by_role("option", selected=True)).to_contain_text("/feedback")
    await box.press("Enter")
    await chat.bot_says("어떤 분야인가요?")
    await chat.shot("topics")
    await chat.tap("AI 학습데이터·저작권 (TDM)")
    await chat.bot_says("어떤 점이 어려우신가요?")
    await chat.send(PROBLEM)
    # Open demo submissions about the same topic may be offered for support here.
    await chat.bot_says("이대로 보낼 수 있어요")
    await chat.shot("ready")
    await chat.tap("👤 이름 밝히기")
    await chat.bot_says("👤 이름을 밝혀 보내요")
    await chat.tap("➕ 자세히 쓰기")
    await chat.bot_says("관련된 법이나 규정")
    await chat.send(LAW)
    await chat.bot_says("어떻게 바뀌면 좋을까요?")
    await box.fill(PROPOSAL)
    await page.get_by_role("button", name="Send").click()
    await chat.bot_says("얼마나 큰 어려움")
    await chat.tap("4 · 심각")
    await chat.bot_says("비용으로 따지면요?")
    await chat.tap("⏱ 시간")
    await chat.send("월 40시간")
    await chat.bot_says("⏱ 시간: 월 40시간")
    await chat.send("한 번에 300만원")  # a kiosk bought once, typed as one says it
    await chat.bot_says("₩ 금액: 한 번에 300만원")
    await chat.shot("cost")
    await chat.tap("다음 ➡️")
    await chat.bot_says("증빙 자료가 있나요?")
    await page.locator("#file-input").set_input_files(
        files=[{"name": "notice.png", "mimeType": "image/png", "buffer": png(320, 180)}]
    )
    await expect(page.locator(".message.from-user img").last).to_be_visible(timeout=WAIT_MS)
    await chat.bot_says("(1/5)")
    await chat.shot("evidence-photo")
    await chat.tap("다음 ➡️")
    await chat.bot_says("회사는 어느 지역에 있나요?")
    await chat.tap("서울")
    await chat.bot_says("규모")
    await chat.tap("소기업")
    await chat.bot_says("업종")
    await chat.tap("정보통신·소프트웨어")
    review = await chat.bot_says("제출 전 확인해 주세요")
    await expect(review).to_contain_text(PROBLEM)
    await expect(review).to_contain_text("40시간")
    await chat.shot("review")
    await chat.tap("✅ 제출")
    return await _receipt_code(chat)


async def test_submission_review_export_and_status_update_through_the_page(
    chat: ChatPage, sandbox: Sandbox
) -> None:
    page = chat.page
    await expect(page.locator(".persona[aria-pressed=true]")).to_contain_text("SME owner · 한국어")
    await expect(page.get_by_role("heading", name="What can this bot do?")).to_be_visible()
    await chat.shot("empty-chat")

    await chat.start()
    await chat.bot_says("Please choose your language")
    await chat.shot("language-choice")
    await chat.tap("한국어", exact=False)  # the current language carries a ✓
    await chat.bot_says("개인정보")
    await chat.shot("consent")
    await chat.tap("✅ 동의")
    await chat.bot_says("무엇을 도와드릴까요?")
    await chat.shot("main-menu")
    await chat.audit()

    code = await submit_feedback(chat)
    stored = await sandbox.wiring.services.submissions.get_by_code(code)
    assert stored is not None and stored.problem == PROBLEM and stored.content.law_or_rule == LAW
    assert stored.submitter is not None and stored.submitter.name == "김민지"
    attachments = await sandbox.wiring.services.submissions.attachments(stored.id)
    assert [item.kind for item in attachments] == ["photo"]

    # The administrator: their own chat, their own onboarding, then the inbox.
    await chat.persona("Administrator")
    await expect(page.locator(".message")).to_have_count(0)
    await chat.onboard("한국어", "✅ 동의", "무엇을 도와드릴까요?")
    await chat.send("/inbox")
    await chat.bot_says("🔎 분야")
    await chat.shot("admin-inbox")
    await chat.tap("🔎 분야")
    await chat.tap("AI 학습데이터·저작권 (TDM)")
    await chat.bot_says(f"1. {code}")
    # The open button names the topic and the problem's first words; it is entry 1's.
    await chat.tap("1. AI 학습데이터", exact=False)
    detail = await chat.bot_says(PROBLEM[:20])
    await expect(detail).to_contain_text("김민지")
    # The evidence photo is sent again to the administrator and shown as a picture.
    await expect(page.locator(".message.from-bot img").last).to_be_visible(timeout=WAIT_MS)
    await chat.shot("admin-submission")
    await chat.audit()
    await chat.tap("🔎 검토 시작")
    await chat.bot_says("발송 대기열")
    await chat.shot("admin-started-review")
    # The owner's chat got a message while we were away: the switcher says so.
    await expect(page.locator(".persona").filter(has_text="SME owner · 한국어")).to_contain_text(
        "new messages"
    )

    await chat.send("/export")
    await chat.tap("엑셀 (.xlsx)")
    await chat.tap("전체 기간")
    for step in ("분야", "지역", "상태"):
        await chat.bot_says(f"{step}를 골라 주세요" if step != "지역" else "지역을 골라 주세요")
        await chat.tap("전체")
    await chat.tap("연락처 제외")
    await chat.tap("현재 기록만")
    await chat.bot_says("건을 내보냈어요")
    download_link = page.locator("a.document").last
    await expect(download_link).to_be_visible(timeout=WAIT_MS)
    await expect(download_link).to_contain_text(".xlsx")
    await chat.shot("admin-export")
    async with page.expect_download() as download_info:
        await download_link.click()
    download = await download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    path = await download.path()
    assert path.read_bytes()[:2] == b"PK"  # a zip container, as every .xlsx is

    await page.get_by_role("button", name="API calls").click()
    panel = page.get_by_role("complementary", name="Bot API calls")
    await expect(panel).to_be_visible()
    await expect(panel.locator(".call-method").filter(has_text="sendDocument")).not_to_have_count(0)
    await expect(panel.locator(".call.rejected")).to_have_count(0)
    await chat.shot("api-panel")
    await chat.audit()
    await page.get_by_role("button", name="Close").click()
    await expect(panel).to_be_hidden()

    await chat.persona("SME owner · 한국어")
    notice = await chat.bot_says("상태가 바뀌었어요")
    await expect(notice).to_contain_text(code)
    await expect(notice).to_contain_text("검토 중")
    await chat.shot("owner-sees-status-update")


async def test_feedback_at_phone_width_keeps_the_newest_buttons_in_view(
    browser: Browser, sandbox: Sandbox, artifacts: Path
) -> None:
    """At 390×844 every answer, edits that grow a message included, leaves its buttons in view.

    The screenshots of each step are in test-artifacts/sandbox/ under this test's name.
    """
    chat = await ChatPage.open(browser, sandbox.url, artifacts, PHONE)
    chat.keep_in_view = True
    await chat.onboard("한국어", "✅ 동의", "무엇을 도와드릴까요?")
    await chat.shot("phone-main-menu")
    code = await submit_feedback(chat)
    assert await sandbox.wiring.services.submissions.get_by_code(code) is not None
    assert await chat.page.evaluate("() => document.documentElement.scrollWidth") <= 390
    await chat.close()


async def test_the_quick_path_at_phone_width(
    browser: Browser, sandbox: Sandbox, artifacts: Path
) -> None:
    """Four actions from /feedback to a receipt at 390×844, each screen's buttons in view.

    The screenshots (quick-*.png, receipt.png) are in test-artifacts/sandbox/ under this
    test's name.
    """
    chat = await ChatPage.open(browser, sandbox.url, artifacts, PHONE)
    chat.keep_in_view = True
    await chat.onboard("한국어", "✅ 동의", "무엇을 도와드릴까요?")
    code = await submit_quickly(chat)
    stored = await sandbox.wiring.services.submissions.get_by_code(code)
    assert stored is not None and stored.problem == PROBLEM and stored.submitter is None
    assert await chat.page.evaluate("() => document.documentElement.scrollWidth") <= 390
    await chat.close()
