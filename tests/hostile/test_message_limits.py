"""Telegram's limits by construction: lengths in UTF-16 units, split or cut with "…", never refused.

The emulator refuses what Telegram refuses (and the fixtures fail a test whose bot made such a
call), so each end-to-end test here would fail on a 400 "message is too long".
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.fitting_bot import fit_parameters
from domain.content import LocalizedText
from domain.meetings import MeetingDraft, MeetingKind
from messages.length import fit_html, split_blocks, truncate, utf16_length, visible_length
from tests.admin.support import onboard, open_label, submit
from tests.fixtures.app import ADMIN_ID, BotHarness


def test_lengths_are_utf16_units_of_the_shown_text() -> None:
    assert utf16_length("가나다") == 3
    assert utf16_length("😀") == 2
    assert visible_length("<b>A &amp; B</b> 😀") == 8


def test_truncate_never_splits_a_surrogate_pair() -> None:
    cut = truncate("😀" * 10, 6)
    assert cut == "😀😀…" and utf16_length(cut) == 5
    assert truncate("short", 10) == "short"


def test_fit_html_keeps_entities_whole_and_closes_tags() -> None:
    fitted = fit_html("<b>" + "&lt;" * 50 + "</b><i>tail</i>", 11)
    assert fitted == "<b>" + "&lt;" * 10 + "…</b>"
    assert visible_length(fitted) == 11


def test_split_blocks_reopens_a_tag_cut_across_parts() -> None:
    block = "<blockquote>" + "\n".join(["가" * 3000] * 3) + "</blockquote>"
    parts = split_blocks(["제목", block])
    assert all(visible_length(part) <= 4096 for part in parts)
    assert all(part.count("<blockquote>") == part.count("</blockquote>") for part in parts)


def test_the_last_guard_fits_texts_captions_and_toasts() -> None:
    data: dict[str, object] = {"text": "<b>" + "😀" * 2100 + "</b>", "parse_mode": "HTML"}
    fit_parameters("sendMessage", data)
    assert 4095 <= visible_length(str(data["text"])) <= 4096
    assert str(data["text"]).endswith("…</b>")
    toast: dict[str, object] = {"text": "x" * 300}
    fit_parameters("answerCallbackQuery", toast)
    assert toast["text"] == "x" * 199 + "…"
    caption: dict[str, object] = {"caption": "가" * 2000, "parse_mode": "HTML"}
    fit_parameters("sendDocument", caption)
    assert visible_length(str(caption["caption"])) == 1024


async def test_an_emoji_heavy_problem_opens_for_administrators(sotong: BotHarness) -> None:
    problem = "규제 " + "😀" * 2040
    created = await submit(sotong, 5001, problem=problem)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, created.receipt_code))
    replies = admin.replies()
    shown = "".join(message.text or "" for message in replies)
    assert shown.count("😀") == 2040
    assert all(utf16_length(message.text or "") <= 4096 for message in replies)


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_a_six_thousand_character_meeting_title_keeps_meetings_working(
    sotong: BotHarness, language: str
) -> None:
    title = "정책협의회 " * 1000
    await sotong.repositories.meetings.create(
        MeetingDraft(
            kind=MeetingKind.POLICY_COUNCIL,
            title=LocalizedText(title, title),
            starts_at=sotong.clock.now() + timedelta(days=3),
        ),
        actor_id=ADMIN_ID,
        now=sotong.clock.now(),
    )
    user = sotong.user("민수", language_code=language)
    await onboard(user, language)
    await user.send("/meetings")
    reply = user.reply()
    assert reply.text is not None and "정책협의회" in reply.text
    assert utf16_length(reply.text) <= 4096


async def test_an_emoji_heavy_answer_reaches_the_owner_with_its_footer(sotong: BotHarness) -> None:
    owner = sotong.user("민수", language_code="ko")
    await onboard(owner)
    submission = await submit(sotong, owner.id)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/inbox")
    await admin.tap(open_label(admin, submission.receipt_code))
    await admin.tap("✍️ 답변 작성")
    await admin.send("검토했어요 " + "🙏" * 3000)
    preview = admin.reply().text or ""
    assert utf16_length(preview) <= 4096 and "🙏" in preview
    await admin.tap("📤 보내기")
    await sotong.delivered()  # the answer goes out through the outbox, not with the reply
    told = owner.reply().text or ""
    assert utf16_length(told) <= 4096
    assert "🙏" in told and submission.receipt_code in told.splitlines()[-1]
