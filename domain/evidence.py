"""Which files an owner may attach as evidence: an allow-list by name, type *and* content.

Administrators open what owners send, so a file is evidence only if its name and its declared
type say it is a document people read (PDF, a picture, an office document without macros,
plain text or a zip) and its bytes agree. Scripts and programs (`invoice.pdf.exe`), web pages
(`login.html`), SVG (which can carry script) and macro-enabled office files (`.docm`) are
refused whatever their type claims, and so is a program renamed `견적서.pdf`, a web page
renamed `memo.txt` or an SVG renamed `x.svg.pdf`: the first bytes (the format's signature)
must be the declared format's, an office file must be a ZIP holding that format's parts and no
macro project, and a text file must be UTF-8 or CP949 text with no markup a browser would run.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePosixPath
from typing import Final

__all__ = [
    "ALLOWED_EVIDENCE",
    "EvidenceProblem",
    "EvidenceRefusedError",
    "EvidenceRules",
    "check_evidence",
    "check_evidence_content",
]

_OOXML: Final = "application/vnd.openxmlformats-officedocument"
_ODF: Final = "application/vnd.oasis.opendocument"
_ZIP: Final = frozenset({"application/zip", "application/x-zip-compressed"})

ALLOWED_EVIDENCE: Final[dict[str, frozenset[str]]] = {
    ".pdf": frozenset({"application/pdf"}),
    ".jpg": frozenset({"image/jpeg"}),
    ".jpeg": frozenset({"image/jpeg"}),
    ".png": frozenset({"image/png"}),
    ".gif": frozenset({"image/gif"}),
    ".webp": frozenset({"image/webp"}),
    ".heic": frozenset({"image/heic", "image/heif"}),
    ".heif": frozenset({"image/heif", "image/heic"}),
    ".docx": frozenset({f"{_OOXML}.wordprocessingml.document"}),
    ".xlsx": frozenset({f"{_OOXML}.spreadsheetml.sheet"}),
    ".pptx": frozenset({f"{_OOXML}.presentationml.presentation"}),
    ".odt": frozenset({f"{_ODF}.text"}),
    ".ods": frozenset({f"{_ODF}.spreadsheet"}),
    ".odp": frozenset({f"{_ODF}.presentation"}),
    ".hwpx": frozenset({"application/hwp+zip", "application/vnd.hancom.hwpx"}),
    ".txt": frozenset({"text/plain"}),
    ".csv": frozenset({"text/csv", "text/plain"}),
    ".zip": _ZIP,
}
"""Extension → the MIME types a file with that name may declare."""


class EvidenceProblem(StrEnum):
    """Why a file is not taken; each has its own sentence for the owner."""

    TYPE = "type"
    MISMATCH = "mismatch"
    TOO_LARGE = "too_large"
    CONTENT = "content"
    TEXT = "text"


class EvidenceRefusedError(ValueError):
    """The file is not taken as evidence; nothing already entered changes."""

    def __init__(self, problem: EvidenceProblem, limit_mb: int) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.limit_mb = limit_mb


@dataclass(frozen=True, slots=True)
class EvidenceRules:
    """The limits that are settings (EVIDENCE_MAX_MB)."""

    max_megabytes: int = 20

    @property
    def max_bytes(self) -> int:
        """The limit in bytes, as Telegram reports file sizes."""
        return self.max_megabytes * 1024 * 1024


def check_evidence(
    file_name: str | None, mime_type: str | None, size: int | None, rules: EvidenceRules
) -> None:
    """Accept a document as evidence, or say why not.

    A photo sent as a photo has no name: Telegram re-encodes it as JPEG, so only its size
    matters; pass `file_name=None, mime_type="image/jpeg"`.

    Raises:
        EvidenceRefusedError: the type is not on the list, name and type disagree, or the
            file is larger than the limit.

    """
    if size is not None and size > rules.max_bytes:
        raise EvidenceRefusedError(EvidenceProblem.TOO_LARGE, rules.max_megabytes)
    declared = (mime_type or "").split(";")[0].strip().lower()
    if file_name is None:
        if declared != "image/jpeg":
            raise EvidenceRefusedError(EvidenceProblem.TYPE, rules.max_megabytes)
        return
    allowed = ALLOWED_EVIDENCE.get(PurePosixPath(file_name.strip().lower()).suffix)
    if allowed is None:
        raise EvidenceRefusedError(EvidenceProblem.TYPE, rules.max_megabytes)
    if declared not in allowed:
        raise EvidenceRefusedError(EvidenceProblem.MISMATCH, rules.max_megabytes)


_PDF_HEADER_WINDOW: Final = 1024
"""PDF readers find `%PDF-` within the first kilobyte (ISO 32000-2, 7.5.2, and practice)."""
_HEIF_BRANDS: Final = frozenset(
    {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
)
_MARKUP: Final = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|meta|style|link|form|img)\b",
    re.IGNORECASE,
)
"""The tags that make a browser take text for a page, or run it."""
_MACROS: Final = re.compile(r"(?:^|/)vbaProject\.bin$|(?:^|/)vbaData\.xml$", re.IGNORECASE)


def _pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:_PDF_HEADER_WINDOW]


def _signature(*starts: bytes) -> Callable[[bytes], bool]:
    return lambda data: data.startswith(starts)


def _webp(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


def _heif(data: bytes) -> bool:
    # An ISO base media file: a `ftyp` box first, whose major brand names the HEIF flavour.
    return data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS


def _entries(data: bytes) -> zipfile.ZipFile | None:
    """The archive's directory, or None when the bytes are not a ZIP (nothing is unpacked)."""
    if not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return None
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        return None


def _zip(data: bytes) -> bool:
    return _entries(data) is not None


def _ooxml(main_part: str) -> Callable[[bytes], bool]:
    """A Word, Excel or PowerPoint package: its content types, its main part, no macro project."""

    def check(data: bytes) -> bool:
        archive = _entries(data)
        if archive is None:
            return False
        names = set(archive.namelist())
        return (
            "[Content_Types].xml" in names
            and main_part in names
            and not any(_MACROS.search(name) for name in names)
        )

    return check


def _declared_package(mime_type: str, part: str) -> Callable[[bytes], bool]:
    """An ODF or HWPX package: a `mimetype` entry naming the format, and its content part."""

    def check(data: bytes) -> bool:
        archive = _entries(data)
        if archive is None or part not in archive.namelist():
            return False
        try:
            with archive.open("mimetype") as declared:
                # Read a bounded prefix: a crafted entry could inflate to anything.
                return declared.read(len(mime_type) + 2).strip() == mime_type.encode()
        except (KeyError, zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError):
            return False

    return check


_TEXT_ENCODINGS: Final = ("utf-8", "cp949")
"""UTF-8, or CP949: Korean Windows and Excel's plain "CSV" still save in it."""


def _honest_text(data: bytes) -> bool:
    for encoding in _TEXT_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return "\x00" not in text and _MARKUP.search(data) is None
    return False


_CONTENT: Final[dict[str, Callable[[bytes], bool]]] = {
    ".pdf": _pdf,
    ".jpg": _signature(b"\xff\xd8\xff"),
    ".jpeg": _signature(b"\xff\xd8\xff"),
    ".png": _signature(b"\x89PNG\r\n\x1a\n"),
    ".gif": _signature(b"GIF87a", b"GIF89a"),
    ".webp": _webp,
    ".heic": _heif,
    ".heif": _heif,
    ".docx": _ooxml("word/document.xml"),
    ".xlsx": _ooxml("xl/workbook.xml"),
    ".pptx": _ooxml("ppt/presentation.xml"),
    ".odt": _declared_package(f"{_ODF}.text", "content.xml"),
    ".ods": _declared_package(f"{_ODF}.spreadsheet", "content.xml"),
    ".odp": _declared_package(f"{_ODF}.presentation", "content.xml"),
    ".hwpx": _declared_package("application/hwp+zip", "Contents/section0.xml"),
    ".txt": _honest_text,
    ".csv": _honest_text,
    ".zip": _zip,
}
"""Extension → whether the bytes are really that format (every allowed extension has one)."""


def check_evidence_content(file_name: str | None, content: bytes, rules: EvidenceRules) -> None:
    """Accept a document's bytes for the format its (already accepted) name declares.

    A file without a name was accepted as a JPEG (see `check_evidence`), so it must be one.

    Raises:
        EvidenceRefusedError: the bytes are larger than the limit, are not the named format,
            or a text file is not plain text.

    """
    if len(content) > rules.max_bytes:
        raise EvidenceRefusedError(EvidenceProblem.TOO_LARGE, rules.max_megabytes)
    suffix = ".jpg" if file_name is None else PurePosixPath(file_name.strip().lower()).suffix
    looks_right = _CONTENT.get(suffix)
    if looks_right is None:
        raise EvidenceRefusedError(EvidenceProblem.TYPE, rules.max_megabytes)
    if not looks_right(content):
        problem = EvidenceProblem.TEXT if looks_right is _honest_text else EvidenceProblem.CONTENT
        raise EvidenceRefusedError(problem, rules.max_megabytes)
