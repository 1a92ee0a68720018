"""Agenda and outcomes: linking submissions to meetings and bills, the agenda view, notices."""

TEXTS = {
    "agenda.button.link": {"ko": "🔗 회의·법안 연결", "en": "🔗 Link to meeting or bill"},
    "agenda.pick": {
        "ko": "<code>{code}</code> 의견을 어느 회의나 법안에 연결할까요?",
        "en": "Link <code>{code}</code> to which meeting or bill?",
    },
    "agenda.pick_none": {
        "ko": "연결할 회의나 법안이 없어요. /addmeeting 또는 /addbill 로 먼저 등록해 주세요.",
        "en": "There is no meeting or bill to link to. Add one with /addmeeting or /addbill.",
    },
    "agenda.choice.meeting": {"ko": "🗓 {title}", "en": "🗓 {title}"},
    "agenda.choice.bill": {"ko": "⚖️ {title}", "en": "⚖️ {title}"},
    "agenda.linked": {
        "ko": "<code>{code}</code> 의견을 「{title}」에 연결했어요. 제출자에게 소식을 알려 드려요.",
        "en": "Linked <code>{code}</code> to “{title}”. Its owner will hear how it goes.",
    },
    "agenda.already": {
        "ko": "<code>{code}</code> 의견은 이미 「{title}」에 연결되어 있어요.",
        "en": "<code>{code}</code> is already linked to “{title}”.",
    },
    "agenda.not_found": {
        "ko": "그 회의나 법안을 찾지 못했어요. /agenda 로 목록을 확인해 주세요.",
        "en": "No such meeting or bill. See the list with /agenda.",
    },
    "agenda.link_usage": {
        "ko": (
            "여러 의견을 한 번에 연결하려면:\n"
            "<code>/link m3 SV-2026-000012 SV-2026-000015</code> (회의 3)\n"
            "<code>/link b2 SV-2026-000012</code> (법안 2)\n"
            "번호는 /agenda 에서 볼 수 있어요."
        ),
        "en": (
            "To link several submissions at once:\n"
            "<code>/link m3 SV-2026-000012 SV-2026-000015</code> (meeting 3)\n"
            "<code>/link b2 SV-2026-000012</code> (bill 2)\n"
            "The numbers are in /agenda."
        ),
    },
    "agenda.bulk_done": {
        "ko": "「{title}」에 {count}건을 연결했어요 (새로 {added}건).{unknown}",
        "en": "Linked {count} submissions to “{title}” ({added} new).{unknown}",
    },
    "agenda.bulk_unknown": {
        "ko": "\n찾지 못한 접수 번호: {codes}",
        "en": "\nNo submission has: {codes}",
    },
    "agenda.list_title": {
        "ko": "<b>🗂 안건</b>: 회의나 법안을 고르면 연결된 의견과 부담 합계를 보여 드려요.",
        "en": "<b>🗂 Agenda</b>: pick a meeting or bill to see its linked submissions and burden.",
    },
    "agenda.view.title": {
        "ko": "<b>🗂 {title}</b> ({ref})\n연결된 의견 {count}건 · 공감 {supporters}명",
        "en": "<b>🗂 {title}</b> ({ref})\n{count} linked submissions · {supporters} supporters",
    },
    "agenda.view.line": {
        "ko": "• <code>{code}</code> {category} · 공감 {supporters} · {cost}\n  {snippet}",
        "en": ("• <code>{code}</code> {category} · {supporters} supporters · {cost}\n  {snippet}"),
    },
    "agenda.view.empty": {
        "ko": "아직 연결된 의견이 없어요.",
        "en": "No submission is linked yet.",
    },
    "agenda.view.hint": {
        "ko": "한 번에 연결: <code>/link {ref} SV-…</code>",
        "en": "Link in bulk: <code>/link {ref} SV-…</code>",
    },
    "agenda.dash": {"ko": "–", "en": "–"},
    "agenda.no_outcome": {"ko": "(결과 요약은 아직 없어요)", "en": "(no summary yet)"},
    "agenda.card": {"ko": "🔗 연결: {items}", "en": "🔗 Linked to: {items}"},
    "agenda.notify.scheduled": {
        "ko": "🗓 보내 주신 <code>{code}</code> 의견이 회의 안건으로 올라갔어요.\n\n{line}",
        "en": "🗓 Your submission <code>{code}</code> is on a meeting's agenda.\n\n{line}",
    },
    "agenda.notify.held": {
        "ko": (
            "✅ <code>{code}</code> 의견을 다룬 회의가 열렸어요.\n\n{line}\n\n"
            "<b>결과</b>\n{outcome}"
        ),
        "en": (
            "✅ The meeting that discussed <code>{code}</code> was held.\n\n{line}\n\n"
            "<b>Outcome</b>\n{outcome}"
        ),
    },
    "agenda.notify.bill": {
        "ko": (
            "⚖️ <code>{code}</code> 의견과 관련된 법안이 진행됐어요.\n"
            "{bill}: <b>{stage}</b> · {date}"
        ),
        "en": (
            "⚖️ The bill addressing <code>{code}</code> moved on.\n{bill}: <b>{stage}</b> · {date}"
        ),
    },
    "command.link": {
        "ko": "의견을 회의·법안에 한꺼번에 연결",
        "en": "Link submissions to a meeting or bill",
    },
    "command.agenda": {
        "ko": "회의·법안별 연결된 의견과 부담 합계",
        "en": "Linked submissions and burden per meeting or bill",
    },
}
