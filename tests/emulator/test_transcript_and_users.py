"""Transcripts after edits/deletions, ScriptedUser helpers, and a real polling Application."""

from __future__ import annotations

import datetime as dtm
from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from sandbox.emulator import BotApiEmulator, ScriptedUser
from tests.fixtures.emulator import EMULATOR_TOKEN


async def test_transcript_reflects_edits_and_deletions(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("확인", callback_data="ok")]])
    emulator.send_text(user.id, "/start")
    first = await bot.send_message(user.id, "<b>처음</b>", parse_mode="HTML", reply_markup=keyboard)
    second = await bot.send_message(user.id, "지울 것")
    await bot.edit_message_text("<i>고침</i> 😀", user.id, first.message_id, parse_mode="HTML")
    await bot.delete_message(user.id, second.message_id)
    start, edited, deleted = user.transcript
    assert (start.sender, start.text, start.edited) == ("user", "/start", False)
    assert (edited.text, edited.edited, edited.inline_keyboard) == ("고침 😀", True, ())
    assert edited.html == "<i>고침</i> 😀"
    assert deleted.deleted and deleted.text == "지울 것"
    assert user.replies() == [edited]
    assert user.reply() == edited


async def test_replies_track_activity_since_the_users_last_action(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    emulator.send_text(user.id, "하나")
    old = await bot.send_message(user.id, "예전 답")
    emulator.send_text(user.id, "둘")
    with pytest.raises(AssertionError, match=r"(?s)did not reply.*#3 user: 둘"):
        user.reply()
    new = await bot.send_message(user.id, "새 답")
    await bot.edit_message_text("예전 답 수정", user.id, old.message_id)
    assert [m.message_id for m in user.replies()] == [new.message_id, old.message_id]
    assert user.reply().text == "예전 답 수정"


async def test_buttons_and_keyboard_rows(bot: Bot, user: ScriptedUser) -> None:
    assert user.buttons() == []
    await bot.send_message(
        user.id,
        "골라",
        reply_markup=InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton("가", callback_data="a"),
                    InlineKeyboardButton("나", url="https://example.com"),
                ],
                [InlineKeyboardButton("다", callback_data="c")],
            ]
        ),
    )
    assert user.buttons() == ["가", "나", "다"]
    assert user.reply().keyboard == [[("가", "a"), ("나", "https://example.com")], [("다", "c")]]


async def test_scripted_user_waits_and_settles(emulator: BotApiEmulator, bot: Bot) -> None:
    settled: list[int] = []

    async def settle() -> None:
        settled.append(len(settled))

    user = emulator.create_user("하나", settle=settle)

    async def fetch_and_confirm() -> None:
        updates = await bot.get_updates(timeout=5)
        await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)

    import asyncio

    poller = asyncio.create_task(fetch_and_confirm())
    message = await user.send("/start")
    await poller
    assert message.text == "/start"
    assert settled == [0]


@pytest.fixture
async def echo_app(emulator: BotApiEmulator) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """A PTB Application polling the emulator: /start shows a keyboard, text is echoed."""

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(
            "언어를 고르세요",
            reply_markup=InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton("한국어", callback_data="ko")],
                    [InlineKeyboardButton("English", callback_data="en")],
                ]
            ),
        )

    async def chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("저장했어요")
        await query.edit_message_text(f"선택: {query.data}")

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        await update.effective_message.reply_text(update.effective_message.text)

    app = (
        Application.builder()
        .token(EMULATOR_TOKEN)
        .base_url(emulator.base_url)
        .base_file_url(emulator.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(chosen))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    emulator.settle = app.update_queue.join
    await app.initialize()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=1))
    await app.start()
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


@pytest.mark.usefixtures("echo_app")
async def test_application_polls_the_emulator(emulator: BotApiEmulator) -> None:
    user = emulator.create_user("민수")
    await user.send("/start")
    assert user.reply().text == "언어를 고르세요"
    assert user.buttons() == ["한국어", "English"]
    await user.tap("한국어")
    assert user.reply().text == "선택: ko"
    assert user.reply().edited
    assert user.last_toast is not None and user.last_toast.text == "저장했어요"
    await user.send("안녕하세요 😀")
    assert user.reply().text == "안녕하세요 😀"
    assert [m.sender for m in user.transcript] == ["user", "bot", "user", "bot"]
    assert emulator.unanswered_callbacks() == []


@pytest.mark.usefixtures("echo_app")
async def test_many_users_in_parallel(emulator: BotApiEmulator) -> None:
    import asyncio

    users = [emulator.create_user(f"사용자{i}") for i in range(25)]
    await asyncio.gather(*(u.send(f"메시지 {u.id}") for u in users))
    for person in users:
        assert person.reply().text == f"메시지 {person.id}"
