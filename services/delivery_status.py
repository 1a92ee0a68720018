"""How the newest broadcasts are getting on, for /delivery."""

from __future__ import annotations

from domain.delivery import DeliveryProgress, GivenUp
from storage.outbox import OutboxRepository

__all__ = ["DeliveryStatus"]


class DeliveryStatus:
    """Reads the outbox's counts; the sender (services.delivery) does the sending."""

    def __init__(self, outbox: OutboxRepository) -> None:
        self._outbox = outbox

    async def progress(self, *, limit: int = 3) -> list[DeliveryProgress]:
        """Sent, pending and failed counts of the newest deliveries, newest first."""
        return await self._outbox.progress(limit=limit)

    async def given_up(self, *, limit: int = 3) -> list[GivenUp]:
        """Deliveries with rows given up after the time budget, most recent first."""
        return await self._outbox.given_up(limit=limit)
