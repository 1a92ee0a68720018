"""What the /feedback flow shows: each step's question and keyboard, hints, and the review."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from domain import callback_data as cb
from domain.amounts import Cost
from domain.drafts import CompanyProfile, Draft, DraftStep
from domain.feedback_steps import EDITABLE_STEPS
from domain.intake import MAX_COST_HOURS, SimilarSubmission
from domain.reference import Choice
from domain.submissions import (
    MAX_ATTACHMENTS,
    MAX_TEXT_LENGTH,
    MIN_PROBLEM_LENGTH,
    Submission,
    SubmissionStatus,
)
from handlers.context import SotongContext
from handlers.ui import button, keyboard
from messages import Markup, format_number, t
from messages.costs import describe_cost

__all__ = [
    "choice_button",
    "cost_words",
    "costs_words",
    "hint",
    "me_too_button",
    "preview",
    "profile_text",
    "question",
    "review_markup",
    "review_text",
    "status_label",
]

_NAMED_SKIPS = frozenset(
    {
        DraftStep.LAW,
        DraftStep.PROPOSAL,
        DraftStep.PROFILE,
        DraftStep.REGION,
        DraftStep.SIZE,
        DraftStep.INDUSTRY,
    }
)
_REVIEW_PREVIEW = 700
_SIMILAR_LAW = 60
_EDIT_PREVIEW = 1500


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
    """Region · size · industry in the reader's language, or "none"."""
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
        return t(lang, "feedback.value.none")
    return t(lang, "feedback.echo", text=str(t(lang, "feedback.value.separator")).join(names))


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
    hours, won = draft.hours_cost, draft.won_cost
    return (
        none if hours is None else cost_words(language, hours),
        none if won is None else cost_words(language, won),
    )


def _similar_item(language: str, number: int, category: str, submission: Submission) -> Markup:
    """What another owner's submission shows: nothing they typed but a short law name.

    No problem text, receipt code or words in common (which would let a draft probe for words
    in someone else's text): an anonymous owner can be neither quoted nor identified.
    """
    item = t(
        language,
        "feedback.similar_item",
        number=number,
        category=category,
        count=submission.supporters_count,
        status=status_label(language, submission.status),
    )
    law = submission.law_or_rule
    if law is None:
        return item
    short = law if len(law) <= _SIMILAR_LAW else law[: _SIMILAR_LAW - 1] + "…"
    return Markup(f"{item}\n{t(language, 'feedback.similar_law', law=short)}")


async def _similar_text(
    context: SotongContext, draft: Draft, similar: Sequence[SimilarSubmission]
) -> Markup:
    language = context.lang
    category = (
        None
        if draft.category_id is None
        else await context.services.reference.find("categories", draft.category_id)
    )
    name = "" if category is None else category.name(language)
    items = "\n\n".join(
        _similar_item(language, number, name, match.submission)
        for number, match in enumerate(similar, start=1)
    )
    return t(language, "feedback.ask.similar", items=Markup(items))


def _with_current(language: str, text: Markup, current: str | None) -> Markup:
    if current is None:
        return text
    shown = preview(language, current, _EDIT_PREVIEW)
    return Markup(f"{text}\n\n{t(language, 'feedback.edit_current', text=shown)}")


async def question(
    context: SotongContext, draft: Draft, similar: Sequence[SimilarSubmission] = ()
) -> tuple[Markup, InlineKeyboardMarkup | None]:
    """The text and keyboard that ask the draft's current step."""
    lang = context.lang
    reference = context.services.reference
    step = draft.step
    # Skip and Next name their step, so a tap on an older question's button is recognised.
    skip = (
        [button(lang, "feedback.button.skip", cb.FbSkip(str(step)))] if step in _NAMED_SKIPS else []
    )
    rows: list[list[InlineKeyboardButton]]
    if step is DraftStep.CATEGORY:
        categories = await reference.categories()
        rows = [[choice_button(c, lang, cb.FbCategory(c.id))] for c in categories]
        return t(lang, "feedback.ask.category"), keyboard(rows + _back_row(lang, draft))
    if step is DraftStep.PROBLEM:
        text = t(
            lang,
            "feedback.ask.problem",
            min=MIN_PROBLEM_LENGTH,
            max=format_number(MAX_TEXT_LENGTH, lang),
        )
        back = _back_row(lang, draft)
        current = draft.problem if draft.editing else None
        return _with_current(lang, text, current), keyboard(back) if back else None
    if step is DraftStep.LAW:
        rows = [[button(lang, "feedback.button.law_unsure", cb.FB_LAW_UNSURE), *skip]]
        current = draft.law_or_rule if draft.editing else None
        text = _with_current(lang, t(lang, "feedback.ask.law"), current)
        return text, keyboard(rows + _back_row(lang, draft))
    if step is DraftStep.PROPOSAL:
        current = draft.proposal if draft.editing else None
        text = _with_current(lang, t(lang, "feedback.ask.proposal"), current)
        return text, keyboard([skip, *_back_row(lang, draft)])
    if step is DraftStep.IMPACT:
        rows = [
            [button(lang, f"feedback.button.impact.{level}", cb.FbImpact(level))]
            for level in range(1, 6)
        ]
        return t(lang, "feedback.ask.impact"), keyboard(rows + _back_row(lang, draft))
    if step is DraftStep.COST:
        hours, won = _cost_values(lang, draft)
        rows = [
            [
                button(lang, "feedback.button.cost_hours", cb.FbCost("hours")),
                button(lang, "feedback.button.cost_won", cb.FbCost("won")),
            ]
        ]
        if draft.hours_cost is not None or draft.won_cost is not None:
            rows.append([button(lang, "feedback.button.cost_clear", cb.FbCost("clear"))])
        rows.append([button(lang, "feedback.button.next", cb.FbNext(str(step)))])
        return t(lang, "feedback.ask.cost", hours=hours, won=won), keyboard(rows)
    if step in (DraftStep.COST_HOURS, DraftStep.COST_WON):
        back_row = [[button(lang, "feedback.button.back", cb.FB_COST_BACK)]]
        return t(lang, f"feedback.ask.{step}"), keyboard(back_row)
    if step is DraftStep.ATTACHMENTS:
        rows = []
        if draft.attachments:
            rows.append([button(lang, "feedback.button.attachments_clear", cb.FB_ATT_CLEAR)])
        rows.append([button(lang, "feedback.button.next", cb.FbNext(str(step)))])
        text = t(
            lang, "feedback.ask.attachments", count=len(draft.attachments), max=MAX_ATTACHMENTS
        )
        return text, keyboard(rows)
    if step is DraftStep.PROFILE:
        remembered = await context.services.intake.remembered_profile(draft.user_id)
        shown = await profile_text(context, remembered or CompanyProfile())
        rows = [
            [
                button(lang, "feedback.button.profile_same", cb.FB_PROFILE_SAME),
                button(lang, "feedback.button.profile_change", cb.FB_PROFILE_CHANGE),
            ],
            skip,
        ]
        return t(lang, "feedback.ask.profile", profile=shown), keyboard(rows)
    if step is DraftStep.REGION:
        regions = await reference.regions()
        rows = _rows([choice_button(c, lang, cb.FbRegion(c.id)) for c in regions], 4)
        return t(lang, "feedback.ask.region"), keyboard([*rows, skip])
    if step is DraftStep.SIZE:
        sizes = await reference.company_sizes()
        rows = _rows([choice_button(c, lang, cb.FbSize(c.id)) for c in sizes], 2)
        return t(lang, "feedback.ask.size"), keyboard([*rows, skip])
    if step is DraftStep.INDUSTRY:
        industries = await reference.industries()
        rows = _rows([choice_button(c, lang, cb.FbIndustry(c.id)) for c in industries], 2)
        return t(lang, "feedback.ask.industry"), keyboard([*rows, skip])
    if step is DraftStep.VISIBILITY:
        rows = [
            [
                button(lang, "feedback.button.named", cb.FbVisibility("named")),
                button(lang, "feedback.button.anonymous", cb.FbVisibility("anonymous")),
            ]
        ]
        return t(lang, "feedback.ask.visibility"), keyboard(rows + _back_row(lang, draft))
    if step is DraftStep.SIMILAR:
        intake = context.services.intake
        rows = [
            [
                button(
                    lang,
                    "feedback.button.me_too_numbered",
                    cb.FbMeToo(
                        match.submission.id, await intake.offer(draft.user_id, match.submission.id)
                    ),
                    number=number,
                )
            ]
            for number, match in enumerate(similar, start=1)
        ]
        rows.append([button(lang, "feedback.button.own_submission", cb.FB_OWN)])
        return await _similar_text(context, draft, similar), keyboard(rows)
    return await review_text(context, draft), review_markup(lang)


async def review_text(context: SotongContext, draft: Draft) -> Markup:
    """Everything the draft holds, long texts shortened so the summary fits one message."""
    lang = context.lang
    none = t(lang, "feedback.value.none")
    category = (
        None
        if draft.category_id is None
        else await context.services.reference.find("categories", draft.category_id)
    )
    if draft.law_or_rule is not None:
        law = preview(lang, draft.law_or_rule, 300)
    elif draft.law_unsure:
        law = t(lang, "feedback.value.law_unsure")
    else:
        law = none
    cost = costs_words(lang, draft.hours_cost, draft.won_cost) or none
    return t(
        lang,
        "feedback.review",
        category=none if category is None else category.name(lang),
        problem=none if draft.problem is None else preview(lang, draft.problem, _REVIEW_PREVIEW),
        law=law,
        proposal=(
            none if draft.proposal is None else preview(lang, draft.proposal, _REVIEW_PREVIEW)
        ),
        impact=none if draft.impact is None else t(lang, f"feedback.button.impact.{draft.impact}"),
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


def review_markup(language: str) -> InlineKeyboardMarkup:
    """An edit button per field, then Submit and Discard."""
    edits = [
        button(language, f"feedback.button.edit.{step}", cb.FbEdit(step)) for step in EDITABLE_STEPS
    ]
    return keyboard(
        [
            *_rows(edits, 3),
            [
                button(language, "feedback.button.submit", cb.FB_SUBMIT),
                button(language, "feedback.button.discard", cb.FB_DISCARD),
            ],
        ]
    )
