"""Texts that keep what owners type: the way back to a paused report, offers, consent first."""

from __future__ import annotations

TEXTS = {
    "kept.paused_note": {
        "ko": "📝 쓰시던 의견은 저장해 두었어요. /feedback 으로 이어서 쓰실 수 있어요.",
        "en": "📝 Your report in progress is saved: /feedback continues it.",
    },
}
