"""Strict readers for the sandbox's YAML files, so a typo names its file and entry at start-up.

Without them a misspelt key would surface much later as a KeyError deep in the demo loader, or
worse, as a silently missing field in the demo data.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from sandbox.errors import SandboxDataError

__all__ = ["Entry", "read_yaml"]


def read_yaml(path: Path) -> Mapping[str, Any]:
    """Parse a YAML mapping, turning a missing file or bad syntax into SandboxDataError."""
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SandboxDataError(f"{path}: cannot be read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise SandboxDataError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(loaded, dict):
        raise SandboxDataError(f"{path}: expected a mapping at the top level")
    return loaded


class Entry:
    """One mapping from a data file, read field by field with the entry's name in each error."""

    def __init__(self, value: object, where: str, known: frozenset[str]) -> None:
        if not isinstance(value, dict):
            raise SandboxDataError(f"{where}: expected a mapping")
        unknown = sorted(str(key) for key in value if key not in known)
        if unknown:
            raise SandboxDataError(f"{where}: unknown field(s) {', '.join(unknown)}")
        self._value: dict[str, Any] = value
        self.where = where

    def fail(self, message: str) -> SandboxDataError:
        """An error naming this entry, for checks the caller makes across fields."""
        return SandboxDataError(f"{self.where}: {message}")

    def text(self, name: str) -> str:
        """A required, non-empty string (text spread over lines by YAML's `>-` included)."""
        value = self._value.get(name)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{name} must be a non-empty text")
        return value.strip()

    def optional_text(self, name: str) -> str | None:
        """A string or nothing."""
        return self.text(name) if self._value.get(name) is not None else None

    def integer(self, name: str, minimum: int = 0) -> int:
        """A required whole number no smaller than `minimum`."""
        value = self._value.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self.fail(f"{name} must be a whole number of at least {minimum}")
        return value

    def optional_integer(self, name: str) -> int | None:
        """A whole number of at least 1, or nothing."""
        return self.integer(name, minimum=1) if self._value.get(name) is not None else None

    def texts(self, name: str) -> tuple[str, ...]:
        """A list of strings, empty when absent."""
        value = self._value.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(f"{name} must be a list of texts")
        return tuple(value)

    def mapping(self, name: str) -> Mapping[str, str]:
        """A mapping of strings to strings (texts per language)."""
        value = self._value.get(name)
        if not isinstance(value, dict) or not all(
            isinstance(key, str) and isinstance(item, str) for key, item in value.items()
        ):
            raise self.fail(f"{name} must map languages to texts")
        return value
