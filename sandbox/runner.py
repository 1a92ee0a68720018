"""The running sandbox: the emulator with the chat page, the real bot against it, demo data.

One object owns all three so the command line and the browser tests start and stop them the
same way, in the right order: the emulator outlives the bot, whose last `getUpdates` needs it.
"""

from __future__ import annotations

import logging
import re
import secrets
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from aiohttp import web

from bot.app import WIRING_KEY
from bot.config import Settings, load_settings
from bot.runtime import running_bot
from bot.wiring import Wiring
from domain.clock import Clock
from handlers.context import SotongApplication
from sandbox.demo import CONTENT_FILE, load_demo, read_demo_submissions
from sandbox.emulator import BotApiEmulator
from sandbox.errors import SandboxAddressError
from sandbox.page import install_page
from sandbox.personas import Persona, PersonaBook, load_personas

__all__ = ["SANDBOX_DATABASE", "Sandbox", "SandboxOptions", "sandbox_settings"]

logger = logging.getLogger("sotong.sandbox")

_BOT_ID = 123456789
"""The bot's id, the part of its token before the colon."""

SANDBOX_DATABASE = Path("data/sandbox.db")
ALL_INTERFACES = frozenset({"0.0.0.0", ""})
"""Hosts meaning "every interface": the bot and the printed address then use loopback."""


@dataclass(frozen=True, slots=True)
class SandboxOptions:
    """Where to listen and which database to use."""

    host: str = "127.0.0.1"
    port: int = 8080
    database_path: Path = SANDBOX_DATABASE
    fresh: bool = False
    load_demo: bool = True
    content_file: Path = CONTENT_FILE


def _token_for_this_run() -> str:
    """A token made for one run, shaped like a real one so every check passes.

    The emulator answers only this token, so another web page cannot guess the Bot API's
    or the file routes' addresses (a fixed token would be public).
    """
    return f"{_BOT_ID}:{secrets.token_urlsafe(27)}"


def sandbox_settings(
    api_root: str, token: str, database_path: Path, admin_ids: frozenset[int]
) -> Settings:
    """Settings for the sandbox's bot: the emulator, the sandbox database, no `.env` read.

    No quiet hours: whoever tries the sandbox at night still sees the submitter's notice arrive
    when the administrator acts.
    """
    return load_settings(
        bot_token=token,
        bot_api_base_url=f"{api_root}/bot",
        bot_api_file_url=f"{api_root}/file/bot",
        database_path=database_path,
        admin_ids=",".join(str(user_id) for user_id in sorted(admin_ids)),
        quiet_hours="off",
        _env_file=None,
    )


def _forget_database(path: Path) -> None:
    """Delete the database and SQLite's side files, for --fresh."""
    for candidate in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        candidate.unlink(missing_ok=True)


class Sandbox:
    """Start with `async with Sandbox(options) as sandbox:`; `sandbox.url` is the chat page."""

    def __init__(
        self,
        options: SandboxOptions,
        *,
        personas: PersonaBook | None = None,
        clock: Clock | None = None,
        poll_timeout: int = 10,
    ) -> None:
        self.options = options
        self.book = personas or load_personas()
        self.token = _token_for_this_run()
        self.emulator = BotApiEmulator(token_pattern=re.escape(self.token))
        self.is_new_database = False
        self._clock = clock
        self._poll_timeout = poll_timeout
        self._stack: AsyncExitStack | None = None
        self._application: SotongApplication | None = None
        self._new_people: list[Persona] = []
        self._time_zone: str | None = None

    @property
    def url(self) -> str:
        """The chat page's address as a person types it (loopback when listening everywhere)."""
        host = self.options.host
        shown = "127.0.0.1" if host in ALL_INTERFACES else host
        return f"http://{shown}:{self.emulator.port}"

    @property
    def wiring(self) -> Wiring:
        """The running bot's settings, database, repositories and services."""
        assert self._application is not None, "the sandbox is not running"
        wiring: Wiring = self._application.bot_data[WIRING_KEY]
        return wiring

    def personas(self) -> list[Persona]:
        """The fixed personas; the page offers "new person" besides them."""
        return list(self.book.personas)

    def time_zone(self) -> str:
        """The running bot's zone (the TIMEZONE setting), for the page's bubble times."""
        assert self._time_zone is not None, "the sandbox is not running"
        return self._time_zone

    async def new_person(self, language: str) -> Persona:
        """A user neither the emulator nor the database has seen, with an empty chat."""
        taken = {user.info.id for user in self.emulator.users}
        user_id = self.book.new_first_id
        while user_id in taken or (
            self._application is not None
            and await self.wiring.services.users.get(user_id) is not None
        ):
            user_id += 1
        persona = self.book.new_person(user_id, language)
        self._add_user(persona)
        self._new_people.append(persona)
        return persona

    def _add_user(self, persona: Persona) -> None:
        self.emulator.create_user(
            persona.first_name,
            last_name=persona.last_name,
            username=persona.username,
            language_code=persona.language_code,
            user_id=persona.id,
            started=persona.role != "new",
        )

    async def __aenter__(self) -> Sandbox:
        options = self.options
        if options.fresh:
            _forget_database(options.database_path)
        self.is_new_database = not options.database_path.exists()
        stack = AsyncExitStack()
        try:
            await self._start(stack)
        except BaseException:
            await stack.aclose()
            if self.is_new_database:
                # Half-loaded demo data would be taken for a kept database next time.
                _forget_database(options.database_path)
            raise
        self._stack = stack
        return self

    async def _start(self, stack: AsyncExitStack) -> None:
        options = self.options
        # Known people first: the admin's command menu needs their chat, notices need the rest.
        for persona in self.book.personas:
            self._add_user(persona)
        demo = None
        if options.load_demo and self.is_new_database:
            demo = read_demo_submissions()
            for submitter in demo.submitters:
                self.emulator.create_user(
                    submitter.name,
                    user_id=submitter.id,
                    language_code=submitter.language,
                    started=True,
                )
        try:
            await self.emulator.start(options.host, options.port, extend=self._install_page)
        except OSError as exc:
            raise SandboxAddressError(
                options.host, options.port, exc.strerror or str(exc)
            ) from None
        stack.push_async_callback(self.emulator.stop)
        host = "127.0.0.1" if options.host in ALL_INTERFACES else options.host
        settings = sandbox_settings(
            f"http://{host}:{self.emulator.port}",
            self.token,
            options.database_path,
            self.book.admin_ids,
        )
        self._time_zone = settings.timezone
        self._application = await stack.enter_async_context(
            running_bot(settings, clock=self._clock, poll_timeout=self._poll_timeout)
        )
        stack.callback(self._forget_application)
        if demo is not None:
            admin_id = min(self.book.admin_ids)
            summary, count = await load_demo(
                self.wiring, demo, admin_id=admin_id, content_file=options.content_file
            )
            logger.info("Demo data loaded: %s submissions, content %s", count, summary)

    def _install_page(self, app: web.Application) -> None:
        install_page(app, self)

    def _forget_application(self) -> None:
        self._application = None

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        stack, self._stack = self._stack, None
        if stack is not None:
            await stack.aclose()
