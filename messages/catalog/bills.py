"""Texts of /bills: the list, a bill's history, stages and following."""

TEXTS = {
    "command.bills": {"ko": "법안 진행 상황", "en": "Where the bills stand"},
    "bills.menu_button": {"ko": "⚖️ 법안", "en": "⚖️ Bills"},
    "bills.list_title": {
        "ko": "<b>⚖️ 진행 중인 법안</b>\n법안을 누르면 경과와 ‘관심 법안에 추가’ 버튼이 나와요.",
        "en": "<b>⚖️ Bills in progress</b>\nTap a bill for its history and a follow button.",
    },
    "bills.none": {"ko": "추적 중인 법안이 아직 없어요.", "en": "No bills are tracked yet."},
    "bills.line": {"ko": "<b>{name}</b>\n📍 {stage}", "en": "<b>{name}</b>\n📍 {stage}"},
    "bills.stage_line": {"ko": "{stage} · {date}", "en": "{stage} ({date})"},
    "bills.no_stage": {"ko": "아직 기록된 단계가 없어요", "en": "No stage recorded yet"},
    "bills.stage.submitted": {"ko": "접수", "en": "Submitted"},
    "bills.stage.referred": {"ko": "소관위 회부", "en": "Referred to committee"},
    "bills.stage.committee_review": {"ko": "소관위 심사", "en": "Committee review"},
    "bills.stage.judiciary_review": {
        "ko": "법사위 체계자구 심사",
        "en": "Legislation and Judiciary Committee review",
    },
    "bills.stage.plenary_passed": {"ko": "본회의 의결", "en": "Passed by the plenary"},
    "bills.stage.sent_to_government": {"ko": "정부 이송", "en": "Sent to the government"},
    "bills.stage.promulgated": {"ko": "공포", "en": "Promulgated"},
    "bills.stage.in_force": {"ko": "시행", "en": "In force"},
    "bills.stage.merged": {"ko": "대안반영 폐기", "en": "Merged into an alternative"},
    "bills.stage.expired": {"ko": "임기만료 폐기", "en": "Expired"},
    "bills.stage.withdrawn": {"ko": "철회", "en": "Withdrawn"},
    "bills.stage.rejected": {"ko": "부결", "en": "Rejected"},
    "bills.stage.discarded": {"ko": "폐기", "en": "Discarded"},
    "bills.detail.name": {"ko": "<b>⚖️ {name}</b>", "en": "<b>⚖️ {name}</b>"},
    "bills.detail.number": {"ko": "의안번호: {value}", "en": "Bill no.: {value}"},
    "bills.detail.sponsor": {"ko": "대표발의자: {value}", "en": "Sponsor: {value}"},
    "bills.detail.committee": {"ko": "소관위원회: {value}", "en": "Committee: {value}"},
    "bills.detail.summary": {"ko": "\n{value}\n", "en": "\n{value}\n"},
    "bills.detail.categories": {"ko": "🏷 분야: {value}", "en": "🏷 Topics: {value}"},
    "bills.detail.history": {"ko": "<b>처리 경과</b>", "en": "<b>History</b>"},
    "bills.detail.stage": {
        "ko": "• {date} — {stage}: {note}",
        "en": "• {date} — {stage}: {note}",
    },
    "bills.detail.stage_plain": {"ko": "• {date} — {stage}", "en": "• {date} — {stage}"},
    "bills.button.open": {"ko": "⚖️ {name}", "en": "⚖️ {name}"},
    "bills.button.follow": {"ko": "⭐ 관심 법안에 추가", "en": "⭐ Follow this bill"},
    "bills.button.unfollow": {"ko": "✖️ 관심 법안에서 빼기", "en": "✖️ Unfollow"},
    "bills.button.list": {"ko": "⬅️ 법안 목록", "en": "⬅️ All bills"},
    "bills.button.add_stage": {"ko": "➕ 단계 기록", "en": "➕ Record a stage"},
    "bills.gone": {
        "ko": "이 법안은 더 이상 없어요. /bills 에서 목록을 보세요.",
        "en": "That bill no longer exists. See /bills for the list.",
    },
    "bills.followed": {
        "ko": "⭐ 「{name:」을} 관심 법안에 추가했어요. 다음 단계로 넘어가면 알려 드릴게요.",
        "en": "⭐ You follow “{name}”. I'll tell you when it moves to its next stage.",
    },
    "bills.followed_with_subscription": {
        "ko": (
            "⭐ 「{name:」을} 관심 법안에 추가했어요. 관심 법안 소식을 받도록 구독도 켰어요 "
            "(/subscribe 에서 바꿀 수 있어요)."
        ),
        "en": (
            "⭐ You follow “{name}”. I also switched on updates for the bills you follow "
            "(change it with /subscribe)."
        ),
    },
    "bills.toast.following": {
        "ko": "이미 관심 법안이에요.",
        "en": "You already follow this bill.",
    },
    "bills.toast.not_following": {
        "ko": "이미 관심 법안에서 뺐어요.",
        "en": "You already stopped following this bill.",
    },
    "bills.unfollowed": {
        "ko": "「{name:」을} 관심 법안에서 뺐어요.",
        "en": "You no longer follow “{name}”.",
    },
}
