"""A passing failure below the services: the person may simply try again in a moment.

Raised by storage (a locked, full or read-only database) and caught at the Telegram edge,
which says so in words; this module lets the edge know the failure without knowing storage.
"""

from __future__ import annotations

__all__ = ["TemporarilyUnavailableError"]


class TemporarilyUnavailableError(Exception):
    """Something the services need failed for a reason that clears by itself."""
