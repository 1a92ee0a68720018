"""/inbox at a glance: a page a phone shows whole, buttons that say what they open."""

from __future__ import annotations

import pytest

from handlers.admin_inbox_views import PAGE_SIZE
from tests.admin.support import onboard, submit
from tests.fixtures.app import BotHarness


@pytest.mark.parametrize(
    ("language", "label", "page"),
    [
        ("ko", "1. AI 기본법 의무·과… · 고영향 AI 판단 기준이…", "6건 · 1/2쪽"),
        ("en", "1. AI Basic Act obli… · 고영향 AI 판단 기준이…", "6 submissions · page 1/2"),
    ],
)
async def test_a_page_is_short_and_each_button_names_its_topic_and_words(
    sotong: BotHarness, language: str, label: str, page: str
) -> None:
    for n in range(5):
        await submit(
            sotong, 5001 + n, problem=f"{n}번 과태료 기준이 불분명해 준비를 못 하고 있어요"
        )
    anonymous = await submit(
        sotong,
        5100,
        anonymous=True,
        name="비밀사장",
        username="secret_boss",
        problem="고영향 AI 판단 기준이 불분명해서 출시를 미루고 있어요",
    )
    admin = sotong.admin()
    await onboard(admin, language)
    await admin.send("/inbox")
    listing = admin.reply()
    text = listing.text or ""
    assert page in text and PAGE_SIZE == 4
    assert f"1. {anonymous.receipt_code}" in text
    opens = [label for label in listing.buttons if label[:2] in {f"{n}." for n in range(1, 5)}]
    assert len(opens) == PAGE_SIZE
    assert opens[0] == label
    assert all("SV-" not in label and "열기" not in label for label in listing.buttons)
    assert all("비밀사장" not in label and "secret" not in label for label in listing.buttons)
    # Each entry is two lines: the code and where it stands, then the day, support and topic.
    entries = text.split("\n\n")[1:]
    assert len(entries) == PAGE_SIZE and all(len(e.splitlines()) == 2 for e in entries)
    await admin.tap(opens[0])
    assert "판단 기준이 불분명" in (admin.reply().text or "")
