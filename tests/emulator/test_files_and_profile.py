"""File upload/download round trips and the bot profile (commands, descriptions, menu button)."""

from __future__ import annotations

import struct
import zlib

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    MenuButtonCommands,
    MenuButtonWebApp,
    WebAppInfo,
)
from telegram.error import BadRequest

from sandbox.emulator import BotApiEmulator, ScriptedUser


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" + b"\0\0\0" * width)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _jpeg(width: int, height: int) -> bytes:
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + b"\xff\xe0\x00\x04JF" + sof + b"\xff\xd9"


async def test_document_round_trip(bot: Bot, user: ScriptedUser) -> None:
    payload = "민원 내용\n".encode() * 100
    sent = await bot.send_document(
        user.id, payload, filename="민원.txt", caption="<b>첨부</b>", parse_mode="HTML"
    )
    document = sent.document
    assert document is not None
    assert (document.file_name, document.mime_type, document.file_size) == (
        "민원.txt",
        "text/plain",
        len(payload),
    )
    assert sent.caption == "첨부" and sent.caption_entities[0].type == "bold"
    file = await bot.get_file(document.file_id)
    assert file.file_path is not None and file.file_size == len(payload)
    assert bytes(await file.download_as_bytearray()) == payload
    again = await bot.send_document(user.id, document.file_id)
    assert again.document is not None and again.document.file_unique_id == document.file_unique_id
    transcript = user.transcript
    assert transcript[0].attachment is not None and transcript[0].attachment.file_name == "민원.txt"


@pytest.mark.parametrize(
    ("image", "size"), [(_png(640, 480), (640, 480)), (_jpeg(1280, 720), (1280, 720))]
)
async def test_photo_sizes_are_read_from_headers(
    bot: Bot, user: ScriptedUser, image: bytes, size: tuple[int, int]
) -> None:
    sent = await bot.send_photo(user.id, image, caption="사진")
    assert sent.photo
    assert (sent.photo[-1].width, sent.photo[-1].height) == size
    file = await bot.get_file(sent.photo[-1].file_id)
    assert bytes(await file.download_as_bytearray()) == image


async def test_photo_must_be_an_image(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    emulator.expect_rejection("IMAGE_PROCESS_FAILED")
    with pytest.raises(BadRequest, match="Image_process_failed"):
        await bot.send_photo(user.id, b"plain text, not a picture")


async def test_file_id_errors(emulator: BotApiEmulator, bot: Bot, user: ScriptedUser) -> None:
    photo = await bot.send_photo(user.id, _png(10, 10))
    emulator.expect_rejection("type of file mismatch")
    emulator.expect_rejection("wrong file identifier")
    emulator.expect_rejection("invalid file_id")
    with pytest.raises(BadRequest, match="Type of file mismatch"):
        await bot.send_document(user.id, photo.photo[-1].file_id)
    with pytest.raises(BadRequest, match="Wrong file identifier"):
        await bot.send_document(user.id, "BQACnope")
    with pytest.raises(BadRequest, match="Invalid file_id"):
        await bot.get_file("nope")


async def test_user_uploads_can_be_downloaded_by_the_bot(
    emulator: BotApiEmulator, bot: Bot, user: ScriptedUser
) -> None:
    message, _ = emulator.upload_document(user.id, b"a,b\n1,2\n", "data.csv")
    assert message.attachment is not None
    file = await bot.get_file(message.attachment.file_id)
    assert bytes(await file.download_as_bytearray()) == b"a,b\n1,2\n"


async def test_command_scope_and_language_resolution(emulator: BotApiEmulator, bot: Bot) -> None:
    korean = emulator.create_user("민수", language_code="ko")
    english = emulator.create_user("John", language_code="en")
    special = emulator.create_user("관리자", language_code="ko")
    await bot.set_my_commands([BotCommand("start", "start")])
    await bot.set_my_commands([BotCommand("start", "시작")], language_code="ko")
    await bot.set_my_commands(
        [BotCommand("start", "시작"), BotCommand("report", "신고")],
        scope=BotCommandScopeAllPrivateChats(),
        language_code="ko",
    )
    await bot.set_my_commands([BotCommand("admin", "관리")], scope=BotCommandScopeChat(special.id))
    assert [c["command"] for c in korean.commands] == ["start", "report"]
    assert english.commands == [{"command": "start", "description": "start"}]
    assert special.commands == [{"command": "admin", "description": "관리"}]
    exact = await bot.get_my_commands(language_code="ko")
    assert [(c.command, c.description) for c in exact] == [("start", "시작")]
    assert await bot.get_my_commands(language_code="en") == ()
    await bot.delete_my_commands(scope=BotCommandScopeAllPrivateChats(), language_code="ko")
    assert korean.commands == [{"command": "start", "description": "시작"}]


async def test_invalid_commands_are_rejected(emulator: BotApiEmulator, bot: Bot) -> None:
    emulator.expect_rejection("BOT_COMMAND_INVALID")
    emulator.expect_rejection("chat not found")
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Start-Now", "x")])
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.set_my_commands([BotCommand("a", "b")], scope=BotCommandScopeChat(42))


async def test_descriptions_and_menu_button(emulator: BotApiEmulator, bot: Bot) -> None:
    korean = emulator.create_user("민수", language_code="ko")
    english = emulator.create_user("John", language_code="en")
    await bot.set_my_description("Tell policy makers what blocks you")
    await bot.set_my_description("무엇이 막히는지 알려주세요", language_code="ko")
    await bot.set_my_short_description("소통", language_code="ko")
    assert emulator.description_for(korean.id) == "무엇이 막히는지 알려주세요"
    assert emulator.description_for(english.id) == "Tell policy makers what blocks you"
    assert emulator.description_for(korean.id, short=True) == "소통"
    assert (await bot.get_my_description("ko")).description == "무엇이 막히는지 알려주세요"
    assert (await bot.get_my_short_description()).short_description == ""
    assert await bot.get_chat_menu_button() == MenuButtonCommands()
    web_app = MenuButtonWebApp("열기", WebAppInfo("https://example.com/app"))
    await bot.set_chat_menu_button(korean.id, web_app)
    assert await bot.get_chat_menu_button(korean.id) == web_app
    assert emulator.menu_button_for(english.id) == {"type": "commands"}
