"""Where a person is in a conversation: the one question their next message answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["HELD_TEXT", "FormInProgress", "OpenQuestion"]

HELD_TEXT = "held_text"
"""Where a sentence offered back to its owner waits for their answer; never an open question."""


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    """The step a flow waits for; `asked` is false until the question reached the person.

    Text that arrives while `asked` is false was typed before the person saw the question (a
    retry after a crash, say), so it must not be stored as that question's answer. `opened_by`
    is the update that opened the step (None outside one): that update, replayed after a
    crash, is not the step's answer either.
    """

    flow: str
    step: str
    asked: bool = True
    opened_by: int | None = None


@dataclass(frozen=True, slots=True)
class FormInProgress:
    """A flow's half-filled form and its step, open or parked."""

    flow: str
    step: str
    is_open: bool
    asked: bool
    form: dict[str, Any] = field(default_factory=dict)
