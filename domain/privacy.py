"""The figures and names the privacy notice states, taken from the settings that enforce them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

__all__ = ["PrivacyTerms"]


@dataclass(frozen=True, slots=True)
class PrivacyTerms:
    """What the notice promises, each from the setting the code obeys (never typed twice).

    `retention_years` drives the purge, `backup_days` the nightly backup rotation and
    `follow_up_days` the follow-up question; `contact` may be empty when none is configured.
    `wording_version` is the version of the notice's wording (the catalog's NOTICE_VERSION).
    """

    wording_version: str
    controller: str
    contact: str
    retention_years: int
    backup_days: int
    follow_up_days: int

    @property
    def notice_version(self) -> str:
        """The version a person consents to: the wording's, and the figures the settings put in.

        Changing a retention period, the controller or the contact changes what the notice
        says, so it asks everyone's consent again, as a new wording does.
        """
        figures = "|".join(
            (
                self.controller,
                self.contact,
                str(self.retention_years),
                str(self.backup_days),
                str(self.follow_up_days),
            )
        )
        return f"{self.wording_version}.{hashlib.sha256(figures.encode()).hexdigest()[:6]}"
