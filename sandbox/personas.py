"""Who a visitor can be in the sandbox: fixed Telegram profiles, plus a new person on demand."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sandbox.data_files import Entry, read_yaml
from sandbox.errors import SandboxDataError

__all__ = ["PERSONAS_FILE", "Persona", "PersonaBook", "load_personas"]

PERSONAS_FILE = Path(__file__).with_name("personas.yaml")

Role = Literal["owner", "admin", "new"]
_ROLES: frozenset[str] = frozenset({"owner", "admin"})
_FIELDS = frozenset({"key", "role", "id", "first_name", "last_name", "username", "language_code"})


@dataclass(frozen=True, slots=True)
class Persona:
    """A Telegram profile the visitor plays; its private chat with the bot has the same id."""

    key: str
    role: Role
    id: int
    first_name: str
    last_name: str | None
    username: str | None
    language_code: str

    def to_json(self) -> dict[str, Any]:
        """What the page needs to show the persona and drive its chat."""
        return {
            "key": self.key,
            "role": self.role,
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "username": self.username,
            "language_code": self.language_code,
        }


@dataclass(frozen=True, slots=True)
class PersonaBook:
    """The fixed personas and how to make a new person."""

    personas: tuple[Persona, ...]
    new_first_id: int
    new_names: Mapping[str, str]

    @property
    def admin_ids(self) -> frozenset[int]:
        """Ids that go into ADMIN_IDS, so the administrator persona gets the admin flows."""
        return frozenset(persona.id for persona in self.personas if persona.role == "admin")

    def new_person(self, user_id: int, language: str) -> Persona:
        """A fresh profile; the number in its name tells one new person from the last."""
        name = self.new_names.get(language) or next(iter(self.new_names.values()))
        number = user_id - self.new_first_id + 1
        return Persona(
            key=f"new_{user_id}",
            role="new",
            id=user_id,
            first_name=f"{name} {number}",
            last_name=None,
            username=None,
            language_code=language,
        )


def _persona(value: object, where: str) -> Persona:
    entry = Entry(value, where, _FIELDS)
    role = entry.text("role")
    if role not in _ROLES:
        raise entry.fail(f"role must be one of {', '.join(sorted(_ROLES))}")
    return Persona(
        key=entry.text("key"),
        role="admin" if role == "admin" else "owner",
        id=entry.integer("id", minimum=1),
        first_name=entry.text("first_name"),
        last_name=entry.optional_text("last_name"),
        username=entry.optional_text("username"),
        language_code=entry.text("language_code"),
    )


def load_personas(path: Path = PERSONAS_FILE) -> PersonaBook:
    """Read and check the personas file.

    Raises:
        SandboxDataError: naming the file and the entry at fault.

    """
    data = read_yaml(path)
    raw = data.get("personas")
    if not isinstance(raw, list) or not raw:
        raise SandboxDataError(f"{path}: personas must be a non-empty list")
    personas = tuple(_persona(item, f"{path}: personas[{index}]") for index, item in enumerate(raw))
    if len({persona.id for persona in personas}) != len(personas):
        raise SandboxDataError(f"{path}: two personas share an id")
    if len({persona.key for persona in personas}) != len(personas):
        raise SandboxDataError(f"{path}: two personas share a key")
    if not any(persona.role == "admin" for persona in personas):
        raise SandboxDataError(f"{path}: no persona has the admin role")
    new = Entry(
        data.get("new_person"), f"{path}: new_person", frozenset({"first_id", "first_name"})
    )
    return PersonaBook(personas, new.integer("first_id", minimum=1), new.mapping("first_name"))
