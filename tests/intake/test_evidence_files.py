"""Evidence is an allow-list checked by name and type, with a size limit that is a setting."""

from __future__ import annotations

from typing import Any

import pytest

from domain.evidence import EvidenceProblem, EvidenceRefusedError, EvidenceRules, check_evidence
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_KO, agreed_user, label

RULES = EvidenceRules(max_megabytes=20)
MB = 1024 * 1024


@pytest.mark.parametrize(
    ("name", "mime"),
    [
        ("견적서.pdf", "application/pdf"),
        ("사진.JPG", "image/jpeg"),
        (
            "보고서.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("표.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("공문.hwpx", "application/hwp+zip"),
        ("메모.txt", "text/plain; charset=utf-8"),
        ("자료.zip", "application/zip"),
    ],
)
def test_documents_people_read_are_taken(name: str, mime: str) -> None:
    check_evidence(name, mime, 2 * MB, RULES)


@pytest.mark.parametrize(
    ("name", "mime", "size", "problem"),
    [
        ("invoice.pdf.exe", "application/x-msdownload", 1_000, EvidenceProblem.TYPE),
        ("invoice.pdf.exe", "application/pdf", 1_000, EvidenceProblem.TYPE),
        ("login.html", "text/html", 1_000, EvidenceProblem.TYPE),
        ("x.svg", "image/svg+xml", 1_000, EvidenceProblem.TYPE),
        ("계약서.docm", "application/vnd.ms-word.document.macroEnabled.12", 1_000, "type"),
        ("report.pdf", "text/html", 1_000, EvidenceProblem.MISMATCH),
        ("report.pdf", None, 1_000, EvidenceProblem.MISMATCH),
        ("blob.bin", "application/octet-stream", 21 * MB, EvidenceProblem.TOO_LARGE),
        ("big.pdf", "application/pdf", 21 * MB, EvidenceProblem.TOO_LARGE),
        ("noextension", "application/pdf", 1_000, EvidenceProblem.TYPE),
    ],
)
def test_anything_else_is_refused_with_its_reason(
    name: str, mime: str | None, size: int, problem: str
) -> None:
    with pytest.raises(EvidenceRefusedError) as caught:
        check_evidence(name, mime, size, RULES)
    assert caught.value.problem == problem


def test_a_photo_is_checked_by_size_only() -> None:
    check_evidence(None, "image/jpeg", 3 * MB, RULES)
    with pytest.raises(EvidenceRefusedError):
        check_evidence(None, "image/jpeg", 3 * MB, EvidenceRules(max_megabytes=2))


async def _at_evidence(sotong: BotHarness) -> Any:
    user = await agreed_user(sotong)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:ai_copyright")
    await user.send(PROBLEM_KO)
    await user.tap(callback_data="fb:more")
    await user.tap(label("ko", "feedback.button.skip"))
    await user.tap(label("ko", "feedback.button.skip"))
    await user.tap(callback_data="fb:impact:3")
    await user.tap(label("ko", "feedback.button.next"))
    assert "증빙 자료가 있나요?" in (user.reply().text or "")
    return user


@pytest.mark.parametrize(
    ("name", "mime", "size", "reason"),
    [
        ("invoice.pdf.exe", "application/x-msdownload", 1_000, "받을 수 없는 종류예요"),
        ("login.html", "text/html", 1_000, "받을 수 없는 종류예요"),
        ("x.svg", "image/svg+xml", 1_000, "받을 수 없는 종류예요"),
        ("계약서.docm", "application/vnd.ms-word.document.macroEnabled.12", 1_000, "종류예요"),
        ("blob.pdf", "application/pdf", 21 * MB, "20MB까지"),
    ],
)
async def test_refused_files_get_the_reason_and_keep_the_draft(
    sotong: BotHarness, name: str, mime: str, size: int, reason: str
) -> None:
    user = await _at_evidence(sotong)
    await user.upload_document(b"%PDF-1.4 evidence", "견적서.pdf", mime_type="application/pdf")
    before = await sotong.services.intake.draft(user.id)
    await user.upload_document(b"MZ" + b"\0" * max(0, size - 2), name, mime_type=mime)
    assert reason in (user.reply().text or ""), user.reply().text
    assert "그대로 있어요" in (user.reply().text or "")
    draft = await sotong.services.intake.draft(user.id)
    assert draft == before and draft is not None and len(draft.attachments) == 1
