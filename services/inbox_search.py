"""Searching the inbox by receipt code, words of the problem or proposal, or the law's name."""

from __future__ import annotations

import dataclasses

from domain.clock import Clock
from domain.receipts import parse_receipt_code
from domain.search import SearchQuery, parse_query
from domain.submissions import SubmissionFilter
from storage.admin_searches import AdminSearchRepository

__all__ = ["InboxSearch"]


def _parse(text: str) -> SearchQuery | None:
    return parse_query(text, parse_receipt_code(text))


class InboxSearch:
    """Keeps each administrator's search so paging and filters can combine with it."""

    def __init__(self, repository: AdminSearchRepository, clock: Clock) -> None:
        self._repository = repository
        self._clock = clock

    async def remember(self, admin_id: int, text: str) -> SearchQuery | None:
        """Save what was typed as the administrator's search; None when it holds no words."""
        query = _parse(text)
        if query is not None:
            await self._repository.save(admin_id, query.text, now=self._clock.now())
        return query

    async def current(self, admin_id: int) -> SearchQuery | None:
        """The administrator's saved search, or None."""
        text = await self._repository.get(admin_id)
        return None if text is None else _parse(text)

    @staticmethod
    def narrow(filter_: SubmissionFilter, query: SearchQuery) -> SubmissionFilter:
        """The filter with the search added: a code matches exactly, words must all appear."""
        return dataclasses.replace(
            filter_, receipt_code=query.receipt_code, search_terms=query.terms
        )
