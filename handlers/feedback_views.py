"""What the /feedback flow shows: each step's question and keyboard, hints, and the review."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from domain import callback_data as cb
from domain.amounts import Cost
from domain.drafts import CompanyProfile, Draft, DraftStep
from domain.feedback_steps import (
    AMENDABLE_STEPS,
    COMPANY_STEPS,
    EDITABLE_STEPS,
    QUICK_STEPS,
    progress,
)
from domain.intake import MAX_COST_HOURS, SimilarSubmission
from domain.reference import Choice
from domain.submissions import (
    MAX_ATTACHMENTS,
    MAX_TEXT_LENGTH,
    MIN_PROBLEM_LENGTH,
    Submission,
    SubmissionStatus,
    Visibility,
)
from handlers.context import SotongContext
from handlers.ui import button, keyboard
from messages import Markup, format_number, t
from messages.costs import describe_cost
from services.intake import Question

__all__ = [
    "choice_button",
    "cost_words",
    "costs_words",
    "hint",
    "impact_words",
    "me_too_button",
    "preview",
    "profile_text",
    "question",
    "review_markup",
    "review_text",
    "status_label",
]

_NAMED_SKIPS = frozenset({DraftStep.LAW, DraftStep.PROPOSAL, DraftStep.IMPACT, DraftStep.PROFILE})
_REVIEW_PREVIEW = 700
_EDIT_PREVIEW = 1500
_SUMMARY = 60


def choice_button(choice: Choice, language: str, data: cb.ButtonData) -> InlineKeyboardButton:
    """A button named from reference data (the database), not from the catalog."""
    return InlineKeyboardButton(choice.name(language), callback_data=data.encode())


def me_too_button(language: str, submission: Submission, tag: str) -> InlineKeyboardButton:
    """A "me too" button for any message showing a submission, tagged for its one reader.

    The tag comes from `IntakeService.offer(reader, submission)`: the button works only for the
    user it was offered to.
    """
    return button(language, "feedback.button.me_too", cb.MeToo(submission.id, tag))


def status_label(language: str, status: SubmissionStatus) -> Markup:
    """A status in words."""
    return t(language, f"feedback.status.{status}")


def preview(language: str, text: str, limit: int) -> Markup:
    """The text, or its beginning with the full length when it is long."""
    if len(text) <= limit:
        return t(language, "feedback.echo", text=text)
    return t(
        language,
        "feedback.value.truncated",
        text=text[:limit],
        length=format_number(len(text), language),
    )


def _rows(buttons: Sequence[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


def _back_row(language: str, draft: Draft) -> list[list[InlineKeyboardButton]]:
    if draft.editing:
        return [[button(language, "feedback.button.back", cb.FB_REVIEW)]]
    return []


def hint(language: str, step: DraftStep | str) -> Markup:
    """What a step expects, said shortly, for wrong input."""
    if step == DraftStep.PROBLEM:
        return t(
            language,
            "feedback.hint.problem",
            min=MIN_PROBLEM_LENGTH,
            max=format_number(MAX_TEXT_LENGTH, language),
        )
    if step == DraftStep.COST_HOURS:
        return t(language, "feedback.hint.cost_hours", max=MAX_COST_HOURS)
    return t(language, f"feedback.hint.{step}")


async def profile_text(context: SotongContext, profile: CompanyProfile) -> Markup:
    """Region · size · industry in the reader's language, or "not given"."""
    lang = context.lang
    reference = context.services.reference
    names = []
    for kind, choice_id in (
        ("regions", profile.region_id),
        ("company_sizes", profile.company_size_id),
        ("industries", profile.industry_id),
    ):
        if choice_id is not None:
            choice = await reference.find(kind, choice_id)
            if choice is not None:
                names.append(choice.name(lang))
    if not names:
        return t(lang, "feedback.value.not_given")
    return t(lang, "feedback.echo", text=str(t(lang, "feedback.value.separator")).join(names))


def impact_words(language: str, impact: int | None, none: str) -> str:
    """An impact as "4/5", or `none` when the owner did not say."""
    return none if impact is None else t(language, "feedback.value.impact", level=impact)


def cost_words(language: str, cost: Cost) -> Markup:
    """A cost as the owner said it, in words: "월 300만원", "한 번에 300만원", "주 5시간"."""
    return describe_cost(language, str(cost.unit), str(cost.period), cost.low, cost.high)


def costs_words(language: str, hours: Cost | None, won: Cost | None) -> Markup | None:
    """Both costs in one line ("월 40시간 · 한 번에 300만원"), or None when neither was given."""
    given = [cost_words(language, cost) for cost in (hours, won) if cost is not None]
    if not given:
        return None
    return Markup(str(t(language, "feedback.value.separator")).join(given))


def _cost_values(language: str, draft: Draft) -> tuple[Markup, Markup]:
    none = t(language, "feedback.cost.none")
    hours, won = draft.content.hours_cost, draft.content.won_cost
    return (
        none if hours is None else cost_words(language, hours),
        none if won is None else cost_words(language, won),
    )


def _similar_item(language: str, number: int, category: str, match: SimilarSubmission) -> Markup:
    """What another owner's report shows: its topic, support, status, a known law, key terms.

    Nothing its owner typed (domain/intake.py `SimilarSubmission`), no receipt code and no
    words in common (which would let a draft probe for words in someone else's text): an
    anonymous owner can be neither quoted nor identified.
    """
    lines = [
        t(
            language,
            "feedback.similar_item",
            number=number,
            category=category,
            count=match.supporters,
            status=status_label(language, match.status),
        )
    ]
    if match.law is not None:
        lines.append(t(language, "feedback.similar_law", law=match.law))
    if match.terms:
        separator = str(t(language, "feedback.value.separator"))
        terms = separator.join(
            str(t(language, f"feedback.similar_term.{key}")) for key in match.terms
        )
        lines.append(t(language, "feedback.similar_terms", terms=terms))
    return Markup("\n".join(str(line) for line in lines))


def _one_line(text: str, limit: int) -> str:
    """The first line of a text, cut to fit one line of a phone screen."""
    line = text.strip().splitlines()[0].strip() if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"


async def _ready_text(
    context: SotongContext, draft: Draft, similar: Sequence[SimilarSubmission]
) -> Markup:
    """The report in one line, how it will be sent, and any similar report to support."""
    language = context.lang
    category = (
        None
        if draft.content.category_id is None
        else await context.services.reference.find("categories", draft.content.category_id)
    )
    name = "" if category is None else category.name(language)
    text = t(
        language,
        "feedback.ask.ready",
        category=name,
        summary=_one_line(draft.content.problem or "", _SUMMARY),
        visibility=t(language, f"feedback.ready.visibility.{draft.visibility or 'anonymous'}"),
    )
    if not similar:
        return text
    items = "\n\n".join(
        _similar_item(language, number, name, match)
        for number, match in enumerate(similar, start=1)
    )
    return Markup(f"{text}\n\n{t(language, 'feedback.ready.similar', items=Markup(items))}")


async def _ready_markup(
    context: SotongContext, draft: Draft, similar: Sequence[SimilarSubmission]
) -> InlineKeyboardMarkup:
    """Submit now first, then support for similar reports, add details, the other visibility.

    The support buttons sit below "Submit now", so a habitual tap on the top button sends the
    owner's own report and never supports someone else's by mistake.
    """
    lang = context.lang
    intake = context.services.intake
    rows = [[button(lang, "feedback.button.submit_now", cb.FB_SUBMIT)]]
    for number, match in enumerate(similar, start=1):
        tag = await intake.offer(draft.user_id, match.submission_id)
        data = cb.FbMeToo(match.submission_id, tag)
        rows.append([button(lang, "feedback.button.me_too_numbered", data, number=number)])
    other = (
        button(lang, "feedback.button.make_named", cb.FbVisibility("named"))
        if draft.visibility is not Visibility.NAMED
        else button(lang, "feedback.button.make_anonymous", cb.FbVisibility("anonymous"))
    )
    rows.append([button(lang, "feedback.button.add_details", cb.FB_DETAILS), other])
    rows.append([button(lang, "feedback.button.discard", cb.FB_DISCARD)])
    return keyboard(rows)


def _with_current(language: str, text: Markup, current: str | None) -> Markup:
    if current is None:
        return text
    shown = preview(language, current, _EDIT_PREVIEW)
    return Markup(f"{text}\n\n{t(language, 'feedback.edit_current', text=shown)}")


async def question(
    context: SotongContext, asked: Question
) -> tuple[Markup, InlineKeyboardMarkup | None]:
    """The text and keyboard that ask the draft's current step (`IntakeService.question`)."""
    lang = context.lang
    reference = context.services.reference
    draft, similar, remembered = asked.draft, asked.similar, asked.remembered
    step = draft.step
    counter = _counter(lang, draft, has_profile=remembered is not None)
    # Skip and Next name their step, so a tap on an older question's button is recognised.
    skip = (
        [button(lang, "feedback.button.skip", cb.FbSkip(str(step)))] if step in _NAMED_SKIPS else []
    )
    if step in COMPANY_STEPS:
        skip = [button(lang, "feedback.button.skip_company", cb.FbSkip(str(step)))]
    rows: list[list[InlineKeyboardButton]]
    if step is DraftStep.CATEGORY:
        categories = await reference.categories()
        rows = [[choice_button(c, lang, cb.FbCategory(c.id))] for c in categories]
        text = t(lang, "feedback.ask.category", counter=counter)
        return text, keyboard(rows + _back_row(lang, draft))
    if step is DraftStep.PROBLEM:
        text = t(
            lang,
            "feedback.ask.problem",
            counter=counter,
            min=MIN_PROBLEM_LENGTH,
            max=format_number(MAX_TEXT_LENGTH, lang),
        )
        back = _back_row(lang, draft)
        current = draft.content.problem if draft.editing else None
        return _with_current(lang, text, current), keyboard(back) if back else None
    if step is DraftStep.LAW:
        rows = [[button(lang, "feedback.button.law_unsure", cb.FB_LAW_UNSURE), *skip]]
        current = draft.content.law_or_rule if draft.editing else None
        text = _with_current(lang, t(lang, "feedback.ask.law", counter=counter), current)
        return text, keyboard(rows + _back_row(lang, draft))
    if step is DraftStep.PROPOSAL:
        current = draft.content.proposal if draft.editing else None
        text = _with_current(lang, t(lang, "feedback.ask.proposal", counter=counter), current)
        return text, keyboard([skip, *_back_row(lang, draft)])
    if step is DraftStep.IMPACT:
        rows = [
            [button(lang, f"feedback.button.impact.{level}", cb.FbImpact(level))]
            for level in range(1, 6)
        ]
        if not draft.editing:
            rows.append(skip)
        text = t(lang, "feedback.ask.impact", counter=counter)
        return text, keyboard(rows + _back_row(lang, draft))
    if step is DraftStep.COST:
        hours, won = _cost_values(lang, draft)
        rows = [
            [
                button(lang, "feedback.button.cost_hours", cb.FbCost("hours")),
                button(lang, "feedback.button.cost_won", cb.FbCost("won")),
            ]
        ]
        if draft.content.hours_cost is not None or draft.content.won_cost is not None:
            rows.append([button(lang, "feedback.button.cost_clear", cb.FbCost("clear"))])
        rows.append([button(lang, "feedback.button.next", cb.FbNext(str(step)))])
        text = t(lang, "feedback.ask.cost", counter=counter, hours=hours, won=won)
        return text, keyboard(rows)
    if step in (DraftStep.COST_HOURS, DraftStep.COST_WON):
        back_row = [[button(lang, "feedback.button.back", cb.FB_COST_BACK)]]
        return t(lang, f"feedback.ask.{step}"), keyboard(back_row)
    if step is DraftStep.ATTACHMENTS:
        rows = []
        if draft.attachments:
            rows.append([button(lang, "feedback.button.attachments_clear", cb.FB_ATT_CLEAR)])
        rows.append([button(lang, "feedback.button.next", cb.FbNext(str(step)))])
        text = t(
            lang,
            "feedback.ask.attachments",
            counter=counter,
            count=len(draft.attachments),
            max=MAX_ATTACHMENTS,
        )
        return text, keyboard(rows)
    if step is DraftStep.PROFILE:
        shown = await profile_text(context, remembered or CompanyProfile())
        rows = [
            [
                button(lang, "feedback.button.profile_same", cb.FB_PROFILE_SAME),
                button(lang, "feedback.button.profile_change", cb.FB_PROFILE_CHANGE),
            ],
            skip,
        ]
        return t(lang, "feedback.ask.profile", counter=counter, profile=shown), keyboard(rows)
    if step is DraftStep.REGION:
        regions = await reference.regions()
        rows = _rows([choice_button(c, lang, cb.FbRegion(c.id)) for c in regions], 4)
        return t(lang, "feedback.ask.region", counter=counter), keyboard([*rows, skip])
    if step is DraftStep.SIZE:
        sizes = await reference.company_sizes()
        rows = _rows([choice_button(c, lang, cb.FbSize(c.id)) for c in sizes], 2)
        return t(lang, "feedback.ask.size", counter=counter), keyboard([*rows, skip])
    if step is DraftStep.INDUSTRY:
        industries = await reference.industries()
        rows = _rows([choice_button(c, lang, cb.FbIndustry(c.id)) for c in industries], 2)
        return t(lang, "feedback.ask.industry", counter=counter), keyboard([*rows, skip])
    if step is DraftStep.VISIBILITY:
        rows = [
            [
                button(lang, "feedback.button.named", cb.FbVisibility("named")),
                button(lang, "feedback.button.anonymous", cb.FbVisibility("anonymous")),
            ]
        ]
        return t(lang, "feedback.ask.visibility"), keyboard(rows + _back_row(lang, draft))
    if step is DraftStep.READY:
        return await _ready_text(context, draft, similar), await _ready_markup(
            context, draft, similar
        )
    return await review_text(context, draft), review_markup(lang, draft)


async def review_text(context: SotongContext, draft: Draft) -> Markup:
    """Everything the draft holds, long texts shortened so the summary fits one message."""
    lang = context.lang
    none = t(lang, "feedback.value.not_given")
    category = (
        None
        if draft.content.category_id is None
        else await context.services.reference.find("categories", draft.content.category_id)
    )
    if draft.content.law_or_rule is not None:
        law = preview(lang, draft.content.law_or_rule, 300)
    elif draft.content.law_unsure:
        law = t(lang, "feedback.value.law_unsure")
    else:
        law = none
    cost = costs_words(lang, draft.content.hours_cost, draft.content.won_cost) or none
    if draft.amends is None:
        title = t(lang, "feedback.review.title")
        footer = t(lang, "feedback.review.footer")
    else:
        sent = await context.services.submissions.owned(draft.amends, draft.user_id)
        code = "" if sent is None else sent.receipt_code
        title = t(lang, "feedback.review.title_details", code=code)
        footer = t(lang, "feedback.review.footer_details")
    return t(
        lang,
        "feedback.review",
        title=title,
        footer=footer,
        category=none if category is None else category.name(lang),
        problem=none
        if draft.content.problem is None
        else preview(lang, draft.content.problem, _REVIEW_PREVIEW),
        law=law,
        proposal=(
            none
            if draft.content.proposal is None
            else preview(lang, draft.content.proposal, _REVIEW_PREVIEW)
        ),
        impact=none
        if draft.content.impact is None
        else t(lang, f"feedback.button.impact.{draft.content.impact}"),
        cost=cost,
        attachments=(
            t(lang, "feedback.value.attachments", count=len(draft.attachments))
            if draft.attachments
            else none
        ),
        profile=await profile_text(context, draft.profile),
        visibility=(
            none if draft.visibility is None else t(lang, f"feedback.visibility.{draft.visibility}")
        ),
    )


def review_markup(language: str, draft: Draft) -> InlineKeyboardMarkup:
    """An edit button per field, then Submit and Discard (Save and Stop for added details)."""
    amending = draft.amends is not None
    steps = AMENDABLE_STEPS if amending else EDITABLE_STEPS
    edits = [button(language, f"feedback.button.edit.{step}", cb.FbEdit(step)) for step in steps]
    submit, discard = (
        ("feedback.button.save_details", "feedback.button.drop_details")
        if amending
        else ("feedback.button.submit", "feedback.button.discard")
    )
    return keyboard(
        [
            *_rows(edits, 3),
            [
                button(language, submit, cb.FB_SUBMIT),
                button(language, discard, cb.FB_DISCARD),
            ],
        ]
    )


def _counter(language: str, draft: Draft, *, has_profile: bool) -> Markup:
    """Where the question stands: on the two questions of a report, or on the details.

    Nothing while editing from the review, where the owner is not on a path.
    """
    place = progress(draft.step, has_profile=has_profile, editing=draft.editing)
    if place is None:
        return Markup("")
    key = "feedback.counter.report" if draft.step in QUICK_STEPS else "feedback.counter.details"
    return t(language, key, n=place[0], total=place[1])
