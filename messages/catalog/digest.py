"""Texts of digests and notices: headings, sections, changes and the change-or-stop footer."""

TEXTS = {
    "digest.heading": {
        "ko": "📬 <b>소통 정책 소식</b> · {date}",
        "en": "📬 <b>Sotong policy news</b> · {date}",
    },
    "digest.heading_immediate": {"ko": "🔔 <b>새 정책 소식</b>", "en": "🔔 <b>Policy news</b>"},
    "digest.section.meetings": {"ko": "<b>📅 회의 일정</b>", "en": "<b>📅 Meetings</b>"},
    "digest.section.bills": {"ko": "<b>⚖️ 법안</b>", "en": "<b>⚖️ Bills</b>"},
    "digest.section.announcements": {"ko": "<b>📢 공지</b>", "en": "<b>📢 Announcements</b>"},
    "digest.change.created": {"ko": "🆕 {line}", "en": "🆕 {line}"},
    "digest.change.updated": {"ko": "✏️ 변경 · {line}", "en": "✏️ Changed · {line}"},
    "digest.change.cancelled": {"ko": "❌ 취소 · {line}", "en": "❌ Cancelled · {line}"},
    "digest.change.held": {"ko": "✅ 개최 · {line}", "en": "✅ Held · {line}"},
    "digest.change.stage": {"ko": "➡️ {line}", "en": "➡️ {line}"},
    "digest.with_outcome": {"ko": "{line}\n📌 {outcome}", "en": "{line}\n📌 {outcome}"},
    "digest.bill_moved": {"ko": "➡️ <b>{name}</b>\n{stages}", "en": "➡️ <b>{name}</b>\n{stages}"},
    "digest.announcement": {"ko": "<b>{title}</b>\n{body}", "en": "<b>{title}</b>\n{body}"},
    "digest.footer": {
        "ko": "받는 내용·시간을 바꾸거나 그만 받으려면 아래 버튼을 누르세요.",
        "en": "To change what and when you receive, or to stop, use the buttons below.",
    },
    "digest.button.change": {"ko": "⚙️ 구독 변경", "en": "⚙️ Change"},
    "digest.button.stop": {"ko": "🔕 그만 받기", "en": "🔕 Stop"},
    "digest.related.meeting": {
        "ko": (
            "📌 <b>보내 주신 의견과 같은 분야의 회의가 있어요</b>\n\n{line}\n\n"
            "알림을 받거나 캘린더에 넣어 두세요."
        ),
        "en": (
            "📌 <b>A meeting on the same topic as your submission</b>\n\n{line}\n\n"
            "Set a reminder or add it to your calendar."
        ),
    },
    "digest.related.bill": {
        "ko": (
            "📌 <b>보내 주신 의견과 같은 분야의 법안이 움직였어요</b>\n\n{line}\n\n"
            "관심 법안에 추가하시면 다음 단계도 알려 드려요."
        ),
        "en": (
            "📌 <b>A bill on the same topic as your submission has moved</b>\n\n{line}\n\n"
            "Follow it to hear of its next stages."
        ),
    },
}
