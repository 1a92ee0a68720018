"""Texts of /subscribe: the settings panel and its pickers."""

TEXTS = {
    "command.subscribe": {"ko": "정책 소식 구독 설정", "en": "Policy news subscription"},
    "subscribe.menu_button": {"ko": "🔔 구독", "en": "🔔 Subscriptions"},
    "subscribe.panel": {
        "ko": (
            "<b>🔔 정책 소식 구독</b>\n"
            "{status}\n\n"
            "회의 일정 {meetings} · 공지 {announcements}\n"
            "법안: {bills}\n"
            "분야: {topics}\n"
            "받는 때: {when}\n"
            "{quiet}\n\n"
            "버튼으로 고른 뒤 <b>저장</b>을 누르세요."
        ),
        "en": (
            "<b>🔔 Policy news subscription</b>\n"
            "{status}\n\n"
            "Meetings {meetings} · Announcements {announcements}\n"
            "Bills: {bills}\n"
            "Topics: {topics}\n"
            "When: {when}\n"
            "{quiet}\n\n"
            "Choose with the buttons, then press <b>Save</b>."
        ),
    },
    "subscribe.needs_consent": {
        "ko": (
            "소식을 보내 드리려면 개인정보 수집·이용에 동의가 필요해요. 동의하지 않아도 "
            "/meetings 와 /bills 는 언제든 볼 수 있어요."
        ),
        "en": (
            "To send you news I need your consent to the privacy notice. Without it you can "
            "still read /meetings and /bills at any time."
        ),
    },
    "subscribe.status.new": {"ko": "아직 구독하지 않았어요.", "en": "You are not subscribed yet."},
    "subscribe.status.active": {"ko": "구독 중이에요.", "en": "You are subscribed."},
    "subscribe.status.stopped": {
        "ko": "구독을 멈춘 상태예요. 저장하면 다시 받아요.",
        "en": "Your subscription is stopped. Save to start again.",
    },
    "subscribe.bills.all": {"ko": "모든 법안", "en": "all bills"},
    "subscribe.bills.followed": {"ko": "관심 법안만", "en": "only bills I follow"},
    "subscribe.bills.none": {"ko": "받지 않음", "en": "none"},
    "subscribe.topics_all": {"ko": "모든 분야", "en": "all topics"},
    "subscribe.when.immediate": {"ko": "새 소식이 생기는 즉시", "en": "as soon as there is news"},
    "subscribe.when.daily": {"ko": "매일 {hour}", "en": "daily at {hour}"},
    "subscribe.when.weekly": {"ko": "매주 {weekday} {hour}", "en": "every {weekday} at {hour}"},
    # The same, inside a sentence that goes on: Korean needs 에 after a time ("08:00에").
    "subscribe.saved_when.immediate": {
        "ko": "새 소식이 생기는 즉시",
        "en": "as soon as there is news",
    },
    "subscribe.saved_when.daily": {"ko": "매일 {hour}에", "en": "daily at {hour}"},
    "subscribe.saved_when.weekly": {
        "ko": "매주 {weekday} {hour}에",
        "en": "every {weekday} at {hour}",
    },
    "subscribe.quiet": {
        "ko": "🌙 {-quiet-hours}: {start}~{end}. 이때는 보내지 않고 끝나면 보내요.",
        "en": "🌙 Nothing is sent between {start} and {end}; it waits until then.",
    },
    "subscribe.quiet_off": {"ko": "🌙 {-quiet-hours} 없음", "en": "🌙 No quiet hours"},
    "subscribe.button.meetings": {"ko": "{mark} 회의 일정", "en": "{mark} Meetings"},
    "subscribe.button.announcements": {"ko": "{mark} 공지", "en": "{mark} Announcements"},
    "subscribe.button.bills": {"ko": "⚖️ 법안: {scope}", "en": "⚖️ Bills: {scope}"},
    "subscribe.button.topics": {"ko": "🏷 분야 고르기", "en": "🏷 Topics"},
    "subscribe.button.when": {"ko": "⏱ 받는 때", "en": "⏱ When"},
    "subscribe.button.save": {"ko": "💾 저장", "en": "💾 Save"},
    "subscribe.button.close": {"ko": "✖️ 닫기", "en": "✖️ Close"},
    "subscribe.button.stop": {"ko": "🔕 구독 해지", "en": "🔕 Unsubscribe"},
    "subscribe.button.topics_all": {"ko": "모든 분야", "en": "All topics"},
    "subscribe.toast.all_topics": {
        "ko": "이미 모든 분야의 소식을 받고 있어요. 분야를 눌러 표시하면 그 분야만 받아요.",
        "en": "You already get news on every topic. Tick the topics you want to narrow it down.",
    },
    "subscribe.toast.topic_gone": {
        "ko": "이 분야는 더 이상 없어요. 다른 분야를 골라 주세요.",
        "en": "This topic no longer exists. Please pick another one.",
    },
    "subscribe.button.done": {"ko": "✅ 완료", "en": "✅ Done"},
    "subscribe.button.resubscribe": {"ko": "🔔 다시 구독하기", "en": "🔔 Subscribe again"},
    "subscribe.ask_topics": {
        "ko": "어떤 분야의 소식을 받을까요? 아무것도 고르지 않으면 모든 분야를 받아요.",
        "en": "Which topics do you want news on? Choose none to get all topics.",
    },
    "subscribe.ask_frequency": {"ko": "얼마나 자주 받을까요?", "en": "How often?"},
    "subscribe.frequency.immediate": {"ko": "⚡ 즉시", "en": "⚡ Immediately"},
    "subscribe.frequency.daily": {"ko": "📅 매일 한 번", "en": "📅 Once a day"},
    "subscribe.frequency.weekly": {"ko": "🗓 매주 한 번", "en": "🗓 Once a week"},
    "subscribe.ask_hour": {
        "ko": "몇 시에 받을까요? {-quiet-hours}은 빼고 보여 드려요.",
        "en": "At what time? (Quiet hours are left out.)",
    },
    "subscribe.ask_weekday": {"ko": "무슨 요일에 받을까요?", "en": "On which day?"},
    "subscribe.weekday.0": {"ko": "월요일", "en": "Monday"},
    "subscribe.weekday.1": {"ko": "화요일", "en": "Tuesday"},
    "subscribe.weekday.2": {"ko": "수요일", "en": "Wednesday"},
    "subscribe.weekday.3": {"ko": "목요일", "en": "Thursday"},
    "subscribe.weekday.4": {"ko": "금요일", "en": "Friday"},
    "subscribe.weekday.5": {"ko": "토요일", "en": "Saturday"},
    "subscribe.weekday.6": {"ko": "일요일", "en": "Sunday"},
    "subscribe.nothing_chosen": {
        "ko": "받을 소식을 하나 이상 골라 주세요. 모두 그만 받으려면 「구독 해지」를 눌러 주세요.",
        "en": "Choose at least one kind of news. To stop everything, press “Unsubscribe”.",
    },
    "subscribe.saved": {
        "ko": ("✅ 저장했어요. {when} 소식을 보내 드려요. 새 소식이 없으면 보내지 않아요."),
        "en": "✅ Saved. You'll get news {when}, and nothing when there is nothing new.",
    },
    "subscribe.closed": {
        "ko": "구독 설정을 바꾸지 않았어요.",
        "en": "Your subscription is unchanged.",
    },
    "subscribe.stopped": {
        "ko": "🔕 구독을 해지했어요. 관심 법안과 회의 알림은 그대로예요.",
        "en": "🔕 You are unsubscribed. Followed bills and meeting reminders stay as they are.",
    },
    "subscribe.not_subscribed": {
        "ko": "지금은 구독 중이 아니에요.",
        "en": "You are not subscribed at the moment.",
    },
}
