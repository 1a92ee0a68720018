"""getUpdates semantics, user actions as updates, and delivery waiting."""

from __future__ import annotations

import asyncio
import datetime as dtm
import time

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity

from sandbox.emulator import BotApiEmulator, DeliveryTimeoutError, ScriptedUser
from tests.fixtures.emulator import EMULATOR_TOKEN


async def _until(condition: object, within: float = 2.0) -> None:
    """Poll a cheap condition (only used where no event exists to wait on)."""
    deadline = time.monotonic() + within
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.005)


async def test_long_poll_returns_as_soon_as_an_update_arrives(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await _until(lambda: emulator.state.updates.polling)
    emulator.send_text(user.id, "안녕하세요")
    updates = await asyncio.wait_for(poll, 5)
    assert time.monotonic() - started < 5
    assert len(updates) == 1
    message = updates[0].message
    assert message is not None and message.text == "안녕하세요"
    assert message.from_user is not None and message.from_user.id == user.id


async def test_long_poll_times_out_empty(bot: Bot) -> None:
    assert await bot.get_updates(timeout=0) == ()
    assert await bot.get_updates(timeout=dtm.timedelta(milliseconds=200)) == ()


async def test_offset_confirms_and_drops_older_updates(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    for text in ("하나", "둘", "셋"):
        emulator.send_text(user.id, text)
    first = await bot.get_updates(limit=2)
    assert [u.message.text for u in first if u.message] == ["하나", "둘"]
    again = await bot.get_updates()
    assert [u.update_id for u in again] == [u.update_id for u in first] + [first[-1].update_id + 1]
    rest = await bot.get_updates(offset=first[-1].update_id + 1)
    assert [u.message.text for u in rest if u.message] == ["셋"]
    assert await bot.get_updates(offset=rest[-1].update_id + 1) == ()
    assert emulator.state.updates.pending_count == 0


async def test_negative_offset_keeps_only_the_last_updates(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    for text in ("하나", "둘", "셋"):
        emulator.send_text(user.id, text)
    updates = await bot.get_updates(offset=-1)
    assert [u.message.text for u in updates if u.message] == ["셋"]


async def test_allowed_updates_filters_new_updates(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    await bot.get_updates(allowed_updates=["callback_query"])
    _, update_id = emulator.send_text(user.id, "안 보임")
    assert update_id is None
    await bot.get_updates(allowed_updates=[])
    _, update_id = emulator.send_text(user.id, "보임")
    assert update_id is not None


async def test_drop_pending_updates(emulator: BotApiEmulator, bot: Bot, user: ScriptedUser) -> None:
    emulator.send_text(user.id, "옛날 메시지")
    await bot.delete_webhook(drop_pending_updates=True)
    assert await bot.get_updates() == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/start", ("/start", 0, 6)),
        ("/start@sotong_bot", ("/start@sotong_bot", 0, 17)),
        ("/report 물류 지연", ("/report", 0, 7)),
        ("도움말은 /help 입니다", ("/help", 5, 5)),
    ],
)
async def test_commands_get_bot_command_entities(
    emulator: BotApiEmulator,
    bot: Bot,
    user: ScriptedUser,
    text: str,
    expected: tuple[str, int, int],
) -> None:
    command, offset, length = expected
    emulator.send_text(user.id, text)
    (update,) = await bot.get_updates()
    assert update.message is not None
    (entity,) = update.message.entities
    assert (entity.type, entity.offset, entity.length) == (
        MessageEntity.BOT_COMMAND,
        offset,
        length,
    )
    assert update.message.parse_entity(entity) == command


async def test_no_command_entity_inside_words(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    emulator.send_text(user.id, "a/b 경로와 http://x.kr/path")
    (update,) = await bot.get_updates()
    assert update.message is not None and update.message.entities == ()


async def test_tap_produces_a_callback_query(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    keyboard = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton("한국어", callback_data="lang:ko")],
            [InlineKeyboardButton("English", callback_data="lang:en")],
        ]
    )
    sent = await bot.send_message(user.id, "언어를 고르세요", reply_markup=keyboard)
    query_id, _ = emulator.tap(user.id, "한국")  # unique substring
    (update,) = await bot.get_updates()
    query = update.callback_query
    assert query is not None
    assert (query.id, query.data, query.from_user.id) == (query_id, "lang:ko", user.id)
    assert query.message is not None and query.message.message_id == sent.message_id
    assert query.chat_instance
    assert await bot.answer_callback_query(query.id)


async def test_tap_fails_loudly_with_the_transcript(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    with pytest.raises(AssertionError, match="no inline keyboard"):
        emulator.tap(user.id, "없음")
    await bot.send_message(
        user.id,
        "골라",
        reply_markup=InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton("예 1", callback_data="1"),
                    InlineKeyboardButton("예 2", callback_data="2"),
                ]
            ]
        ),
    )
    with pytest.raises(
        AssertionError, match=r"(?s)several buttons .*#1 bot: 골라 \[예 1\] \| \[예 2\]"
    ):
        emulator.tap(user.id, "예")
    with pytest.raises(AssertionError, match="no button matching"):
        emulator.tap(user.id, "아니오")


async def test_block_and_unblock_send_my_chat_member(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    emulator.block(user.id)
    emulator.unblock(user.id)
    blocked, unblocked = await bot.get_updates()
    assert blocked.my_chat_member is not None and unblocked.my_chat_member is not None
    assert blocked.my_chat_member.new_chat_member.status == "kicked"
    assert unblocked.my_chat_member.new_chat_member.status == "member"
    assert blocked.my_chat_member.new_chat_member.user.id == 7000000001


async def test_sticker_document_and_photo_updates(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    emulator.send_sticker(user.id, "😀")
    emulator.upload_document(user.id, b"%PDF-1.4", "보고서.pdf", caption="첨부")
    emulator.upload_photo(user.id, b"not really an image")
    sticker, document, photo = (u.message for u in await bot.get_updates())
    assert sticker is not None and sticker.sticker is not None
    assert sticker.sticker.emoji == "😀"
    assert document is not None and document.document is not None
    assert (document.document.file_name, document.document.mime_type) == (
        "보고서.pdf",
        "application/pdf",
    )
    assert document.caption == "첨부"
    assert photo is not None and photo.photo
    assert (photo.photo[-1].width, photo.photo[-1].height) == (800, 600)


async def test_second_poller_gets_conflict(emulator: BotApiEmulator, bot: Bot) -> None:
    from telegram.error import Conflict

    emulator.expect_rejection("Conflict: terminated by other getUpdates request", status=409)
    first = asyncio.create_task(bot.get_updates(timeout=10))
    await _until(lambda: emulator.state.updates.polling)
    async with Bot(EMULATOR_TOKEN, base_url=emulator.base_url) as other_instance:
        assert await other_instance.get_updates(timeout=0) == ()
    with pytest.raises(Conflict):
        await asyncio.wait_for(first, 5)


async def test_wait_delivered_times_out_clearly(
    emulator: BotApiEmulator, user: ScriptedUser
) -> None:
    _, update_id = emulator.send_text(user.id, "아무도 안 읽음")
    with pytest.raises(DeliveryTimeoutError, match="is the Application polling"):
        await emulator.wait_delivered(update_id, within=0.05)


async def test_wait_delivered_resolves_on_confirmation(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    _, update_id = emulator.send_text(user.id, "읽어줘")
    assert update_id is not None
    waiting = asyncio.create_task(emulator.wait_delivered(update_id))
    await bot.get_updates()
    await asyncio.sleep(0)
    assert not waiting.done()  # fetched but not yet confirmed
    await bot.get_updates(offset=update_id + 1)
    await asyncio.wait_for(waiting, 1)
