"""The version a person consents to follows every figure the notice states, not only its wording."""

from __future__ import annotations

import dataclasses

import pytest

from domain.privacy import PrivacyTerms

TERMS = PrivacyTerms(
    wording_version="2026-12-06",
    controller="Sotong",
    contact="privacy@example.org",
    retention_years=3,
    backup_days=14,
    follow_up_days=90,
)


def test_the_same_terms_give_the_same_version_under_the_wording_version() -> None:
    again = dataclasses.replace(TERMS)
    assert again.notice_version == TERMS.notice_version
    assert TERMS.notice_version.startswith("2026-12-06.")


@pytest.mark.parametrize(
    "change",
    [
        {"wording_version": "2026-12-07"},
        {"controller": "중소벤처기업부"},
        {"contact": "02-000-0000"},
        {"retention_years": 5},
        {"backup_days": 7},
        {"follow_up_days": 30},
    ],
)
def test_any_figure_the_notice_states_asks_consent_again(change: dict[str, object]) -> None:
    changed = dataclasses.replace(TERMS, **change)
    assert changed.notice_version != TERMS.notice_version
