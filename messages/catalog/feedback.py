"""Texts of the /feedback flow, support, the draft reminder and the submitter's notifications."""

TEXTS = {
    "command.feedback": {
        "ko": "규제·정책 애로 의견 보내기",
        "en": "Report a regulatory pain point",
    },
    "menu.button.feedback": {"ko": "📝 의견 보내기", "en": "📝 Submit feedback"},
    # Entering the flow
    "feedback.consent_needed": {
        "ko": (
            "의견을 받으려면 먼저 개인정보 수집·이용에 동의해 주셔야 해요. 의견 내용과 처리 "
            "결과 안내에 필요한 정보만 보관하고, 익명으로 내실 수도 있어요.\n"
            "아래에서 동의하신 뒤 /feedback 을 다시 눌러 주세요. 자세한 안내는 /privacy 에 "
            "있어요."
        ),
        "en": (
            "Before I can take your feedback, you need to agree to how we handle personal "
            "information. We keep only what is needed to process your feedback and tell you the "
            "outcome, and you can stay anonymous.\n"
            "Agree below, then press /feedback again. The full notice is in /privacy."
        ),
    },
    "feedback.daily_limit": {
        "ko": (
            "오늘은 의견을 {limit}건까지 보낼 수 있어요. 이미 {limit}건을 보내셨어요. "
            "작성 중인 내용은 저장되어 있으니 내일 다시 /feedback 으로 이어서 보내 주세요."
        ),
        "en": (
            "You can send up to {limit} submissions a day and have reached that today. "
            "Anything you were writing is saved: continue with /feedback tomorrow."
        ),
    },
    "feedback.resume_question": {
        "ko": (
            "작성 중인 의견이 있어요. 시작: {started} · 분야: {category}\n"
            "이어서 쓰시겠어요, 처음부터 다시 쓰시겠어요?"
        ),
        "en": (
            "You have an unfinished submission (started {started}, topic: {category}).\n"
            "Continue where you left off, or start over?"
        ),
    },
    "feedback.no_category": {"ko": "아직 고르지 않음", "en": "not chosen yet"},
    "feedback.button.continue": {"ko": "▶️ 이어서 쓰기", "en": "▶️ Continue"},
    "feedback.button.restart": {"ko": "🆕 처음부터", "en": "🆕 Start over"},
    "feedback.no_draft": {
        "ko": "작성 중인 의견이 없어요. /feedback 으로 새로 시작해 주세요.",
        "en": "There is no submission in progress. Start a new one with /feedback.",
    },
    "feedback.cancelled": {
        "ko": (
            "잠시 멈췄어요. 지금까지 쓴 내용은 저장되어 있으니 /feedback 으로 언제든 이어서 "
            "쓰실 수 있어요."
        ),
        "en": ("Paused. Everything you wrote so far is saved; continue any time with /feedback."),
    },
    # Step questions
    "feedback.ask.category": {
        "ko": "<b>{counter}어떤 분야인가요?</b>\n가장 가까운 분야를 골라 주세요.",
        "en": "<b>{counter}What is it about?</b>\nPick the closest topic.",
    },
    "feedback.offer_report": {
        "ko": (
            "적어 주신 내용으로 의견을 남기실 수 있어요. 문제 설명으로 받아 두었으니, 보내시려면 "
            "가장 가까운 분야를 골라 주세요. 보내지 않으시려면 그냥 두셔도 돼요."
        ),
        "en": (
            "You can send this as a report: I kept it as the problem. To send it, pick the "
            "closest topic; if not, just leave it."
        ),
    },
    "feedback.problem_kept": {
        "ko": "적어 주신 내용은 문제 설명으로 받아 두었어요. 이제 가장 가까운 분야를 골라 주세요.",
        "en": "I kept what you wrote as the problem. Now pick the closest topic.",
    },
    "feedback.ask.problem": {
        "ko": (
            "<b>{counter}어떤 점이 어려우신가요?</b>\n"
            "겪고 계신 문제를 편하게 적어 주세요. ({min}~{max}자)"
        ),
        "en": (
            "<b>{counter}What is the problem?</b>\n"
            "Describe it in your own words ({min} to {max} characters)."
        ),
    },
    "feedback.ask.law": {
        "ko": (
            "<b>{counter}관련된 법이나 규정이 있나요?</b> (선택)\n"
            "예: 저작권법 제35조의5, 농지법. 잘 모르시면 ‘잘 모르겠음’을 눌러 주세요."
        ),
        "en": (
            "<b>{counter}Which law or rule is it about?</b> (optional)\n"
            "E.g. Copyright Act Art. 35-5, Farmland Act. If you are not sure, tap “Not sure”."
        ),
    },
    "feedback.ask.proposal": {
        "ko": (
            "<b>{counter}어떻게 바뀌면 좋을까요?</b> (선택)\n"
            "바라시는 개선 방향을 적어 주세요. 없으면 건너뛰셔도 돼요."
        ),
        "en": (
            "<b>{counter}What should change?</b> (optional)\n"
            "Write what you propose, or skip this step."
        ),
    },
    "feedback.ask.impact": {
        "ko": (
            "<b>{counter}얼마나 큰 어려움인가요?</b> (선택)\n"
            "버튼을 누르거나 ‘4’, ‘심각’처럼 적어 주세요."
        ),
        "en": (
            "<b>{counter}How badly does it hurt?</b> (optional)\n"
            "Tap a button, or type it, like “4” or “Serious”."
        ),
    },
    "feedback.ask.cost": {
        "ko": (
            "<b>{counter}비용으로 따지면요?</b> (선택)\n"
            "이 문제로 드는 시간이나 돈을 말하듯이 적어 주세요. 예: 월 300만원 정도, "
            "한 번에 300만원, 주 5시간, 연 1,200만원, 200~300만원. "
            "기간을 적지 않으시면 얼마나 자주인지 여쭤볼게요.\n\n"
            "⏱ 시간: {hours}\n₩ 금액: {won}"
        ),
        "en": (
            "<b>{counter}What does it cost?</b> (optional)\n"
            "Type the time or money this problem costs you, as you would say it: for example "
            "3 million won a month, 3 million won once, 5 hours a week, 12 million won a year, "
            "2-3 million won. Without a period, I will ask how often.\n\n"
            "⏱ Time: {hours}\n₩ Money: {won}"
        ),
    },
    "feedback.cost.none": {"ko": "—", "en": "—"},
    "feedback.ask.cost_period": {
        "ko": "<b>{amount}</b>, 얼마나 자주 드나요?",
        "en": "<b>{amount}</b>: how often?",
    },
    "feedback.ask.cost_scale": {
        "ko": (
            "<b>{typed}</b>, 어느 금액인가요?\n"
            "버튼을 누르거나 ‘{amount}’처럼 단위를 붙여 적어 주세요."
        ),
        "en": (
            "<b>{typed}</b>: which amount do you mean?\n"
            "Tap one, or type it with its unit, like “{amount}”."
        ),
    },
    "feedback.button.cost_scale": {"ko": "{amount}", "en": "{amount}"},
    "feedback.ask.cost_hours": {
        "ko": "시간이 얼마나 드나요? 예: 월 40시간, 주 5시간, 한 번에 20시간",
        "en": ("How much time does it take? E.g. 40 hours a month, 5 hours a week, 20 hours once."),
    },
    "feedback.ask.cost_won": {
        "ko": ("금액은 얼마인가요? 예: 월 120만원, 한 번에 300만원, 연 1,200만원"),
        "en": (
            "How much money, in won? E.g. 1.2 million won a month, 3 million won once, "
            "12 million a year."
        ),
    },
    "feedback.ask.attachments": {
        "ko": (
            "<b>{counter}증빙 자료가 있나요?</b> (선택)\n"
            "문서나 사진을 {max}개까지 보내 주세요. 다 보내셨으면 ‘다음’을 눌러 주세요.\n"
            "받은 자료: {count}/{max}"
        ),
        "en": (
            "<b>{counter}Any evidence?</b> (optional)\n"
            "Send up to {max} documents or photos, then tap “Next”.\n"
            "Received: {count}/{max}"
        ),
    },
    "feedback.attachment_received": {
        "ko": "받았어요: {name} ({count}/{max})",
        "en": "Received: {name} ({count}/{max})",
    },
    "feedback.attachment_photo": {"ko": "사진", "en": "photo"},
    "feedback.evidence_refused.type": {
        "ko": (
            "‘{name}’ 파일은 받을 수 없는 종류예요. PDF, 사진(JPG·PNG 등), 매크로 없는 "
            "문서(DOCX·XLSX·PPTX·HWPX·ODT), 텍스트(TXT·CSV), ZIP 파일을 보내 주세요. "
            "지금까지 입력한 내용은 그대로 있어요."
        ),
        "en": (
            "I can't take {name}: that kind of file is not accepted. Please send a PDF, a "
            "picture (JPG, PNG...), an office document without macros (DOCX, XLSX, PPTX, HWPX, "
            "ODT), text (TXT, CSV) or a ZIP file. Everything you entered so far is kept."
        ),
    },
    "feedback.evidence_refused.mismatch": {
        "ko": (
            "‘{name}’ 파일은 이름과 실제 종류가 맞지 않아서 받지 않았어요. 원래 프로그램에서 "
            "다시 저장해 보내 주세요. 지금까지 입력한 내용은 그대로 있어요."
        ),
        "en": (
            "I didn't take {name}: its name and its actual type don't match. Please save it "
            "again from the program that made it and resend. Everything you entered so far is "
            "kept."
        ),
    },
    "feedback.evidence_refused.content": {
        "ko": (
            "‘{name}’ 파일은 이름과 달리 안의 내용이 그 종류의 파일이 아니어서 받지 않았어요. "
            "원래 프로그램에서 다시 저장해 보내 주세요. 지금까지 입력한 내용은 그대로 있어요."
        ),
        "en": (
            "I didn't take {name}: what is inside is not the kind of file its name says. Please "
            "save it again from the program that made it and resend. Everything you entered so "
            "far is kept."
        ),
    },
    "feedback.evidence_refused.text": {
        "ko": (
            "‘{name}’ 파일은 일반 텍스트가 아니거나 웹 페이지 코드가 들어 있어서 받지 "
            "않았어요. 텍스트나 CSV로 다시 저장하거나 PDF로 보내 주세요. "
            "지금까지 입력한 내용은 그대로 있어요."
        ),
        "en": (
            "I didn't take {name}: it is not plain text, or it holds web page code. "
            "Please save it again as text or CSV, or send a PDF. Everything you "
            "entered so far is kept."
        ),
    },
    "feedback.evidence_refused.too_large": {
        "ko": (
            "‘{name}’ 파일은 너무 커요. 파일 하나는 {limit}MB까지 받을 수 있어요. 줄이거나 나눠서 "
            "보내 주세요. 지금까지 입력한 내용은 그대로 있어요."
        ),
        "en": (
            "{name} is too large: each file can be up to {limit} MB. Please shrink or split it. "
            "Everything you entered so far is kept."
        ),
    },
    "feedback.attachment_full": {
        "ko": (
            "자료는 {max}개까지 받을 수 있어요. ‘다음’을 누르거나 ‘모두 지우기’ 후 다시 "
            "보내 주세요."
        ),
        "en": "I can take at most {max} files. Tap “Next”, or “Remove all” and send them again.",
    },
    "feedback.ask.profile": {
        "ko": (
            "<b>{counter}회사 정보</b> (선택)\n지난번과 같은가요?\n{profile}\n"
            "버튼을 누르거나 ‘네’, ‘아니요’로 적어 주세요."
        ),
        "en": (
            "<b>{counter}Your company</b> (optional)\nSame as last time?\n{profile}\n"
            "Tap a button, or type “yes” or “no”."
        ),
    },
    "feedback.ask.region": {
        "ko": (
            "<b>{counter}회사 정보</b> (선택)\n회사는 어느 지역에 있나요?\n"
            "버튼을 누르거나 ‘서울’처럼 적어 주세요."
        ),
        "en": (
            "<b>{counter}Your company</b> (optional)\nWhere is the company?\n"
            "Tap a region, or type it, like “Seoul”."
        ),
    },
    "feedback.ask.size": {
        "ko": (
            "<b>{counter}회사 정보</b> (선택)\n회사 규모는요?\n"
            "버튼을 누르거나 ‘소기업’처럼 적어 주세요."
        ),
        "en": (
            "<b>{counter}Your company</b> (optional)\nHow large is the company?\n"
            "Tap a size, or type it, like “small”."
        ),
    },
    "feedback.ask.industry": {
        "ko": (
            "<b>{counter}회사 정보</b> (선택)\n업종은요?\n"
            "버튼을 누르거나 ‘제조업’, ‘소프트웨어’처럼 적어 주세요."
        ),
        "en": (
            "<b>{counter}Your company</b> (optional)\nWhich industry?\n"
            "Tap an industry, or type it, like “manufacturing” or “software”."
        ),
    },
    "feedback.ask.visibility": {
        "ko": (
            "<b>공개 방식</b>\n"
            "👤 <b>실명</b>: 담당자가 필요하면 연락드릴 수 있어요.\n"
            "🕶 <b>익명</b>: 담당자와 어떤 내보내기 파일에도 누구인지 나타나지 않아요. 처리 결과 "
            "안내를 위해서만 연결이 유지돼요.\n"
            "버튼을 누르거나 ‘실명’, ‘익명’으로 적어 주세요."
        ),
        "en": (
            "<b>Named or anonymous?</b>\n"
            "👤 <b>Named</b>: administrators may contact you if needed.\n"
            "🕶 <b>Anonymous</b>: neither administrators nor any export will show who you are. "
            "The link to you is kept only to tell you the outcome.\n"
            "Tap a button, or type “named” or “anonymous”."
        ),
    },
    "feedback.counter.report": {"ko": "{n}/{total} ", "en": "{n}/{total} "},
    "feedback.counter.details": {"ko": "➕ {n}/{total} ", "en": "➕ {n}/{total} "},
    "feedback.ask.ready": {
        "ko": (
            "<b>이대로 보낼 수 있어요.</b>\n"
            "📌 {category} · {summary}\n"
            "{visibility}\n\n"
            "관련 법·개선 제안·{-impact}·비용·증빙 자료·회사 정보는 ‘➕ 자세히 쓰기’로 지금, "
            "또는 보낸 뒤 /my 에서 덧붙일 수 있어요."
        ),
        "en": (
            "<b>Ready to send.</b>\n"
            "📌 {category} · {summary}\n"
            "{visibility}\n\n"
            "Law, proposal, {-impact}, cost, evidence and company details can be added now with "
            "“➕ Add details”, or after sending, from /my."
        ),
    },
    "feedback.ready.visibility.anonymous": {
        "ko": "🕶 익명으로 보내요. 담당자와 다른 사업주 누구에게도 이름이 보이지 않아요.",
        "en": "🕶 Sent anonymously: neither administrators nor other owners see who you are.",
    },
    "feedback.ready.visibility.named": {
        "ko": "👤 이름을 밝혀 보내요. 담당자가 필요하면 연락드릴 수 있어요.",
        "en": "👤 Sent with your name: administrators may contact you if needed.",
    },
    "feedback.ready.similar": {
        "ko": (
            "<b>비슷한 의견이 이미 있어요.</b> 같은 문제라면 ‘{-support}’으로 힘을 보태실 수 "
            "있어요. 내 의견도 따로 보내셔도 돼요.\n\n{items}"
        ),
        "en": (
            "<b>Similar feedback is already in.</b> If it is the same problem, add your "
            "{-support} to it; you can still send your own as well.\n\n{items}"
        ),
    },
    "feedback.similar_item": {
        "ko": "<b>{number}.</b> {category} · 👍 {count} · {status}",
        "en": "<b>{number}.</b> {category} · 👍 {count} · {status}",
    },
    "feedback.similar_law": {"ko": "⚖️ 관련 법령: {law}", "en": "⚖️ Law: {law}"},
    "feedback.similar_terms": {"ko": "🔎 다루는 내용: {terms}", "en": "🔎 About: {terms}"},
    "feedback.similar_term.high_impact": {"ko": "고영향 AI", "en": "high-impact AI"},
    "feedback.similar_term.fines": {"ko": "과태료", "en": "fines"},
    "feedback.similar_term.grace_period": {"ko": "유예·계도기간", "en": "grace period"},
    "feedback.similar_term.transparency": {"ko": "투명성·표시 의무", "en": "transparency duties"},
    "feedback.similar_term.criteria": {"ko": "기준·가이드", "en": "criteria and guidance"},
    "feedback.similar_term.training_data": {"ko": "AI 학습", "en": "AI training"},
    "feedback.similar_term.copyright": {"ko": "저작권", "en": "copyright"},
    "feedback.similar_term.tdm": {"ko": "TDM·공정이용", "en": "TDM and fair use"},
    "feedback.similar_term.public_data": {"ko": "공공데이터", "en": "public data"},
    "feedback.similar_term.pseudonymised": {"ko": "가명정보", "en": "pseudonymised data"},
    "feedback.similar_term.standards": {"ko": "표준·형식", "en": "standards and formats"},
    "feedback.similar_term.connectivity": {"ko": "연계", "en": "connectivity"},
    "feedback.similar_term.cost": {"ko": "비용", "en": "cost"},
    "feedback.similar_term.gpu": {"ko": "GPU·컴퓨팅", "en": "GPUs and computing"},
    "feedback.similar_term.voucher": {"ko": "바우처", "en": "vouchers"},
    "feedback.similar_term.hiring": {"ko": "인력·채용", "en": "hiring"},
    "feedback.similar_term.training": {"ko": "교육·실습", "en": "training"},
    "feedback.similar_term.paperwork": {"ko": "서류·증빙", "en": "paperwork"},
    "feedback.similar_term.settlement": {"ko": "정산", "en": "settling accounts"},
    "feedback.similar_term.certification": {"ko": "인증·심사", "en": "certification and review"},
    "feedback.similar_term.permit": {"ko": "허가·승인", "en": "permits and approval"},
    "feedback.similar_term.power": {"ko": "전력", "en": "power supply"},
    "feedback.similar_term.labeling": {"ko": "표시", "en": "labeling"},
    "feedback.similar_term.ingredients": {"ko": "전성분", "en": "ingredient lists"},
    "feedback.similar_term.manufacturer": {"ko": "제조업자 표시", "en": "the manufacturer"},
    "feedback.similar_term.kiosk": {"ko": "키오스크", "en": "kiosks"},
    "feedback.similar_term.accessibility": {"ko": "배리어프리", "en": "accessibility"},
    "feedback.similar_term.data_center": {"ko": "데이터센터", "en": "data centres"},
    "feedback.similar_term.farmland": {"ko": "농지", "en": "farmland"},
    "feedback.similar_term.building": {"ko": "건축", "en": "building rules"},
    "feedback.similar_term.customs": {"ko": "통관", "en": "customs"},
    "feedback.supported_in_flow": {
        "ko": (
            "{code}에 {-support}을 더했어요 (이제 👍 {count}).\n"
            "내 의견도 따로 제출하시겠어요, 아니면 이 초안은 버릴까요?"
        ),
        "en": (
            "Your support was added to {code} (now 👍 {count}).\n"
            "Submit your own as well, or discard this draft?"
        ),
    },
    "feedback.discarded_after_support": {
        "ko": "초안을 버렸어요. 보태 주신 {-support}은 그대로 반영돼요.",
        "en": "Draft discarded. Your support still counts.",
    },
    # Review
    "feedback.review": {
        "ko": (
            "{title}\n\n"
            "<b>분야</b>: {category}\n"
            "<b>문제</b>: {problem}\n"
            "<b>관련 법·규정</b>: {law}\n"
            "<b>개선 제안</b>: {proposal}\n"
            "<b>{-impact}</b>: {impact}\n"
            "<b>비용</b>: {cost}\n"
            "<b>증빙 자료</b>: {attachments}\n"
            "<b>회사 정보</b>: {profile}\n"
            "<b>공개 방식</b>: {visibility}\n\n"
            "{footer}"
        ),
        "en": (
            "{title}\n\n"
            "<b>Topic</b>: {category}\n"
            "<b>Problem</b>: {problem}\n"
            "<b>Law or rule</b>: {law}\n"
            "<b>Proposal</b>: {proposal}\n"
            "<b>{-Impact}</b>: {impact}\n"
            "<b>Cost</b>: {cost}\n"
            "<b>Evidence</b>: {attachments}\n"
            "<b>Company</b>: {profile}\n"
            "<b>Visibility</b>: {visibility}\n\n"
            "{footer}"
        ),
    },
    "feedback.review.title": {
        "ko": "<b>제출 전 확인해 주세요</b>",
        "en": "<b>Please check before submitting</b>",
    },
    "feedback.review.footer": {
        "ko": "고칠 항목을 누르거나, 맞으면 ‘제출’을 눌러 주세요.",
        "en": "Tap a field to change it, or “Submit” if all is right.",
    },
    "feedback.review.title_details": {
        "ko": "<b>{code}에 자세히 덧붙이기</b>",
        "en": "<b>Adding details to {code}</b>",
    },
    "feedback.review.footer_details": {
        "ko": (
            "더하거나 바꿀 항목을 누르고, 다 되면 ‘저장’을 눌러 주세요. 분야·문제·공개 방식은 "
            "보낸 그대로예요."
        ),
        "en": (
            "Tap a field to add or change it, then “Save”. The topic, problem and visibility "
            "stay as sent."
        ),
    },
    "feedback.details_saved": {
        "ko": "✅ {code}에 덧붙였어요. 담당자가 보는 내용에 바로 반영돼요.",
        "en": "✅ Added to {code}. Staff see the new details right away.",
    },
    "feedback.details_closed": {
        "ko": (
            "이 의견은 처리가 끝났거나 다른 의견에 합쳐져서 더 덧붙일 수 없어요. 새로 알리실 "
            "내용은 /feedback 으로 보내 주세요."
        ),
        "en": (
            "This report is closed or was merged into another, so details can no longer be "
            "added. Send anything new with /feedback."
        ),
    },
    "feedback.details_busy": {
        "ko": (
            "작성 중인 의견이 있어요. 먼저 마무리하거나 버린 뒤에 보낸 의견에 덧붙일 수 있어요."
        ),
        "en": (
            "You have an unfinished report. Finish or discard it first, then add details to "
            "the one you sent."
        ),
    },
    "feedback.details_drop_confirm": {
        "ko": "덧붙이던 내용을 버릴까요? 보낸 의견은 그대로 남아요.",
        "en": "Drop the details you were adding? The report you sent stays as it was.",
    },
    "feedback.details_dropped": {
        "ko": "덧붙이던 내용을 버렸어요. 보낸 의견은 그대로예요.",
        "en": "Dropped. The report you sent is unchanged.",
    },
    "feedback.value.not_given": {"ko": "미입력", "en": "not given"},
    "feedback.value.impact": {"ko": "{level}/5", "en": "{level}/5"},
    "feedback.value.law_unsure": {"ko": "잘 모르겠음", "en": "not sure"},
    "feedback.value.attachments": {"ko": "{count}개", "en": "{count} file(s)"},
    "feedback.value.truncated": {
        "ko": "{text}… (전체 {length}자)",
        "en": "{text}… ({length} characters in all)",
    },
    "feedback.value.separator": {"ko": " · ", "en": " · "},
    "feedback.edit_current": {
        "ko": "지금 내용:\n<blockquote>{text}</blockquote>\n새로 보내 주시면 바꿔 드려요.",
        "en": "Current text:\n<blockquote>{text}</blockquote>\nSend a new one to replace it.",
    },
    "feedback.discard_confirm": {
        "ko": "작성한 내용을 모두 버릴까요? 되돌릴 수 없어요.",
        "en": "Discard everything you wrote? This cannot be undone.",
    },
    "feedback.discarded": {
        "ko": "초안을 버렸어요. 새 의견은 언제든 /feedback 으로 보내 주세요.",
        "en": "Draft discarded. Send new feedback any time with /feedback.",
    },
    "feedback.submitted": {
        "ko": (
            "✅ <b>접수됐어요.</b>\n"
            "{-receipt-code}: <code>{code}</code>\n\n"
            "다음 단계: 담당자가 검토한 뒤 필요하면 소관 부처에 전달해요. 상태가 바뀌거나 공식 "
            "답변이 오면 이 채팅으로 바로 알려 드릴게요.\n"
            "진행 상황은 /my 또는 /status {code:으로} 언제든 확인하실 수 있어요."
        ),
        "en": (
            "✅ <b>Received.</b>\n"
            "{-Receipt-code}: <code>{code}</code>\n\n"
            "What happens next: staff review it and, where needed, forward it to the ministry "
            "in charge. Whenever its status changes or an official answer arrives, I will tell "
            "you here.\n"
            "Check progress any time with /my or /status {code}."
        ),
    },
    # Buttons
    "feedback.button.skip": {"ko": "건너뛰기 ➡️", "en": "Skip ➡️"},
    "feedback.button.next": {"ko": "다음 ➡️", "en": "Next ➡️"},
    "feedback.button.back": {"ko": "⬅️ 돌아가기", "en": "⬅️ Back"},
    "feedback.button.law_unsure": {"ko": "🤔 잘 모르겠음", "en": "🤔 Not sure"},
    "feedback.button.impact.1": {"ko": "1 · 조금 불편", "en": "1 · A nuisance"},
    "feedback.button.impact.2": {"ko": "2 · 불편", "en": "2 · Annoying"},
    "feedback.button.impact.3": {"ko": "3 · 상당한 부담", "en": "3 · A real burden"},
    "feedback.button.impact.4": {"ko": "4 · 심각", "en": "4 · Serious"},
    "feedback.button.impact.5": {"ko": "5 · 사업 존폐", "en": "5 · Threatens the business"},
    "feedback.button.cost_hours": {"ko": "⏱ 시간", "en": "⏱ Time"},
    "feedback.button.cost_won": {"ko": "₩ 금액", "en": "₩ Money"},
    "feedback.button.cost_clear": {"ko": "비용 지우기", "en": "Clear cost"},
    "feedback.button.attachments_clear": {"ko": "🗑 모두 지우기", "en": "🗑 Remove all"},
    "feedback.button.profile_same": {"ko": "✅ 지난번과 같음", "en": "✅ Same as last time"},
    "feedback.button.profile_change": {"ko": "✏️ 바꾸기", "en": "✏️ Change"},
    "feedback.button.named": {"ko": "👤 실명", "en": "👤 Named"},
    "feedback.button.anonymous": {"ko": "🕶 익명", "en": "🕶 Anonymous"},
    "feedback.button.me_too": {"ko": "👍 {-support}", "en": "👍 {-Support}"},
    "feedback.button.me_too_numbered": {
        "ko": "👍 {number}번에 {-support}",
        "en": "👍 {-Support}: no. {number}",
    },
    "feedback.button.own_submission": {
        "ko": "➡️ 내 의견도 보내기",
        "en": "➡️ Send mine as well",
    },
    "feedback.button.submit_now": {"ko": "✅ 지금 보내기", "en": "✅ Submit now"},
    "feedback.button.add_details": {"ko": "➕ 자세히 쓰기", "en": "➕ Add details"},
    "feedback.button.make_named": {"ko": "👤 이름 밝히기", "en": "👤 Show my name"},
    "feedback.button.make_anonymous": {"ko": "🕶 익명으로", "en": "🕶 Stay anonymous"},
    "feedback.button.skip_company": {
        "ko": "회사 정보 건너뛰기 ➡️",
        "en": "Skip company details ➡️",
    },
    "feedback.button.add_details_later": {
        "ko": "➕ 자세히 덧붙이기",
        "en": "➕ Add details",
    },
    "feedback.button.save_details": {"ko": "✅ 저장", "en": "✅ Save"},
    "feedback.button.drop_details": {"ko": "✖️ 그만두기", "en": "✖️ Stop"},
    "feedback.button.discard_draft": {"ko": "🗑 초안 버리기", "en": "🗑 Discard draft"},
    "feedback.button.submit": {"ko": "✅ 제출", "en": "✅ Submit"},
    "feedback.button.discard": {"ko": "🗑 버리기", "en": "🗑 Discard"},
    "feedback.button.discard_yes": {"ko": "네, 버릴게요", "en": "Yes, discard"},
    "feedback.button.discard_no": {"ko": "아니요, 돌아가기", "en": "No, go back"},
    "feedback.button.edit.category": {"ko": "✏️ 분야", "en": "✏️ Topic"},
    "feedback.button.edit.problem": {"ko": "✏️ 문제", "en": "✏️ Problem"},
    "feedback.button.edit.law": {"ko": "✏️ 법·규정", "en": "✏️ Law"},
    "feedback.button.edit.proposal": {"ko": "✏️ 개선 제안", "en": "✏️ Proposal"},
    "feedback.button.edit.impact": {"ko": "✏️ {-impact}", "en": "✏️ {-Impact}"},
    "feedback.button.edit.cost": {"ko": "✏️ 비용", "en": "✏️ Cost"},
    "feedback.button.edit.attachments": {"ko": "✏️ 증빙 자료", "en": "✏️ Evidence"},
    "feedback.button.edit.region": {"ko": "✏️ 회사 정보", "en": "✏️ Company"},
    "feedback.button.edit.visibility": {"ko": "✏️ 공개 방식", "en": "✏️ Visibility"},
    "feedback.visibility.named": {"ko": "실명", "en": "named"},
    "feedback.visibility.anonymous": {"ko": "익명", "en": "anonymous"},
    # Wrong input
    "feedback.hint.category": {
        "ko": "위의 분야 버튼 중 하나를 눌러 주세요.",
        "en": "Please tap one of the topic buttons.",
    },
    "feedback.hint.problem": {
        "ko": "문제를 글로 적어 보내 주세요. ({min}~{max}자)",
        "en": "Please type the problem as a text message ({min} to {max} characters).",
    },
    "feedback.hint.law": {
        "ko": "관련 법·규정을 글로 적거나, ‘잘 모르겠음’ 또는 ‘건너뛰기’를 눌러 주세요.",
        "en": "Please type the law or rule, or tap “Not sure” or “Skip”.",
    },
    "feedback.hint.proposal": {
        "ko": "개선 제안을 글로 적거나 ‘건너뛰기’를 눌러 주세요.",
        "en": "Please type your proposal, or tap “Skip”.",
    },
    "feedback.hint.impact": {
        "ko": (
            "1부터 5까지 버튼을 누르거나 ‘4’, ‘심각’처럼 적어 주세요. 건너뛰시려면 "
            "‘건너뛰기’를 눌러 주세요."
        ),
        "en": (
            "Please tap a button from 1 to 5, or type it, like “4” or “Serious”; to skip, "
            "tap “Skip”."
        ),
    },
    "feedback.hint.cost": {
        "ko": (
            "비용을 ‘월 300만원’, ‘주 5시간’처럼 시간이나 원을 붙여 적거나, ‘시간’·‘금액’ "
            "또는 ‘다음’을 눌러 주세요."
        ),
        "en": (
            "Type the cost with hours or won, like “3 million won a month” or “5 hours a "
            "week”, or tap “Time”, “Money” or “Next”."
        ),
    },
    "feedback.hint.cost_hours": {
        "ko": "시간을 ‘월 40시간’, ‘주 5시간’처럼 적어 주세요. 한 달은 {max}시간까지예요.",
        "en": (
            "Please type the hours like “40 hours a month” or “5 hours a week”; a month has "
            "{max} at most."
        ),
    },
    "feedback.hint.cost_won": {
        "ko": "금액을 ‘월 120만원’, ‘한 번에 300만원’, ‘1,200,000’처럼 적어 주세요.",
        "en": "Please type the amount like “1,200,000”, “1.2 million a month” or “3 million once”.",
    },
    "feedback.hint.attachments": {
        "ko": "문서나 사진을 보내거나 ‘다음’을 눌러 주세요. (스티커·글은 받을 수 없어요)",
        "en": "Please send a document or photo, or tap “Next”. (Stickers and text can’t be used.)",
    },
    "feedback.hint.profile": {
        "ko": (
            "‘지난번과 같음’이나 ‘바꾸기’를 누르거나 ‘네’, ‘아니요’로 적어 주세요. "
            "건너뛰시려면 ‘건너뛰기’를 눌러 주세요."
        ),
        "en": (
            "Please tap “Same as last time” or “Change”, or type “yes” or “no”; to skip, "
            "tap “Skip”."
        ),
    },
    "feedback.hint.region": {
        "ko": (
            "지역 버튼을 누르거나 ‘서울’, ‘경기도’처럼 적어 주세요. 건너뛰시려면 "
            "‘회사 정보 건너뛰기’를 눌러 주세요."
        ),
        "en": (
            "Please tap a region, or type it, like “Seoul” or “Gyeonggi”; to skip, tap "
            "“Skip company details”."
        ),
    },
    "feedback.hint.size": {
        "ko": (
            "규모 버튼을 누르거나 ‘소기업’, ‘스타트업’처럼 적어 주세요. 건너뛰시려면 "
            "‘회사 정보 건너뛰기’를 눌러 주세요."
        ),
        "en": (
            "Please tap a company size, or type it, like “small” or “startup”; to skip, tap "
            "“Skip company details”."
        ),
    },
    "feedback.hint.industry": {
        "ko": (
            "업종 버튼을 누르거나 ‘제조업’, ‘소프트웨어’처럼 적어 주세요. 건너뛰시려면 "
            "‘회사 정보 건너뛰기’를 눌러 주세요."
        ),
        "en": (
            "Please tap an industry, or type it, like “manufacturing” or “software”; to skip, tap "
            "“Skip company details”."
        ),
    },
    "feedback.hint.visibility": {
        "ko": "‘실명’이나 ‘익명’을 누르거나 그대로 적어 주세요.",
        "en": "Please tap “Named” or “Anonymous”, or type either word.",
    },
    "feedback.hint.ready": {
        "ko": ("‘지금 보내기’나 ‘자세히 쓰기’를 눌러 주세요. 글로 보내시면 문제 설명에 덧붙여요."),
        "en": (
            "Please tap “Submit now” or “Add details”. Anything you type is added to the problem."
        ),
    },
    "feedback.hint.review": {
        "ko": "고칠 항목 버튼이나 ‘제출’, ‘버리기’를 눌러 주세요.",
        "en": "Please tap a field to change, “Submit” or “Discard”.",
    },
    "feedback.hint.resume": {
        "ko": "‘이어서 쓰기’ 또는 ‘처음부터’를 눌러 주세요.",
        "en": "Please tap “Continue” or “Start over”.",
    },
    "feedback.hint.command": {
        "ko": (
            "지금은 의견을 쓰는 중이에요. {hint}\n"
            "다른 명령을 쓰시려면 먼저 /cancel 로 멈춰 주세요. 쓴 내용은 저장돼요."
        ),
        "en": (
            "You are in the middle of writing feedback. {hint}\n"
            "To use another command, pause first with /cancel; what you wrote is kept."
        ),
    },
    "feedback.toast.stale": {
        "ko": "이 버튼은 지금 쓸 수 없어요. 마지막 질문에 답해 주세요.",
        "en": "That button is not active now. Please answer the latest question.",
    },
    "feedback.too_short": {
        "ko": "조금 더 자세히 적어 주세요. 최소 {min}자가 필요해요 (지금 {length}자).",
        "en": (
            "Please say a little more: at least {min} characters are needed (you wrote {length})."
        ),
    },
    "feedback.too_long": {
        "ko": (
            "글이 {length}자예요. 최대 {max}자까지 받을 수 있어요. 줄여서 다시 보내 주세요. "
            "보내신 글을 아래에 그대로 돌려 드릴게요. 복사해서 고쳐 쓰세요."
        ),
        "en": (
            "Your text has {length} characters; the limit is {max}. Please shorten it and send "
            "it again. Here it is, unchanged, so you can copy and edit it."
        ),
    },
    "feedback.echo": {"ko": "{text}", "en": "{text}"},
    # Support, outside the flow
    "feedback.supported": {
        "ko": "{code}에 {-support}을 더했어요. 지금 👍 {count}명이 같은 어려움을 겪고 있어요.",
        "en": "Your support was added to {code}. 👍 {count} people now share this problem.",
    },
    "feedback.support.already": {
        "ko": "이미 {-support}을 누르셨어요.",
        "en": "You have already supported this one.",
    },
    "feedback.support.own": {
        "ko": "내가 보낸 의견에는 {-support}을 누를 수 없어요.",
        "en": "You cannot support your own submission.",
    },
    "feedback.support.closed": {
        "ko": "처리가 끝난 의견이라 더 이상 {-support}을 받지 않아요.",
        "en": "This submission is closed and no longer takes support.",
    },
    "feedback.support.not_offered": {
        "ko": "이 버튼은 더 이상 쓸 수 없어요.",
        "en": "This button no longer applies.",
    },
    "feedback.support.missing": {
        "ko": "이 의견은 더 이상 볼 수 없어요.",
        "en": "This submission is no longer available.",
    },
    # Reminder
    "feedback.reminder": {
        "ko": (
            "📝 {started}에 쓰기 시작하신 의견이 아직 저장되어 있어요. 시간 나실 때 이어서 "
            "마무리해 주세요. 한 번만 알려 드릴게요."
        ),
        "en": (
            "📝 The feedback you started on {started} is still saved. Finish it whenever you "
            "have a moment. This is the only reminder."
        ),
    },
    # Status labels and notifications
    "feedback.status.received": {"ko": "{-status-received}", "en": "{-Status-received}"},
    "feedback.status.in_review": {"ko": "{-status-in-review}", "en": "{-Status-in-review}"},
    "feedback.status.forwarded": {"ko": "{-status-forwarded}", "en": "{-Status-forwarded}"},
    "feedback.status.answered": {"ko": "{-status-answered}", "en": "{-Status-answered}"},
    "feedback.status.closed": {"ko": "{-status-closed}", "en": "{-Status-closed}"},
    "feedback.status.rejected": {"ko": "{-status-rejected}", "en": "{-Status-rejected}"},
    "feedback.notify.status": {
        "ko": "🔔 보내신 의견 <b>{code}</b>의 상태가 바뀌었어요: <b>{status}</b>",
        "en": "🔔 The status of your submission <b>{code}</b> changed: <b>{status}</b>",
    },
    "feedback.notify.forwarded_to": {
        "ko": "전달 기관: {ministry}",
        "en": "Forwarded to: {ministry}",
    },
    "feedback.notify.note": {"ko": "메모: {note}", "en": "Note: {note}"},
    "feedback.notify.answer": {
        "ko": "<b>공식 답변</b>\n<blockquote>{answer}</blockquote>",
        "en": "<b>Official answer</b>\n<blockquote>{answer}</blockquote>",
    },
    "feedback.notify.footer": {
        "ko": "자세한 내용과 이력은 /status {code:으로} 보실 수 있어요.",
        "en": "See the details and history with /status {code}.",
    },
    "feedback.button.open": {"ko": "📂 자세히 보기", "en": "📂 View details"},
}
