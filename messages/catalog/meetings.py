"""Texts of /meetings: the list, a meeting's details, reminders and the calendar file."""

TEXTS = {
    "command.meetings": {"ko": "다가오는 정책 회의 일정", "en": "Upcoming policy meetings"},
    "meetings.menu_button": {"ko": "📅 회의 일정", "en": "📅 Meetings"},
    "meetings.list_title": {
        "ko": "<b>📅 다가오는 회의</b>\n회의를 누르면 자세한 내용과 알림·캘린더 버튼이 나와요.",
        "en": (
            "<b>📅 Upcoming meetings</b>\nTap a meeting for details, reminders and a calendar file."
        ),
    },
    "meetings.none": {
        "ko": "예정된 회의가 아직 없어요. 구독하면 새 일정이 잡히는 대로 알려 드려요.",
        "en": "No meetings are scheduled yet. Subscribe to hear as soon as one is.",
    },
    "meetings.line": {
        "ko": "<b>{title}</b> · {kind}\n🕒 {when} · 📍 {place}",
        "en": "<b>{title}</b> · {kind}\n🕒 {when} · 📍 {place}",
    },
    "meetings.online": {"ko": "온라인", "en": "Online"},
    "meetings.place_unknown": {"ko": "장소 미정", "en": "Place to be announced"},
    "meetings.kind.policy_council": {"ko": "정책협의회", "en": "Policy council"},
    "meetings.kind.sos_talk": {"ko": "SOS Talk", "en": "SOS Talk"},
    "meetings.kind.advisory_group": {"ko": "정책자문단", "en": "Advisory group"},
    "meetings.kind.roundtable": {"ko": "간담회", "en": "Roundtable"},
    "meetings.kind.other": {"ko": "기타 회의", "en": "Other meeting"},
    "meetings.status.scheduled": {"ko": "🗓 예정", "en": "🗓 Scheduled"},
    "meetings.status.changed": {"ko": "✏️ 일정 변경됨", "en": "✏️ Changed"},
    "meetings.status.cancelled": {"ko": "❌ 취소됨", "en": "❌ Cancelled"},
    "meetings.status.held": {"ko": "✅ 개최 완료", "en": "✅ Held"},
    "meetings.detail.title": {"ko": "<b>{title}</b>\n{kind}", "en": "<b>{title}</b>\n{kind}"},
    "meetings.detail.when": {"ko": "🕒 {when}", "en": "🕒 {when}"},
    "meetings.detail.until": {"ko": "⏳ {when}까지", "en": "⏳ Until {when}"},
    "meetings.detail.place": {"ko": "📍 {value}", "en": "📍 {value}"},
    "meetings.detail.online": {"ko": "💻 {value}", "en": "💻 {value}"},
    "meetings.detail.organizer": {"ko": "🏛 주최: {value}", "en": "🏛 Organizer: {value}"},
    "meetings.detail.agenda": {"ko": "📝 안건: {value}", "en": "📝 Agenda: {value}"},
    "meetings.detail.outcome": {"ko": "📌 결과: {value}", "en": "📌 Outcome: {value}"},
    "meetings.detail.categories": {"ko": "🏷 분야: {value}", "en": "🏷 Topics: {value}"},
    "meetings.button.open": {"ko": "📄 {title}", "en": "📄 {title}"},
    "meetings.button.remind": {"ko": "🔔 알림 받기", "en": "🔔 Remind me"},
    "meetings.button.forget": {"ko": "🔕 알림 끄기", "en": "🔕 No reminder"},
    "meetings.button.ics": {"ko": "📆 캘린더(.ics)", "en": "📆 Calendar (.ics)"},
    "meetings.button.list": {"ko": "⬅️ 회의 목록", "en": "⬅️ All meetings"},
    "meetings.button.subscribe": {"ko": "🔔 구독하기", "en": "🔔 Subscribe"},
    "meetings.button.edit": {"ko": "✏️ 수정", "en": "✏️ Edit"},
    "meetings.button.cancel": {"ko": "❌ 취소", "en": "❌ Cancel"},
    "meetings.button.held": {"ko": "✅ 개최 완료", "en": "✅ Held"},
    "meetings.gone": {
        "ko": "이 회의는 더 이상 없어요. /meetings 에서 최신 일정을 보세요.",
        "en": "That meeting no longer exists. See /meetings for the latest.",
    },
    "meetings.not_open": {
        "ko": "취소되었거나 이미 열린 회의라 알림을 설정할 수 없어요.",
        "en": "This meeting was cancelled or has taken place, so no reminder can be set.",
    },
    "meetings.reminder_set": {
        "ko": "🔔 「{title}」 하루 전과 한 시간 전에 알려 드릴게요.",
        "en": "🔔 I'll remind you of “{title}” a day and an hour before.",
    },
    "meetings.reminder_removed": {
        "ko": "🔕 「{title}」 알림을 껐어요.",
        "en": "🔕 Reminders for “{title}” are off.",
    },
    "meetings.reminder.day": {
        "ko": "⏰ <b>내일 회의가 있어요</b>\n\n{line}",
        "en": "⏰ <b>Meeting tomorrow</b>\n\n{line}",
    },
    "meetings.reminder.hour": {
        "ko": "⏰ <b>한 시간 뒤 회의가 시작돼요</b>\n\n{line}",
        "en": "⏰ <b>Meeting starts in an hour</b>\n\n{line}",
    },
    "meetings.watch.updated": {
        "ko": "✏️ <b>알림을 신청한 회의가 바뀌었어요</b>\n\n{line}",
        "en": "✏️ <b>A meeting you set a reminder for has changed</b>\n\n{line}",
    },
    "meetings.watch.cancelled": {
        "ko": "❌ <b>알림을 신청한 회의가 취소되었어요</b>\n\n{line}",
        "en": "❌ <b>A meeting you set a reminder for was cancelled</b>\n\n{line}",
    },
    "meetings.ics_caption": {
        "ko": "📆 「{title}」 — 파일을 열면 캘린더에 추가돼요.",
        "en": "📆 “{title}” — open the file to add it to your calendar.",
    },
}
