"""/overdue: answer dates past or near, by the ministry each submission was forwarded to."""

TEXTS = {
    "command.overdue": {
        "ko": "기한 지남·곧 마감 의견 (소관 부처별)",
        "en": "Overdue and due-soon reports, by ministry",
    },
    "overdue.title": {
        "ko": "⏰ <b>소관 부처별 답변 기한</b> · {date}\n기한 지남 {overdue}건, 곧 마감 {soon}건",
        "en": "⏰ <b>Answer deadlines by ministry</b> · {date}\n{overdue} overdue, {soon} due soon",
    },
    "overdue.ministry": {
        "ko": "🏛 <b>{ministry}</b>: 기한 지남 {overdue}건, 곧 마감 {soon}건",
        "en": "🏛 <b>{ministry}</b>: {overdue} overdue, {soon} due soon",
    },
    "overdue.not_forwarded": {
        "ko": "아직 {-status-forwarded} 전",
        "en": "Not {-status-forwarded} yet",
    },
    "overdue.line": {
        "ko": "• <code>{code}</code> · {due} · {left}",
        "en": "• <code>{code}</code> · {due} · {left}",
    },
    "overdue.none": {
        "ko": "기한이 지났거나 {days}일 안에 마감되는 의견이 없어요.",
        "en": "No report is overdue or due within {days} days.",
    },
}
