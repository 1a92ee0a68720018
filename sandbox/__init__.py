"""The offline sandbox: the bot, the Bot API emulator and a web chat page, with demo data.

`python -m sandbox` (see cli.py) lets anyone try every flow in a browser before a Telegram
token exists; the browser tests in tests/sandbox drive the same objects.
"""

from sandbox.errors import SandboxAddressError, SandboxDataError, SandboxError
from sandbox.personas import Persona, PersonaBook, load_personas
from sandbox.runner import Sandbox, SandboxOptions, sandbox_settings

__all__ = [
    "Persona",
    "PersonaBook",
    "Sandbox",
    "SandboxAddressError",
    "SandboxDataError",
    "SandboxError",
    "SandboxOptions",
    "load_personas",
    "sandbox_settings",
]
