"""What the /feedback flow shows: each step's question and keyboard, hints, and the review."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

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
from services.container import Services
from services.intake import Question

__all__ = [
    "ASK",
    "Shown",
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


Shown = tuple[Markup, InlineKeyboardMarkup | None]
"""A question's text and its keyboard (None: nothing to tap)."""
_Asker = Callable[[SotongContext, Question, Markup], Awaitable[Shown]]


def _skip(language: str, step: DraftStep) -> list[InlineKeyboardButton]:
    """The step's Skip button, if any, named for its step: an older question's is recognised."""
    if step in COMPANY_STEPS:
        return [button(language, "feedback.button.skip_company", cb.FbSkip(str(step)))]
    if step in _NAMED_SKIPS:
        return [button(language, "feedback.button.skip", cb.FbSkip(str(step)))]
    return []


async def _ask_category(context: SotongContext, asked: Question, counter: Markup) -> Shown:
    lang = context.lang
    categories = await context.services.reference.categories()
    rows = [[choice_button(c, lang, cb.FbCategory(c.id))] for c in categories]
    text = t(lang, "feedback.ask.category", counter=counter)
    return text, keyboard(rows + _back_row(lang, asked.draft))


async def _ask_problem(context: SotongContext, asked: Question, counter: Markup) -> Shown:
    lang, draft = context.lang, asked.draft
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


async def _ask_law(context: SotongContext, asked: Question, counter: Markup) -> Shown:
    lang, draft = context.lang, asked.draft
    rows = [
        [
            button(lang, "feedback.button.law_unsure", cb.FB_LAW_UNSURE),
            *_skip(lang, DraftStep.LAW),
        ]
    ]
    current = draft.content.law_or_rule if draft.editing else None
    text = _with_current(lang, t(lang, "feedback.ask.law", counter=counter), current)
    return text, keyboard(rows + _back_row(lang, draft))


async def _ask_proposal(context: SotongContext, asked: Question, counter: Markup) -> Shown:
    lang, draft = context.lang, asked.draft
    current = draft.content.proposal if draft.editing else None
    text = _with_current(lang, t(lang, "feedback.ask.proposal", counter=counter), current)
    return text, keyboard([_skip(lang, DraftStep.PROPOSAL), *_back_row(lang, draft)])


async def _ask_impact(context: SotongContext, asked: Question, counter: Markup) -> Shown:
    lang, draft = context.lang, asked.draft
    rows = [
        [button(lang, f"feedback.button.impact.{level}", cb.FbImpact(level))]
        for level in range(1, 6)
    ]
    if not draft.editing:
        rows.append(_skip(lang, DraftStep.IMPACT))
    text = t(lang, "feedback.ask.impact", counter=counter)
    return text, keyboard(rows + _back_row(lang, draft))


async def _ask_cost(context: SotongContext, asked: Question, counter: Markup) -> Shown:
    lang, draft = context.lang, asked.draft
    hours, won = _cost_values(lang, draft)
    rows = [
        [
            button(lang, "feedback.button.cost_hours", cb.FbCost("hours")),
            button(lang, "feedback.button.cost_won", cb.FbCost("won")),
        ]
    ]
    if draft.content.hours_cost is not None or draft.content.won_cost is not None:
        rows.append([button(lang, "feedback.button.cost_clear", cb.FbCost("clear"))])
    rows.append([button(lang, "feedback.button.next", cb.FbNext(str(DraftStep.COST)))])
    text = t(lang, "feedback.ask.cost", counter=counter, hours=hours, won=won)
    return text, keyboard(rows)


async def _ask_cost_figure(context: SotongContext, asked: Question, _: Markup) -> Shown:
    lang = context.lang
    back_row = [[button(lang, "feedback.button.back", cb.FB_COST_BACK)]]
    return t(lang, f"feedback.ask.{asked.draft.step}"), keyboard(back_row)


async def _ask_attachments(context: SotongContext, asked: Question, counter: Markup) -> Shown:
    lang, draft = context.lang, asked.draft
    rows = []
    if draft.attachments:
        rows.append([button(lang, "feedback.button.attachments_clear", cb.FB_ATT_CLEAR)])
    rows.append([button(lang, "feedback.button.next", cb.FbNext(str(DraftStep.ATTACHMENTS)))])
    text = t(
        lang,
        "feedback.ask.attachments",
        counter=counter,
        count=len(draft.attachments),
        max=MAX_ATTACHMENTS,
    )
    return text, keyboard(rows)


async def _ask_profile(context: SotongContext, asked: Question, counter: Markup) -> Shown:
    lang = context.lang
    shown = await profile_text(context, asked.remembered or CompanyProfile())
    rows = [
        [
            button(lang, "feedback.button.profile_same", cb.FB_PROFILE_SAME),
            button(lang, "feedback.button.profile_change", cb.FB_PROFILE_CHANGE),
        ],
        _skip(lang, DraftStep.PROFILE),
    ]
    return t(lang, "feedback.ask.profile", counter=counter, profile=shown), keyboard(rows)


def _ask_company(
    choices: Callable[[Services], Awaitable[Sequence[Choice]]],
    data: Callable[[str], cb.ButtonData],
    width: int,
) -> _Asker:
    """One company question: its reference list as buttons, `width` a row, then Skip."""

    async def ask(context: SotongContext, asked: Question, counter: Markup) -> Shown:
        lang, step = context.lang, asked.draft.step
        found = await choices(context.services)
        rows = _rows([choice_button(c, lang, data(c.id)) for c in found], width)
        text = t(lang, f"feedback.ask.{step}", counter=counter)
        return text, keyboard([*rows, _skip(lang, step)])

    return ask


async def _ask_visibility(context: SotongContext, asked: Question, _: Markup) -> Shown:
    lang = context.lang
    rows = [
        [
            button(lang, "feedback.button.named", cb.FbVisibility("named")),
            button(lang, "feedback.button.anonymous", cb.FbVisibility("anonymous")),
        ]
    ]
    return t(lang, "feedback.ask.visibility"), keyboard(rows + _back_row(lang, asked.draft))


async def _ask_ready(context: SotongContext, asked: Question, _: Markup) -> Shown:
    draft, similar = asked.draft, asked.similar
    return await _ready_text(context, draft, similar), await _ready_markup(context, draft, similar)


async def _ask_review(context: SotongContext, asked: Question, _: Markup) -> Shown:
    return await review_text(context, asked.draft), review_markup(context.lang, asked.draft)


ASK: dict[DraftStep, _Asker] = {
    DraftStep.CATEGORY: _ask_category,
    DraftStep.PROBLEM: _ask_problem,
    DraftStep.READY: _ask_ready,
    DraftStep.LAW: _ask_law,
    DraftStep.PROPOSAL: _ask_proposal,
    DraftStep.IMPACT: _ask_impact,
    DraftStep.COST: _ask_cost,
    DraftStep.COST_HOURS: _ask_cost_figure,
    DraftStep.COST_WON: _ask_cost_figure,
    DraftStep.ATTACHMENTS: _ask_attachments,
    DraftStep.PROFILE: _ask_profile,
    DraftStep.REGION: _ask_company(lambda s: s.reference.regions(), cb.FbRegion, 4),
    DraftStep.SIZE: _ask_company(lambda s: s.reference.company_sizes(), cb.FbSize, 2),
    DraftStep.INDUSTRY: _ask_company(lambda s: s.reference.industries(), cb.FbIndustry, 2),
    DraftStep.VISIBILITY: _ask_visibility,
    DraftStep.REVIEW: _ask_review,
}
"""How each step is asked: its text and keyboard, from what the service read (`Question`)."""


async def question(context: SotongContext, asked: Question) -> Shown:
    """The text and keyboard that ask the draft's current step (`IntakeService.question`)."""
    draft = asked.draft
    counter = _counter(context.lang, draft, has_profile=asked.remembered is not None)
    return await ASK[draft.step](context, asked, counter)


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
