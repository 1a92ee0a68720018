"""The privacy notice (PIPA) and consent texts; bump NOTICE_VERSION whenever the notice changes."""

NOTICE_VERSION = "2026-11-22"

TEXTS = {
    "privacy.notice": {
        "ko": (
            "<b>개인정보 수집·이용 안내</b>\n\n"
            "<b>목적</b>: 규제·정책 애로 의견의 접수와 처리, 처리 결과와 답변 안내, "
            "신청하신 정책 소식 알림\n"
            "<b>수집 항목</b>: 텔레그램 이용자 번호와 이름·사용자명, 제출하신 의견과 첨부 자료, "
            "회사 정보(지역·규모·업종, 선택), 구독 설정\n"
            "<b>보유 기간</b>: 의견 처리가 끝난 뒤 {years}년, 또는 삭제를 요청하실 때까지. "
            "삭제 후에도 제출된 의견은 누구인지 알 수 없는 기록으로만 남습니다.\n"
            "<b>익명 제출</b>: 익명을 고르시면 관리자와 모든 내보내기 파일에 신원이 나타나지 "
            "않습니다.\n"
            "<b>동의를 거부할 권리</b>: 동의하지 않으셔도 됩니다. 이 경우 회의·법안 등 공개 "
            "정보는 볼 수 있지만 의견 제출과 알림 구독은 할 수 없습니다. 봇이 답할 수 있도록 "
            "이용자 번호와 언어 설정만 보관합니다.\n"
            "<b>이용자의 권리</b>: 언제든 열람·정정·처리정지·삭제를 요구하실 수 있습니다 "
            "(/privacy).\n"
            "<b>개인정보 처리자</b>: {controller}"
        ),
        "en": (
            "<b>How we use your personal information</b>\n\n"
            "<b>Purpose</b>: receiving and handling your regulatory and policy concerns, telling "
            "you the outcome and the official answer, and sending the policy news you ask for\n"
            "<b>What we collect</b>: your Telegram user number, name and username, the feedback "
            "and files you submit, your company profile (region, size, industry; optional), and "
            "your subscription settings\n"
            "<b>How long we keep it</b>: {years} years after your feedback is closed, or until "
            "you ask us to delete it. After deletion your feedback remains only as a record that "
            "cannot be traced to you.\n"
            "<b>Anonymous feedback</b>: if you choose to stay anonymous, neither administrators "
            "nor any export will show who you are.\n"
            "<b>Your right to refuse</b>: you do not have to agree. If you do not, you can still "
            "read public information such as meetings and bills, but you cannot submit feedback "
            "or subscribe to updates. We keep only your user number and language so the bot can "
            "answer you.\n"
            "<b>Your rights</b>: you may ask at any time to see, correct, stop the processing of, "
            "or delete your data (/privacy).\n"
            "<b>Controller</b>: {controller}"
        ),
    },
    "privacy.button.agree": {"ko": "✅ 동의", "en": "✅ I agree"},
    "privacy.button.decline": {"ko": "동의하지 않음", "en": "I do not agree"},
    "privacy.button.withdraw": {"ko": "동의 철회", "en": "Withdraw consent"},
    "privacy.button.withdraw_confirm": {"ko": "네, 철회합니다", "en": "Yes, withdraw"},
    "privacy.button.keep": {"ko": "아니요, 유지합니다", "en": "No, keep it"},
    "privacy.state.granted": {
        "ko": "현재 상태: <b>동의함</b> ({date}, 안내문 {version})",
        "en": "Current status: <b>agreed</b> ({date}, notice {version})",
    },
    "privacy.state.declined": {
        "ko": "현재 상태: <b>동의하지 않음</b>",
        "en": "Current status: <b>not agreed</b>",
    },
    "privacy.state.unanswered": {
        "ko": "현재 상태: <b>아직 답하지 않음</b>",
        "en": "Current status: <b>not answered yet</b>",
    },
    "privacy.state.outdated": {
        "ko": (
            "현재 상태: 이전 안내문({version})에 동의하셨어요. 바뀐 안내문을 읽고 다시 답해 주세요."
        ),
        "en": (
            "Current status: you agreed to an earlier notice ({version}). Please read the "
            "updated notice and answer again."
        ),
    },
    "privacy.agreed": {
        "ko": "동의해 주셔서 감사합니다. 이제 의견을 제출하고 소식을 구독하실 수 있어요.",
        "en": "Thank you. You can now submit feedback and subscribe to updates.",
    },
    "privacy.declined": {
        "ko": (
            "동의하지 않으셨어요. 회의·법안 같은 공개 정보는 계속 보실 수 있어요. "
            "의견을 내고 싶어지시면 언제든 /privacy 에서 동의하실 수 있습니다."
        ),
        "en": (
            "You did not agree. You can still read public information such as meetings and "
            "bills. If you want to submit feedback later, you can agree any time in /privacy."
        ),
    },
    "privacy.withdraw_confirm": {
        "ko": (
            "동의를 철회하시겠어요? 이름과 사용자명은 바로 지워지고, 새 의견 제출과 구독은 "
            "할 수 없게 됩니다. 이미 제출한 의견은 처리 결과 안내를 위해 남습니다."
        ),
        "en": (
            "Withdraw your consent? Your name and username are erased at once, and you will no "
            "longer be able to submit feedback or subscribe. Feedback you already submitted stays "
            "so that we can tell you its outcome."
        ),
    },
    "privacy.withdrawn": {
        "ko": "동의를 철회했습니다. 이름과 사용자명을 지웠어요.",
        "en": "Consent withdrawn. Your name and username have been erased.",
    },
    "privacy.kept": {
        "ko": "동의를 유지합니다.",
        "en": "Your consent stays as it was.",
    },
}
