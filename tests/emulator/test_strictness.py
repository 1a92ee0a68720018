"""Each Telegram rule the emulator enforces, provoked through a real PTB ``Bot`` over HTTP."""

from __future__ import annotations

import datetime as dtm

import pytest
from telegram import (
    Bot,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.error import BadRequest, EndPointNotFound, Forbidden, InvalidToken, RetryAfter

from sandbox.emulator import BotApiEmulator, EmulatorLimits, ScriptedUser
from tests.emulator.conftest import FakeClock
from tests.fixtures.emulator import EMULATOR_TOKEN


def _keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d)] for t, d in pairs])


async def _rejected(emulator: BotApiEmulator, text: str, call: object) -> BadRequest:
    """Await ``call``, expecting a BadRequest containing ``text`` (whitelisted for teardown)."""
    emulator.expect_rejection(text)
    with pytest.raises(BadRequest) as caught:
        await call  # type: ignore[misc]
    assert text.casefold() in str(caught.value).casefold()
    return caught.value


async def test_get_me_uses_the_token_id(bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.first_name, me.username) == (
        7000000001,
        True,
        "Sotong",
        "sotong_bot",
    )
    assert me.can_join_groups is True


async def test_malformed_token_is_unauthorized(emulator: BotApiEmulator) -> None:
    emulator.expect_rejection("Unauthorized", status=401)
    bad = Bot("not-a-token", base_url=emulator.base_url)
    try:
        with pytest.raises(InvalidToken):
            await bad.initialize()
    finally:
        await bad.shutdown()


async def test_unknown_method_is_not_found(emulator: BotApiEmulator, bot: Bot) -> None:
    emulator.expect_rejection("Not Found", status=404)
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("sendTelepathy", api_kwargs={"chat_id": 1})


async def test_send_message_returns_real_message_json(bot: Bot, user: ScriptedUser) -> None:
    first = await bot.send_message(user.id, "<b>안녕</b>하세요", parse_mode="HTML")
    second = await bot.send_message(user.id, "둘째", reply_markup=_keyboard(("예", "yes")))
    assert (first.message_id, second.message_id) == (1, 2)
    assert first.from_user is not None and first.from_user.is_bot
    assert first.chat.id == user.id and first.chat.type == "private"
    assert first.text == "안녕하세요"
    assert first.entities[0].type == "bold" and first.entities[0].length == 2
    assert second.reply_markup == _keyboard(("예", "yes"))


async def test_entities_parameter_is_used_verbatim(bot: Bot, user: ScriptedUser) -> None:
    from telegram import MessageEntity

    sent = await bot.send_message(
        user.id, "굵게 보통", entities=[MessageEntity(MessageEntity.BOLD, 0, 2)]
    )
    assert sent.entities == (MessageEntity(MessageEntity.BOLD, 0, 2),)


async def test_tg_time_is_sent_as_a_date_time_entity(bot: Bot, user: ScriptedUser) -> None:
    sent = await bot.send_message(
        user.id,
        '마감 <tg-time unix="1647531900" format="wDT">3월 17일 22:45</tg-time>',
        parse_mode="HTML",
    )
    assert sent.text == "마감 3월 17일 22:45"
    (entity,) = sent.entities
    assert (entity.type, entity.offset, entity.length) == ("date_time", 3, 12)
    assert entity.date_time_format == "wDT"
    assert entity.unix_time == dtm.datetime(2022, 3, 17, 15, 45, tzinfo=dtm.UTC)


async def test_a_tg_time_format_outside_the_grammar_is_refused(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    await _rejected(
        emulator,
        "can't parse entities: Invalid date format used",
        bot.send_message(
            user.id, '<tg-time unix="1647531900" format="x">내일</tg-time>', parse_mode="HTML"
        ),
    )


async def test_entities_past_the_hundredth_are_dropped_and_reported(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    hundred = "\n".join(f"<b>{index}</b>" for index in range(100))
    sent = await bot.send_message(user.id, hundred, parse_mode="HTML")
    assert len(sent.entities) == 100
    assert emulator.conformance_problems() == []
    edited = await bot.edit_message_text(
        hundred + "\n<i>101</i>", user.id, sent.message_id, parse_mode="HTML"
    )
    assert isinstance(edited, Message)
    assert edited.text.endswith("101")
    assert len(edited.entities) == 100
    assert all(entity.type == "bold" for entity in edited.entities)
    (problem,) = emulator.conformance_problems()
    assert "a text with 101 entities lost all but the first 100" in problem
    emulator.state.dropped_formatting.clear()


async def test_empty_text_is_rejected(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    await _rejected(emulator, "message text is empty", bot.send_message(user.id, "   "))
    await _rejected(
        emulator, "message text is empty", bot.send_message(user.id, "<b></b>", parse_mode="HTML")
    )


async def test_text_length_counts_utf16_after_parsing(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    markup = "<b>" + "가" * 4096 + "</b>"  # 4096 code units once the tags are gone
    sent = await bot.send_message(user.id, markup, parse_mode="HTML")
    assert sent.text is not None and len(sent.text) == 4096
    emoji = "😀" * 2049  # 2049 characters but 4098 UTF-16 code units
    await _rejected(emulator, "message is too long", bot.send_message(user.id, emoji))


async def test_caption_too_long(emulator: BotApiEmulator, bot: Bot, user: ScriptedUser) -> None:
    await _rejected(
        emulator,
        "message caption is too long",
        bot.send_document(user.id, b"data", filename="a.txt", caption="x" * 1025),
    )


async def test_html_errors_use_telegram_wording(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    error = await _rejected(
        emulator,
        'can\'t parse entities: unsupported start tag "div" at byte offset 12',
        bot.send_message(user.id, "<b>hi</b>   <div>x</div>", parse_mode="HTML"),
    )
    assert str(error).startswith("Can't parse entities")
    await _rejected(
        emulator,
        'can\'t find end tag corresponding to start tag "b"',
        bot.send_message(user.id, "<b>열림", parse_mode="HTML"),
    )
    await _rejected(
        emulator,
        'unsupported start tag "" at byte offset 2',
        bot.send_message(user.id, "1 < 2", parse_mode="HTML"),
    )


async def test_unsupported_parse_mode(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    await _rejected(
        emulator, "unsupported parse_mode", bot.send_message(user.id, "x", parse_mode="HTM")
    )


async def test_callback_data_over_64_bytes(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    ok = "가" * 21 + "a"  # 64 bytes
    await bot.send_message(user.id, "ok", reply_markup=_keyboard(("a", ok)))
    await _rejected(
        emulator,
        "BUTTON_DATA_INVALID",
        bot.send_message(user.id, "too big", reply_markup=_keyboard(("a", "가" * 22))),
    )


async def test_button_text_and_action_are_required(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    await _rejected(
        emulator,
        "BUTTON_TEXT_INVALID",
        bot.send_message(user.id, "x", reply_markup=_keyboard(("", "d"))),
    )
    await _rejected(
        emulator,
        "Text buttons are unallowed in the inline keyboard",
        bot.send_message(
            user.id, "x", reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("only")]])
        ),
    )


async def test_reply_keyboards_and_force_reply(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    await bot.send_message(
        user.id, "골라", reply_markup=ReplyKeyboardMarkup([["하나", "둘"]], resize_keyboard=True)
    )
    assert user.reply_keyboard == (("하나", "둘"),)
    await bot.send_message(user.id, "치움", reply_markup=ReplyKeyboardRemove())
    assert emulator.reply_keyboard(user.id) is None
    forced = await bot.send_message(user.id, "답해", reply_markup=ForceReply())
    assert forced.reply_markup is None  # only inline keyboards are echoed in Message
    assert emulator.message(user.id, forced.message_id).force_reply


async def test_edit_without_changes_is_not_modified(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    markup = _keyboard(("a", "1"))
    sent = await bot.send_message(user.id, "<b>같음</b>", parse_mode="HTML", reply_markup=markup)
    await _rejected(
        emulator,
        "message is not modified: specified new message content and reply markup are exactly "
        "the same as a current content and reply markup of the message",
        bot.edit_message_text(
            "<b>같음</b>", user.id, sent.message_id, parse_mode="HTML", reply_markup=markup
        ),
    )
    await _rejected(
        emulator,
        "message is not modified",
        bot.edit_message_reply_markup(user.id, sent.message_id, reply_markup=markup),
    )
    edited = await bot.edit_message_text("<b>같음</b>", user.id, sent.message_id, parse_mode="HTML")
    assert isinstance(edited, Message)
    assert edited.edit_date is not None
    assert edited.reply_markup is None  # no reply_markup in an edit removes the keyboard


async def test_edit_and_delete_missing_messages(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    await _rejected(emulator, "message to edit not found", bot.edit_message_text("x", user.id, 99))
    await _rejected(emulator, "message to delete not found", bot.delete_message(user.id, 99))
    sent = await bot.send_message(user.id, "곧 지움")
    assert await bot.delete_message(user.id, sent.message_id)
    await _rejected(
        emulator, "message to delete not found", bot.delete_message(user.id, sent.message_id)
    )
    await _rejected(
        emulator, "message to edit not found", bot.edit_message_text("y", user.id, sent.message_id)
    )


async def test_user_messages_cannot_be_edited(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    message, _ = emulator.send_text(user.id, "내 메시지")
    await _rejected(
        emulator, "message can't be edited", bot.edit_message_text("x", user.id, message.message_id)
    )


async def test_unknown_chat(emulator: BotApiEmulator, bot: Bot) -> None:
    await _rejected(emulator, "chat not found", bot.send_message(123, "누구?"))
    await _rejected(emulator, "chat not found", bot.send_message("@nobody", "누구?"))


async def test_send_by_username(bot: Bot, user: ScriptedUser) -> None:
    sent = await bot.send_message("@minsu", "안녕")
    assert sent.chat.id == user.id


async def test_blocked_user_is_forbidden_for_every_send(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    emulator.block(user.id)
    emulator.expect_rejection("bot was blocked by the user", status=403)
    for call in (
        bot.send_message(user.id, "안녕"),
        bot.send_document(user.id, b"x", filename="a.txt"),
        bot.send_chat_action(user.id, "typing"),
    ):
        with pytest.raises(Forbidden, match="bot was blocked by the user"):
            await call
    emulator.unblock(user.id)
    await bot.send_message(user.id, "다시 안녕")


async def test_bot_cannot_start_a_conversation(emulator: BotApiEmulator, bot: Bot) -> None:
    stranger = emulator.create_user("지영")
    emulator.expect_rejection("bot can't initiate conversation with a user", status=403)
    with pytest.raises(Forbidden):
        await bot.send_message(stranger.id, "안녕")
    emulator.send_text(stranger.id, "/start")
    await bot.send_message(stranger.id, "반가워요")


async def test_upload_over_50_mb(emulator: BotApiEmulator, bot: Bot, user: ScriptedUser) -> None:
    from telegram.error import NetworkError

    emulator.expect_rejection("Request Entity Too Large", status=413)
    with pytest.raises(NetworkError, match="Request Entity Too Large"):
        await bot.send_document(
            user.id, b"\0" * (50 * 1024 * 1024 + 1), filename="big.bin", write_timeout=60
        )
    assert emulator.transcript(user.id) == []


@pytest.mark.parametrize(
    "emulator_limits", [EmulatorLimits(callback_query_timeout=15.0)], indirect=True
)
async def test_answer_callback_query_rules(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser, emulator_clock: FakeClock
) -> None:
    stale = "query is too old and response timeout expired or query ID is invalid"
    await bot.send_message(user.id, "골라", reply_markup=_keyboard(("예", "yes"), ("아니오", "no")))
    first, _ = emulator.tap(user.id, "예")
    assert await bot.answer_callback_query(first, text="좋아요", show_alert=True)
    assert user.last_toast is not None
    assert (user.last_toast.text, user.last_toast.show_alert) == ("좋아요", True)
    await _rejected(emulator, stale, bot.answer_callback_query(first))
    await _rejected(emulator, stale, bot.answer_callback_query("12345"))
    second, _ = emulator.tap(user.id, "아니오")
    emulator_clock.advance(15.5)
    await _rejected(emulator, stale, bot.answer_callback_query(second))
    emulator.allow_unanswered_callbacks()
    assert [record.id for record in emulator.unanswered_callbacks()] == [second]


@pytest.fixture
def emulator_clock() -> FakeClock:
    return FakeClock()


async def test_flood_limit_in_a_private_chat(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser, emulator_clock: FakeClock
) -> None:
    for index in range(20):  # the default burst
        await bot.send_message(user.id, f"{index}")
    emulator.expect_rejection("Too Many Requests", status=429)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(user.id, "하나 더")
    assert caught.value.retry_after == dtm.timedelta(seconds=1)
    emulator_clock.advance(1.0)
    await bot.send_message(user.id, "이제 됨")


async def test_edits_spend_the_same_flood_budget_as_sends(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser, emulator_clock: FakeClock
) -> None:
    await bot.send_message(user.id, "0", reply_markup=_keyboard(("예", "yes")))
    for index in range(1, 19):
        await bot.edit_message_text(f"{index}", user.id, 1, reply_markup=_keyboard(("예", "y")))
    await bot.edit_message_reply_markup(user.id, 1, reply_markup=_keyboard(("아니오", "no")))
    emulator.expect_rejection("Too Many Requests", status=429)
    with pytest.raises(RetryAfter) as caught:
        await bot.edit_message_text("하나 더", user.id, 1)
    assert caught.value.retry_after == dtm.timedelta(seconds=1)
    with pytest.raises(RetryAfter):
        await bot.edit_message_reply_markup(user.id, 1, reply_markup=None)
    with pytest.raises(RetryAfter):
        await bot.send_message(user.id, "보내기도 막혀요")
    assert emulator.message(user.id, 1).text == "18"
    emulator_clock.advance(1.0)
    await bot.edit_message_text("이제 됨", user.id, 1)


async def test_edits_in_a_group_count_toward_its_twenty_a_minute(
    emulator: BotApiEmulator, bot: Bot, emulator_clock: FakeClock
) -> None:
    group = emulator.create_group("소통 운영팀")
    await bot.send_message(group, "0")
    for index in range(1, 20):
        await bot.edit_message_text(f"{index}", group, 1)
    emulator.expect_rejection("Too Many Requests", status=429)
    with pytest.raises(RetryAfter) as caught:
        await bot.edit_message_text("21번째", group, 1)
    assert caught.value.retry_after == dtm.timedelta(seconds=3)


async def test_answers_to_buttons_are_never_flood_limited(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    await bot.send_message(user.id, "골라", reply_markup=_keyboard(("예", "yes")))
    for index in range(1, 20):
        await bot.send_message(user.id, f"{index}")
    for _ in range(50):
        query_id, _ = emulator.tap(user.id, "예")
        assert await bot.answer_callback_query(query_id, text="받았어요")
    emulator.expect_rejection("Too Many Requests", status=429)
    with pytest.raises(RetryAfter):
        await bot.send_message(user.id, "이건 막혀요")


async def test_flood_limit_overall(
    emulator: BotApiEmulator, bot: Bot, emulator_clock: FakeClock
) -> None:
    users = [emulator.create_user(f"사용자{i}", started=True) for i in range(31)]
    for person in users[:30]:
        await bot.send_message(person.id, "공지")
    emulator.expect_rejection("Too Many Requests", status=429)
    with pytest.raises(RetryAfter):
        await bot.send_message(users[30].id, "공지")
    emulator_clock.advance(0.04)  # the overall bucket refills at 30 messages per second
    await bot.send_message(users[30].id, "공지")


async def test_flood_limit_in_a_group(
    emulator: BotApiEmulator, bot: Bot, emulator_clock: FakeClock
) -> None:
    group = emulator.create_group("소통 운영팀")
    for index in range(20):
        await bot.send_message(group, f"{index}")
        emulator_clock.advance(0.1)
    emulator.expect_rejection("Too Many Requests", status=429)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(group, "21번째")
    assert caught.value.retry_after == dtm.timedelta(seconds=1)
    emulator_clock.advance(3.0)
    await bot.send_message(group, "21번째")


@pytest.mark.parametrize(
    "emulator_limits", [EmulatorLimits().without_flood_control()], indirect=True
)
async def test_flood_control_can_be_lifted(bot: Bot, user: ScriptedUser) -> None:
    for index in range(40):
        await bot.send_message(user.id, f"{index}")


@pytest.mark.parametrize("emulator_limits", [EmulatorLimits(max_text=10)], indirect=True)
async def test_limits_can_be_tightened(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    await bot.send_message(user.id, "열 글자까지만 돼요"[:10])
    await _rejected(
        emulator, "message is too long", bot.send_message(user.id, "열한 글자는 안 돼요")
    )


async def test_reply_target_must_exist(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    message, _ = emulator.send_text(user.id, "질문")
    reply = await bot.send_message(user.id, "답", reply_to_message_id=message.message_id)
    assert reply.text == "답"
    await _rejected(
        emulator,
        "message to be replied not found",
        bot.send_message(user.id, "답", reply_to_message_id=99),
    )
    await bot.send_message(
        user.id, "그래도", reply_to_message_id=99, allow_sending_without_reply=True
    )


async def test_conformance_problems_list_rejections_and_unanswered_queries() -> None:
    async with (
        BotApiEmulator() as emulator,
        Bot(EMULATOR_TOKEN, base_url=emulator.base_url) as bot,
    ):
        user = emulator.create_user("민수", started=True)
        with pytest.raises(BadRequest):
            await bot.send_message(user.id, "")
        await bot.send_message(user.id, "골라", reply_markup=_keyboard(("예", "yes")))
        query_id, _ = emulator.tap(user.id, "예")
        first, second = emulator.conformance_problems()
        assert first.startswith(
            "sendMessage was rejected with 400 'Bad Request: message text is empty'"
        )
        assert second.startswith(f"callback query {query_id} (data 'yes'")
        emulator.expect_rejection("message text is empty", method="sendMessage")
        emulator.allow_unanswered_callbacks()
        assert emulator.conformance_problems() == []
