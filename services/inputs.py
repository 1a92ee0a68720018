"""Inputs in progress: where each person is, and the forms they are half-way through."""

from __future__ import annotations

from typing import Any

from domain.clock import Clock
from storage.inputs import InputRepository

__all__ = ["InputService"]


class InputService:
    """The one home for half-typed input; each call is one transaction."""

    def __init__(self, inputs: InputRepository, clock: Clock) -> None:
        self._inputs = inputs
        self._clock = clock

    async def ask(self, user_id: int, flow: str, step: str, form: dict[str, Any]) -> None:
        """Store the form with the step it now waits for, whose question was just sent."""
        await self._inputs.open(user_id, flow, step, form, now=self._clock.now(), asked=True)

    async def asked(self, user_id: int, flow: str, step: str) -> None:
        """The open step's question reached the person."""
        await self._inputs.mark_asked(user_id, flow, step)

    async def park(self, user_id: int, flow: str | None = None) -> None:
        """Close the open question (of one flow, or any), keeping its form for later."""
        await self._inputs.park(user_id, flow)

    async def hold(self, user_id: int, flow: str, form: dict[str, Any]) -> None:
        """Keep a form for a later tap, replacing what was held there; no question opens."""
        await self._inputs.hold(user_id, flow, form, now=self._clock.now())

    async def forget(self, user_id: int, flow: str) -> None:
        """The flow is done: drop its form."""
        await self._inputs.forget(user_id, flow)
