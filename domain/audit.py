"""The audit trail of administrative actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = ["SYSTEM_ACTOR", "AuditEntry"]

SYSTEM_ACTOR = 0
"""Audit actor for what the bot does by itself (the retention purge, the bill sync)."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One administrative action: who, when, what, on which records."""

    id: int
    at: datetime
    actor_id: int
    action: str
    target_type: str | None
    target_ids: tuple[str, ...]
    details: dict[str, Any] = field(default_factory=dict)
    actor_name: str | None = None
    """The administrator's display name as the bot knows it; None for the system or unknown."""
    target_names: tuple[str, ...] = ()
    """What the targets are called (receipt codes, titles), in the order of `target_ids`."""
