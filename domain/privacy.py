"""The figures and names the privacy notice states, taken from the settings that enforce them."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PrivacyTerms"]


@dataclass(frozen=True, slots=True)
class PrivacyTerms:
    """What the notice promises, each from the setting the code obeys (never typed twice).

    `retention_years` drives the purge, `backup_days` the nightly backup rotation and
    `follow_up_days` the follow-up question; `contact` may be empty when none is configured.
    """

    controller: str
    contact: str
    retention_years: int
    backup_days: int
    follow_up_days: int
