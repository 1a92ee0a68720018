"""Texts for supporters: their notices, and supported submissions in /my and /status."""

TEXTS = {
    "supporters.notify.status": {
        "ko": "🔔 {-support}하신 의견 <b>{code}</b>의 상태가 바뀌었어요: <b>{status}</b>",
        "en": "🔔 A submission you support, <b>{code}</b>, changed: <b>{status}</b>",
    },
    "supporters.notify.merged": {
        "ko": (
            "🔔 {-support}하신 의견 <b>{duplicate}</b>의 내용이 의견 "
            "<b>{original:</b>와} 같아서 하나로 합쳤어요. 보태 주신 {-support}은 "
            "<b>{original}</b>에 그대로 반영되고, 앞으로 그 소식을 알려 드릴게요."
        ),
        "en": (
            "🔔 <b>{duplicate}</b>, a submission you support, repeats <b>{original}</b>, so the "
            "two were merged. Your support now counts for <b>{original}</b>, and you will hear "
            "its news."
        ),
    },
    "supporters.notify.extended": {
        "ko": (
            "📅 {-support}하신 의견 <code>{code}</code>의 답변이 늦어지고 있어요. 죄송합니다.\n"
            "새 예정일: <b>{date}</b>\n사유: {reason}"
        ),
        "en": (
            "📅 The answer to <code>{code}</code>, a submission you support, will be late. "
            "We are sorry.\nNow expected by <b>{date}</b>\nWhy: {reason}"
        ),
    },
    "agenda.notify.scheduled_supported": {
        "ko": "🗓 {-support}하신 <code>{code}</code> 의견이 회의 안건으로 올라갔어요.\n\n{line}",
        "en": (
            "🗓 <code>{code}</code>, a submission you support, is on a meeting's agenda.\n\n{line}"
        ),
    },
    "my.supported_line": {
        "ko": "👍 <b>{code}</b> · {status} · {-support}한 의견\n{category} · 👍 {supporters}",
        "en": "👍 <b>{code}</b> · {status} · supported\n{category} · 👍 {supporters}",
    },
    "my.supported_button": {"ko": "👍 {code} · {status}", "en": "👍 {code} · {status}"},
    "my.supported_detail": {
        "ko": (
            "👍 <b>{code}</b> · {status}\n"
            "<i>다른 분이 보낸 의견에 {-support}하셨어요. 보낸 분과 그 내용은 보이지 않아요.</i>\n"
            "<b>분야</b>: {category}\n"
            "<b>{-support}</b>: 👍 {supporters}"
        ),
        "en": (
            "👍 <b>{code}</b> · {status}\n"
            "<i>You support this submission from someone else. Who sent it and what they "
            "wrote stay private.</i>\n"
            "<b>Topic</b>: {category}\n"
            "<b>{-Support}</b>: 👍 {supporters}"
        ),
    },
}
