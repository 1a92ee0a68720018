"""Callback data: one typed, bounded codec for every inline button the bot builds or reads.

Anyone can send a bot any callback data (a modified client, a replayed button, a forged id), so
what comes back from a button is hostile input like any text. Each kind of button is a route: a
fixed prefix and typed fields with limits (integers in range and short, words from a small
alphabet). Decoding answers a typed value or None, never an exception, so a crafted
`metoo:99999…` cannot reach SQLite as an integer it overflows on. Encoding checks the same limits
and Telegram's 64 bytes, so a button the bot builds is valid by construction.

Handlers match updates with `Route.matches` (a `CallbackQueryHandler` pattern) and read the
fields with `Route.decode`; services build digest buttons with `encode()`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Self, cast

from domain.bills import BillStage
from domain.follow_up import FollowUpResult
from domain.meetings import MeetingKind
from domain.submissions import SubmissionOrder

__all__ = [
    "ADMIN_AUDIT",
    "ADMIN_EXPORT",
    "ADMIN_INBOX",
    "ADMIN_STATS",
    "ANSWER_CANCEL",
    "ANSWER_EDIT",
    "ANSWER_SEND",
    "BILL_LIST",
    "BURDEN_CATEGORIES",
    "BURDEN_CHART",
    "BURDEN_LAWS",
    "BURDEN_TOP",
    "CADM_CATS_DONE",
    "CADM_DISCARD",
    "CADM_NO",
    "CADM_SAVE",
    "CADM_SKIP",
    "CADM_TODAY",
    "CADM_YES",
    "CONSENT_AGREE",
    "CONSENT_DECLINE",
    "CONSENT_WITHDRAW",
    "CONSENT_WITHDRAW_NO",
    "CONSENT_WITHDRAW_YES",
    "DELETION_NO",
    "DELETION_YES",
    "DELIVERY_REFRESH",
    "FB_ATT_CLEAR",
    "FB_CONTINUE",
    "FB_COST_BACK",
    "FB_DETAILS",
    "FB_DISCARD",
    "FB_DISCARD_NO",
    "FB_DISCARD_YES",
    "FB_DROP",
    "FB_LAW_UNSURE",
    "FB_OWN",
    "FB_PROFILE_CHANGE",
    "FB_PROFILE_SAME",
    "FB_RESTART",
    "FB_RESUME",
    "FB_REVIEW",
    "FB_SUBMIT",
    "FOLLOW_UP_DONE",
    "MAX_BYTES",
    "MAX_ID",
    "MAX_PAGE",
    "MEET_LIST",
    "MENU_BILLS",
    "MENU_FEEDBACK",
    "MENU_HELP",
    "MENU_HOME",
    "MENU_LANGUAGE",
    "MENU_MEETINGS",
    "MENU_MY",
    "MENU_PRIVACY",
    "MENU_SUBSCRIBE",
    "OFFER_TAG_LENGTH",
    "STATS_CHART",
    "SUB_CATS",
    "SUB_CATS_DONE",
    "SUB_CLOSE",
    "SUB_EDIT",
    "SUB_FREQ",
    "SUB_SAVE",
    "SUB_STOP",
    "AgendaLink",
    "AgendaPick",
    "AgendaView",
    "AuditPage",
    "BillFollow",
    "BillPage",
    "BillShow",
    "ButtonData",
    "CadmBillStage",
    "CadmCategory",
    "CadmField",
    "CadmKind",
    "CadmMeetingCancel",
    "CadmMeetingEdit",
    "CadmMeetingHeld",
    "CadmStage",
    "CadmStageBill",
    "Callback",
    "ExportStep",
    "FbAddDetails",
    "FbCategory",
    "FbCost",
    "FbCostPeriod",
    "FbEdit",
    "FbImpact",
    "FbIndustry",
    "FbMeToo",
    "FbNext",
    "FbRegion",
    "FbSize",
    "FbSkip",
    "FbVisibility",
    "FbWonScale",
    "Fixed",
    "FollowUpVerdict",
    "InboxAction",
    "InboxFilter",
    "InboxList",
    "InboxMove",
    "InboxOpen",
    "KeptConsent",
    "KeptOffer",
    "Language",
    "MeToo",
    "MeetIcs",
    "MeetPage",
    "MeetRemind",
    "MeetShow",
    "MyOpen",
    "MyPage",
    "Retry",
    "StartLanguage",
    "StatsView",
    "SubCategory",
    "SubFrequency",
    "SubHour",
    "SubKind",
    "SubWeekday",
    "any_of",
    "offer_tag",
    "routes_for",
]

MAX_BYTES = 64
MAX_ID = 2**63 - 1
"""SQLite's largest INTEGER: a larger id could never name a row, and overflows on binding."""
MAX_PAGE = 10_000
OFFER_TAG_LENGTH = 11
_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_TAG = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


class _Field:
    """One typed part of callback data: text on the wire, a value in code."""

    def decode(self, text: str) -> Any:
        """The value, or None when the text is not one this field can hold."""
        raise NotImplementedError

    def encode(self, value: Any) -> str:
        """The text; raises ValueError for a value this field cannot hold."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class _Int(_Field):
    low: int
    high: int

    def decode(self, text: str) -> int | None:
        # Digits only, and no more of them than the bound has: int() never sees a huge string.
        if not text or len(text) > len(str(self.high)) or not (text.isascii() and text.isdigit()):
            return None
        value = int(text)
        return value if self.low <= value <= self.high else None

    def encode(self, value: Any) -> str:
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{value!r} is not an integer")
        if not self.low <= value <= self.high:
            raise ValueError(f"{value} is outside {self.low}..{self.high}")
        return str(value)


@dataclass(frozen=True, slots=True)
class _Word(_Field):
    """A short word of lowercase letters, digits and "_", or one of a few special values."""

    max_length: int = 32
    specials: tuple[str, ...] = ()

    def _valid(self, text: str) -> bool:
        if text in self.specials:
            return True
        return 0 < len(text) <= self.max_length and set(text) <= _WORD

    def decode(self, text: str) -> str | None:
        return text if self._valid(text) else None

    def encode(self, value: Any) -> str:
        if not isinstance(value, str) or not self._valid(value):
            raise ValueError(f"{value!r} is not a valid word for callback data")
        return value


@dataclass(frozen=True, slots=True)
class _OneOf(_Field):
    values: tuple[str, ...]

    def decode(self, text: str) -> str | None:
        return text if text in self.values else None

    def encode(self, value: Any) -> str:
        if value not in self.values:
            raise ValueError(f"{value!r} is not one of {self.values}")
        return str(value)


@dataclass(frozen=True, slots=True)
class _Tag(_Field):
    """A fixed-length URL-safe token (an offer's signature)."""

    def decode(self, text: str) -> str | None:
        return text if len(text) == OFFER_TAG_LENGTH and set(text) <= _TAG else None

    def encode(self, value: Any) -> str:
        if self.decode(value) is None:
            raise ValueError(f"{value!r} is not an offer tag")
        return str(value)


@dataclass(frozen=True, slots=True)
class _Key(_Field):
    """A short URL-safe key (a shelved update's)."""

    max_length: int = 16

    def decode(self, text: str) -> str | None:
        return text if 0 < len(text) <= self.max_length and set(text) <= _TAG else None

    def encode(self, value: Any) -> str:
        if not isinstance(value, str) or self.decode(value) is None:
            raise ValueError(f"{value!r} is not a key for callback data")
        return value


@dataclass(frozen=True, slots=True)
class _Flag(_Field):
    """A trailing marker present or absent (`:d` = "shown from the detail view")."""

    token: str
    absent: Any = False

    def decode(self, text: str) -> bool | None:
        return True if text == self.token else None

    def encode(self, value: Any) -> str:
        return self.token


@dataclass(frozen=True, slots=True)
class _Defaulted(_Field):
    """A trailing field that older buttons lack: absent means its default."""

    inner: _Field
    absent: Any

    def decode(self, text: str) -> Any:
        return self.inner.decode(text)

    def encode(self, value: Any) -> str:
        return self.inner.encode(value)


_ID = _Int(1, MAX_ID)
_PAGE = _Int(0, MAX_PAGE)
_SORT = _Defaulted(
    _OneOf(tuple(order.value for order in SubmissionOrder)), SubmissionOrder.NEWEST.value
)


def _check_size(data: str) -> str:
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data {data!r} is longer than Telegram's {MAX_BYTES} bytes")
    return data


class ButtonData:
    """What a button carries: something that encodes to at most 64 bytes."""

    __slots__ = ()

    def encode(self) -> str:
        """The callback data text."""
        raise NotImplementedError


class Fixed(ButtonData):
    """A button without parameters: its data is a constant."""

    __slots__ = ("data",)

    def __init__(self, data: str) -> None:
        self.data = _check_size(data)
        _register(data, self.matches)

    def encode(self) -> str:
        """The constant."""
        return self.data

    def matches(self, data: object) -> bool:
        """Whether callback data is this button's (a `CallbackQueryHandler` pattern)."""
        return data == self.data

    def __repr__(self) -> str:
        return f"Fixed({self.data!r})"


class Callback(ButtonData):
    """A button with typed fields; subclasses are frozen dataclasses naming PREFIX and FIELDS.

    FIELDS are in the dataclass's field order. `_Flag` and `_Defaulted` fields come last and may
    be absent (older buttons lack them).
    """

    __slots__ = ()

    PREFIX: ClassVar[str]
    FIELDS: ClassVar[tuple[_Field, ...]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "PREFIX" in cls.__dict__:
            _register(cls.__name__, cls.matches)

    def encode(self) -> str:
        """The callback data; raises ValueError for values outside the route's limits."""
        parts = [self.PREFIX]
        for spec, value in zip(self.FIELDS, self._values(), strict=True):
            if isinstance(spec, _Flag) and not value:
                continue
            parts.append(spec.encode(value))
        return _check_size(":".join(parts))

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))  # type: ignore[arg-type]

    @classmethod
    def decode(cls, data: object) -> Self | None:
        """The typed button, or None when the data is not a valid one of this route."""
        if not isinstance(data, str) or len(data) > MAX_BYTES:
            return None
        head = cls.PREFIX + ":"
        if not data.startswith(head):
            return None
        parts = data[len(head) :].split(":")
        specs = cls.FIELDS
        missing = specs[len(parts) :]
        if len(parts) > len(specs) or not all(hasattr(spec, "absent") for spec in missing):
            return None
        values = [spec.decode(part) for spec, part in zip(specs, parts, strict=False)]
        values.extend(cast("Any", spec).absent for spec in missing)
        if any(value is None for value in values):
            return None
        return cls(*values)

    @classmethod
    def matches(cls, data: object) -> bool:
        """Whether callback data is a valid button of this route (a handler pattern)."""
        return cls.decode(data) is not None


_KNOWN: dict[str, Callable[[object], bool]] = {}


def _register(name: str, matches: Callable[[object], bool]) -> None:
    # Keyed by name: `dataclass(slots=True)` builds each route class twice.
    _KNOWN[name] = matches


def routes_for(data: object) -> tuple[str, ...]:
    """The routes (by name) that accept callback data: one for every button the bot builds."""
    return tuple(name for name, matches in _KNOWN.items() if matches(data))


def any_of(*routes: Fixed | type[Callback]) -> Callable[[object], bool]:
    """A pattern matching any of several buttons (one handler for a group of choices)."""

    def matches(data: object) -> bool:
        return any(route.matches(data) for route in routes)

    return matches


def offer_tag(key: bytes, user_id: int, submission_id: int) -> str:
    """A short signature proving the bot offered this user "me too" on this submission.

    A button the bot did not show cannot be forged without the key, so callback data cannot be
    used to enumerate submissions or add support to one the user never saw.
    """
    digest = hmac.new(key, f"metoo:{user_id}:{submission_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:8]).decode().rstrip("=")


# --------------------------------------------------------------------------- the menu


@dataclass(frozen=True, slots=True)
class Retry(Callback):
    """The "try again" button after a storage fault: replays the update shelved under `key`."""

    PREFIX: ClassVar[str] = "retry"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Key(),)
    key: str


MENU_HOME = Fixed("menu:home")
MENU_HELP = Fixed("menu:help")
MENU_FEEDBACK = Fixed("menu:feedback")
MENU_MY = Fixed("menu:my")
MENU_SUBSCRIBE = Fixed("menu:subscribe")
MENU_MEETINGS = Fixed("menu:meetings")
MENU_BILLS = Fixed("menu:bills")
MENU_LANGUAGE = Fixed("menu:language")
MENU_PRIVACY = Fixed("menu:privacy")
ADMIN_INBOX = Fixed("admin:inbox")
ADMIN_EXPORT = Fixed("admin:export")
ADMIN_STATS = Fixed("admin:stats")
ADMIN_AUDIT = Fixed("admin:audit")
DELIVERY_REFRESH = Fixed("dlv:refresh")

# --------------------------------------------------------------------------- language, privacy

_LANGUAGES = ("ko", "en")


@dataclass(frozen=True, slots=True)
class StartLanguage(Callback):
    """The language picker of /start."""

    PREFIX: ClassVar[str] = "start:lang"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(_LANGUAGES),)
    language: str


@dataclass(frozen=True, slots=True)
class Language(Callback):
    """The language picker of /language."""

    PREFIX: ClassVar[str] = "lang"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(_LANGUAGES),)
    language: str


CONSENT_AGREE = Fixed("consent:agree")
CONSENT_DECLINE = Fixed("consent:decline")
CONSENT_WITHDRAW = Fixed("consent:withdraw")
CONSENT_WITHDRAW_YES = Fixed("consent:withdraw:yes")
CONSENT_WITHDRAW_NO = Fixed("consent:withdraw:no")


@dataclass(frozen=True, slots=True)
class KeptConsent(Callback):
    """Agree or decline under the notice shown for a sentence typed before consent.

    `message_id` is that sentence's: agreeing starts a report with it, never with another.
    """

    PREFIX: ClassVar[str] = "consent:kept"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(("agree", "decline")), _ID)
    answer: str
    message_id: int


@dataclass(frozen=True, slots=True)
class KeptOffer(Callback):
    """Add a sentence offered back to the report in progress, or go on without it.

    `message_id` is the sentence's, so an older offer never adds a newer sentence.
    """

    PREFIX: ClassVar[str] = "kept"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(("add", "skip")), _ID)
    choice: str
    message_id: int


DELETION_YES = Fixed("deletion:yes")
DELETION_NO = Fixed("deletion:no")

# --------------------------------------------------------------------------- /feedback

FB_REVIEW = Fixed("fb:review")
FB_RESUME = Fixed("fb:resume")
FB_CONTINUE = Fixed("fb:continue")
FB_RESTART = Fixed("fb:restart")
FB_LAW_UNSURE = Fixed("fb:law:unsure")
FB_ATT_CLEAR = Fixed("fb:att:clear")
FB_PROFILE_SAME = Fixed("fb:profile:same")
FB_PROFILE_CHANGE = Fixed("fb:profile:change")
FB_OWN = Fixed("fb:own")
FB_DROP = Fixed("fb:drop")
FB_SUBMIT = Fixed("fb:submit")
FB_DISCARD = Fixed("fb:discard")
FB_DISCARD_YES = Fixed("fb:discard:yes")
FB_DISCARD_NO = Fixed("fb:discard:no")
FB_COST_BACK = Fixed("fb:cost:back")
FB_DETAILS = Fixed("fb:more")


@dataclass(frozen=True, slots=True)
class FbAddDetails(Callback):
    """Add details to a report already sent (from its receipt or from /my)."""

    PREFIX: ClassVar[str] = "fb:amend"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID,)
    submission_id: int


@dataclass(frozen=True, slots=True)
class FbSkip(Callback):
    """Skip an optional step; the step is named, so an older question's Skip is recognised."""

    PREFIX: ClassVar[str] = "fb:skip"
    FIELDS: ClassVar[tuple[_Field, ...]] = (
        _OneOf(("law", "proposal", "impact", "profile", "region", "size", "industry")),
    )
    step: str


@dataclass(frozen=True, slots=True)
class FbNext(Callback):
    """Go on from a step that collects several things (the cost, the evidence)."""

    PREFIX: ClassVar[str] = "fb:next"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(("cost", "attachments")),)
    step: str


@dataclass(frozen=True, slots=True)
class FbCategory(Callback):
    """A category chosen in /feedback."""

    PREFIX: ClassVar[str] = "fb:cat"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Word(),)
    category_id: str


@dataclass(frozen=True, slots=True)
class FbImpact(Callback):
    """An impact level, 1 to 5."""

    PREFIX: ClassVar[str] = "fb:impact"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Int(1, 5),)
    level: int


@dataclass(frozen=True, slots=True)
class FbCost(Callback):
    """How to state the cost: in hours, in won, or none."""

    PREFIX: ClassVar[str] = "fb:cost"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(("hours", "won", "clear")),)
    unit: str


@dataclass(frozen=True, slots=True)
class FbCostPeriod(Callback):
    """How often a cost typed without a period comes back; the button carries the figure."""

    PREFIX: ClassVar[str] = "fb:per"
    FIELDS: ClassVar[tuple[_Field, ...]] = (
        _OneOf(("hours", "won")),
        _Int(0, 10**15),
        _Int(0, 10**15),
        _OneOf(("one_off", "day", "week", "month", "year")),
    )
    unit: str
    low: int
    high: int
    period: str


@dataclass(frozen=True, slots=True)
class FbWonScale(Callback):
    """Which amount a plain figure of won meant (300만원 or 300원); carries it and its period.

    `period` is "unsaid" when the text gave none: the period is asked after the tap.
    """

    PREFIX: ClassVar[str] = "fb:won"
    FIELDS: ClassVar[tuple[_Field, ...]] = (
        _Int(0, 10**15),
        _Int(0, 10**15),
        _OneOf(("one_off", "day", "week", "month", "year", "unsaid")),
    )
    low: int
    high: int
    period: str


@dataclass(frozen=True, slots=True)
class FbRegion(Callback):
    """A region chosen in /feedback."""

    PREFIX: ClassVar[str] = "fb:region"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Word(),)
    choice_id: str


@dataclass(frozen=True, slots=True)
class FbSize(Callback):
    """A company size chosen in /feedback."""

    PREFIX: ClassVar[str] = "fb:size"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Word(),)
    choice_id: str


@dataclass(frozen=True, slots=True)
class FbIndustry(Callback):
    """An industry chosen in /feedback."""

    PREFIX: ClassVar[str] = "fb:industry"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Word(),)
    choice_id: str


@dataclass(frozen=True, slots=True)
class FbVisibility(Callback):
    """Named or anonymous."""

    PREFIX: ClassVar[str] = "fb:vis"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(("named", "anonymous")),)
    visibility: str


@dataclass(frozen=True, slots=True)
class FbMeToo(Callback):
    """A "me too" on a similar submission offered during /feedback; the tag proves the offer."""

    PREFIX: ClassVar[str] = "fb:metoo"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID, _Tag())
    submission_id: int
    tag: str


@dataclass(frozen=True, slots=True)
class FbEdit(Callback):
    """A field to change from the review."""

    PREFIX: ClassVar[str] = "fb:edit"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Word(),)
    step: str


@dataclass(frozen=True, slots=True)
class MeToo(Callback):
    """A "me too" from any message showing a submission; the tag proves the offer."""

    PREFIX: ClassVar[str] = "metoo"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID, _Tag())
    submission_id: int
    tag: str


FOLLOW_UP_DONE = Fixed("fu:done")


@dataclass(frozen=True, slots=True)
class FollowUpVerdict(Callback):
    """How the burden of a resolved submission changed, asked of its owner later."""

    PREFIX: ClassVar[str] = "fu:a"
    FIELDS: ClassVar[tuple[_Field, ...]] = (
        _ID,
        _OneOf(tuple(result.value for result in FollowUpResult)),
    )
    submission_id: int
    result: str


# --------------------------------------------------------------------------- /my


@dataclass(frozen=True, slots=True)
class MyPage(Callback):
    """A page of the user's own submissions."""

    PREFIX: ClassVar[str] = "my:page"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_PAGE,)
    page: int


@dataclass(frozen=True, slots=True)
class MyOpen(Callback):
    """One of the user's submissions, remembering the page to go back to."""

    PREFIX: ClassVar[str] = "my:open"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID, _PAGE)
    submission_id: int
    page: int


# --------------------------------------------------------------------------- /subscribe

SUB_EDIT = Fixed("sub:edit")
SUB_STOP = Fixed("sub:stop")
SUB_CATS = Fixed("sub:cats")
SUB_CATS_DONE = Fixed("sub:cats:done")
SUB_FREQ = Fixed("sub:freq")
SUB_SAVE = Fixed("sub:save")
SUB_CLOSE = Fixed("sub:close")


@dataclass(frozen=True, slots=True)
class SubKind(Callback):
    """Toggle one kind of news."""

    PREFIX: ClassVar[str] = "sub:t"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(("meetings", "ann", "bills")),)
    kind: str


@dataclass(frozen=True, slots=True)
class SubCategory(Callback):
    """Toggle one topic, or "*" for all."""

    PREFIX: ClassVar[str] = "sub:cat"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Word(specials=("*",)),)
    category_id: str


@dataclass(frozen=True, slots=True)
class SubFrequency(Callback):
    """How often digests come."""

    PREFIX: ClassVar[str] = "sub:freq"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(("immediate", "daily", "weekly")),)
    frequency: str


@dataclass(frozen=True, slots=True)
class SubHour(Callback):
    """The local hour digests come at."""

    PREFIX: ClassVar[str] = "sub:hour"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Int(0, 23),)
    hour: int


@dataclass(frozen=True, slots=True)
class SubWeekday(Callback):
    """The weekday of a weekly digest, 0 = Monday."""

    PREFIX: ClassVar[str] = "sub:wd"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Int(0, 6),)
    weekday: int


# --------------------------------------------------------------------------- meetings, bills

MEET_LIST = Fixed("meet:list")
BILL_LIST = Fixed("bill:list")


@dataclass(frozen=True, slots=True)
class MeetPage(Callback):
    """A page of /meetings."""

    PREFIX: ClassVar[str] = "meet:page"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_PAGE,)
    page: int


@dataclass(frozen=True, slots=True)
class BillPage(Callback):
    """A page of /bills."""

    PREFIX: ClassVar[str] = "bill:page"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_PAGE,)
    page: int


@dataclass(frozen=True, slots=True)
class MeetShow(Callback):
    """One meeting in full."""

    PREFIX: ClassVar[str] = "meet:show"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID,)
    meeting_id: int


@dataclass(frozen=True, slots=True)
class MeetRemind(Callback):
    """Ask for (remind) or drop (forget) a reminder; `detail` when pressed on the detail view."""

    PREFIX: ClassVar[str] = "meet"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(("remind", "forget")), _ID, _Flag("d"))
    action: str
    meeting_id: int
    detail: bool = False


@dataclass(frozen=True, slots=True)
class MeetIcs(Callback):
    """A meeting's calendar file."""

    PREFIX: ClassVar[str] = "meet:ics"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID,)
    meeting_id: int


@dataclass(frozen=True, slots=True)
class BillShow(Callback):
    """One bill in full."""

    PREFIX: ClassVar[str] = "bill:show"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID,)
    bill_id: int


@dataclass(frozen=True, slots=True)
class BillFollow(Callback):
    """Follow or unfollow a bill; `detail` when pressed on the detail view."""

    PREFIX: ClassVar[str] = "bill"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(("follow", "unfollow")), _ID, _Flag("d"))
    action: str
    bill_id: int
    detail: bool = False


# --------------------------------------------------------------------------- administration


@dataclass(frozen=True, slots=True)
class InboxList(Callback):
    """A page of the inbox with its filter (see handlers.admin_inbox_views.InboxView)."""

    PREFIX: ClassVar[str] = "ai:l"
    FIELDS: ClassVar[tuple[_Field, ...]] = (
        _PAGE,
        _Word(specials=("_", "*", "!")),
        _Word(specials=("-",)),
        _Word(specials=("-",)),
        _SORT,
        _Flag("q"),
    )
    page: int
    status: str
    category: str
    region: str
    sort: str = SubmissionOrder.NEWEST.value
    search: bool = False


@dataclass(frozen=True, slots=True)
class InboxFilter(Callback):
    """Offer the values of one filter dimension, keeping the others."""

    PREFIX: ClassVar[str] = "ai:f"
    FIELDS: ClassVar[tuple[_Field, ...]] = (
        _OneOf(("status", "category", "region", "sort")),
        _Word(specials=("_", "*", "!")),
        _Word(specials=("-",)),
        _Word(specials=("-",)),
        _SORT,
        _Flag("q"),
    )
    dimension: str
    status: str
    category: str
    region: str
    sort: str = SubmissionOrder.NEWEST.value
    search: bool = False


@dataclass(frozen=True, slots=True)
class InboxOpen(Callback):
    """One submission in full."""

    PREFIX: ClassVar[str] = "ai:o"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID,)
    submission_id: int


@dataclass(frozen=True, slots=True)
class InboxMove(Callback):
    """A status move that needs no typed input."""

    PREFIX: ClassVar[str] = "ai:m"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(("in_review", "closed")), _ID)
    status: str
    submission_id: int


@dataclass(frozen=True, slots=True)
class InboxAction(Callback):
    """A move that asks for typed input (a ministry, an answer, a reason, an original)."""

    PREFIX: ClassVar[str] = "ai:a"
    FIELDS: ClassVar[tuple[_Field, ...]] = (
        _OneOf(("forward", "answer", "reject", "duplicate")),
        _ID,
    )
    action: str
    submission_id: int


ANSWER_SEND = Fixed("ai:p:send")
ANSWER_EDIT = Fixed("ai:p:edit")
ANSWER_CANCEL = Fixed("ai:p:cancel")
STATS_CHART = Fixed("as:chart")
BURDEN_TOP = Fixed("bd:top")
BURDEN_LAWS = Fixed("bd:law")
BURDEN_CATEGORIES = Fixed("bd:cat")
BURDEN_CHART = Fixed("bd:chart")


@dataclass(frozen=True, slots=True)
class AgendaPick(Callback):
    """Link a submission to a meeting or bill: offer the candidates."""

    PREFIX: ClassVar[str] = "ag:pick"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID,)
    submission_id: int


@dataclass(frozen=True, slots=True)
class AgendaLink(Callback):
    """Link a submission to one meeting (m) or bill (b)."""

    PREFIX: ClassVar[str] = "ag:l"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID, _OneOf(("m", "b")), _ID)
    submission_id: int
    kind: str
    item_id: int


@dataclass(frozen=True, slots=True)
class AgendaView(Callback):
    """The submissions linked to one meeting (m) or bill (b)."""

    PREFIX: ClassVar[str] = "ag:v"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(("m", "b")), _ID)
    kind: str
    item_id: int


@dataclass(frozen=True, slots=True)
class StatsView(Callback):
    """One part of /stats, or the summary."""

    PREFIX: ClassVar[str] = "as:v"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(("sum", "cat", "reg", "size", "week", "top")),)
    section: str


@dataclass(frozen=True, slots=True)
class AuditPage(Callback):
    """A page of the audit log, by offset."""

    PREFIX: ClassVar[str] = "aa:p"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Int(0, 999_999),)
    offset: int


@dataclass(frozen=True, slots=True)
class ExportStep(Callback):
    """/export's answers so far, in order (at most seven); a missing one is the next question."""

    PREFIX: ClassVar[str] = "ax"
    FIELDS: ClassVar[tuple[_Field, ...]] = ()
    MAX_PARTS: ClassVar[int] = 7
    parts: tuple[str, ...] = ()

    def encode(self) -> str:
        """`ax` and the answers, each a short word or "*"."""
        word = _Word(specials=("*",))
        if len(self.parts) > self.MAX_PARTS:
            raise ValueError(f"{self.parts!r} has more than {self.MAX_PARTS} answers")
        return _check_size(":".join(["ax", *(word.encode(part) for part in self.parts)]))

    @classmethod
    def decode(cls, data: object) -> Self | None:
        """The answers, or None when any is not a short word or there are too many."""
        if not isinstance(data, str) or len(data) > MAX_BYTES:
            return None
        head, *parts = data.split(":")
        word = _Word(specials=("*",))
        if head != "ax" or len(parts) > cls.MAX_PARTS:
            return None
        if any(word.decode(part) is None for part in parts):
            return None
        return cls(tuple(parts))


CADM_SKIP = Fixed("cadm:skip")
CADM_YES = Fixed("cadm:yes")
CADM_NO = Fixed("cadm:no")
CADM_SAVE = Fixed("cadm:save")
CADM_DISCARD = Fixed("cadm:discard")
CADM_TODAY = Fixed("cadm:today")
CADM_CATS_DONE = Fixed("cadm:cats:done")


@dataclass(frozen=True, slots=True)
class CadmKind(Callback):
    """The kind of a meeting being added."""

    PREFIX: ClassVar[str] = "cadm:kind"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(tuple(kind.value for kind in MeetingKind)),)
    kind: str


@dataclass(frozen=True, slots=True)
class CadmField(Callback):
    """The meeting field to edit."""

    PREFIX: ClassVar[str] = "cadm:field"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Word(),)
    name: str


@dataclass(frozen=True, slots=True)
class CadmCategory(Callback):
    """Tick or untick a category of the drafted item."""

    PREFIX: ClassVar[str] = "cadm:cat"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_Word(),)
    category_id: str


@dataclass(frozen=True, slots=True)
class CadmMeetingHeld(Callback):
    """Mark a meeting held (and record its outcome)."""

    PREFIX: ClassVar[str] = "cadm:mheld"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID,)
    meeting_id: int


@dataclass(frozen=True, slots=True)
class CadmMeetingEdit(Callback):
    """Edit a meeting."""

    PREFIX: ClassVar[str] = "cadm:medit"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID,)
    meeting_id: int


@dataclass(frozen=True, slots=True)
class CadmMeetingCancel(Callback):
    """Cancel a meeting."""

    PREFIX: ClassVar[str] = "cadm:mcancel"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID,)
    meeting_id: int


@dataclass(frozen=True, slots=True)
class CadmStageBill(Callback):
    """The bill to add a stage to, picked from the list /billstage shows."""

    PREFIX: ClassVar[str] = "cadm:sbill"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID,)
    bill_id: int


@dataclass(frozen=True, slots=True)
class CadmBillStage(Callback):
    """Record a stage, from a bill's detail view."""

    PREFIX: ClassVar[str] = "cadm:bstage"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_ID,)
    bill_id: int


@dataclass(frozen=True, slots=True)
class CadmStage(Callback):
    """The stage a bill reached."""

    PREFIX: ClassVar[str] = "cadm:stage"
    FIELDS: ClassVar[tuple[_Field, ...]] = (_OneOf(tuple(stage.value for stage in BillStage)),)
    stage: str
