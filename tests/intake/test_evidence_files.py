"""Evidence is an allow-list checked by name, type and content, with a size limit setting."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from domain.evidence import (
    ALLOWED_EVIDENCE,
    EvidenceProblem,
    EvidenceRefusedError,
    EvidenceRules,
    check_evidence,
    check_evidence_content,
)
from sandbox.emulator import BotApiEmulator
from tests.fixtures.app import BotHarness
from tests.intake.flow import PROBLEM_EN, PROBLEM_KO, agreed_user, label

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


async def _at_evidence(sotong: BotHarness, language: str = "ko") -> Any:
    user = await agreed_user(sotong, language=language)
    await user.send("/feedback")
    await user.tap(callback_data="fb:cat:ai_copyright")
    await user.send(PROBLEM_KO if language == "ko" else PROBLEM_EN)
    await user.tap(callback_data="fb:more")
    await user.tap(label(language, "feedback.button.skip"))
    await user.tap(label(language, "feedback.button.skip"))
    await user.tap(callback_data="fb:impact:3")
    await user.tap(label(language, "feedback.button.next"))
    assert ("증빙 자료가 있나요?" if language == "ko" else "evidence") in (user.reply().text or "")
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
    before = await sotong.services.drafts.get(user.id)
    await user.upload_document(b"MZ" + b"\0" * max(0, size - 2), name, mime_type=mime)
    assert reason in (user.reply().text or ""), user.reply().text
    assert "그대로 있어요" in (user.reply().text or "")
    draft = await sotong.services.drafts.get(user.id)
    assert draft == before and draft is not None and len(draft.attachments) == 1


def _package(*entries: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


_TYPES = b"<?xml version='1.0'?><Types/>"
DOCX = _package(("[Content_Types].xml", _TYPES), ("word/document.xml", b"<w:document/>"))
XLSX = _package(("[Content_Types].xml", _TYPES), ("xl/workbook.xml", b"<workbook/>"))
PPTX = _package(("[Content_Types].xml", _TYPES), ("ppt/presentation.xml", b"<p/>"))
HWPX = _package(("mimetype", b"application/hwp+zip"), ("Contents/section0.xml", b"<hs:sec/>"))
ODT = _package(
    ("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<office/>")
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\0" * 64 + b"This program cannot be run"
WEB_PAGE = "<html><body><script>location='https://evil.test'</script>메모</body></html>".encode()
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'
_OOXML = "application/vnd.openxmlformats-officedocument"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("견적서.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        ("사진.JPG", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
        ("그림.png", PNG),
        ("움짤.gif", b"GIF89a\x01\x00"),
        ("사진.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 "),
        ("사진.heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"),
        ("보고서.docx", DOCX),
        ("표.xlsx", XLSX),
        ("발표.pptx", PPTX),
        ("공문.hwpx", HWPX),
        ("문서.odt", ODT),
        ("메모.txt", "규제 때문에 월 40시간이 듭니다.\n".encode()),
        ("메모.txt", "\ufeff BOM으로 시작하는 메모 3 < 5".encode()),
        ("비용.csv", "항목,금액\n키오스크,3000000\n".encode()),
        ("엑셀.csv", "항목,금액\n키오스크,3000000\n".encode("cp949")),
        ("자료.zip", _package(("a.pdf", b"%PDF-1.4"))),
    ],
)
def test_bytes_that_are_what_their_name_says_are_taken(name: str, content: bytes) -> None:
    check_evidence_content(name, content, RULES)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("견적서.pdf", EXECUTABLE, EvidenceProblem.CONTENT),
        ("x.svg.pdf", SVG, EvidenceProblem.CONTENT),
        ("사진.jpg", PNG, EvidenceProblem.CONTENT),
        ("그림.png", SVG, EvidenceProblem.CONTENT),
        ("보고서.docx", XLSX, EvidenceProblem.CONTENT),
        ("보고서.docx", EXECUTABLE, EvidenceProblem.CONTENT),
        ("보고서.docx", _package(("word/document.xml", b"<w/>")), EvidenceProblem.CONTENT),
        (
            "매크로.docx",
            _package(
                ("[Content_Types].xml", _TYPES),
                ("word/document.xml", b"<w/>"),
                ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0"),
            ),
            EvidenceProblem.CONTENT,
        ),
        ("공문.hwpx", DOCX, EvidenceProblem.CONTENT),
        (
            "공문.hwpx",
            _package(("mimetype", b"text/html"), ("Contents/section0.xml", b"")),
            "content",
        ),
        ("문서.odt", HWPX, EvidenceProblem.CONTENT),
        ("자료.zip", b"PK\x03\x04 not really a zip", EvidenceProblem.CONTENT),
        ("자료.zip", EXECUTABLE, EvidenceProblem.CONTENT),
        ("memo.txt", WEB_PAGE, EvidenceProblem.TEXT),
        ("memo.txt", SVG, EvidenceProblem.TEXT),
        ("memo.txt", "규제 메모".encode("utf-16"), EvidenceProblem.TEXT),
        ("memo.txt", EXECUTABLE, EvidenceProblem.TEXT),
        ("표.csv", b"a,b\n<script src=//evil.test/x.js></script>", EvidenceProblem.TEXT),
    ],
)
def test_bytes_that_are_something_else_are_refused(name: str, content: bytes, problem: str) -> None:
    with pytest.raises(EvidenceRefusedError) as caught:
        check_evidence_content(name, content, RULES)
    assert caught.value.problem == problem


@pytest.mark.parametrize("suffix", sorted(ALLOWED_EVIDENCE))
def test_every_allowed_kind_has_its_own_content_check(suffix: str) -> None:
    with pytest.raises(EvidenceRefusedError) as caught:
        check_evidence_content(f"자료{suffix}", b"<html>\xff\xfe", RULES)
    assert caught.value.problem in {EvidenceProblem.CONTENT, EvidenceProblem.TEXT}


def test_bytes_beyond_the_limit_are_refused_whatever_the_size_declared() -> None:
    with pytest.raises(EvidenceRefusedError) as caught:
        check_evidence_content("a.pdf", b"%PDF-1.4" + b"\0" * MB, EvidenceRules(max_megabytes=1))
    assert caught.value.problem == EvidenceProblem.TOO_LARGE


DISGUISED = [
    ("견적서.pdf", EXECUTABLE, "application/pdf", "content"),
    ("memo.txt", WEB_PAGE, "text/plain", "text"),
    ("x.svg.pdf", SVG, "application/pdf", "content"),
]
GENUINE = [
    ("견적서.pdf", b"%PDF-1.7\n1 0 obj", "application/pdf"),
    ("보고서.docx", DOCX, f"{_OOXML}.wordprocessingml.document"),
    ("표.xlsx", XLSX, f"{_OOXML}.spreadsheetml.sheet"),
    ("공문.hwpx", HWPX, "application/hwp+zip"),
    ("메모.txt", "월 40시간이 들어요.".encode(), "text/plain"),
    ("비용.csv", "항목,금액\n키오스크,3000000\n".encode(), "text/csv"),
    ("그림.png", PNG, "image/png"),
    ("자료.zip", _package(("a.pdf", b"%PDF-1.4")), "application/zip"),
]


@pytest.mark.parametrize("language", ["ko", "en"])
async def test_disguised_files_are_refused_with_the_reason_and_genuine_ones_taken(
    sotong: BotHarness, language: str
) -> None:
    user = await _at_evidence(sotong, language)
    await user.upload_document(GENUINE[0][1], GENUINE[0][0], mime_type=GENUINE[0][2])
    before = await sotong.services.drafts.get(user.id)
    assert before is not None and len(before.attachments) == 1
    for name, content, mime, problem in DISGUISED:
        await user.upload_document(content, name, mime_type=mime)
        assert await sotong.services.drafts.get(user.id) == before, name
        expected = label(language, f"feedback.evidence_refused.{problem}", name=name, limit=20)
        assert user.reply().text == expected
    for name, content, mime in GENUINE[1:5]:
        await user.upload_document(content, name, mime_type=mime)
        assert name in (user.reply().text or ""), user.reply().text
        assert "/5)" in (user.reply().text or "")
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None
    assert [attachment.file_name for attachment in draft.attachments] == [
        name for name, _, _ in GENUINE[:5]
    ]


async def test_the_other_genuine_kinds_are_taken_too(sotong: BotHarness) -> None:
    user = await _at_evidence(sotong)
    for name, content, mime in GENUINE[5:]:
        await user.upload_document(content, name, mime_type=mime)
        assert f"받았어요: {name}" in (user.reply().text or ""), user.reply().text


@pytest.mark.parametrize("settings_overrides", [{"evidence_max_mb": 30}])
async def test_a_file_telegram_will_not_hand_over_is_refused_as_too_large(
    sotong: BotHarness, emulator: BotApiEmulator
) -> None:
    # Above 20 MB the public Bot API refuses getFile, so the bytes cannot be judged.
    emulator.expect_rejection("file is too big", method="getFile")
    user = await _at_evidence(sotong)
    await user.upload_document(
        b"%PDF-1.7" + b"\0" * (21 * MB), "큰자료.pdf", mime_type="application/pdf"
    )
    assert "30MB까지" in (user.reply().text or ""), user.reply().text
    draft = await sotong.services.drafts.get(user.id)
    assert draft is not None and draft.attachments == ()
