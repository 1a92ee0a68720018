"""Which files an owner may attach as evidence: an allow-list by file name *and* MIME type.

Administrators open what owners send, so a file is evidence only if both its name and its
declared type say it is a document people read: PDF, a picture, an office document without
macros, plain text or a zip. Scripts and programs (`invoice.pdf.exe`), web pages
(`login.html`), SVG (which can carry script) and macro-enabled office files (`.docm`) are
refused, whatever their type claims.
"""

from __future__ import annotations

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
