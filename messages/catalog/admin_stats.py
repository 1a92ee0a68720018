"""Texts of /stats and of its chart."""

TEXTS = {
    "admin_stats.text": {
        "ko": (
            "<b>📊 통계</b> (숨김·중복·삭제 제외)\n전체 {total}건\n\n"
            "<b>상태별</b>\n{by_status}\n\n<b>분야별</b>\n{by_category}\n\n"
            "<b>지역별</b>\n{by_region}\n\n<b>기업 규모별</b>\n{by_size}\n\n"
            "<b>주별 접수</b>\n{by_week}\n\n<b>공감이 많은 진행 중 제안</b>\n{top}\n\n"
            "<b>답변까지 걸린 시간 (중앙값)</b>: {median}"
        ),
        "en": (
            "<b>📊 Statistics</b> (hidden, merged and deleted left out)\n{total} submissions\n\n"
            "<b>By status</b>\n{by_status}\n\n<b>By category</b>\n{by_category}\n\n"
            "<b>By region</b>\n{by_region}\n\n<b>By company size</b>\n{by_size}\n\n"
            "<b>Per week</b>\n{by_week}\n\n<b>Most supported open submissions</b>\n{top}\n\n"
            "<b>Median time to answer</b>: {median}"
        ),
    },
    "admin_stats.line": {"ko": "• {name}: {count}", "en": "• {name}: {count}"},
    "admin_stats.more": {"ko": "• 그 외 {count}건", "en": "• {count} more"},
    "admin_stats.week_line": {"ko": "• {week} 주: {count}", "en": "• week of {week}: {count}"},
    "admin_stats.top_line": {
        "ko": "• <b>{code}</b> · 공감 {supporters} · {category}\n  {snippet}",
        "en": "• <b>{code}</b> · {supporters} supporters · {category}\n  {snippet}",
    },
    "admin_stats.none": {"ko": "—", "en": "—"},
    "admin_stats.median": {
        "ko": "{days}일 {hours}시간 (답변 {answered}건 기준)",
        "en": "{days} days {hours} hours (over {answered} answers)",
    },
    "admin_stats.no_answers": {"ko": "아직 답변이 없어요", "en": "no answers yet"},
    "admin_stats.chart.title": {
        "ko": "최근 {weeks}주 분야별 접수 건수",
        "en": "Submissions per category, last {weeks} weeks",
    },
    "admin_stats.chart.x": {"ko": "주 (월요일 시작)", "en": "Week (starting Monday)"},
    "admin_stats.chart.y": {"ko": "접수 건수", "en": "Submissions"},
    "admin_stats.chart.caption": {
        "ko": "📈 최근 {weeks}주 분야별 접수 건수",
        "en": "📈 Submissions per category over the last {weeks} weeks",
    },
}
