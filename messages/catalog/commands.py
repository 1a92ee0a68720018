"""Command descriptions shown in Telegram's command menu (at most 256 characters each)."""

TEXTS = {
    "command.start": {"ko": "시작하기", "en": "Get started"},
    "command.menu": {"ko": "메뉴 보기", "en": "Show the menu"},
    "command.help": {"ko": "도움말", "en": "Help"},
    "command.language": {"ko": "언어 바꾸기 (Language)", "en": "Change language (언어)"},
    "command.privacy": {"ko": "개인정보 안내와 동의 관리", "en": "Privacy notice and consent"},
    "command.cancel": {"ko": "진행 중인 작업 멈추기", "en": "Stop what you are doing"},
    "bot.description": {
        "ko": (
            "소통은 중소기업이 겪는 규제·정책 애로를 정책 담당자에게 채팅으로 전하고, 처리 "
            "결과와 정책 소식을 받아 보는 창구예요. 시작하려면 /start 를 눌러 주세요."
        ),
        "en": (
            "Sotong lets Korean SMEs tell policy makers, by chat, what rules and policies hold "
            "them back, and keeps them informed of the outcome and of policy news. Press /start."
        ),
    },
    "bot.short_description": {
        "ko": "중소기업 규제·정책 애로 접수와 정책 소식",
        "en": "SME feedback to policy makers, and policy news",
    },
}
