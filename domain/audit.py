"""The audit trail of administrative actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = ["AuditEntry"]


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
