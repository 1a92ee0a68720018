"""Telegram's limits by construction: lengths in UTF-16 units, split or cut with "…", never refused.

No message carries more than the 100 formatting entities Telegram keeps. The emulator refuses
what Telegram refuses (and the fixtures fail a test whose bot made such a call), so each
end-to-end test here would fail on a 400 "message is too long"; a message past 100 entities,
which Telegram takes but shows partly unformatted, fails the same check.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.fitting_bot import fit_parameters
from domain.content import LocalizedText
from domain.meetings import MeetingDraft, MeetingKind
from messages.length import (
    entity_count,
    fit_html,
    split_blocks,
    truncate,
    utf16_length,
    visible_length,
)
from tests.admin.support import onboard, open_label, submit
from tests.delivery.support import add_meeting, kst
from tests.evidence.support import received
from tests.fixtures.app import ADMIN_ID, BotHarness
from tests.intake.flow import agreed_user


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


def test_entities_are_counted_by_opening_tags() -> None:
    assert entity_count("<b>굵게</b> &lt;b&gt; <a href='https://x.org'>링크</a>") == 2
    assert entity_count("태그 없음") == 0


def test_split_blocks_starts_a_new_message_before_the_hundred_and_first_entity() -> None:
    lines = [f"<code>SV-{index:04d}</code> <i>짧음</i>" for index in range(120)]
    parts = split_blocks(["<b>제목</b>", *lines])
    assert [entity_count(part) for part in parts] == [99, 100, 42]
    assert all(visible_length(part) <= 4096 for part in parts)
    assert "".join(parts).count("<code>") == 120


def test_split_blocks_splits_one_block_too_formatted_by_lines() -> None:
    block = "\n".join(f"<b>{index}</b>" for index in range(150))
    parts = split_blocks([block])
    assert [entity_count(part) for part in parts] == [100, 50]


def test_fit_html_leaves_formatting_past_a_hundred_entities_out_and_keeps_every_word() -> None:
    markup = "".join(f"<b>{index}</b> <i>x</i>" for index in range(60))
    fitted = fit_html(markup)
    assert entity_count(fitted) == 100
    assert visible_length(fitted) == visible_length(markup)
    assert fitted.endswith("<b>49</b> <i>x</i>50 x51 x52 x53 x54 x55 x56 x57 x58 x59 x")


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
    formatted: dict[str, object] = {"text": "<b>가</b>" * 101, "parse_mode": "HTML"}
    fit_parameters("editMessageText", formatted)
    assert formatted["text"] == "<b>가</b>" * 100 + "가"


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


async def test_an_agenda_of_a_hundred_and_twenty_short_reports_keeps_every_code_formatted(
    sotong: BotHarness,
) -> None:
    owner = await agreed_user(sotong, "민수")
    codes = [
        (
            await received(
                sotong,
                owner.id,
                kst(2026, 11, 18, 10),
                category_id="other",
                problem="짧아요",
                hours=None,
                won=None,
            )
        ).receipt_code
        for _ in range(120)
    ]
    meeting = await add_meeting(sotong, kst(2026, 12, 3, 14))
    admin = sotong.admin()
    await onboard(admin)
    await admin.send(f"/link m{meeting.id} {' '.join(codes)}")

    await admin.send(f"/agenda m{meeting.id}")
    parts = admin.replies()
    assert len(parts) == 2
    assert all(len(part.entities) <= 100 for part in parts)
    formatted = {
        _utf16_slice(part.text or "", entity.offset, entity.length)
        for part in parts
        for entity in part.entities
        if entity.type == "code"
    }
    assert formatted >= set(codes)


def _utf16_slice(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[offset * 2 : (offset + length) * 2].decode("utf-16-le")
