"""Group chats, minimally: users write and tap there, add or remove the bot, the bot leaves."""

from __future__ import annotations

import pytest
from telegram import Bot, ChatMember, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden

from sandbox.emulator import BotApiEmulator, ScriptedUser


async def test_a_message_in_a_group_comes_from_the_user_in_that_chat(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    group = emulator.create_group("소통 운영팀")
    emulator.send_text(user.id, "/inbox", group_id=group)
    (update,) = await bot.get_updates()
    message = update.message
    assert message is not None and message.chat.id == group
    assert message.chat.type == ChatType.GROUP
    assert message.from_user is not None and message.from_user.id == user.id
    assert message.entities[0].type == "bot_command"
    assert emulator.transcript(user.id) == []


async def test_a_tap_in_a_group_carries_the_group_message(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    group = emulator.create_group("소통 운영팀")
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("열기", callback_data="x")]])
    await bot.send_message(group, "버튼", reply_markup=markup)
    emulator.tap(user.id, "열기", chat_id=group)
    (update,) = await bot.get_updates()
    query = update.callback_query
    assert query is not None and query.message is not None
    assert query.message.chat.id == group
    await query.answer()


async def test_adding_and_removing_the_bot_sends_my_chat_member_in_the_group(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    group = emulator.create_group("소통 운영팀")
    emulator.remove_bot_from_group(user.id, group)
    emulator.add_bot_to_group(user.id, group)
    removed, added = await bot.get_updates()
    assert removed.my_chat_member is not None and added.my_chat_member is not None
    assert removed.my_chat_member.chat.id == group
    assert removed.my_chat_member.new_chat_member.status == ChatMember.BANNED
    assert added.my_chat_member.new_chat_member.status == ChatMember.MEMBER
    assert not emulator.is_blocked(user.id), "the private chat is untouched"


async def test_after_leaving_a_group_the_bot_cannot_post_there(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    group = emulator.create_group("소통 운영팀")
    assert await bot.leave_chat(group)
    emulator.expect_rejection("bot is not a member of the group chat", status=403)
    with pytest.raises(Forbidden):
        await bot.send_message(group, "안녕하세요")
    with pytest.raises(AssertionError, match="not in group"):
        emulator.send_text(user.id, "여보세요", group_id=group)
    emulator.expect_rejection("can't be changed in private chats", status=400)
    with pytest.raises(BadRequest):
        await bot.leave_chat(user.id)
