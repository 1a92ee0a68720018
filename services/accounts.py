"""Arriving, choosing a language, agreeing or declining: the rules, free of any messenger."""

from __future__ import annotations

from collections.abc import Iterable

from domain.clock import Clock
from domain.inputs import OpenQuestion
from domain.users import ErasureReport, User
from storage.erasure import ErasureRepository
from storage.users import UserRepository

__all__ = ["AccountService"]


class AccountService:
    """Keeps the user row truthful; names are stored only while consent stands."""

    def __init__(
        self,
        users: UserRepository,
        erasure: ErasureRepository,
        clock: Clock,
        default_language: str,
    ) -> None:
        self._users = users
        self._erasure = erasure
        self._clock = clock
        self._default_language = default_language

    async def arrive(self, user_id: int, suggested_language: str | None) -> User:
        """Note the visit; a first-timer starts in their client's language when we speak it."""
        return await self._users.touch(
            user_id, suggested_language or self._default_language, self._clock.now()
        )

    async def arrive_with_question(
        self, user_id: int, suggested_language: str | None
    ) -> tuple[User, OpenQuestion | None]:
        """`arrive`, with the question the person's next message answers (one read for both)."""
        return await self._users.arrive(
            user_id, suggested_language or self._default_language, self._clock.now()
        )

    async def choose_language(self, user_id: int, language: str) -> User:
        """Store an explicit choice, which from now on wins over the client's language."""
        return await self._users.set_language(user_id, language)

    async def agree(
        self,
        user_id: int,
        *,
        notice_version: str,
        display_name: str | None,
        username: str | None,
    ) -> User:
        """Record consent to the notice the user saw, with the names it lets us keep."""
        return await self._users.grant_consent(
            user_id,
            notice_version=notice_version,
            now=self._clock.now(),
            display_name=display_name,
            username=username,
        )

    async def decline(self, user_id: int) -> User:
        """Record a refusal or withdrawal; public information stays available."""
        return await self._users.decline_consent(user_id, now=self._clock.now())

    async def blocked(self, user_id: int) -> None:
        """The user blocked the bot: stop sending until they write again."""
        await self._users.mark_blocked(user_id, now=self._clock.now())

    async def erase(self, user_id: int) -> ErasureReport:
        """/deletemydata: personal data goes in one transaction; submissions stay anonymous."""
        return await self._erasure.erase_user(user_id, now=self._clock.now())

    async def seen(self, user_ids: Iterable[int]) -> list[User]:
        """Those of `user_ids` who have written to the bot and not blocked it, in id order."""
        users = [await self._users.get(user_id) for user_id in sorted(set(user_ids))]
        return [user for user in users if user is not None and user.blocked_at is None]
