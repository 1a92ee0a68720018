"""Texts that keep what owners type: the way back to a paused report, offers, consent first."""

from __future__ import annotations

TEXTS = {
    "kept.paused_note": {
        "ko": "📝 쓰시던 의견은 저장해 두었어요. /feedback 으로 이어서 쓰실 수 있어요.",
        "en": "📝 Your report in progress is saved: /feedback continues it.",
    },
    "kept.offer_add": {
        "ko": ("쓰시던 의견이 있어요. 방금 적어 주신 내용을 그 의견의 문제 설명에 덧붙일까요?"),
        "en": "You have a report in progress. Add what you just wrote to its problem?",
    },
    "kept.button.add": {"ko": "➕ 문제 설명에 덧붙이기", "en": "➕ Add it to the problem"},
    "kept.button.skip": {
        "ko": "▶️ 덧붙이지 않고 이어서 쓰기",
        "en": "▶️ Continue without it",
    },
    "kept.added": {
        "ko": "적어 주신 내용을 문제 설명에 덧붙였어요.",
        "en": "I added what you wrote to the problem.",
    },
    "kept.offer_gone": {
        "ko": "이미 지난 버튼이에요. 쓰시던 의견은 /feedback 으로 이어서 쓰실 수 있어요.",
        "en": "This button has passed. /feedback continues your report.",
    },
    "kept.consent_offer": {
        "ko": (
            "적어 주신 내용으로 의견을 보내실 수 있어요. 먼저 아래 개인정보 안내에 동의해 "
            "주세요. 동의하시면 이 내용이 문제 설명으로 들어가고, 분야만 고르시면 돼요. "
            "동의하지 않으시면 적어 주신 내용은 저장하지 않아요."
        ),
        "en": (
            "You can send this as a report. First, please agree to the privacy notice below: "
            "what you wrote then becomes the problem, and you only pick a topic. If you do not "
            "agree, what you wrote is not stored."
        ),
    },
    "kept.button.agree": {"ko": "✅ 동의하고 의견 쓰기", "en": "✅ Agree and write the report"},
    "kept.agreed_report": {
        "ko": (
            "동의해 주셔서 감사합니다. 적어 주신 내용은 문제 설명으로 받아 두었어요. "
            "보내시려면 가장 가까운 분야를 골라 주세요."
        ),
        "en": (
            "Thank you. I kept what you wrote as the problem. To send it, pick the closest topic."
        ),
    },
    "kept.agreed_resend": {
        "ko": (
            "동의해 주셔서 감사합니다. 적어 주신 내용을 한 번 더 보내 주시면 의견으로 받아 둘게요."
        ),
        "en": "Thank you. Send what you wrote once more and I will keep it as a report.",
    },
    "kept.declined": {
        "ko": (
            "동의하지 않으셨어요. 적어 주신 내용은 저장하지 않았어요. 의견을 내고 싶어지시면 "
            "언제든 /privacy 에서 동의하실 수 있어요."
        ),
        "en": (
            "You did not agree, so what you wrote was not stored. If you want to send a report "
            "later, you can agree any time in /privacy."
        ),
    },
}
