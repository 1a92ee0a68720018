"""Texts of /export and of the exported files themselves (headers, sheet names, counts)."""

TEXTS = {
    "admin_export.column.receipt_code": {"ko": "{-receipt-code}", "en": "{-Receipt-code}"},
    "admin_export.column.created_at": {"ko": "접수일시", "en": "Submitted at"},
    "admin_export.column.updated_at": {"ko": "최종 변경", "en": "Last change"},
    "admin_export.column.status": {"ko": "상태", "en": "Status"},
    "admin_export.column.category": {"ko": "분야", "en": "Category"},
    "admin_export.column.problem": {"ko": "애로 내용", "en": "Problem"},
    "admin_export.column.law_or_rule": {"ko": "관련 법령·규정", "en": "Law or rule"},
    "admin_export.column.proposal": {"ko": "개선 제안", "en": "Proposal"},
    "admin_export.column.impact": {"ko": "{-impact}(1-5)", "en": "{-Impact} (1-5)"},
    "admin_export.column.cost_hours_low": {"ko": "소요 시간(최소)", "en": "Hours (low)"},
    "admin_export.column.cost_hours_high": {"ko": "소요 시간(최대)", "en": "Hours (high)"},
    "admin_export.column.cost_hours_period": {"ko": "시간 주기", "en": "Hours per"},
    "admin_export.column.cost_won_low": {"ko": "{-cost}(원, 최소)", "en": "{-Cost} (KRW, low)"},
    "admin_export.column.cost_won_high": {"ko": "{-cost}(원, 최대)", "en": "{-Cost} (KRW, high)"},
    "admin_export.column.cost_won_period": {"ko": "{-cost} 주기", "en": "{-Cost} per"},
    "admin_export.column.region": {"ko": "지역", "en": "Region"},
    "admin_export.column.company_size": {"ko": "기업 규모", "en": "Company size"},
    "admin_export.column.industry": {"ko": "업종", "en": "Industry"},
    "admin_export.column.supporters": {"ko": "{-support} 수", "en": "Supporters"},
    "admin_export.column.visibility": {"ko": "공개 방식", "en": "Visibility"},
    "admin_export.column.forwarded_to": {"ko": "전달 부처", "en": "Forwarded to"},
    "admin_export.column.due_on": {"ko": "답변 기한", "en": "Answer due by"},
    "admin_export.column.expected_on": {"ko": "늦춘 예정일", "en": "Postponed to"},
    "admin_export.column.answered_at": {"ko": "답변일시", "en": "Answered at"},
    "admin_export.column.answered_on_time": {"ko": "기한 안에 답변", "en": "Answered on time"},
    "admin_export.on_time.on_time": {"ko": "기한 안", "en": "on time"},
    "admin_export.on_time.late": {"ko": "기한 넘김", "en": "late"},
    "admin_export.column.answer_text": {"ko": "공식 답변", "en": "Official answer"},
    "admin_export.column.submitter_name": {"ko": "제출자 이름", "en": "Submitter name"},
    "admin_export.column.submitter_username": {
        "ko": "제출자 텔레그램 ID",
        "en": "Submitter Telegram handle",
    },
    "admin_export.sheet.submissions": {"ko": "의견", "en": "Submissions"},
    "admin_export.sheet.counts": {"ko": "집계", "en": "Counts"},
    "admin_export.counts.by_status": {"ko": "상태별", "en": "By status"},
    "admin_export.counts.by_category": {"ko": "분야별", "en": "By category"},
    "admin_export.counts.by_region": {"ko": "지역별", "en": "By region"},
    "admin_export.counts.count": {"ko": "건수", "en": "Count"},
    "admin_export.counts.total": {"ko": "전체", "en": "Total"},
    "admin_export.counts.unspecified": {"ko": "미기재", "en": "Not given"},
    "admin_export.ask_format": {
        "ko": "<b>📤 내보내기</b>\n파일 형식을 골라 주세요.",
        "en": "<b>📤 Export</b>\nPick a file format.",
    },
    "admin_export.format.xlsx": {"ko": "엑셀 (.xlsx)", "en": "Excel (.xlsx)"},
    "admin_export.format.csv": {"ko": "CSV", "en": "CSV"},
    "admin_export.format.json": {"ko": "JSON", "en": "JSON"},
    "admin_export.ask_period": {
        "ko": "<b>📤 내보내기</b>\n{summary}\n\n기간을 골라 주세요.",
        "en": "<b>📤 Export</b>\n{summary}\n\nPick a period.",
    },
    "admin_export.period.all": {"ko": "전체 기간", "en": "All time"},
    "admin_export.period.7d": {"ko": "최근 7일", "en": "Last 7 days"},
    "admin_export.period.30d": {"ko": "최근 30일", "en": "Last 30 days"},
    "admin_export.period.this_month": {"ko": "이번 달", "en": "This month"},
    "admin_export.period.last_month": {"ko": "지난달", "en": "Last month"},
    "admin_export.ask_category": {
        "ko": "<b>📤 내보내기</b>\n{summary}\n\n분야를 골라 주세요.",
        "en": "<b>📤 Export</b>\n{summary}\n\nPick a category.",
    },
    "admin_export.ask_region": {
        "ko": "<b>📤 내보내기</b>\n{summary}\n\n지역을 골라 주세요.",
        "en": "<b>📤 Export</b>\n{summary}\n\nPick a region.",
    },
    "admin_export.ask_status": {
        "ko": "<b>📤 내보내기</b>\n{summary}\n\n상태를 골라 주세요.",
        "en": "<b>📤 Export</b>\n{summary}\n\nPick a status.",
    },
    "admin_export.ask_contacts": {
        "ko": (
            "<b>📤 내보내기</b>\n{summary}\n\n"
            "실명 의견의 제출자 이름과 텔레그램 ID를 포함할까요?\n"
            "익명 의견의 제출자는 어떤 경우에도 포함되지 않으며, 포함 여부는 감사 기록에 남아요."
        ),
        "en": (
            "<b>📤 Export</b>\n{summary}\n\n"
            "Include the name and Telegram handle of named submitters?\n"
            "Anonymous submitters are never included; your choice is written to the audit log."
        ),
    },
    "admin_export.ask_hidden": {
        "ko": (
            "<b>📤 내보내기</b>\n{summary}\n\n"
            "숨김 처리되었거나 다른 의견에 병합되었거나 제출자가 삭제를 요청한 기록도 "
            "포함할까요?"
        ),
        "en": (
            "<b>📤 Export</b>\n{summary}\n\n"
            "Also include records that were hidden, merged into another submission, or whose "
            "submitter asked for deletion?"
        ),
    },
    "admin_export.hidden.no": {"ko": "현재 기록만", "en": "Current records only"},
    "admin_export.hidden.yes": {
        "ko": "숨김·병합·삭제 기록 포함",
        "en": "Include hidden, merged and deleted",
    },
    "admin_export.contacts.no": {"ko": "연락처 제외", "en": "Without contacts"},
    "admin_export.contacts.yes": {"ko": "연락처 포함 (기록됨)", "en": "With contacts (logged)"},
    "admin_export.summary": {
        "ko": (
            "형식: {format} · 기간: {period}\n분야: {category} · 지역: {region}\n"
            "상태: {status} · 연락처: {contacts} · 숨김·병합·삭제 포함: {hidden}"
        ),
        "en": (
            "Format: {format} · Period: {period}\nCategory: {category} · Region: {region}\n"
            "Status: {status} · Contacts: {contacts} · Hidden, merged, deleted: {hidden}"
        ),
    },
    "admin_export.pending": {"ko": "—", "en": "—"},
    "admin_export.yes": {"ko": "포함", "en": "included"},
    "admin_export.no": {"ko": "제외", "en": "excluded"},
    "admin_export.working": {
        "ko": "<b>📤 내보내는 중…</b>\n{summary}",
        "en": "<b>📤 Exporting…</b>\n{summary}",
    },
    "admin_export.done": {
        "ko": "✅ {count}건을 내보냈어요.\n{summary}",
        "en": "✅ Exported {count} submissions.\n{summary}",
    },
    "admin_export.zipped": {
        "ko": "파일이 텔레그램 전송 한도({limit}MB)를 넘어 ZIP으로 압축했어요.",
        "en": "The file was over Telegram's {limit} MB upload limit, so it was zipped.",
    },
    "admin_export.split": {
        "ko": (
            "압축해도 전송 한도({limit}MB)를 넘어 {parts}개 조각으로 나눴어요. 모두 받은 뒤 "
            "7-Zip으로 첫 조각(.001)을 열거나 <code>cat 파일.zip.* &gt; 파일.zip</code> 명령으로 "
            "합쳐 주세요."
        ),
        "en": (
            "Even zipped, the file was over the {limit} MB upload limit, so it was split into "
            "{parts} parts. Download them all, then open the first part (.001) with 7-Zip or "
            "join them with <code>cat file.zip.* &gt; file.zip</code>."
        ),
    },
    "admin_export.failed": {
        "ko": "내보내기에 실패했어요: {reason}",
        "en": "The export failed: {reason}",
    },
    "admin_export.caption": {
        "ko": "{name} ({part}/{parts})",
        "en": "{name} ({part}/{parts})",
    },
}
