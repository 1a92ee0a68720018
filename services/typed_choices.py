"""The options a typed answer is matched against, per question, labels handed in by the channel.

`domain.typed_choices.match_choice` does the matching and knows the other names people use;
the labels on the buttons are the channel's words, which neither the domain nor the services
read: the channel passes them in as `ButtonLabels` (Telegram's, from the catalog, are
`handlers.typed_labels.button_labels`), so a typed answer is matched against what that channel
shows, and this module only says which buttons each question has.
"""

from __future__ import annotations

from typing import Protocol

from domain.drafts import DraftStep
from domain.typed_choices import (
    INDUSTRY_NAMES,
    NO,
    REGION_NAMES,
    SIZE_NAMES,
    VISIBILITY_NAMES,
    YES,
    YES_NO_NAMES,
    Option,
    match_choice,
    reference_options,
)
from storage.reference import ReferenceQueries

__all__ = [
    "IMPACT_LEVELS",
    "PROFILE_CHANGE",
    "PROFILE_SAME",
    "ButtonLabels",
    "impact_options",
    "match_typed_answer",
    "profile_options",
    "step_options",
    "visibility_options",
    "yes_no_options",
]

IMPACT_LEVELS = range(1, 6)
PROFILE_SAME = "same"
PROFILE_CHANGE = "change"
_WITHIN = frozenset({DraftStep.REGION, DraftStep.SIZE, DraftStep.INDUSTRY})
"""Steps where a longer text naming one option among its words counts ("서울 강남구")."""


class ButtonLabels(Protocol):
    """A button's label in every language the channel speaks, as plain text, by its text key."""

    def __call__(self, key: str) -> tuple[str, ...]:
        """The labels of the button with this key, one per language."""


def impact_options(labels: ButtonLabels) -> tuple[Option, ...]:
    """The five levels: "4", "4 · 심각", "심각", "Serious" each pick level 4 (value "4")."""
    return tuple(
        Option(str(level), labels(f"feedback.button.impact.{level}"), number=level)
        for level in IMPACT_LEVELS
    )


def yes_no_options(labels: ButtonLabels, yes_key: str, no_key: str) -> tuple[Option, Option]:
    """A confirmation's two buttons (values "yes" and "no"), also answered by "네" or "no"."""
    return (
        Option(YES, labels(yes_key), YES_NO_NAMES[YES]),
        Option(NO, labels(no_key), YES_NO_NAMES[NO]),
    )


def visibility_options(labels: ButtonLabels) -> tuple[Option, ...]:
    """Named or anonymous (values "named" and "anonymous")."""
    return tuple(
        Option(value, labels(f"feedback.button.{value}"), names)
        for value, names in VISIBILITY_NAMES.items()
    )


def profile_options(labels: ButtonLabels) -> tuple[Option, Option]:
    """The remembered company: yes keeps it ("same"), no changes it ("change")."""
    return (
        Option(PROFILE_SAME, labels("feedback.button.profile_same"), YES_NO_NAMES[YES]),
        Option(PROFILE_CHANGE, labels("feedback.button.profile_change"), YES_NO_NAMES[NO]),
    )


async def step_options(
    reference: ReferenceQueries, step: DraftStep, labels: ButtonLabels
) -> tuple[Option, ...]:
    """What a typed answer at a feedback step may name; empty where the step takes free text."""
    if step is DraftStep.IMPACT:
        return impact_options(labels)
    if step is DraftStep.REGION:
        return reference_options(await reference.regions(), REGION_NAMES)
    if step is DraftStep.SIZE:
        return reference_options(await reference.company_sizes(), SIZE_NAMES)
    if step is DraftStep.INDUSTRY:
        return reference_options(await reference.industries(), INDUSTRY_NAMES)
    if step is DraftStep.VISIBILITY:
        return visibility_options(labels)
    if step is DraftStep.PROFILE:
        return profile_options(labels)
    return ()


async def match_typed_answer(
    reference: ReferenceQueries, step: DraftStep, text: str, labels: ButtonLabels
) -> str | None:
    """The button a text typed at `step` names (its stored value), or None to refuse it."""
    options = await step_options(reference, step, labels)
    return match_choice(text, options, within=step in _WITHIN)
