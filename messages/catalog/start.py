"""Texts of the first conversation: greeting, language choice and the way back to the menu."""

TEXTS = {
    "start.choose_language": {
        "ko": (
            "<b>안녕하세요, 소통이에요.</b>\n"
            "중소기업의 규제·정책 애로를 정책 담당자에게 전해 드려요.\n\n"
            "사용할 언어를 골라 주세요. / Please choose your language."
        ),
        "en": (
            "<b>Hello, this is Sotong.</b>\n"
            "I carry Korean SMEs' regulatory and policy concerns to the people who make policy.\n\n"
            "Please choose your language. / 사용할 언어를 골라 주세요."
        ),
    },
    "start.language_button.ko": {"ko": "한국어 ✓", "en": "한국어"},
    "start.language_button.en": {"ko": "English", "en": "English ✓"},
    "start.language_chosen": {
        "ko": "언어: <b>한국어</b>",
        "en": "Language: <b>English</b>",
    },
    "start.pick_language_hint": {
        "ko": "위의 <b>한국어</b> 또는 <b>English</b> 버튼을 눌러 주세요.",
        "en": "Please tap <b>English</b> or <b>한국어</b> above.",
    },
    "start.pick_consent_hint": {
        "ko": "위 안내를 읽고 <b>동의</b> 또는 <b>동의하지 않음</b>을 눌러 주세요.",
        "en": "Please read the notice above and tap <b>I agree</b> or <b>I do not agree</b>.",
    },
    "start.welcome_back": {
        "ko": "다시 오셨네요, 반가워요!",
        "en": "Welcome back!",
    },
    "language.choose": {
        "ko": "사용할 언어를 골라 주세요.\nPlease choose your language.",
        "en": "Please choose your language.\n사용할 언어를 골라 주세요.",
    },
    "language.already": {
        "ko": "이미 한국어로 안내하고 있어요.",
        "en": "I'm already speaking English.",
    },
    "language.changed": {
        "ko": "이제 <b>한국어</b>로 안내해 드릴게요.",
        "en": "I will speak <b>English</b> from now on.",
    },
}
