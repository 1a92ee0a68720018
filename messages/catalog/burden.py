"""The burden league table: /stats lines, the details, the chart, the export sheet."""

TEXTS = {
    "burden.summary": {
        "ko": "<b>보고된 부담</b> 합계 (중앙값): {parts}",
        "en": "<b>Reported burden</b> total (median): {parts}",
    },
    "burden.none": {"ko": "비용을 적은 의견이 없어요", "en": "no cost given"},
    "burden.hours": {"ko": "월 {total}시간 ({median})", "en": "{total} h a month ({median})"},
    "burden.won": {"ko": "월 {total}원 ({median})", "en": "₩{total} a month ({median})"},
    "burden.once": {"ko": "일회성 {total}원 ({median})", "en": "₩{total} one-off ({median})"},
}
