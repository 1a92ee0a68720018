"""Supporters: the owners who said "me too" to someone else's submission, and what they hear.

A supporter follows the submission as its author does (status, answer, merge, a later date),
but never learns who wrote it or what they typed, and no administrator learns who supports:
supporters' notices travel in deliveries of their own (keyed `supporters-…`), which no
administrator's view lists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from domain.delivery import QueuedMessage
from domain.submissions import Recipient, Submission

__all__ = ["SUPPORTER_TOPIC_PREFIX", "MyItem", "SupporterNotice", "supporter_key"]

SUPPORTER_TOPIC_PREFIX = "supporters-"
"""How supporters' delivery keys begin; administrators' delivery views leave these out."""


@dataclass(frozen=True, slots=True)
class SupporterNotice:
    """A notice for every supporter of a submission, composed for each in their language.

    Storage reads the supporters inside the transaction of the change, so one who supports a
    moment before the change hears of it and one erased a moment before does not; each is asked
    for once (the author never: they have their own notice), and blocked supporters are skipped.
    `event` names the change ("status", "answer", "merge", "extended") in the delivery key.
    """

    event: str
    compose: Callable[[Recipient], QueuedMessage]


@dataclass(frozen=True, slots=True)
class MyItem:
    """One line of /my: the owner's own submission, or one they support (shown as such)."""

    submission: Submission
    supported: bool


def supporter_key(event: str, source_id: int) -> str:
    """The delivery key of supporters' notices about one change (its history row)."""
    return f"{SUPPORTER_TOPIC_PREFIX}{event}:{source_id}"
