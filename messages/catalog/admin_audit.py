"""Texts of /audit: the latest administrative actions."""

TEXTS = {
    "admin_audit.title": {
        "ko": "<b>🧾 감사 기록</b> (최근 순, {first}–{last}번째)\n\n{lines}",
        "en": "<b>🧾 Audit log</b> (newest first, {first}–{last})\n\n{lines}",
    },
    "admin_audit.empty": {
        "ko": "<b>🧾 감사 기록</b>\n아직 기록이 없어요.",
        "en": "<b>🧾 Audit log</b>\nNothing recorded yet.",
    },
    "admin_audit.line": {
        "ko": "• {at} · {actor} · {action}{targets}{details}",
        "en": "• {at} · {actor} · {action}{targets}{details}",
    },
    "admin_audit.console": {"ko": "서버 콘솔", "en": "server console"},
    "admin_audit.actor": {"ko": "관리자 {id}", "en": "admin {id}"},
    "admin_audit.action.submission.status": {"ko": "상태 변경", "en": "status change"},
    "admin_audit.action.submission.answer": {"ko": "공식 답변", "en": "official answer"},
    "admin_audit.action.submission.merge": {"ko": "중복 병합", "en": "merged duplicate"},
    "admin_audit.action.submissions.export": {"ko": "내보내기", "en": "export"},
    "admin_audit.action.bill.assembly_sync": {
        "ko": "국회 자료로 법안 단계 기록",
        "en": "bill stages from the National Assembly",
    },
    "admin_audit.button.older": {"ko": "더 이전 기록 ▶️", "en": "Older ▶️"},
    "admin_audit.button.newer": {"ko": "◀️ 최근 기록", "en": "◀️ Newer"},
}
