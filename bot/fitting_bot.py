"""The bot object: PTB's ExtBot, fitting every text to Telegram's limits just before it is sent.

Views already page and split long content (`messages.length.split_blocks`); this is the last
guard for whatever still comes out too long (an imported 6,000-character title, an echo of a
long text) or too formatted (past the 100 entities Telegram keeps), so Telegram never answers
"message is too long", never drops formatting on its own, and a user never sees an error
instead of an answer. A fitted text is logged, so the view can be taught to split it.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import JSONDict, ODVInput
from telegram.ext import ExtBot
from telegram.request import BaseRequest

from messages.length import (
    CAPTION_LIMIT,
    ENTITY_LIMIT,
    TEXT_LIMIT,
    TOAST_LIMIT,
    fit_html,
    truncate,
)

__all__ = ["FittingBot", "fit_parameters"]

logger = logging.getLogger("sotong.limits")

_LIMITS: dict[str, tuple[str, int]] = {
    "sendMessage": ("text", TEXT_LIMIT),
    "editMessageText": ("text", TEXT_LIMIT),
    "sendDocument": ("caption", CAPTION_LIMIT),
    "sendPhoto": ("caption", CAPTION_LIMIT),
    "editMessageCaption": ("caption", CAPTION_LIMIT),
    "answerCallbackQuery": ("text", TOAST_LIMIT),
}


def fit_parameters(endpoint: str, data: JSONDict) -> None:
    """Fit the one text field of `endpoint` in place: HTML-aware when sent as HTML."""
    field, limit = _LIMITS.get(endpoint, ("", 0))
    value = data.get(field)
    if not isinstance(value, str):
        return
    html = str(data.get("parse_mode", "")).upper() == "HTML" and endpoint != "answerCallbackQuery"
    fitted = fit_html(value, limit) if html else truncate(value, limit)
    if fitted != value:
        logger.warning(
            "%s.%s was longer than %d UTF-16 units or had more than %d entities, and was fitted",
            endpoint,
            field,
            limit,
            ENTITY_LIMIT,
        )
        data[field] = fitted


class FittingBot(ExtBot[Any]):
    """ExtBot whose every call passes `fit_parameters` first (PTB's documented override point)."""

    def __init__(
        self,
        token: str,
        *,
        request: BaseRequest,
        get_updates_request: BaseRequest,
        **options: Any,
    ) -> None:
        super().__init__(token, request=request, get_updates_request=get_updates_request, **options)
        self._transports = (request, get_updates_request)

    async def initialize(self) -> None:
        """Open the transports and check the token; on failure, close what was opened.

        PTB opens both HTTP sessions before `getMe`, and when that fails (a rejected token, a
        wrong BOT_API_BASE_URL) it leaves them open, which ends in "Unclosed client session".
        """
        try:
            await super().initialize()
        except BaseException:
            for transport in self._transports:
                await transport.shutdown()
            raise

    async def _do_post(
        self,
        endpoint: str,
        data: JSONDict,
        *,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> bool | JSONDict | list[JSONDict]:
        fit_parameters(endpoint, data)
        return await super()._do_post(
            endpoint,
            data,
            read_timeout=read_timeout,
            write_timeout=write_timeout,
            connect_timeout=connect_timeout,
            pool_timeout=pool_timeout,
        )
