"""Bot API errors as Telegram words them, raised inside method handlers and serialised once."""

from __future__ import annotations

from typing import Any

__all__ = [
    "ApiError",
    "bad_request",
    "forbidden",
    "too_many_requests",
]


class ApiError(Exception):
    """A failed Bot API call: HTTP status, Telegram's description and optional parameters."""

    def __init__(
        self, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def to_json(self) -> dict[str, Any]:
        """Return the exact ``{"ok": false, ...}`` body Telegram sends."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(detail: str) -> ApiError:
    """Build a 400 whose description carries Telegram's ``Bad Request: `` prefix."""
    return ApiError(400, f"Bad Request: {detail}")


def forbidden(detail: str) -> ApiError:
    """Build a 403 whose description carries Telegram's ``Forbidden: `` prefix."""
    return ApiError(403, f"Forbidden: {detail}")


def too_many_requests(retry_after: int) -> ApiError:
    """Build the 429 flood-control answer with ``parameters.retry_after`` in whole seconds."""
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )
