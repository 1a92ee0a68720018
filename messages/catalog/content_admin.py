"""Texts of the administrators' content flows and of /delivery.

/addmeeting, /addbill, /billstage, /announce, and a meeting's edit, cancel and held buttons.
"""

TEXTS = {
    "command.addmeeting": {"ko": "회의 일정 등록", "en": "Add a meeting"},
    "command.addbill": {"ko": "법안 등록", "en": "Add a bill"},
    "command.billstage": {"ko": "법안 진행 단계 기록", "en": "Record a bill's stage"},
    "command.announce": {"ko": "구독자 공지 작성", "en": "Announce to subscribers"},
    "command.delivery": {"ko": "소식 발송 현황", "en": "Delivery progress"},
    "content_admin.button.skip": {"ko": "⏭ 건너뛰기", "en": "⏭ Skip"},
    "content_admin.button.categories_done": {"ko": "✅ 분야 선택 완료", "en": "✅ Topics done"},
    "content_admin.button.publish": {"ko": "✅ 게시", "en": "✅ Publish"},
    "content_admin.button.discard": {"ko": "🗑 버리기", "en": "🗑 Discard"},
    "content_admin.button.yes_cancel": {"ko": "❌ 네, 취소할게요", "en": "❌ Yes, cancel it"},
    "content_admin.button.no": {"ko": "아니요", "en": "No"},
    "content_admin.button.today": {"ko": "📅 오늘", "en": "📅 Today"},
    "content_admin.ask.kind": {"ko": "어떤 회의인가요?", "en": "What kind of meeting is it?"},
    "content_admin.kind_chosen": {"ko": "회의 종류: {kind}", "en": "Kind: {kind}"},
    "content_admin.ask.title": {
        "ko": "회의 제목을 입력해 주세요.",
        "en": "Type the meeting's title.",
    },
    "content_admin.ask.start": {
        "ko": (
            "언제 시작하나요? 한국 시간으로 적어 주세요.\n"
            "예: 12월 15일 오후 2시, 다음 주 화요일 14:00, 2026-12-15 14:00"
        ),
        "en": (
            "When does it start? Korean time.\n"
            "E.g. Dec 15 2pm, next Tuesday 14:00, 2026-12-15 14:00"
        ),
    },
    "content_admin.ask.end": {
        "ko": "언제 끝나나요? 예: 오후 4시, 16:00, 12월 15일 오후 4시",
        "en": "When does it end? E.g. 4pm, 16:00, Dec 15 4pm",
    },
    "content_admin.ask.place": {"ko": "장소를 입력해 주세요.", "en": "Where is it held?"},
    "content_admin.ask.link": {
        "ko": "온라인 참여 링크가 있으면 입력해 주세요 (https://...).",
        "en": "Type the online link, if any (https://...).",
    },
    "content_admin.ask.organizer": {"ko": "주최 기관은 어디인가요?", "en": "Who organises it?"},
    "content_admin.ask.agenda": {"ko": "안건을 입력해 주세요.", "en": "Type the agenda."},
    "content_admin.ask.categories": {
        "ko": "어떤 분야와 관련 있나요? 해당 분야에 의견을 낸 분들께도 알려 드려요.",
        "en": "Which topics does it concern? People who raised those topics will hear of it.",
    },
    "content_admin.categories_chosen": {"ko": "분야를 골랐어요.", "en": "Topics chosen."},
    "content_admin.preview": {
        "ko": "<b>미리 보기</b> — 게시할까요?",
        "en": "<b>Preview</b> — publish it?",
    },
    "content_admin.publishing": {"ko": "게시하는 중…", "en": "Publishing…"},
    "content_admin.bad_time": {
        "ko": (
            "보내신 「{typed}」에서 날짜와 시간을 알아보지 못했어요. 다시 적어 주세요.\n"
            "예: 12월 15일 오후 2시, 다음 주 화요일 14:00, 2026-12-15 14:00"
        ),
        "en": (
            "I couldn't read a date and time in “{typed}”. Please type it again.\n"
            "E.g. Dec 15 2pm, next Tuesday 14:00, 2026-12-15 14:00"
        ),
    },
    "content_admin.end_before_start": {
        "ko": "끝나는 시간이 시작보다 빨라요. 다시 입력해 주세요.",
        "en": "That is before the start. Please type the end again.",
    },
    "content_admin.bad_link": {
        "ko": "http:// 또는 https:// 로 시작하는 링크를 입력해 주세요.",
        "en": "Please type a link starting with http:// or https://.",
    },
    "content_admin.bad_date": {
        "ko": "날짜를 알아보지 못했어요. 예: 2026-11-20",
        "en": "I couldn't read that date. E.g. 2026-11-20",
    },
    "content_admin.meeting_published": {
        "ko": "✅ 회의를 게시했어요. 구독자에게 다음 소식에 전해요.",
        "en": "✅ Meeting published. Subscribers get it with their next news.",
    },
    "content_admin.meeting_saved": {
        "ko": "✅ 회의를 고쳤어요. 구독자와 알림 신청자에게 알려요.",
        "en": "✅ Meeting updated. Subscribers and reminder holders will be told.",
    },
    "content_admin.meeting_cancelled": {
        "ko": "❌ 회의를 취소했어요. 구독자와 알림 신청자에게 알려요.",
        "en": "❌ Meeting cancelled. Subscribers and reminder holders will be told.",
    },
    "content_admin.meeting_held": {
        "ko": "✅ 개최 완료로 기록했어요.",
        "en": "✅ Recorded as held.",
    },
    "content_admin.ask.field": {
        "ko": "「{title}」에서 무엇을 고칠까요?",
        "en": "What should change in “{title}”?",
    },
    "content_admin.button.change": {"ko": "✏️ {field}", "en": "✏️ {field}"},
    "content_admin.field.title": {"ko": "제목", "en": "Title"},
    "content_admin.field.starts_at": {"ko": "시작 시간", "en": "Start"},
    "content_admin.field.ends_at": {"ko": "종료 시간", "en": "End"},
    "content_admin.field.place": {"ko": "장소", "en": "Place"},
    "content_admin.field.online_url": {"ko": "온라인 링크", "en": "Online link"},
    "content_admin.field.organizer": {"ko": "주최", "en": "Organizer"},
    "content_admin.field.agenda": {"ko": "안건", "en": "Agenda"},
    "content_admin.ask.edit.title": {"ko": "새 제목을 입력해 주세요.", "en": "Type the new title."},
    "content_admin.ask.edit.starts_at": {
        "ko": "새 시작 시간을 입력해 주세요. 예: 12월 15일 오후 2시, 다음 주 화요일 14:00",
        "en": "Type the new start. E.g. Dec 15 2pm, next Tuesday 14:00",
    },
    "content_admin.ask.edit.ends_at": {
        "ko": "새 종료 시간을 입력해 주세요. 예: 16:00 (건너뛰면 지워요)",
        "en": "Type the new end, e.g. 16:00 (skip to clear it).",
    },
    "content_admin.ask.edit.place": {
        "ko": "새 장소를 입력해 주세요 (건너뛰면 지워요).",
        "en": "Type the new place (skip to clear it).",
    },
    "content_admin.ask.edit.online_url": {
        "ko": "새 온라인 링크를 입력해 주세요 (건너뛰면 지워요).",
        "en": "Type the new online link (skip to clear it).",
    },
    "content_admin.ask.edit.organizer": {
        "ko": "새 주최 기관을 입력해 주세요 (건너뛰면 지워요).",
        "en": "Type the new organizer (skip to clear it).",
    },
    "content_admin.ask.edit.agenda": {
        "ko": "새 안건을 입력해 주세요 (건너뛰면 지워요).",
        "en": "Type the new agenda (skip to clear it).",
    },
    "content_admin.invalid.title": {
        "ko": "제목은 비워 둘 수 없어요. 다시 입력해 주세요.",
        "en": "The title cannot be empty. Please type it again.",
    },
    "content_admin.invalid.starts_at": {
        "ko": "시작 시간을 알아보지 못했어요. 예: 2026-12-03 14:00",
        "en": "I couldn't read the start. E.g. 2026-12-03 14:00",
    },
    "content_admin.invalid.ends_at": {
        "ko": "끝나는 시간이 시작보다 빨라요. 다시 입력해 주세요.",
        "en": "The end would be before the start. Please type it again.",
    },
    "content_admin.invalid.online_url": {
        "ko": "http:// 또는 https:// 로 시작하는 링크를 입력해 주세요.",
        "en": "Please type a link starting with http:// or https://.",
    },
    "content_admin.invalid.name": {
        "ko": "법안 이름이 필요해요. /addbill 로 다시 시작해 주세요.",
        "en": "A bill needs a name. Start again with /addbill.",
    },
    "content_admin.not_editable": {
        "ko": "취소되었거나 이미 열린 회의는 바꿀 수 없어요.",
        "en": "A cancelled or past meeting cannot be changed.",
    },
    "content_admin.confirm_cancel": {
        "ko": "「{title:」을} 취소할까요? 구독자와 알림 신청자에게 알려요.",
        "en": "Cancel “{title}”? Subscribers and reminder holders will be told.",
    },
    "content_admin.kept": {"ko": "회의를 그대로 두었어요.", "en": "The meeting stays as it is."},
    "content_admin.ask.outcome": {
        "ko": "「{title}」의 결과를 한 문단으로 입력해 주세요 (건너뛰어도 돼요).",
        "en": "Summarise the outcome of “{title}” in a paragraph (or skip).",
    },
    "content_admin.ask.bill_name": {
        "ko": "법안 이름을 입력해 주세요.",
        "en": "Type the bill's name.",
    },
    "content_admin.ask.bill_number": {
        "ko": "의안번호를 입력해 주세요.",
        "en": "Type the bill number.",
    },
    "content_admin.ask.sponsor": {
        "ko": "대표발의자를 입력해 주세요. 예: 김동아 의원",
        "en": "Who sponsored it? E.g. Rep. Kim Dong-ah",
    },
    "content_admin.ask.committee": {"ko": "소관위원회를 입력해 주세요.", "en": "Which committee?"},
    "content_admin.ask.summary": {
        "ko": "한 문단 요약을 입력해 주세요.",
        "en": "Type a one-paragraph summary.",
    },
    "content_admin.bill_preview": {
        "ko": (
            "<b>⚖️ {name}</b>\n의안번호: {number}\n대표발의자: {sponsor}\n"
            "소관위원회: {committee}\n\n"
            "{summary}"
        ),
        "en": (
            "<b>⚖️ {name}</b>\nBill no.: {number}\nSponsor: {sponsor}\nCommittee: {committee}\n\n"
            "{summary}"
        ),
    },
    "content_admin.bill_saved": {
        "ko": "✅ 법안을 등록했어요. 진행 단계를 기록해 두세요.",
        "en": "✅ Bill added. Record the stages it has reached.",
    },
    "content_admin.ask.stage_bill": {"ko": "어느 법안이 움직였나요?", "en": "Which bill moved?"},
    "content_admin.ask.stage": {
        "ko": "「{name:」은} 어느 단계에 이르렀나요?",
        "en": "Which stage has “{name}” reached?",
    },
    "content_admin.stage_chosen": {"ko": "단계: {stage}", "en": "Stage: {stage}"},
    "content_admin.ask.stage_date": {
        "ko": "언제였나요? 예: 2026-11-20",
        "en": "On which day? E.g. 2026-11-20",
    },
    "content_admin.ask.stage_note": {
        "ko": "덧붙일 메모가 있으면 입력해 주세요.",
        "en": "Type a note, if any.",
    },
    "content_admin.stage_saved": {
        "ko": "✅ 단계를 기록했어요. 관심 법안으로 둔 분과 구독자에게 알려요.",
        "en": "✅ Stage recorded. Followers and subscribers will be told.",
    },
    "content_admin.ask.announce_title": {
        "ko": "공지 제목을 입력해 주세요.",
        "en": "Type the announcement's title.",
    },
    "content_admin.ask.announce_body": {
        "ko": "공지 내용을 입력해 주세요.",
        "en": "Type the announcement's text.",
    },
    "content_admin.announced": {
        "ko": "📢 공지를 게시했어요. 구독자의 다음 소식에 들어가요.",
        "en": "📢 Announcement published. It goes out with subscribers' next news.",
    },
    "content_admin.discarded": {
        "ko": "멈췄어요. 아무것도 게시하지 않았어요.",
        "en": "Stopped. Nothing was published.",
    },
    "content_admin.expired": {
        "ko": "작성 중인 내용이 없어요. 명령어로 다시 시작해 주세요.",
        "en": "There is no draft any more. Start again with the command.",
    },
    "content_admin.delivery.title": {
        "ko": "<b>📮 발송 현황</b>",
        "en": "<b>📮 Delivery progress</b>",
    },
    "content_admin.delivery.none": {
        "ko": "아직 보낸 소식이 없어요.",
        "en": "Nothing has been sent yet.",
    },
    "content_admin.delivery.entry": {
        "ko": (
            "<b>{subject}</b>\n받는 사람 {recipients}명 · "
            "✅ 보냄 {sent} · ⏳ 대기 {pending} · ⚠️ 실패 {failed}{reasons}\n"
            "<i>발송 시작 {created}</i>"
        ),
        "en": (
            "<b>{subject}</b>\n{recipients} recipients · "
            "✅ sent {sent} · ⏳ pending {pending} · ⚠️ failed {failed}{reasons}\n"
            "<i>started {created}</i>"
        ),
    },
    "content_admin.delivery.reason": {
        "ko": "\n  · {reason}: {count}",
        "en": "\n  · {reason}: {count}",
    },
    "content_admin.delivery.given_up_title": {
        "ko": "<b>⚠️ 재시도 시간 안에 끝내 보내지 못한 발송</b>",
        "en": "<b>⚠️ Given up: not delivered within the retry time</b>",
    },
    "content_admin.delivery.private": {
        "ko": (
            "<b>{subject}</b>\n익명 제출자에게 보내는 알림이라 "
            "받는 사람과 결과는 보여 드리지 않아요.\n<i>발송 시작 {created}</i>"
        ),
        "en": (
            "<b>{subject}</b>\nA notice to an anonymous "
            "submitter: who received it and how it went are not shown.\n<i>started {created}</i>"
        ),
    },
    "content_admin.delivery.given_up": {
        "ko": "{subject}: {rows}건\n  · {reason}",
        "en": "{subject}: {rows}\n  · {reason}",
    },
    "content_admin.delivery.subject.digest": {"ko": "정기 소식 · {at}", "en": "Digest · {at}"},
    "content_admin.delivery.subject.immediate": {"ko": "바로 보내는 소식", "en": "Immediate news"},
    "content_admin.delivery.subject.reminder": {
        "ko": "회의 리마인더 · {at} 시작 회의",
        "en": "Meeting reminder · meeting at {at}",
    },
    "content_admin.delivery.subject.deadline_digest": {
        "ko": "관리자 답변 기한 알림",
        "en": "Answer deadlines for administrators",
    },
    "content_admin.delivery.subject.deadline_change": {
        "ko": "답변 예정일 변경 알림",
        "en": "Later answer date notice",
    },
    "content_admin.delivery.subject.link.scheduled": {
        "ko": "연결된 회의·법안 일정 알림",
        "en": "Linked meeting or bill scheduled",
    },
    "content_admin.delivery.subject.link.held": {
        "ko": "연결된 회의 개최 알림",
        "en": "Linked meeting held",
    },
    "content_admin.delivery.subject.link.stage": {
        "ko": "연결된 법안 단계 알림",
        "en": "Linked bill moved a stage",
    },
    "content_admin.delivery.subject.link.other": {
        "ko": "연결된 회의·법안 소식",
        "en": "News of a linked meeting or bill",
    },
    "content_admin.delivery.subject.draft_reminder": {
        "ko": "작성 중인 의견 알림",
        "en": "Unfinished report reminder",
    },
    "content_admin.delivery.subject.follow_up": {
        "ko": "해결 뒤 효과 질문",
        "en": '"Did it help?" question',
    },
    "content_admin.delivery.subject.status": {"ko": "의견 상태 변경 알림", "en": "Status change"},
    "content_admin.delivery.subject.answer": {"ko": "공식 답변 알림", "en": "Official answer"},
    "content_admin.delivery.subject.merge": {"ko": "중복 병합 알림", "en": "Merged duplicate"},
    "content_admin.delivery.subject.other": {"ko": "기타 발송", "en": "Other delivery"},
    "content_admin.delivery.why.blocked": {
        "ko": "받는 사람이 봇을 차단함",
        "en": "recipient blocked the bot",
    },
    "content_admin.delivery.why.refused": {
        "ko": "텔레그램이 메시지를 거절함",
        "en": "Telegram refused the message",
    },
    "content_admin.delivery.why.error": {
        "ko": "전송 오류",
        "en": "sending error",
    },
    "content_admin.delivery.why.gave_up": {
        "ko": "재시도 시간 초과",
        "en": "retry time ran out",
    },
    "content_admin.delivery.why.erased": {"ko": "받는 사람 정보 삭제됨", "en": "recipient erased"},
    "content_admin.delivery.why.unsubscribed": {
        "ko": "구독 해지함",
        "en": "unsubscribed",
    },
    "content_admin.delivery.why.tried": {
        "ko": "{hours}시간 동안 {attempts}번 시도함",
        "en": "tried {attempts} times over {hours} hours",
    },
    "content_admin.delivery.why.other": {"ko": "기타 사유", "en": "other reason"},
    "content_admin.delivery.unrecorded": {
        "ko": "📝 보냈지만 아직 기록하지 못한 메시지 {count}건: 저장소가 회복되면 기록해요.",
        "en": "📝 {count} sent messages not yet recorded: written once storage recovers.",
    },
    "content_admin.delivery.refresh": {"ko": "🔄 새로고침", "en": "🔄 Refresh"},
    "content_admin.delivery.unchanged": {
        "ko": "지난번에 보신 뒤로 바뀐 내용이 없어요.",
        "en": "Nothing has changed since you last looked.",
    },
}
