"""The privacy notice (PIPA) and consent texts; bump NOTICE_VERSION whenever the notice changes."""

NOTICE_VERSION = "2026-12-06"

TEXTS = {
    "privacy.notice": {
        "ko": (
            "<b>개인정보 수집·이용 및 제3자 제공 안내</b>\n\n"
            "<b>1. 이용 목적</b>\n"
            "· 규제·정책 애로 의견의 접수, 검토, 답변과 처리 결과 안내\n"
            "· 의견을 소관 부처에 전달(아래 4)\n"
            "· 실명 의견의 경우 담당자가 사실 확인을 위해 텔레그램으로 연락\n"
            "· 답변(또는 관련 법안 공포) {follow_up_days}일 뒤 부담이 줄었는지 묻는 후속 설문\n"
            "· 의견과 관련된 회의·법안 소식과 신청하신 소식 알림\n"
            "· 통계와 내보내기 파일(익명 의견은 신원 없이)\n\n"
            "<b>2. 수집 항목</b>\n"
            "· 텔레그램 이용자 번호, 이름·사용자명, 언어 설정, 동의 기록(안내문 판, 일시), "
            "처음·마지막 이용 시각\n"
            "· 제출하신 의견(내용, 관련 법령, 제안, 비용), 첨부 자료, 회사 정보(지역·규모·업종, "
            "선택), 작성 중인 초안\n"
            "· 공감한 의견, 구독 설정, 관심 법안, 회의 알림, 후속 설문 답변과 메모\n\n"
            "<b>3. 보유 기간</b>\n"
            "· 의견을 쓰거나 공감한 사람의 정보(이용자 번호, 이름·사용자명, 첨부 자료, 설문 "
            "메모)는 의견이 답변·종결·반려된 날부터 {years}년 동안 보관하고, 그 뒤 의견은 누구인지 "
            "알 수 없는 기록으로만 남깁니다.\n"
            "· 그 밖의 정보는 마지막 이용일부터 {years}년이 지나고 모든 의견의 보관 기간도 끝나면 "
            "삭제합니다. 의견을 내지 않고 구독만 하신 경우는 마지막 이용일부터 셉니다. 다만 "
            "구독이나 관심 법안을 유지하시는 동안에는 소식을 보내기 위해 이용자 번호, 언어, 동의 "
            "기록과 그 설정만 남깁니다.\n"
            "· 매일 밤 만드는 백업은 {backup_days}일 보관 후 삭제하므로, 삭제된 정보도 백업에는 "
            "최대 {backup_days}일 남습니다. 백업을 복원하면 그동안의 삭제 요청을 다시 "
            "적용합니다.\n\n"
            "<b>4. 제3자 제공</b>\n"
            "· 받는 자: 의견이 다루는 규제의 소관 중앙행정기관(소관 부처)\n"
            "· 목적: 의견의 검토와 답변, 필요하면 제출자에게 사실 확인\n"
            "· 항목: 의견 내용, 첨부 자료, 회사 정보, 실명 의견은 이름과 텔레그램 사용자명\n"
            "· 보유 기간: 해당 부처가 의견 처리를 마칠 때까지(법령이 정한 기록 보존 기간이 "
            "있으면 그 기간)\n"
            "· 거부할 권리: 익명으로 제출하시면 이름과 연락처는 제공하지 않습니다. 이 경우 "
            "부처가 직접 연락할 수 없어 사실 확인이 필요한 의견은 처리가 늦어지거나 어려울 수 "
            "있습니다.\n\n"
            "<b>5. 주의</b>: 주민등록번호 같은 고유식별정보나 건강·질병 정보 같은 민감정보는 "
            "의견과 첨부 자료에 적지 마십시오.\n\n"
            "<b>6. 동의를 거부할 권리</b>: 동의하지 않으셔도 됩니다. 이 경우 회의·법안 등 공개 "
            "정보는 볼 수 있지만 의견 제출과 알림 구독은 할 수 없습니다. 봇이 답할 수 있도록 "
            "이용자 번호, 언어 설정과 동의 기록만 보관합니다.\n\n"
            "<b>7. 이용자의 권리</b>: 내 의견과 상태는 /my 에서 보실 수 있고, /deletemydata 로 "
            "개인정보를 삭제하실 수 있으며, /privacy 에서 동의를 철회(처리 정지)하실 수 "
            "있습니다. 정정과 그 밖의 요청은 아래 개인정보 처리자에게 하실 수 있습니다.\n\n"
            "<b>8. 개인정보 처리자</b>: {controller}"
        ),
        "en": (
            "<b>How we use and share your personal information</b>\n\n"
            "<b>1. Why</b>\n"
            "· To receive, review and answer your regulatory and policy concerns and tell you "
            "the outcome\n"
            "· To pass your feedback to the ministry in charge (see 4)\n"
            "· For named feedback, so staff can contact you on Telegram to check facts\n"
            "· To ask you, {follow_up_days} days after the answer (or after a related bill "
            "became law), whether the burden went down\n"
            "· To tell you about meetings and bills related to your feedback, and the news you "
            "subscribe to\n"
            "· For statistics and export files (anonymous feedback without who you are)\n\n"
            "<b>2. What we keep</b>\n"
            "· Your Telegram user number, name and username, language, consent record (notice "
            "version and time), and when you first and last used the bot\n"
            "· The feedback you submit (text, law, proposal, costs), attached files, your "
            "company profile (region, size, industry; optional), and drafts in progress\n"
            "· Feedback you supported, your subscription, bills you follow, meeting reminders, "
            "and your follow-up answers and notes\n\n"
            "<b>3. How long</b>\n"
            "· Who wrote or supported a piece of feedback (user number, name, username, files, "
            "follow-up note) is kept for {years} years after it is answered, closed or rejected; "
            "after that the feedback remains only as a record that cannot be traced to you.\n"
            "· Everything else is deleted once {years} years have passed since your last visit "
            "and the period of all your feedback has ended; if you only subscribe, it counts "
            "from your last visit. While you stay subscribed or follow bills we keep only your "
            "user number, language, consent record and those settings, to send you the news.\n"
            "· Nightly backups are kept for {backup_days} days, so deleted data stays in a "
            "backup for up to {backup_days} days. Restoring a backup applies every deletion "
            "made since then again.\n\n"
            "<b>4. Sharing</b>\n"
            "· With: the ministry in charge of the regulation your feedback is about\n"
            "· Why: to review and answer it, and to check facts with you if needed\n"
            "· What: the feedback, attached files, company profile, and for named feedback "
            "your name and Telegram username\n"
            "· How long: until the ministry has finished handling it (or longer if the law "
            "sets a records period)\n"
            "· Your right to refuse: submit anonymously and your name and contact are not "
            "shared. The ministry then cannot contact you, so feedback that needs checking may "
            "take longer or be hard to act on.\n\n"
            "<b>5. Please note</b>: do not type resident registration numbers or health "
            "information in your feedback or files.\n\n"
            "<b>6. Your right to refuse consent</b>: you do not have to agree. If you do not, "
            "you can still read public information such as meetings and bills, but you cannot "
            "submit feedback or subscribe to updates. We keep only your user number, language "
            "and consent record so the bot can answer you.\n\n"
            "<b>7. Your rights</b>: see your feedback and its status with /my, delete your data "
            "with /deletemydata, and withdraw consent (stop the processing) in /privacy. For "
            "corrections and other requests, contact the controller below.\n\n"
            "<b>8. Controller</b>: {controller}"
        ),
    },
    "privacy.controller": {"ko": "{controller}", "en": "{controller}"},
    "privacy.controller_with_contact": {
        "ko": "{controller} (연락처: {contact})",
        "en": "{controller} (contact: {contact})",
    },
    "privacy.button.agree": {"ko": "✅ 동의", "en": "✅ I agree"},
    "privacy.button.decline": {"ko": "동의하지 않음", "en": "I do not agree"},
    "privacy.button.withdraw": {"ko": "동의 철회", "en": "Withdraw consent"},
    "privacy.button.withdraw_confirm": {"ko": "네, 철회할게요", "en": "Yes, withdraw"},
    "privacy.button.keep": {"ko": "아니요, 유지할게요", "en": "No, keep it"},
    "privacy.state.granted": {
        "ko": "현재 상태: <b>동의함</b> · {date}, 안내문 {version}",
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
            "의견을 내고 싶어지시면 언제든 /privacy 에서 동의하실 수 있어요."
        ),
        "en": (
            "You did not agree. You can still read public information such as meetings and "
            "bills. If you want to submit feedback later, you can agree any time in /privacy."
        ),
    },
    "privacy.withdraw_confirm": {
        "ko": (
            "동의를 철회하시겠어요? 이름과 사용자명은 바로 지워지고, 새 의견 제출과 구독은 "
            "할 수 없게 돼요. 이미 제출한 의견은 처리 결과 안내를 위해 남아요."
        ),
        "en": (
            "Withdraw your consent? Your name and username are erased at once, and you will no "
            "longer be able to submit feedback or subscribe. Feedback you already submitted stays "
            "so that we can tell you its outcome."
        ),
    },
    "privacy.withdrawn": {
        "ko": "동의를 철회했어요. 이름과 사용자명을 지웠어요.",
        "en": "Consent withdrawn. Your name and username have been erased.",
    },
    "privacy.kept": {
        "ko": "동의를 그대로 유지해요.",
        "en": "Your consent stays as it was.",
    },
}
