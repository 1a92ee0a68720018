"""Answer deadlines: the due day on receipts and details, the admins' daily list, later dates."""

TEXTS = {
    "deadline.receipt": {
        "ko": "📅 답변 기한: <b>{date}</b>까지 ({days}일 이내)",
        "en": "📅 Answer due by <b>{date}</b> (within {days} days)",
    },
    "deadline.detail": {
        "ko": "📅 답변 기한: {date}",
        "en": "📅 Answer due by {date}",
    },
    "deadline.detail_expected": {
        "ko": "📅 답변 기한: {due} → 새 예정일 <b>{date}</b>\n사유: {reason}",
        "en": "📅 Answer was due by {due}; now expected by <b>{date}</b>\nWhy: {reason}",
    },
    "deadline.detail_replied": {
        "ko": "📅 답변 기한: {date} · 답변 완료",
        "en": "📅 Answer due by {date} · answered",
    },
    "deadline.left": {"ko": "D-{days}", "en": "{days} days left"},
    "deadline.today": {"ko": "오늘 마감", "en": "due today"},
    "deadline.overdue": {"ko": "{days}일 지남", "en": "{days} days overdue"},
    "deadline.inbox_line": {
        "ko": " · ⏳ {left}",
        "en": " · ⏳ {left}",
    },
    "deadline.inbox_filter": {"ko": "⏰ 기한 지남", "en": "⏰ Overdue"},
    "deadline.digest.title": {
        "ko": "⏰ <b>답변 기한 알림</b> · {date}\n기한 지남 {overdue}건, 2일 안에 마감 {soon}건",
        "en": "⏰ <b>Answer deadlines</b> · {date}\n{overdue} overdue, {soon} due within 2 days",
    },
    "deadline.digest.overdue": {"ko": "<b>기한이 지났어요</b>", "en": "<b>Overdue</b>"},
    "deadline.digest.soon": {"ko": "<b>곧 마감이에요</b>", "en": "<b>Due soon</b>"},
    "deadline.digest.line": {
        "ko": "• <code>{code}</code> {category} · {due} ({left})",
        "en": "• <code>{code}</code> {category} · {due} ({left})",
    },
    "deadline.button.overdue": {"ko": "📥 기한 지난 의견 보기", "en": "📥 Show overdue"},
    "deadline.notify.extended": {
        "ko": (
            "📅 <code>{code}</code> 의견의 답변이 늦어지고 있어요. 죄송합니다.\n"
            "새 예정일: <b>{date}</b>\n사유: {reason}\n\n기다려 주셔서 감사합니다."
        ),
        "en": (
            "📅 The answer to <code>{code}</code> will be late. We are sorry.\n"
            "Now expected by <b>{date}</b>\nWhy: {reason}\n\nThank you for your patience."
        ),
    },
    "deadline.extend.usage": {
        "ko": (
            "새 답변 예정일은 이렇게 적어 주세요:\n"
            "<code>/extend SV-2026-000123 12월 10일 사유</code>\n"
            "날짜는 2026-12-10, 다음 주 화요일처럼 적어도 돼요.\n"
            "제출자에게 새 날짜와 사유를 알려 드려요."
        ),
        "en": (
            "Record a new expected answer date like this:\n"
            "<code>/extend SV-2026-000123 Dec 10 reason</code>\n"
            "The date may also be 2026-12-10 or next Tuesday.\n"
            "The owner is told the new date and the reason."
        ),
    },
    "deadline.extend.unknown": {
        "ko": "진행 중인 의견 중 <code>{code:</code>를} 찾지 못했어요.",
        "en": "No open submission has the code <code>{code}</code>.",
    },
    "deadline.extend.error.format": {
        "ko": "날짜(예: 12월 10일, 다음 주 화요일, 2026-12-10) 뒤에 사유를 적어 주세요.",
        "en": "Give a date (e.g. Dec 10, next Tuesday, 2026-12-10), then a reason.",
    },
    "deadline.extend.error.past": {
        "ko": "새 예정일은 내일 이후여야 해요.",
        "en": "The new date must be after today.",
    },
    "deadline.extend.error.not_later": {
        "ko": "새 예정일은 원래 기한보다 뒤여야 해요.",
        "en": "The new date must be later than the original due date.",
    },
    "deadline.extend.error.too_long": {
        "ko": "사유는 500자 이내로 적어 주세요.",
        "en": "Keep the reason under 500 characters.",
    },
    "deadline.extend.refused": {
        "ko": "{why}\n\n보내신 내용이에요. 고쳐서 다시 보내 주세요:\n<code>{typed}</code>",
        "en": "{why}\n\nThis is what you sent; correct it and send it again:\n<code>{typed}</code>",
    },
    "deadline.extend.done": {
        "ko": "<code>{code}</code> 새 예정일을 기록했어요: {date}. {told}",
        "en": "Recorded {date} as the new expected date of <code>{code}</code>. {told}",
    },
    "deadline.extend.told": {"ko": "제출자에게 알렸어요.", "en": "The owner is told."},
    "deadline.extend.not_told": {
        "ko": "제출자에게는 연락할 수 없어요.",
        "en": "The owner cannot be reached.",
    },
    "deadline.extend.anonymous": {
        "ko": "익명 의견이라 제출자에게 연락이 닿는지는 알려 드리지 않아요. 닿는다면 알림이 가요.",
        "en": (
            "The submission is anonymous, so whether its owner can be reached is not shown. "
            "If they can, they are told."
        ),
    },
    "deadline.card_hint": {
        "ko": "답변이 늦어지면: <code>/extend {code} YYYY-MM-DD 사유</code>",
        "en": "If the answer will be late: <code>/extend {code} YYYY-MM-DD reason</code>",
    },
    "deadline.stats": {
        "ko": "<b>기한 안에 답변</b>: {judged}건 중 {on_time}건, {rate}",
        "en": "<b>Answered on time</b>: {on_time} of {judged}, {rate}",
    },
    "deadline.stats_none": {
        "ko": "<b>기한 안에 답변</b>: 아직 판단할 의견이 없어요",
        "en": "<b>Answered on time</b>: nothing to judge yet",
    },
    "command.extend": {
        "ko": "답변 예정일 미루기 (사유와 함께)",
        "en": "Postpone an answer date, with a reason",
    },
}
