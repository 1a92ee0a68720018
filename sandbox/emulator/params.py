"""Typed access to Bot API parameters, whatever encoding the bot used.

PTB sends form fields whose values are strings (objects JSON-encoded), switches to multipart for
files, and other clients send JSON bodies with real types. Handlers read through this class so
all three look the same and malformed values fail with a Telegram-style 400.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sandbox.emulator.errors import bad_request

__all__ = ["Params", "Upload"]


@dataclass(frozen=True, slots=True)
class Upload:
    """A file part of a multipart request (``data`` is empty if it exceeded the upload limit)."""

    field: str
    file_name: str | None
    content_type: str | None
    data: bytes
    size: int


class Params:
    """Request parameters plus uploaded file parts."""

    def __init__(self, values: dict[str, Any], uploads: dict[str, Upload] | None = None) -> None:
        self.values = values
        self.uploads = uploads or {}

    def has(self, name: str) -> bool:
        """Tell whether the parameter was sent (and is not JSON ``null``)."""
        return self.values.get(name) is not None

    def text(self, name: str) -> str | None:
        """Return a parameter as text, or ``None`` if absent."""
        value = self.values.get(name)
        if value is None:
            return None
        return value if isinstance(value, str) else json.dumps(value)

    def integer(self, name: str, default: int | None = None) -> int | None:
        """Return an integer parameter; a non-integer value is a 400."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            raise bad_request(f'parameter "{name}" must be a Number')
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value.strip())
        raise bad_request(f'parameter "{name}" must be a Number')

    def number(self, name: str, default: float) -> float:
        """Return a numeric parameter as ``float``."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad_request(f'parameter "{name}" must be a Number') from None

    def flag(self, name: str) -> bool:
        """Return a boolean parameter (``true``/``1`` in forms)."""
        value = self.values.get(name)
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1")
        return bool(value)

    def decoded(self, name: str, error: str) -> Any:
        """Return a JSON-valued parameter decoded; ``error`` is the 400 detail if it is not JSON."""
        value = self.values.get(name)
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(error) from None

    def loggable(self) -> dict[str, Any]:
        """Parameters for the call log, with file parts reduced to name and size."""
        logged = dict(self.values)
        for field, upload in self.uploads.items():
            logged[field] = {"upload": upload.file_name, "size": upload.size}
        return logged
