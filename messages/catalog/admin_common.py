"""Words every admin screen shares: status and visibility names, the admin menu buttons."""

TEXTS = {
    "admin_common.status.received": {"ko": "접수", "en": "Received"},
    "admin_common.status.in_review": {"ko": "검토 중", "en": "In review"},
    "admin_common.status.forwarded": {"ko": "부처 전달", "en": "Forwarded"},
    "admin_common.status.answered": {"ko": "답변 완료", "en": "Answered"},
    "admin_common.status.closed": {"ko": "종결", "en": "Closed"},
    "admin_common.status.rejected": {"ko": "반려", "en": "Rejected"},
    "admin_common.visibility.named": {"ko": "실명", "en": "Named"},
    "admin_common.visibility.anonymous": {"ko": "익명", "en": "Anonymous"},
    "admin_common.any": {"ko": "전체", "en": "All"},
    "admin_common.unspecified": {"ko": "미기재", "en": "Not given"},
    "admin_common.menu.inbox": {"ko": "📥 접수함", "en": "📥 Inbox"},
    "admin_common.menu.export": {"ko": "📤 내보내기", "en": "📤 Export"},
    "admin_common.menu.stats": {"ko": "📊 통계", "en": "📊 Statistics"},
    "admin_common.menu.audit": {"ko": "🧾 감사 기록", "en": "🧾 Audit log"},
    "admin_common.not_found": {
        "ko": "해당 제안을 찾을 수 없어요. 목록을 다시 열어 주세요.",
        "en": "That submission no longer exists. Please open the list again.",
    },
    "command.inbox": {"ko": "접수함: 새 제안과 검토 중인 제안", "en": "Inbox: new and in-review"},
    "command.export": {"ko": "제안 내보내기 (엑셀·CSV·JSON)", "en": "Export (Excel, CSV, JSON)"},
    "command.stats": {"ko": "통계와 차트", "en": "Statistics and chart"},
    "command.audit": {"ko": "최근 관리 기록", "en": "Latest audit entries"},
}
