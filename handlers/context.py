"""The callback context every Sotong handler receives, with the services and the current user."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot

from domain.users import User
from services.container import Services

__all__ = ["SERVICES_KEY", "SotongApplication", "SotongContext"]

SERVICES_KEY = "services"


class SotongContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """Carries the user row loaded once per update, so handlers never look it up twice."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)
        self.user: User | None = None
        self.form: dict[str, Any] = {}
        """The running flow's half-filled form, loaded from and stored with its step."""
        self.step: str | None = None
        """The stored step the running flow routed this update by (None outside a flow)."""

    @property
    def services(self) -> Services:
        """The running bot's services."""
        services: Services = self.application.bot_data[SERVICES_KEY]
        return services

    @property
    def lang(self) -> str:
        """The language to answer in: the user's choice, else the configured default."""
        if self.user is not None:
            return self.user.language
        return self.services.default_language

    @property
    def is_admin(self) -> bool:
        """Whether the sender is listed in ADMIN_IDS, checked afresh on every update."""
        return self.services.is_admin(self._user_id)


SotongApplication = Application[Any, SotongContext, Any, Any, Any, Any]
"""The application type whose handlers receive a `SotongContext`."""
