"""What a person hears while the database cannot save (locked, disk full, read-only)."""

TEXTS = {
    "storage.unavailable": {
        "ko": (
            "지금은 저장 공간에 문제가 있어서 방금 보내신 내용을 처리하지 못했어요. "
            "보내신 내용은 기억해 두었으니, 잠시 후 아래 버튼을 눌러 다시 시도해 주세요."
        ),
        "en": (
            "I couldn't save that just now: our storage is briefly unavailable. I've kept "
            "what you sent, so please tap the button below to try again in a moment."
        ),
    },
    "storage.retry_button": {"ko": "🔄 다시 시도", "en": "🔄 Try again"},
    "storage.retry_expired": {
        "ko": "다시 시도할 내용을 찾지 못했어요. 번거로우시겠지만 한 번 더 보내 주세요.",
        "en": "I no longer have what you sent (the bot restarted). Please send it once more.",
    },
}
