"""One text form for instants in SQLite: ISO 8601 in UTC, which also sorts correctly."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["from_db", "from_db_optional", "to_db"]


def to_db(moment: datetime) -> str:
    """Store an aware instant as UTC text."""
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware one")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_db(text: str) -> datetime:
    """Read an instant written by `to_db`, already in UTC, so no conversion is needed."""
    return datetime.fromisoformat(text)


def from_db_optional(text: str | None) -> datetime | None:
    """Read an optional instant."""
    return None if text is None else from_db(text)
