"""Texts of /stats and of its chart."""

TEXTS = {
    "admin_stats.summary": {
        "ko": (
            "<b>📊 통계</b> · 숨김·중복·삭제 제외\n<b>전체 의견</b>: {total}건\n"
            "<b>상태별</b>: {by_status}\n<b>답변까지 걸린 시간</b>: {median}"
        ),
        "en": (
            "<b>📊 Statistics</b> · hidden, merged and deleted left out\n"
            "<b>Submissions</b>: {total}\n<b>By status</b>: {by_status}\n"
            "<b>Time to answer</b>: {median}"
        ),
    },
    "admin_stats.hint": {
        "ko": "아래 버튼으로 자세히 볼 수 있어요.",
        "en": "Tap a button below for details.",
    },
    "admin_stats.status_part": {"ko": "{name} {count}", "en": "{name} {count}"},
    "admin_stats.section": {
        "ko": "<b>📊 {title}</b>\n{lines}",
        "en": "<b>📊 {title}</b>\n{lines}",
    },
    "admin_stats.title.cat": {"ko": "분야별", "en": "By category"},
    "admin_stats.title.reg": {"ko": "지역별", "en": "By region"},
    "admin_stats.title.size": {"ko": "기업 규모별", "en": "By company size"},
    "admin_stats.title.week": {"ko": "주별 접수", "en": "Per week"},
    "admin_stats.title.top": {"ko": "{-support} 많은 의견", "en": "Most supported"},
    "admin_stats.button.chart": {"ko": "📈 차트", "en": "📈 Chart"},
    "admin_stats.button.summary": {"ko": "⬅️ 요약", "en": "⬅️ Summary"},
    "admin_stats.line": {"ko": "• {name}: {count}", "en": "• {name}: {count}"},
    "admin_stats.more": {
        "ko": "• 나머지 {groups}개: 모두 {count}건",
        "en": "• {groups} others: {count} in all",
    },
    "admin_stats.week_line": {"ko": "• {week} 주: {count}", "en": "• week of {week}: {count}"},
    "admin_stats.top_line": {
        "ko": "• <b>{code}</b> · {-support} {supporters} · {category}\n  {snippet}",
        "en": "• <b>{code}</b> · {supporters} supporters · {category}\n  {snippet}",
    },
    "admin_stats.none": {"ko": "—", "en": "—"},
    "admin_stats.median": {
        "ko": "중앙값 {days}일 {hours}시간, 답변 {answered}건 기준",
        "en": "median {days} d {hours} h over {answered} answered",
    },
    "admin_stats.no_answers": {"ko": "아직 답변이 없어요", "en": "no answers yet"},
    "admin_stats.chart.title": {
        "ko": "최근 {weeks}주 분야별 접수 건수",
        "en": "Submissions per category, last {weeks} weeks",
    },
    "admin_stats.chart.others": {
        "ko": "나머지 {groups}개 분야",
        "en": "{groups} other categories",
    },
    "admin_stats.chart.x": {"ko": "주 (월요일 시작)", "en": "Week (starting Monday)"},
    "admin_stats.chart.y": {"ko": "접수 건수", "en": "Submissions"},
    "admin_stats.chart.caption": {
        "ko": "📈 최근 {weeks}주 분야별 접수 건수",
        "en": "📈 Submissions per category over the last {weeks} weeks",
    },
}
