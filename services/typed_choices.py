"""The options a typed answer is matched against, per question, labels taken from messages/.

`domain.typed_choices.match_choice` does the matching and knows the other names people use;
the labels on the buttons are texts of the catalog, which the domain may not read, so they are
gathered here in every language the bot speaks.
"""

from __future__ import annotations

import html

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
from messages import LANGUAGES, t
from services.reference import ReferenceService

__all__ = [
    "IMPACT_LEVELS",
    "PROFILE_CHANGE",
    "PROFILE_SAME",
    "button_labels",
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


def button_labels(key: str) -> tuple[str, ...]:
    """A button's label in every language, as plain text."""
    return tuple(html.unescape(str(t(language, key))) for language in LANGUAGES)


def impact_options() -> tuple[Option, ...]:
    """The five levels: "4", "4 · 심각", "심각", "Serious" each pick level 4 (value "4")."""
    return tuple(
        Option(str(level), button_labels(f"feedback.button.impact.{level}"), number=level)
        for level in IMPACT_LEVELS
    )


def yes_no_options(yes_key: str, no_key: str) -> tuple[Option, Option]:
    """A confirmation's two buttons (values "yes" and "no"), also answered by "네" or "no"."""
    return (
        Option(YES, button_labels(yes_key), YES_NO_NAMES[YES]),
        Option(NO, button_labels(no_key), YES_NO_NAMES[NO]),
    )


def visibility_options() -> tuple[Option, ...]:
    """Named or anonymous (values "named" and "anonymous")."""
    return tuple(
        Option(value, button_labels(f"feedback.button.{value}"), names)
        for value, names in VISIBILITY_NAMES.items()
    )


def profile_options() -> tuple[Option, Option]:
    """The remembered company: yes keeps it ("same"), no changes it ("change")."""
    return (
        Option(PROFILE_SAME, button_labels("feedback.button.profile_same"), YES_NO_NAMES[YES]),
        Option(PROFILE_CHANGE, button_labels("feedback.button.profile_change"), YES_NO_NAMES[NO]),
    )


async def step_options(reference: ReferenceService, step: DraftStep) -> tuple[Option, ...]:
    """What a typed answer at a feedback step may name; empty where the step takes free text."""
    if step is DraftStep.IMPACT:
        return impact_options()
    if step is DraftStep.REGION:
        return reference_options(await reference.regions(), REGION_NAMES)
    if step is DraftStep.SIZE:
        return reference_options(await reference.company_sizes(), SIZE_NAMES)
    if step is DraftStep.INDUSTRY:
        return reference_options(await reference.industries(), INDUSTRY_NAMES)
    if step is DraftStep.VISIBILITY:
        return visibility_options()
    if step is DraftStep.PROFILE:
        return profile_options()
    return ()


async def match_typed_answer(reference: ReferenceService, step: DraftStep, text: str) -> str | None:
    """The button a text typed at `step` names (its stored value), or None to refuse it."""
    options = await step_options(reference, step)
    return match_choice(text, options, within=step in _WITHIN)
