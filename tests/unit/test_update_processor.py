"""Different users run concurrently; one user's updates keep their order."""

from __future__ import annotations

import asyncio

from telegram import Chat, Message, Update, User

from bot.update_processor import InputBudget, UserOrderedUpdateProcessor


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


async def test_one_users_backlog_holds_one_slot_only() -> None:
    processor = UserOrderedUpdateProcessor(2)
    release = asyncio.Event()
    ran: list[str] = []

    async def blocked(name: str) -> None:
        ran.append(name)
        await release.wait()

    async def record(name: str) -> None:
        ran.append(name)

    backlog = [
        asyncio.create_task(processor.process_update(_update(n, 10), blocked(f"a{n}")))
        for n in range(1, 6)
    ]
    other = asyncio.create_task(processor.process_update(_update(9, 20), record("b")))
    await asyncio.wait_for(other, timeout=1)
    assert ran == ["a1", "b"]
    release.set()
    await asyncio.gather(*backlog)
    assert ran == ["a1", "b", "a2", "a3", "a4", "a5"]


async def test_input_beyond_the_budget_is_skipped_with_one_notice() -> None:
    now = [0.0]
    processor = UserOrderedUpdateProcessor(
        16, budget=InputBudget(burst=3, per_minute=60), clock=lambda: now[0]
    )
    notices: list[int] = []

    async def notice(update: Update) -> None:
        notices.append(update.update_id)

    processor.flood_notice = notice
    skipped: list[int] = []

    async def mark(update: Update) -> None:
        skipped.append(update.update_id)

    processor.skipped = mark
    ran: list[int] = []

    async def record(number: int) -> None:
        ran.append(number)

    for number in range(1, 7):
        await processor.process_update(_update(number, 10), record(number))
    assert ran == [1, 2, 3]
    assert notices == [4]
    assert skipped == [4, 5, 6], "each skipped update is done with, for the update journal"
    now[0] = 1.0  # one token back: the next update passes and re-arms the notice
    for number in range(7, 10):
        await processor.process_update(_update(number, 10), record(number))
    assert ran == [1, 2, 3, 7]
    assert notices == [4, 8]
    await processor.process_update(_update(10, 20), record(10))
    assert ran[-1] == 10, "another user's budget is their own"


async def test_after_leave_backlog_waiting_updates_are_left_unhandled() -> None:
    processor = UserOrderedUpdateProcessor(16)
    release = asyncio.Event()
    ran: list[str] = []

    async def slow() -> None:
        ran.append("a1")
        await release.wait()

    async def record(name: str) -> None:
        ran.append(name)

    first = asyncio.create_task(processor.process_update(_update(1, 10), slow()))
    rest = [
        asyncio.create_task(processor.process_update(_update(n, 10), record(f"a{n}")))
        for n in range(2, 50)
    ]
    for _ in range(5):
        await asyncio.sleep(0)
    processor.leave_backlog()
    release.set()
    await asyncio.gather(first, *rest)
    await processor.process_update(_update(60, 20), record("late"))
    assert ran == ["a1"]
    assert processor.idle
