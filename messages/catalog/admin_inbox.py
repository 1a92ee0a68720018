"""Texts of /inbox: the list, one submission in full, and the review actions."""

TEXTS = {
    "admin_inbox.title": {
        "ko": "<b>📥 접수함</b> — {filter}\n{total}건 · {page}/{pages}쪽",
        "en": "<b>📥 Inbox</b> — {filter}\n{total} submissions · page {page}/{pages}",
    },
    "admin_inbox.title_many": {
        "ko": "<b>📥 접수함</b> — {filter}\n{count}건 이상 · {page}쪽",
        "en": "<b>📥 Inbox</b> — {filter}\nmore than {count} submissions · page {page}",
    },
    "admin_inbox.empty": {
        "ko": "<b>📥 접수함</b> — {filter}\n조건에 맞는 의견이 없어요.",
        "en": "<b>📥 Inbox</b> — {filter}\nNo submission matches.",
    },
    "admin_inbox.filter_line": {
        "ko": "상태: {status} · 분야: {category} · 지역: {region} · {sort}",
        "en": "Status: {status} · Category: {category} · Region: {region} · {sort}",
    },
    "admin_inbox.sort.n": {"ko": "최신 순", "en": "newest first"},
    "admin_inbox.sort.o": {"ko": "오래된 순", "en": "oldest first"},
    "admin_inbox.sort.s": {"ko": "{-support} 많은 순", "en": "most supported"},
    "admin_inbox.sort.c": {"ko": "비용 큰 순", "en": "highest cost"},
    "admin_inbox.button.sort": {"ko": "↕️ 정렬", "en": "↕️ Sort"},
    "admin_inbox.status_open": {
        "ko": "{-status-received}·{-status-in-review}",
        "en": "{-Status-received} and {-status-in-review}",
    },
    "admin_inbox.item": {
        "ko": (
            "{number}. <b>{code}</b> · {status}{deadline}\n    {date} · {-support} "
            "{supporters} · {category}"
        ),
        "en": (
            "{number}. <b>{code}</b> · {status}{deadline}\n    {date} · {supporters} "
            "supporters · {category}"
        ),
    },
    "admin_inbox.button.open": {
        "ko": "{number}. {topic} · {words}",
        "en": "{number}. {topic} · {words}",
    },
    "admin_inbox.button.filter_status": {"ko": "🔎 상태", "en": "🔎 Status"},
    "admin_inbox.button.filter_category": {"ko": "🔎 분야", "en": "🔎 Category"},
    "admin_inbox.button.filter_region": {"ko": "🔎 지역", "en": "🔎 Region"},
    "admin_inbox.button.reset": {"ko": "↺ 필터 초기화", "en": "↺ Clear filters"},
    "admin_inbox.choose_sort": {
        "ko": "<b>📥 접수함</b>\n어떤 순서로 볼까요?",
        "en": "<b>📥 Inbox</b>\nIn which order?",
    },
    "admin_inbox.choose_filter": {
        "ko": "<b>📥 접수함</b>\n무엇으로 거를까요?",
        "en": "<b>📥 Inbox</b>\nFilter by which value?",
    },
    "admin_inbox.detail.head": {
        "ko": (
            "<b>{code}</b> · {status}\n"
            "접수: {created} · {-support} {supporters}명\n"
            "분야: {category}\n지역: {region} · 규모: {size} · 업종: {industry}\n"
            "제출자: {submitter}\n"
            "{-impact}: {impact} · {-cost}: {cost}"
        ),
        "en": (
            "<b>{code}</b> · {status}\n"
            "Submitted: {created} · {supporters} supporters\n"
            "Category: {category}\nRegion: {region} · Size: {size} · Industry: {industry}\n"
            "Submitter: {submitter}\n"
            "{-Impact}: {impact} · {-Cost}: {cost}"
        ),
    },
    "admin_inbox.detail.anonymous": {
        "ko": "익명 (신원 비공개)",
        "en": "Anonymous (identity withheld)",
    },
    "admin_inbox.detail.named": {"ko": "{name} {handle}", "en": "{name} {handle}"},
    "admin_inbox.detail.problem": {
        "ko": "<b>애로 내용</b>\n{text}",
        "en": "<b>Problem</b>\n{text}",
    },
    "admin_inbox.detail.law": {
        "ko": "<b>관련 법령·규정</b>\n{text}",
        "en": "<b>Law or rule</b>\n{text}",
    },
    "admin_inbox.detail.law_unsure": {"ko": "잘 모름", "en": "Not sure"},
    "admin_inbox.detail.proposal": {
        "ko": "<b>개선 제안</b>\n{text}",
        "en": "<b>Proposal</b>\n{text}",
    },
    "admin_inbox.detail.forwarded": {
        "ko": "<b>전달 부처</b>: {ministry}",
        "en": "<b>Forwarded to</b>: {ministry}",
    },
    "admin_inbox.detail.answer": {
        "ko": "<b>공식 답변</b> · {date}\n{text}",
        "en": "<b>Official answer</b> ({date})\n{text}",
    },
    "admin_inbox.detail.merged": {
        "ko": "🔗 다른 의견의 중복으로 합쳐졌어요.",
        "en": "🔗 Merged into another submission as a duplicate.",
    },
    "admin_inbox.detail.evidence": {
        "ko": "📎 증빙 {count}건을 아래에 보내 드려요.",
        "en": "📎 {count} pieces of evidence follow.",
    },
    "admin_inbox.detail.history": {
        "ko": "<b>처리 이력</b>\n{lines}",
        "en": "<b>History</b>\n{lines}",
    },
    "admin_inbox.detail.history_line": {
        "ko": "• {date} — {status}{note}",
        "en": "• {date} — {status}{note}",
    },
    "admin_inbox.button.in_review": {"ko": "🔎 검토 시작", "en": "🔎 Start review"},
    "admin_inbox.button.forward": {"ko": "📨 부처 전달", "en": "📨 Forward"},
    "admin_inbox.button.answer": {"ko": "✍️ 답변 작성", "en": "✍️ Write answer"},
    "admin_inbox.button.close": {"ko": "🗂 종결", "en": "🗂 Close"},
    "admin_inbox.button.reject": {"ko": "⛔ 반려", "en": "⛔ Reject"},
    "admin_inbox.button.duplicate": {"ko": "🔗 중복 표시", "en": "🔗 Mark duplicate"},
    "admin_inbox.button.back": {"ko": "⬅️ 목록", "en": "⬅️ List"},
    "admin_inbox.button.reopen": {"ko": "🔄 다시 검토", "en": "🔄 Reopen for review"},
    "admin_inbox.button.answer_again": {"ko": "✍️ 답변 다시 보내기", "en": "✍️ Answer again"},
    "admin_inbox.button.send": {"ko": "📤 보내기", "en": "📤 Send"},
    "admin_inbox.button.edit": {"ko": "✏️ 고치기", "en": "✏️ Edit"},
    "admin_inbox.button.cancel": {"ko": "✖️ 취소", "en": "✖️ Cancel"},
    "admin_inbox.preview": {
        "ko": "<b>미리 보기</b> — <b>{code}</b> 제출자에게 아래처럼 보내요. 보낼까요?",
        "en": "<b>Preview</b> — the submitter of <b>{code}</b> will get this. Send it?",
    },
    "admin_inbox.ask.answer_again": {
        "ko": "고친 답변을 입력해 주세요. 위 미리 보기에서 복사해 고쳐도 돼요.\n/cancel 로 취소",
        "en": "Type the corrected answer; you can copy it from the preview above.\n/cancel to stop",
    },
    "admin_inbox.answer_kept": {
        "ko": "{error}\n답변은 그대로 있어요. 다시 보내거나 고치거나 취소해 주세요.",
        "en": "{error}\nYour answer is kept: send it again, edit it or cancel.",
    },
    "admin_inbox.ask.forward": {
        "ko": (
            "<b>{code:</b>를} 전달할 부처 이름을 입력해 주세요. (예: 중소벤처기업부)\n"
            "/cancel 로 취소"
        ),
        "en": (
            "Type the name of the ministry <b>{code}</b> goes to (e.g. Ministry of SMEs "
            "and Startups).\n/cancel to stop"
        ),
    },
    "admin_inbox.ask.answer": {
        "ko": (
            "<b>{code}</b>에 대한 공식 답변을 입력해 주세요. 제출자에게 그대로 전달돼요.\n"
            "/cancel 로 취소"
        ),
        "en": (
            "Type the official answer to <b>{code}</b>. The submitter receives it exactly "
            "as written.\n/cancel to stop"
        ),
    },
    "admin_inbox.ask.reject": {
        "ko": "<b>{code}</b>의 반려 사유를 입력해 주세요. 제출자에게 전달돼요.\n/cancel 로 취소",
        "en": (
            "Type the reason for rejecting <b>{code}</b>. The submitter will read "
            "it.\n/cancel to stop"
        ),
    },
    "admin_inbox.ask.duplicate": {
        "ko": (
            "<b>{code:</b>이} 중복하는 원래 의견의 {-receipt-code}를 입력해 주세요. "
            "(예: SV-2026-000012)\n"
            "/cancel 로 취소"
        ),
        "en": (
            "Type the {-receipt-code} of the original that <b>{code}</b> repeats (e.g. "
            "SV-2026-000012).\n/cancel to stop"
        ),
    },
    "admin_inbox.ask.text_only": {
        "ko": "글로 입력해 주세요. 취소하려면 /cancel",
        "en": "Please type it as text, or /cancel.",
    },
    "admin_inbox.cancelled": {
        "ko": "취소했어요. 아무것도 바뀌지 않았어요.",
        "en": "Cancelled. Nothing was changed.",
    },
    "admin_inbox.nothing_pending": {
        "ko": "입력을 기다리는 작업이 없어요. /inbox 로 다시 시작해 주세요.",
        "en": "Nothing is waiting for your text. Start again with /inbox.",
    },
    "admin_inbox.moved": {
        "ko": "✅ <b>{code}</b> → {status}. 제출자에게 보낼 알림을 발송 대기열에 넣었어요.",
        "en": "✅ <b>{code}</b> → {status}. The submitter's notice is queued to go out now.",
    },
    "admin_inbox.moved_later": {
        "ko": (
            "✅ <b>{code}</b> → {status}. 지금은 방해 금지 시간이라 제출자 알림은 {at}에 보내요."
        ),
        "en": (
            "✅ <b>{code}</b> → {status}. It is quiet hours, so the submitter's notice is "
            "queued for {at}."
        ),
    },
    "admin_inbox.moved_unreachable": {
        "ko": "✅ <b>{code}</b> → {status}. 제출자에게는 연락할 수 없어요 (탈퇴 또는 차단).",
        "en": "✅ <b>{code}</b> → {status}. The submitter cannot be reached (left or blocked).",
    },
    "admin_inbox.moved_anonymous": {
        "ko": (
            "✅ <b>{code}</b> → {status}. 익명 의견이라 제출자에게 연락이 닿는지는 알려 드리지 "
            "않아요. 닿는다면 알림이 바로 가요."
        ),
        "en": (
            "✅ <b>{code}</b> → {status}. The submission is anonymous, so whether its submitter "
            "can be reached is not shown. If they can, the notice goes now."
        ),
    },
    "admin_inbox.moved_anonymous_later": {
        "ko": (
            "✅ <b>{code}</b> → {status}. 익명 의견이라 제출자에게 연락이 닿는지는 알려 드리지 "
            "않아요. 닿는다면 방해 금지 시간이 끝난 {at}에 알림이 가요."
        ),
        "en": (
            "✅ <b>{code}</b> → {status}. The submission is anonymous, so whether its submitter "
            "can be reached is not shown. If they can, the notice goes at {at}, after quiet hours."
        ),
    },
    "admin_inbox.merged_anonymous": {
        "ko": (
            "🔗 <b>{duplicate:</b>을} <b>{original}</b>에 합쳤어요. "
            "{-support} {added}명이 더해져 {total}명이에요. 익명 의견이 있어 제출자에게 "
            "연락이 닿는지는 알려 드리지 않아요. 닿는 제출자에게는 알림이 가요."
        ),
        "en": (
            "🔗 <b>{duplicate}</b> was merged into <b>{original}</b>: {added} supporters "
            "added, {total} in all. One of them is anonymous, so whether the submitters can be "
            "reached is not shown. Those who can be are told."
        ),
    },
    "admin_inbox.merged": {
        "ko": (
            "🔗 <b>{duplicate:</b>을} <b>{original}</b>에 합쳤어요. "
            "{-support} {added}명이 더해져 {total}명이에요. "
            "제출자 알림 {notices}건을 발송 대기열에 넣었어요."
        ),
        "en": (
            "🔗 <b>{duplicate}</b> was merged into <b>{original}</b>: {added} supporters "
            "added, {total} in all. {notices} notices to the submitters are queued."
        ),
    },
    "admin_inbox.error.not_allowed": {
        "ko": "지금 상태({status})에서는 그렇게 바꿀 수 없어요.",
        "en": "That change is not possible from the current status ({status}).",
    },
    "admin_inbox.error.meanwhile": {
        "ko": (
            "다른 관리자가 방금 이 의견을 먼저 처리했어요 (지금 상태: {status}). 아무것도 "
            "바꾸지 않았어요. /inbox 에서 다시 열어 확인해 주세요."
        ),
        "en": (
            "Another administrator changed this submission a moment ago (now: {status}). "
            "Nothing was changed; open it again from /inbox."
        ),
    },
    "admin_inbox.error.merged_meanwhile": {
        "ko": (
            "다른 관리자가 방금 이 의견을 다른 의견에 합쳤어요 (지금 상태: {status}). 아무것도 "
            "바꾸지 않았어요."
        ),
        "en": (
            "Another administrator merged this submission into another a moment ago "
            "(now: {status}). Nothing was changed."
        ),
    },
    "admin_inbox.error.empty": {
        "ko": "빈 내용은 저장할 수 없어요. 다시 입력하거나 /cancel",
        "en": "An empty text cannot be saved. Type it again, or /cancel.",
    },
    "admin_inbox.error.too_long": {
        "ko": "{limit}자 이하로 줄여 다시 입력해 주세요.",
        "en": "Please shorten it to {limit} characters and send it again.",
    },
    "admin_inbox.error.no_code": {
        "ko": "{-receipt-code} {text}에 해당하는 의견이 없어요. 다시 입력하거나 /cancel",
        "en": "No submission has the {-receipt-code} {text}. Type it again, or /cancel.",
    },
    "admin_inbox.error.same": {
        "ko": "자기 자신의 중복으로 표시할 수는 없어요. 다른 {-receipt-code}를 입력하거나 /cancel",
        "en": "A submission cannot duplicate itself. Type another code, or /cancel.",
    },
    "admin_inbox.error.already_merged": {
        "ko": "둘 중 하나가 이미 다른 의견에 합쳐져 있어요.",
        "en": "One of the two is already merged into another submission.",
    },
    "admin_inbox.notify.merged_duplicate": {
        "ko": (
            "🔗 보내 주신 의견 <b>{duplicate:</b>은} 같은 내용의 의견 <b>{original:</b>과} 합쳐 "
            "함께 처리해요. 원래 의견에 {-support}한 사람으로 집계되고, 진행 소식도 그쪽으로 "
            "알려 드려요."
        ),
        "en": (
            "🔗 Your submission <b>{duplicate}</b> raises the same issue as <b>{original}</b>, "
            "so the two are handled together. You now count as a supporter of it."
        ),
    },
    "admin_inbox.notify.merged_original": {
        "ko": (
            "👥 보내 주신 의견 <b>{original:</b>과} 같은 내용의 의견이 합쳐져 "
            "{-support}이 {added}명 늘었어요. 지금 {-support} {total}명이에요."
        ),
        "en": (
            "👥 A submission raising the same issue was merged into yours, <b>{original}</b>: "
            "{added} more supporters, {total} in all."
        ),
    },
}
