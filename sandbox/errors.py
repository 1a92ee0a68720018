"""Why the sandbox could not start; the command line turns each into one line and an exit status."""

from __future__ import annotations

__all__ = ["SandboxAddressError", "SandboxDataError", "SandboxError"]


class SandboxError(Exception):
    """Base of the sandbox's own failures."""


class SandboxDataError(SandboxError):
    """A bundled data file (personas, demo submissions) is malformed; names file and entry."""


class SandboxAddressError(SandboxError):
    """The address to listen on is taken or not ours."""

    def __init__(self, host: str, port: int, reason: str) -> None:
        super().__init__(
            f"cannot listen on {host}:{port} ({reason}); choose another port with --port"
        )
        self.host = host
        self.port = port
