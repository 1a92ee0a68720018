"""The privacy notice says what the bot does, with the figures the code obeys.

A changed notice gets a new version, and consent to an older one is asked for again.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from messages.catalog.privacy import NOTICE_VERSION, TEXTS
from tests.fixtures.app import BotHarness
from tests.intake.flow import agreed_user

CONTACT = "privacy@sme-desk.example"

# The notice as last versioned. Changing its wording changes this digest: bump NOTICE_VERSION
# (everyone is asked to agree again) and record the new pair here.
NOTICE_DIGESTS = {
    "2026-12-06": "a7a109f413562651b314e67e7db10642a1c9099bc93e638754c96869e87060c9",
}


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    return {
        "privacy_controller": "중소기업 규제 소통 창구",
        "privacy_contact": CONTACT,
        "retention_years": 5,
        "backup_keep": 7,
        "follow_up_days": 60,
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ko",
            (
                "5년",  # RETENTION_YEARS
                "7일",  # BACKUP_KEEP nightly backups
                "60일",  # FOLLOW_UP_DAYS
                f"중소기업 규제 소통 창구 (연락처: {CONTACT})",
                "소관 부처",
                "거부할 권리",
                "주민등록번호",
                "건강",
                "/my",
                "/deletemydata",
                "/privacy",
                "동의 기록",
                "관심 법안",
                "회의 알림",
                "후속 설문",
                "구독만 하신",
                "통계",
                "합니다",
            ),
        ),
        (
            "en",
            (
                "5 years",
                "7 days",
                "60 days",
                f"중소기업 규제 소통 창구 (contact: {CONTACT})",
                "ministry in charge",
                "right to refuse",
                "resident registration numbers",
                "health information",
                "/my",
                "/deletemydata",
                "/privacy",
                "consent record",
                "bills you follow",
                "meeting reminders",
                "follow-up",
                "only subscribe",
                "statistics",
            ),
        ),
    ],
)
async def test_the_notice_states_purposes_items_periods_sharing_and_rights(
    sotong: BotHarness, language: str, expected: tuple[str, ...]
) -> None:
    user = await agreed_user(sotong, "민수", language=language)
    await user.send("/privacy")
    notice = user.reply().text or ""
    missing = [phrase for phrase in expected if phrase not in notice]
    assert missing == []
    assert len(notice) <= 4096


def test_a_changed_notice_has_a_new_version() -> None:
    notice = TEXTS["privacy.notice"]
    texts = "\n".join(notice[language] for language in ("ko", "en"))
    digest = hashlib.sha256(texts.encode()).hexdigest()
    assert NOTICE_DIGESTS.get(NOTICE_VERSION) == digest, (
        "the notice changed: bump NOTICE_VERSION and record its digest here"
    )


async def test_consent_to_the_previous_notice_is_asked_again(sotong: BotHarness) -> None:
    user = await agreed_user(sotong, "민수")
    await sotong.services.accounts.agree(
        user.id, notice_version="2026-11-22", display_name=None, username=None
    )
    await user.send("/feedback")
    assert user.reply().buttons == ["✅ 동의", "동의하지 않음"]
    await user.send("/privacy")
    assert "이전 안내문(2026-11-22)에 동의하셨어요" in (user.reply().text or "")
    await user.tap("✅ 동의")
    stored = await sotong.repositories.users.get(user.id)
    assert stored is not None and stored.has_consent(sotong.services.privacy.notice_version)
    await user.send("/feedback")
    assert user.reply().buttons != ["✅ 동의", "동의하지 않음"]
