"""Different users run concurrently; one user's updates keep their order."""

from __future__ import annotations

import asyncio

from telegram import Chat, Message, Update, User

from bot.update_processor import UserOrderedUpdateProcessor


def _update(update_id: int, user_id: int) -> Update:
    user = User(user_id, "u", is_bot=False)
    message = Message(update_id, date=None, chat=Chat(user_id, "private"), from_user=user)  # type: ignore[arg-type]
    return Update(update_id, message=message)


async def test_one_users_updates_run_in_order_while_others_overlap() -> None:
    processor = UserOrderedUpdateProcessor(16)
    log: list[str] = []
    first_started = asyncio.Event()
    release_first = asyncio.Event()

    async def slow_first() -> None:
        log.append("a1 start")
        first_started.set()
        await release_first.wait()
        log.append("a1 end")

    async def record(name: str) -> None:
        log.append(name)

    tasks = [
        asyncio.create_task(processor.process_update(_update(1, 10), slow_first())),
        asyncio.create_task(processor.process_update(_update(2, 10), record("a2"))),
        asyncio.create_task(processor.process_update(_update(3, 20), record("b1"))),
    ]
    await first_started.wait()
    for _ in range(5):
        await asyncio.sleep(0)
    assert "b1" in log, "another user's update waited for a slow one"
    assert "a2" not in log, "a user's second update overtook their first"
    assert not processor.idle
    release_first.set()
    await asyncio.gather(*tasks)
    assert log.index("a1 end") < log.index("a2")
    assert processor.idle
    await processor.wait_idle()
