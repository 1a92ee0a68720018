"""Texts of /my and /status: the submitter's own list, details, history and answers."""

TEXTS = {
    "command.my": {"ko": "내가 보낸 의견과 처리 상태", "en": "My submissions and their status"},
    "command.status": {
        "ko": "{-receipt-code}로 처리 상태 보기 (예: /status SV-2026-000123)",
        "en": "Status by receipt code (e.g. /status SV-2026-000123)",
    },
    "menu.button.my": {"ko": "📂 내 의견", "en": "📂 My submissions"},
    "my.empty": {
        "ko": "아직 보내신 의견이 없어요. /feedback 으로 첫 의견을 보내 보세요.",
        "en": "You have not submitted anything yet. Send your first feedback with /feedback.",
    },
    "my.title": {
        "ko": "<b>내 의견</b> (총 {total}건, {page}/{pages}쪽)\n눌러서 자세히 보세요.",
        "en": (
            "<b>My submissions</b> ({total} in all, page {page} of {pages})\nTap one for details."
        ),
    },
    "my.line": {
        "ko": "<b>{code}</b> · {status} · {date}\n{category} · {snippet}",
        "en": "<b>{code}</b> · {status} · {date}\n{category} · {snippet}",
    },
    "my.item_button": {"ko": "{code} · {status}", "en": "{code} · {status}"},
    "my.button.list": {"ko": "⬅️ 내 의견 목록", "en": "⬅️ My submissions"},
    "my.detail.header": {
        "ko": (
            "<b>{code}</b> · {status}\n"
            "<b>분야</b>: {category}\n"
            "<b>접수</b>: {created}\n"
            "<b>공개 방식</b>: {visibility}\n"
            "<b>{-impact}</b>: {impact}\n"
            "<b>비용</b>: {cost}\n"
            "<b>회사 정보</b>: {profile}\n"
            "<b>증빙 자료</b>: {attachments}\n"
            "<b>{-support}</b>: 👍 {supporters}"
        ),
        "en": (
            "<b>{code}</b> · {status}\n"
            "<b>Topic</b>: {category}\n"
            "<b>Submitted</b>: {created}\n"
            "<b>Visibility</b>: {visibility}\n"
            "<b>{-Impact}</b>: {impact}\n"
            "<b>Cost</b>: {cost}\n"
            "<b>Company</b>: {profile}\n"
            "<b>Evidence</b>: {attachments}\n"
            "<b>{-Support}</b>: 👍 {supporters}"
        ),
    },
    "my.value.not_given": {"ko": "미입력", "en": "not given"},
    "my.detail.problem": {"ko": "<b>문제</b>\n{text}", "en": "<b>Problem</b>\n{text}"},
    "my.detail.law": {"ko": "<b>관련 법·규정</b>\n{text}", "en": "<b>Law or rule</b>\n{text}"},
    "my.detail.proposal": {"ko": "<b>개선 제안</b>\n{text}", "en": "<b>Proposal</b>\n{text}"},
    "my.detail.history": {"ko": "<b>처리 이력</b>\n{lines}", "en": "<b>History</b>\n{lines}"},
    "my.detail.history_line": {"ko": "• {at} — {status}", "en": "• {at} — {status}"},
    "my.detail.history_note": {"ko": " · {note}", "en": " ({note})"},
    "status.reject_reason": {"ko": "반려 사유: {note}", "en": "Reason for rejection: {note}"},
    "my.detail.forwarded_to": {
        "ko": "<b>전달 기관</b>: {ministry}",
        "en": "<b>Forwarded to</b>: {ministry}",
    },
    "my.detail.answer": {
        "ko": "<b>공식 답변</b> · {at}\n<blockquote>{text}</blockquote>",
        "en": "<b>Official answer</b> ({at})\n<blockquote>{text}</blockquote>",
    },
    "my.not_found": {
        "ko": (
            "보내신 의견 중에 이 {-receipt-code}는 없어요. 번호를 확인하시거나 /my 에서 찾아보세요."
        ),
        "en": "None of your submissions has this receipt code. Check it, or look in /my.",
    },
    "my.status_usage": {
        "ko": (
            "{-receipt-code}를 함께 보내 주세요. 예: /status SV-2026-000123\n"
            "전체 목록은 /my 에 있어요."
        ),
        "en": "Add the receipt code, e.g. /status SV-2026-000123\nYour full list is in /my.",
    },
}
