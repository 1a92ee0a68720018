"""The burden league table: /stats lines, the details, the chart, the export sheet."""

TEXTS = {
    "burden.summary": {
        "ko": "<b>보고된 부담</b>: {parts}",
        "en": "<b>Reported burden</b>: {parts}",
    },
    "burden.none": {"ko": "비용을 적은 의견이 없어요", "en": "no cost given"},
    "burden.hours": {
        "ko": "월 {total}시간 합계, 의견당 중앙값 {median}시간",
        "en": "{total} h a month in all, median {median} h per submission",
    },
    "burden.won": {
        "ko": "월 {total}원 합계, 의견당 중앙값 {median}원",
        "en": "₩{total} a month in all, median ₩{median} per submission",
    },
    "burden.once": {
        "ko": "일회성 {total}원 합계, 의견당 중앙값 {median}원",
        "en": "₩{total} one-off in all, median ₩{median} per submission",
    },
    "burden.top_title": {
        "ko": "<b>⚖️ 부담이 큰 법령 상위 {count}</b> (월 비용 순)",
        "en": "<b>⚖️ Heaviest laws, top {count}</b> (by monthly cost)",
    },
    "burden.top_line": {
        "ko": "{rank}. {label} · {count}건, 공감 {supporters}\n    {parts}",
        "en": "{rank}. {label} · {count} submissions, {supporters} supporters\n    {parts}",
    },
    "burden.no_law": {"ko": "(법령 미기재)", "en": "(no law given)"},
    "burden.no_category": {"ko": "(분야 없음)", "en": "(no category)"},
    "burden.button.laws": {"ko": "📋 법령별 전체", "en": "📋 All laws"},
    "burden.button.categories": {"ko": "🗂 분야별", "en": "🗂 By category"},
    "burden.button.chart": {"ko": "📊 부담 차트", "en": "📊 Burden chart"},
    "burden.details_title.law": {
        "ko": "<b>⚖️ 법령·조항별 부담</b> ({count}줄)",
        "en": "<b>⚖️ Burden per law or rule</b> ({count} lines)",
    },
    "burden.details_title.category": {
        "ko": "<b>🗂 분야별 부담</b> ({count}줄)",
        "en": "<b>🗂 Burden per category</b> ({count} lines)",
    },
    "burden.chart.title": {
        "ko": "법령별 보고된 월 비용 (원, 상위 {count})",
        "en": "Reported cost a month per law (won, top {count})",
    },
    "burden.chart.x": {"ko": "월 비용 합계 (원)", "en": "Total cost a month (won)"},
    "burden.chart.caption": {
        "ko": "📊 법령별 보고된 월 비용 합계, 상위 {count}",
        "en": "📊 Reported cost a month per law, top {count}",
    },
    "burden.chart.empty": {
        "ko": "월 비용을 적은 의견이 아직 없어 차트를 그릴 수 없어요.",
        "en": "No submission gives a monthly cost yet, so there is no chart.",
    },
    "burden.chart.value": {"ko": "{amount}원", "en": "₩{amount}"},
    "burden.sheet.name": {"ko": "부담 집계", "en": "Burden"},
    "burden.sheet.total": {"ko": "전체", "en": "Total"},
    "burden.sheet.by_law": {"ko": "법령·조항별", "en": "Per law or rule"},
    "burden.sheet.by_category": {"ko": "분야별", "en": "Per category"},
    "burden.sheet.label": {"ko": "법령·분야", "en": "Law or category"},
    "burden.sheet.submissions": {"ko": "의견 수", "en": "Submissions"},
    "burden.sheet.supporters": {"ko": "공감 수", "en": "Supporters"},
    "burden.sheet.hours_per_month": {"ko": "월 시간 합계", "en": "Hours a month, total"},
    "burden.sheet.hours_per_month_median": {
        "ko": "월 시간 중앙값",
        "en": "Hours a month, median",
    },
    "burden.sheet.won_per_month": {"ko": "월 비용 합계(원)", "en": "Won a month, total"},
    "burden.sheet.won_per_month_median": {
        "ko": "월 비용 중앙값(원)",
        "en": "Won a month, median",
    },
    "burden.sheet.won_one_off": {"ko": "일회성 비용 합계(원)", "en": "One-off won, total"},
    "burden.sheet.won_one_off_median": {
        "ko": "일회성 비용 중앙값(원)",
        "en": "One-off won, median",
    },
    "burden.sheet.hours_one_off": {"ko": "일회성 시간 합계", "en": "One-off hours, total"},
    "burden.button.top": {"ko": "⚖️ 부담 상위 5", "en": "⚖️ Top 5 burdens"},
}
