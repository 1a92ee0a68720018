"""The sandbox's Bot API answers only a token made for this run, so no other page can guess it."""

from __future__ import annotations

import aiohttp

from sandbox import Sandbox, SandboxOptions

FORMER_FIXED_TOKEN = "123456789:AAsandboxONLYnotAtelegramTOKEN_000000"


async def test_only_this_runs_token_is_answered(sandbox: Sandbox) -> None:
    sandbox.emulator.expect_rejection("Unauthorized", status=401)
    base = sandbox.emulator.base_url
    async with aiohttp.ClientSession() as session:
        guessed = await session.post(f"{base}{FORMER_FIXED_TOKEN}/getMe")
        assert guessed.status == 401
        own = await session.post(f"{base}{sandbox.token}/getMe")
        assert own.status == 200
    assert Sandbox(SandboxOptions()).token != sandbox.token
