"""How Sotong runs its conversations: where a person is comes from storage, at every update.

PTB's ConversationHandler keeps states in memory and persists them every few seconds, apart from
what the user typed, so after a crash the two disagree and answers land in the wrong field; and
two conversations open at once fight over the next text. A `Flow` instead routes by the one
open question stored among the inputs in progress (`storage/inputs.py`), read afresh for each
update by `track` before any flow looks at it. A person has at most one open question: opening
one parks the others, and a command or a button that the open flow does not know parks it too,
so text always answers the newest prompt. A flow that keeps its form when parked names a note
(`paused_note`) that ends the reply to whatever parked it, so the person knows how to come back.

A flow's callbacks return the next state as with ConversationHandler: a step name, `END`, or
None to stay. Unless the flow saves its own steps (`saves_itself`, the feedback draft), the
step is stored together with the flow's form (`context.form`) in one transaction.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Sequence
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import Application, BaseHandler, CommandHandler, TypeHandler

from domain.inputs import OpenQuestion
from handlers.context import SotongContext
from handlers.ui import note_on_reply
from messages import t

__all__ = ["END", "Flow", "build_conversation", "track"]

logger = logging.getLogger("sotong.flows")

END = -1
AnyHandler = BaseHandler[Any, SotongContext, Any]
_Match = tuple[AnyHandler, object]


async def _already_handled(update: Update, context: SotongContext) -> None:
    """Leave the flow as it is: this update moved it before a crash (see `Flow._replayed`)."""
    logger.info("update %d moved its flow before the last stop: not again", update.update_id)


def _private(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


def _first(handlers: Sequence[AnyHandler], update: Update) -> _Match | None:
    for handler in handlers:
        check = handler.check_update(update)
        if check is not None and check is not False:
            return handler, check
    return None


def _is_command(update: Update) -> bool:
    message = update.message
    return message is not None and (message.text or "").startswith("/")


class Flow(BaseHandler[Update, SotongContext, None]):
    """A conversation whose state is the stored open question, never PTB's memory."""

    def __init__(  # PTB's ConversationHandler does not call BaseHandler.__init__ either.
        self,
        name: str,
        *,
        entry_points: Sequence[AnyHandler],
        states: dict[str, Sequence[AnyHandler]],
        fallbacks: Sequence[AnyHandler],
        reask: AnyHandler | None = None,
        saves_itself: bool = False,
        keeps_form: bool = False,
        paused_note: str | None = None,
    ) -> None:
        self.block = True
        self.name = name
        self._entry_points = tuple(entry_points)
        self._states = {state: tuple(handlers) for state, handlers in states.items()}
        self._fallbacks = tuple(fallbacks)
        self._reask = reask
        self._saves_itself = saves_itself
        self._keeps_form = keeps_form
        self.paused_note = paused_note
        """The catalog key of the line that ends the reply to a command or tap parking this flow."""
        self._open: dict[int, OpenQuestion] = {}
        """The open question in this flow of each person whose update is being handled."""
        self._replayed: AnyHandler = TypeHandler(Update, _already_handled)
        """Takes an update that opened the flow's question itself: replayed after a crash.

        The flow stores its step after the step's question was sent, so its answer is stored
        and the reply went out; handled again, the text would answer the next question too.
        A flow that saves its own steps stores them before replying, so it handles the replay
        (its `reask` asks again a question that never went out).
        """

    def __repr__(self) -> str:
        return f"Flow({self.name!r})"

    @property
    def entry_commands(self) -> frozenset[str]:
        """The commands that open this flow; its module declares them in `COMMANDS`."""
        return frozenset(
            name
            for handler in self._entry_points
            if isinstance(handler, CommandHandler)
            for name in handler.commands
        )

    def _in_step(self, step: str) -> tuple[AnyHandler, ...]:
        return (*self._states.get(step, ()), *self._fallbacks)

    def settle(self, user_id: int, question: OpenQuestion | None) -> None:
        """Note the person's open question (set by `track` before any flow routes the update)."""
        if question is not None and question.flow == self.name:
            self._open[user_id] = question
        else:
            self._open.pop(user_id, None)

    def claims(self, update: Update, step: str) -> bool:
        """Whether a command or button belongs to this flow at this step (else it parks it)."""
        return _first((*self._in_step(step), *self._entry_points), update) is not None

    def check_update(self, update: object) -> _Match | None:
        """The open step's handler, a fallback, or an entry point that takes the update."""
        if not isinstance(update, Update) or update.effective_user is None:
            return None
        question = self._open.get(update.effective_user.id)
        if question is not None and _private(update):
            if (
                not question.asked
                and self._reask is not None
                and update.message is not None
                and not _is_command(update)
            ):
                return self._reask, True
            if question.opened_by == update.update_id and not self._saves_itself:
                return self._replayed, None
            found = _first(self._in_step(question.step), update)
            if found is not None:
                return found
        return _first(self._entry_points, update)

    async def handle_update(  # type: ignore[override]
        self,
        update: Update,
        application: Application[Any, SotongContext, Any, Any, Any, Any],
        check_result: _Match,
        context: SotongContext,
    ) -> None:
        """Run the step's callback, then store the state it returned with the form."""
        handler, inner = check_result
        assert update.effective_user is not None
        user_id = update.effective_user.id
        inputs = context.services.inputs
        question = self._open.get(user_id)
        context.step = None if question is None else question.step
        stored = None
        if not self._saves_itself:
            stored = await context.services.forms.get(user_id, self.name)
            context.form = {} if stored is None else stored.form
        before = copy.deepcopy(context.form)
        state = await handler.handle_update(update, application, inner, context)
        if state == END:
            if self._keeps_form:
                await inputs.park(user_id, self.name)
            else:
                await inputs.forget(user_id, self.name)
        elif self._saves_itself:
            return
        elif isinstance(state, str):
            await inputs.ask(user_id, self.name, state, context.form)
        elif stored is not None and stored.is_open and context.form != before:
            await inputs.ask(user_id, self.name, stored.step, context.form)


def build_conversation(
    name: str,
    *,
    entry_points: Sequence[AnyHandler],
    states: dict[str, Sequence[AnyHandler]],
    fallbacks: Sequence[AnyHandler],
    reask: AnyHandler | None = None,
    saves_itself: bool = False,
    keeps_form: bool = False,
    paused_note: str | None = None,
) -> Flow:
    """A conversation that resumes from storage after any restart or crash."""
    return Flow(
        name,
        entry_points=entry_points,
        states=states,
        fallbacks=fallbacks,
        reask=reask,
        saves_itself=saves_itself,
        keeps_form=keeps_form,
        paused_note=paused_note,
    )


def _flows(context: SotongContext) -> list[Flow]:
    """The application's conversations: the flows among its handlers, in every group."""
    return [
        handler
        for group in context.application.handlers.values()
        for handler in group
        if isinstance(handler, Flow)
    ]


async def track(update: Update, context: SotongContext, question: OpenQuestion | None) -> None:
    """Load where the sender is; a command or button their open flow does not know parks it.

    Runs in group -1 for every update, before any flow routes it, with the `question` read
    together with the sender's row. It is noted on the flows themselves, which belong to the
    application: nothing is kept in the module.
    """
    note_on_reply()
    tg_user = update.effective_user
    if tg_user is None:
        return
    inputs = context.services.inputs
    flows = _flows(context)
    if question is not None and _private(update):
        flow = next((flow for flow in flows if flow.name == question.flow), None)
        if _moves_on(update, question, flow):
            await inputs.park(tg_user.id)
            question = None
            if flow is not None and flow.paused_note is not None:
                note_on_reply(tg_user.id, t(context.lang, flow.paused_note))
    for flow in flows:
        flow.settle(tg_user.id, question)


def _moves_on(update: Update, question: OpenQuestion, flow: Flow | None) -> bool:
    if flow is None:
        return True
    if not (_is_command(update) or update.callback_query is not None):
        return False
    return not flow.claims(update, question.step)
