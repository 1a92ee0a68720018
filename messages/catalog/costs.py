"""A cost in words: amounts in hours or won, and how often they recur."""

TEXTS = {
    "cost.hours": {"ko": "{amount}시간", "en": "{amount} hours"},
    "cost.hours_one": {"ko": "{amount}시간", "en": "{amount} hour"},
    "cost.hours_range": {"ko": "{low}~{high}시간", "en": "{low}–{high} hours"},
    "cost.won": {"ko": "{amount}원", "en": "₩{amount}"},
    "cost.won_range": {"ko": "{low}~{high}원", "en": "₩{low}–{high}"},
    "cost.period.one_off": {"ko": "한 번에 {amount}", "en": "{amount} once"},
    "cost.period.day": {"ko": "하루 {amount}", "en": "{amount} a day"},
    "cost.period.week": {"ko": "주 {amount}", "en": "{amount} a week"},
    "cost.period.month": {"ko": "월 {amount}", "en": "{amount} a month"},
    "cost.period.year": {"ko": "연 {amount}", "en": "{amount} a year"},
    # How often, alone: the period columns of an export.
    "cost.period_label.one_off": {"ko": "한 번", "en": "one-off"},
    "cost.period_label.day": {"ko": "매일", "en": "daily"},
    "cost.period_label.week": {"ko": "매주", "en": "weekly"},
    "cost.period_label.month": {"ko": "매월", "en": "monthly"},
    "cost.period_label.year": {"ko": "매년", "en": "yearly"},
}
