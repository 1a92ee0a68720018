"""Words every admin screen shares: status and visibility names, the admin menu buttons."""

TEXTS = {
    "admin_common.status.received": {"ko": "{-status-received}", "en": "{-Status-received}"},
    "admin_common.status.in_review": {"ko": "{-status-in-review}", "en": "{-Status-in-review}"},
    "admin_common.status.forwarded": {"ko": "{-status-forwarded}", "en": "{-Status-forwarded}"},
    "admin_common.status.answered": {"ko": "{-status-answered}", "en": "{-Status-answered}"},
    "admin_common.status.closed": {"ko": "{-status-closed}", "en": "{-Status-closed}"},
    "admin_common.status.rejected": {"ko": "{-status-rejected}", "en": "{-Status-rejected}"},
    "admin_common.visibility.named": {"ko": "실명", "en": "Named"},
    "admin_common.visibility.anonymous": {"ko": "익명", "en": "Anonymous"},
    "admin_common.any": {"ko": "전체", "en": "All"},
    "admin_common.unspecified": {"ko": "미기재", "en": "Not given"},
    "admin_common.menu.inbox": {"ko": "📥 접수함", "en": "📥 Inbox"},
    "admin_common.menu.export": {"ko": "📤 내보내기", "en": "📤 Export"},
    "admin_common.menu.stats": {"ko": "📊 통계", "en": "📊 Statistics"},
    "admin_common.menu.audit": {"ko": "🧾 감사 기록", "en": "🧾 Audit log"},
    "admin_common.not_found": {
        "ko": "해당 의견을 찾을 수 없어요. 목록을 다시 열어 주세요.",
        "en": "That submission no longer exists. Please open the list again.",
    },
    "command.inbox": {
        "ko": "접수함: {-status-received}·{-status-in-review}인 의견",
        "en": "Inbox: {-status-received} and {-status-in-review}",
    },
    "command.export": {"ko": "의견 내보내기: 엑셀·CSV·JSON", "en": "Export (Excel, CSV, JSON)"},
    "command.stats": {"ko": "통계와 차트", "en": "Statistics and chart"},
    "command.audit": {"ko": "최근 관리 기록", "en": "Latest audit entries"},
}
