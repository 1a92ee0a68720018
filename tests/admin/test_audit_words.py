"""/audit in words: actions and targets named, local time, administrators by name, newest first."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from domain.audit import SYSTEM_ACTOR
from handlers.admin_audit import PAGE_SIZE
from messages import has_key
from tests.admin.support import onboard, submit
from tests.fixtures.app import ADMIN_ID, BotHarness

_ROOT = Path(__file__).resolve().parents[2]


async def _history(sotong: BotHarness) -> str:
    """A status change by the admin, a late-recorded sync, a purge by the bot; returns the code."""
    first = await submit(sotong, 5001)
    await sotong.services.review.answer(first.id, "답변드립니다", actor_id=ADMIN_ID)
    earlier = sotong.clock.now() - timedelta(hours=2)
    await sotong.repositories.audit.record(
        at=earlier,
        actor_id=SYSTEM_ACTOR,
        action="retention.purge",
        target_type="submission",
        target_ids=[first.id],
        details={"submissions_anonymised": 1, "users": 1},
    )
    return first.receipt_code


async def test_audit_names_actions_people_and_local_times_in_korean(sotong: BotHarness) -> None:
    admin = sotong.admin()
    await onboard(admin)
    code = await _history(sotong)
    await admin.send("/audit")
    text = admin.reply().text or ""
    assert "최근 기록부터" in text and "최근 순" not in text
    assert f"{admin.info.first_name} · 공식 답변 · 의견 {code}: 6자" in text
    assert "소통 봇 자동 처리 · 보관 기간이 지난 개인정보 삭제" in text
    # Newest first by time: the purge was recorded last but happened two hours earlier.
    assert text.index("공식 답변") < text.index("개인정보 삭제")
    assert "관리자 0" not in text and str(ADMIN_ID) not in text
    assert not re.search(r"[a-z]+\.[a-z_]+|\{|\"", text)  # no action code, no JSON
    assert "오후" in text or "오전" in text  # Seoul's clock, as people write it


async def test_audit_in_english_names_the_administrator(sotong: BotHarness) -> None:
    admin = sotong.admin()
    await onboard(admin, "en")
    code = await _history(sotong)
    await admin.send("/audit")
    text = admin.reply().text or ""
    assert f"{admin.info.first_name} · official answer · submissions {code}: 6 characters" in text
    assert "the bot, automatically · personal data past its retention removed" in text
    assert "admin 0" not in text and str(ADMIN_ID) not in text
    assert "newest first" in text and PAGE_SIZE == 15
    # Newest first by time, in words and Seoul's clock, as in Korean.
    assert text.index("official answer") < text.index("personal data past")
    assert "retention.purge" not in text and "{" not in text and '"' not in text
    assert " AM" in text or " PM" in text


@pytest.mark.parametrize("folder", ["services", "storage"])
def test_every_audited_action_has_words(folder: str) -> None:
    """An action written anywhere is named in the catalog, so /audit never shows its code."""
    actions = set()
    for path in (_ROOT / folder).rglob("*.py"):
        for found in re.findall(r'action=f?"([a-z_.{}]+)"', path.read_text(encoding="utf-8")):
            if "{target.kind}" in found:
                actions |= {found.replace("{target.kind}", kind) for kind in ("meeting", "bill")}
            else:
                actions.add(found)
    assert actions
    assert {a for a in actions if not has_key(f"admin_audit.action.{a}")} == set()
