"""``ScriptedUser``: a simulated person chatting with the bot, for tests and benchmarks.

Every action waits until the bot has *fetched and confirmed* the resulting update and then awaits
the optional ``settle`` hook (the app's "handlers are done" signal), so a test can assert on the
reply right after ``await user.send(...)`` without sleeping.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from sandbox.emulator.models import ChatMessage, Toast, UserInfo, format_transcript

if TYPE_CHECKING:
    from sandbox.emulator.limits import Settle

__all__ = ["ScriptedUser", "UserActions"]


class UserActions(Protocol):
    """What a scripted user does through the emulator; `BotApiEmulator` provides it.

    Declared here rather than importing the emulator, which creates the users: the emulator
    depends on its users, never the other way round.
    """

    settle: Settle | None

    def send_text(
        self, user_id: int, text: str, *, group_id: int | None = None
    ) -> tuple[ChatMessage, int | None]:
        """The user sends a text message, in their private chat or in a group."""
        ...

    def tap(
        self,
        user_id: int,
        text: str | None = None,
        *,
        callback_data: str | None = None,
        message_id: int | None = None,
        chat_id: int | None = None,
    ) -> tuple[str, int | None]:
        """The user taps an inline button."""
        ...

    def add_bot_to_group(self, user_id: int, group_id: int) -> int:
        """The user adds the bot to a group."""
        ...

    def remove_bot_from_group(self, user_id: int, group_id: int) -> int:
        """The user removes the bot from a group."""
        ...

    def upload_document(
        self,
        user_id: int,
        data: bytes,
        file_name: str,
        *,
        mime_type: str | None = None,
        caption: str | None = None,
    ) -> tuple[ChatMessage, int | None]:
        """The user sends a file as a document."""
        ...

    def upload_photo(
        self, user_id: int, data: bytes, *, caption: str | None = None
    ) -> tuple[ChatMessage, int | None]:
        """The user sends a picture."""
        ...

    def send_sticker(self, user_id: int, emoji: str = "👍") -> tuple[ChatMessage, int | None]:
        """The user sends a sticker."""
        ...

    def block(self, user_id: int) -> int | None:
        """The user blocks the bot."""
        ...

    def unblock(self, user_id: int) -> int | None:
        """The user unblocks the bot."""
        ...

    async def wait_delivered(
        self, update_id: int | None = None, *, within: float | None = None
    ) -> None:
        """Wait until the bot confirmed the update."""
        ...

    def transcript(self, chat_id: int) -> list[ChatMessage]:
        """Every message of a chat, in order."""
        ...

    def replies(self, chat_id: int) -> list[ChatMessage]:
        """The bot's messages in a chat."""
        ...

    def reply_keyboard(self, chat_id: int) -> tuple[tuple[str, ...], ...] | None:
        """The reply keyboard the chat currently shows."""
        ...

    def last_toast(self, user_id: int) -> Toast | None:
        """The last callback answer shown to the user."""
        ...

    def commands_for(self, user_id: int) -> list[dict[str, str]]:
        """The command menu the user sees."""
        ...


class ScriptedUser:
    """One simulated user bound to an emulator; create it with ``emulator.create_user(...)``."""

    def __init__(
        self, emulator: UserActions, info: UserInfo, *, settle: Settle | None = None
    ) -> None:
        self.emulator = emulator
        self.info = info
        self._settle = settle

    def __repr__(self) -> str:
        return f"ScriptedUser(id={self.id}, first_name={self.info.first_name!r})"

    @property
    def id(self) -> int:
        """User id, also the id of the private chat with the bot."""
        return self.info.id

    @property
    def chat_id(self) -> int:
        """Id of the private chat with the bot (same as :attr:`id`)."""
        return self.info.id

    async def _delivered(self, update_id: int | None) -> None:
        if update_id is not None:
            await self.emulator.wait_delivered(update_id)
        settle = self._settle or self.emulator.settle
        if settle is not None:
            await settle()

    # --------------------------------------------------------------------- actions

    async def send(self, text: str, *, group_id: int | None = None) -> ChatMessage:
        """Send a text message (``/commands`` get ``bot_command`` entities), here or in a group."""
        message, update_id = self.emulator.send_text(self.id, text, group_id=group_id)
        await self._delivered(update_id)
        return message

    async def tap(
        self,
        text: str | None = None,
        *,
        callback_data: str | None = None,
        message_id: int | None = None,
        chat_id: int | None = None,
    ) -> str:
        """Tap an inline button (exact text, else unique substring); return the query id.

        The button is looked for in the private chat, or in the group ``chat_id``.

        Raises:
            AssertionError: with the transcript when the button cannot be found.

        """
        query_id, update_id = self.emulator.tap(
            self.id, text, callback_data=callback_data, message_id=message_id, chat_id=chat_id
        )
        await self._delivered(update_id)
        return query_id

    async def upload_document(
        self,
        data: bytes,
        file_name: str,
        *,
        mime_type: str | None = None,
        caption: str | None = None,
    ) -> ChatMessage:
        """Send a file as a document."""
        message, update_id = self.emulator.upload_document(
            self.id, data, file_name, mime_type=mime_type, caption=caption
        )
        await self._delivered(update_id)
        return message

    async def upload_photo(self, data: bytes, *, caption: str | None = None) -> ChatMessage:
        """Send a photo."""
        message, update_id = self.emulator.upload_photo(self.id, data, caption=caption)
        await self._delivered(update_id)
        return message

    async def send_sticker(self, emoji: str = "👍") -> ChatMessage:
        """Send a sticker, to test how the bot handles input it did not ask for."""
        message, update_id = self.emulator.send_sticker(self.id, emoji)
        await self._delivered(update_id)
        return message

    async def add_bot_to(self, group_id: int) -> None:
        """Add the bot to a group."""
        await self._delivered(self.emulator.add_bot_to_group(self.id, group_id))

    async def remove_bot_from(self, group_id: int) -> None:
        """Remove the bot from a group."""
        await self._delivered(self.emulator.remove_bot_from_group(self.id, group_id))

    async def block(self) -> None:
        """Block the bot: sends to this chat now fail with 403."""
        await self._delivered(self.emulator.block(self.id))

    async def unblock(self) -> None:
        """Unblock the bot."""
        await self._delivered(self.emulator.unblock(self.id))

    # ----------------------------------------------------------------- observation

    @property
    def transcript(self) -> list[ChatMessage]:
        """The whole chat as this user sees it now."""
        return self.emulator.transcript(self.id)

    def replies(self) -> list[ChatMessage]:
        """Bot messages created or edited since this user's previous action."""
        return self.emulator.replies(self.id)

    def reply(self) -> ChatMessage:
        """The latest bot message created or edited since this user's previous action.

        Raises:
            AssertionError: with the transcript when the bot did not react.

        """
        replies = self.replies()
        if not replies:
            raise AssertionError(
                f"the bot did not reply to {self.info.first_name} ({self.id}); chat:\n"
                f"{format_transcript(self.transcript)}"
            )
        return replies[-1]

    def buttons(self) -> list[str]:
        """Texts of the latest inline keyboard in the chat (empty if there is none)."""
        for message in reversed(self.transcript):
            if message.sender == "bot" and not message.deleted and message.inline_keyboard:
                return message.buttons
        return []

    @property
    def reply_keyboard(self) -> tuple[tuple[str, ...], ...] | None:
        """The reply keyboard currently shown under the input field."""
        return self.emulator.reply_keyboard(self.id)

    @property
    def last_toast(self) -> Toast | None:
        """What the latest answered button tap showed this user."""
        return self.emulator.last_toast(self.id)

    @property
    def commands(self) -> list[dict[str, str]]:
        """The command menu this user sees."""
        return self.emulator.commands_for(self.id)
