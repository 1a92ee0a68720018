"""Did it help? The follow-up question, its answers and notes, and the /stats line."""

TEXTS = {
    "follow_up.question": {
        "ko": (
            "🙋 <code>{code}</code> 의견이 해결된 지 {days}일이 지났어요.\n"
            "그 뒤로 부담이 어떻게 되었나요? 알려 주시면 정책 효과를 확인하는 데 쓰여요."
        ),
        "en": (
            "🙋 It is {days} days since <code>{code}</code> was resolved.\n"
            "How has the burden changed since? Your answer shows whether the policy worked."
        ),
    },
    "follow_up.result.gone": {"ko": "✅ 없어졌어요", "en": "✅ Gone"},
    "follow_up.result.smaller": {"ko": "↘️ 줄었어요", "en": "↘️ Smaller"},
    "follow_up.result.unchanged": {"ko": "➡️ 그대로예요", "en": "➡️ Unchanged"},
    "follow_up.result.worse": {"ko": "↗️ 더 나빠졌어요", "en": "↗️ Worse"},
    "follow_up.thanks": {
        "ko": (
            "감사합니다! <code>{code}</code> 답을 기록했어요: {result}\n"
            "덧붙일 말이나 지금 드는 비용(예: 월 5시간, 30만원)이 있으면 적어 주세요. "
            "없으면 아래 버튼을 눌러 주세요."
        ),
        "en": (
            "Thank you! <code>{code}</code>: recorded as {result}.\n"
            "Anything to add, or what it costs now (e.g. 5 hours and 300,000 won a month)? "
            "Write it here, or tap the button below."
        ),
    },
    "follow_up.button.done": {"ko": "추가할 말 없어요", "en": "Nothing to add"},
    "follow_up.noted": {
        "ko": "메모를 <code>{code}</code>에 남겼어요.{cost} 감사합니다!",
        "en": "Note added to <code>{code}</code>.{cost} Thank you!",
    },
    "follow_up.noted_cost": {
        "ko": " 새 비용: {cost}.",
        "en": " New cost: {cost}.",
    },
    "follow_up.hours": {"ko": "월 {hours}시간", "en": "{hours} hours a month"},
    "follow_up.won": {"ko": "{won}원", "en": "₩{won}"},
    "follow_up.finished": {"ko": "알려 주셔서 감사합니다!", "en": "Thank you for telling us!"},
    "follow_up.not_yours": {
        "ko": "이 질문에는 더 답할 수 없어요.",
        "en": "This question can no longer be answered.",
    },
    "follow_up.text_only": {
        "ko": "글로 적어 주시거나 '추가할 말 없어요'를 눌러 주세요.",
        "en": "Please write it as text, or tap 'Nothing to add'.",
    },
    "follow_up.stats": {
        "ko": (
            "<b>해결 뒤 효과</b>: 질문 {asked}건 중 {answered}건 응답, 부담이 없어짐 {gone}"
            " · 줄어듦 {smaller} · 그대로 {unchanged} · 나빠짐 {worse}"
        ),
        "en": (
            "<b>Did it help?</b> {answered} of {asked} asked replied: burden gone {gone}"
            " · smaller {smaller} · unchanged {unchanged} · worse {worse}"
        ),
    },
    "follow_up.stats_none": {
        "ko": "<b>해결 뒤 효과</b>: 아직 질문한 의견이 없어요",
        "en": "<b>Did it help?</b> no follow-up asked yet",
    },
    "admin_export.column.follow_up": {"ko": "해결 뒤 효과", "en": "Did it help"},
    "admin_export.column.follow_up_note": {"ko": "효과 메모", "en": "Follow-up note"},
    "admin_export.column.follow_up_hours": {
        "ko": "해결 뒤 월 시간",
        "en": "Hours a month after",
    },
    "admin_export.column.follow_up_won": {"ko": "해결 뒤 비용(원)", "en": "Won after"},
    "follow_up.card": {
        "ko": "🙋 해결 뒤 효과: {result}\n새 비용: {cost}\n메모: {note}",
        "en": "🙋 Did it help? {result}\nNew cost: {cost}\nNote: {note}",
    },
}
