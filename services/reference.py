"""The fixed choice lists (categories, regions, company sizes, industries) handlers offer."""

from __future__ import annotations

from domain.reference import Choice
from storage.reference import ReferenceRepository

__all__ = ["ReferenceService"]


class ReferenceService:
    """Reads the reference tables; handlers render the choices, storage keeps them."""

    def __init__(self, repository: ReferenceRepository) -> None:
        self._repository = repository

    async def categories(self) -> tuple[Choice, ...]:
        """Policy categories, in display order."""
        return await self._repository.categories()

    async def regions(self) -> tuple[Choice, ...]:
        """Regions, in display order."""
        return await self._repository.regions()

    async def company_sizes(self) -> tuple[Choice, ...]:
        """Company size classes, in display order."""
        return await self._repository.company_sizes()

    async def industries(self) -> tuple[Choice, ...]:
        """Industries, in display order."""
        return await self._repository.industries()

    async def find(self, kind: str, choice_id: str) -> Choice | None:
        """One choice of a list (`categories`, `regions`, ...), or None for an unknown id."""
        return await self._repository.find(kind, choice_id)
