"""Texts every flow shares: the menu, help, the fallback and the error apology."""

TEXTS = {
    "menu.title": {
        "ko": "<b>무엇을 도와드릴까요?</b>\n아래 버튼을 누르거나 명령어를 입력해 주세요.",
        "en": "<b>What can I do for you?</b>\nTap a button below or type a command.",
    },
    "menu.button.help": {"ko": "❓ 도움말", "en": "❓ Help"},
    "menu.button.language": {"ko": "🌐 언어 · Language", "en": "🌐 Language · 언어"},
    "menu.button.privacy": {"ko": "🔒 개인정보", "en": "🔒 Privacy"},
    "menu.button.back": {"ko": "⬅️ 메뉴로", "en": "⬅️ Menu"},
    "help.text": {
        "ko": (
            "<b>소통 도움말</b>\n"
            "중소기업이 겪는 규제·정책 애로를 언제든 채팅으로 전하고, 처리 결과를 받아 보는 "
            "창구예요.\n\n"
            "{commands}\n\n"
            "입력 중에는 언제든 /cancel 로 멈출 수 있고, 입력한 내용은 저장돼요."
        ),
        "en": (
            "<b>Sotong help</b>\n"
            "Tell policy makers, any time and by chat, which rules and policies hold your "
            "business back, and hear what happens to it.\n\n"
            "{commands}\n\n"
            "You can stop any step with /cancel; what you entered is kept."
        ),
    },
    "help.command_line": {"ko": "/{name} — {description}", "en": "/{name} — {description}"},
    "fallback.text": {
        "ko": "이 메시지는 이해하지 못했어요. 아래 메뉴에서 골라 주세요.",
        "en": "I didn't understand that. Please pick from the menu below.",
    },
    "fallback.unknown_command": {
        "ko": "/{command:은} 없는 명령어예요. 아래 메뉴에서 골라 주세요.",
        "en": "There is no /{command} command. Please pick from the menu below.",
    },
    "input.refused_nul": {
        "ko": (
            "보낸 글에 쓸 수 없는 문자(NUL)가 들어 있어서 받지 않았어요. 지금까지 입력한 "
            "내용은 그대로 있으니 그 문자를 빼고 다시 보내 주세요."
        ),
        "en": (
            "Your message contains a character I can't accept (NUL), so I didn't take it. "
            "Everything you entered so far is kept; please send it again without that character."
        ),
    },
    "paging.previous": {"ko": "◀️ 이전", "en": "◀️ Previous"},
    "paging.next": {"ko": "다음 ▶️", "en": "Next ▶️"},
    "paging.page": {"ko": "{page}/{pages}쪽", "en": "page {page} of {pages}"},
    "paging.same_page": {
        "ko": "지금 보고 계신 쪽이에요. 목록이 줄어 더 넘길 쪽이 없어요.",
        "en": "This is the page you are on: the list has shrunk, so there is no other page.",
    },
    "ui.unchanged": {"ko": "이미 보고 계신 화면이에요.", "en": "This is already on screen."},
    "cancel.nothing": {
        "ko": "진행 중인 작업이 없어요.",
        "en": "There is nothing to cancel.",
    },
    "cancel.done": {
        "ko": "멈췄어요. 지금까지 입력한 내용은 저장되어 있어요.",
        "en": "Stopped. Everything you entered so far is saved.",
    },
    "error.generic": {
        "ko": (
            "죄송합니다. 처리 중에 문제가 생겼어요. 지금까지 저장된 내용은 그대로 있으니 "
            "잠시 후 다시 시도해 주세요."
        ),
        "en": (
            "Sorry, something went wrong on our side. Nothing you saved was lost; "
            "please try again in a moment."
        ),
    },
    "error.held_back": {
        "ko": (
            "텔레그램이 봇의 메시지를 잠시 막아서 방금 요청에 답하지 못했어요. 잠시 후 다시 "
            "해 주세요."
        ),
        "en": (
            "Telegram briefly held back the bot's messages, so your last request got no answer. "
            "Please try it again in a moment."
        ),
    },
    "flood.skipped": {
        "ko": (
            "한꺼번에 너무 많이 보내셔서 일부는 건너뛰었어요. 잠시 후에 필요한 것만 다시 보내 "
            "주세요."
        ),
        "en": (
            "That was a lot at once, so I skipped some of it. In a moment, please send again "
            "what matters."
        ),
    },
    "button.stale": {
        "ko": "이 버튼은 더 이상 쓸 수 없어요.",
        "en": "This button no longer applies.",
    },
    "private_only": {
        "ko": "이 기능은 저와의 1:1 대화에서 써 주세요.",
        "en": "Please use this in a private chat with me.",
    },
    "admin.denied": {
        "ko": "관리자만 쓸 수 있는 기능이에요.",
        "en": "Only administrators can use this.",
    },
}
