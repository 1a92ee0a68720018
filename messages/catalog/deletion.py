"""Texts of /deletemydata: what is erased, what is kept, and the confirmation."""

TEXTS = {
    "command.deletemydata": {"ko": "내 개인정보 삭제", "en": "Delete my personal data"},
    "deletion.confirm": {
        "ko": (
            "<b>개인정보를 삭제할까요?</b>\n\n"
            "<b>지워지는 것</b>: 이름·사용자명, 언어와 동의 기록, 작성 중인 초안, 회사 정보, "
            "보내신 의견·{-support}과 나의 연결\n"
            "<b>남는 것</b>: 보내신 의견 {count}건은 누구인지 알 수 없는 기록으로 남아 정책 "
            "개선의 근거로 쓰여요. 대신 처리 결과를 더 이상 알려 드릴 수 없어요.\n\n"
            "되돌릴 수 없어요."
        ),
        "en": (
            "<b>Delete your personal data?</b>\n\n"
            "<b>Erased</b>: your name and username, language and consent records, any draft, "
            "your company profile, and every link between you and your submissions and "
            "{-support} you gave\n"
            "<b>Kept</b>: your {count} submission(s) stay as records that cannot be traced to "
            "you, so the evidence still counts. We will no longer be able to tell you their "
            "outcome.\n\n"
            "This cannot be undone."
        ),
    },
    "deletion.button.confirm": {"ko": "🗑 네, 삭제할게요", "en": "🗑 Yes, delete"},
    "deletion.button.keep": {"ko": "아니요", "en": "No, keep it"},
    "deletion.kept_nothing": {
        "ko": "개인정보를 삭제하지 않았어요.",
        "en": "Nothing was deleted.",
    },
    "deletion.done": {
        "ko": (
            "✅ 개인정보를 삭제했어요.\n\n"
            "<b>지운 것</b>: 이름·사용자명, 언어와 동의 기록{draft}, 회사 정보\n"
            "<b>남긴 것</b>: {kept}\n\n"
            "다시 이용하시려면 언제든 /start 를 눌러 주세요."
        ),
        "en": (
            "✅ Your personal data has been deleted.\n\n"
            "<b>Erased</b>: your name and username, language and consent records{draft}, "
            "company profile\n"
            "<b>Kept</b>: {kept}\n\n"
            "Press /start any time to use Sotong again."
        ),
    },
    "deletion.done.draft": {"ko": ", 작성 중인 초안", "en": ", your draft"},
    "deletion.kept.submissions": {
        "ko": (
            "의견 {count}건({codes})은 누구인지 알 수 없는 기록으로 남았어요. 이제 이 기록과 "
            "회원님 사이의 연결은 없어요."
        ),
        "en": (
            "{count} submission(s) ({codes}) remain as records that cannot be traced to you; "
            "nothing links them to you any more."
        ),
    },
    "deletion.kept.supports": {
        "ko": "{-support} {count}건은 숫자로만 남았어요.",
        "en": "{count} {-support}(s) you gave remain only as counts.",
    },
    "deletion.kept.nothing": {
        "ko": "남긴 것은 없어요.",
        "en": "nothing.",
    },
}
