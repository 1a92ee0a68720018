"""Bulk content from a YAML or CSV file, checked line by line, then written all at once.

A file is parsed and checked before anything is written, then written in one transaction,
so a file with an error changes nothing.

YAML: lists `meetings`, `bills` (each with its `stages`), `announcements` and `law_aliases`
(`{law: 저작권법, aliases: [copyright act]}`, for the burden league table); a text is
`{ko: ..., en: ...}` (either may be missing) or a plain string, read as Korean. CSV: one row per
item with a `type` column (meeting, bill, stage, announcement), texts in `_ko`/`_en` columns,
categories separated by `;`, and stage rows naming their bill by `bill_key`. Times without an
offset are read in the configured zone. An item with a `key` updates the item imported with
that key before, so a file can be imported again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import yaml

from domain.announcements import AnnouncementDraft
from domain.bills import BillDraft, BillStage, BillStageEntry, BillValidationError
from domain.burden import fold_law_name
from domain.content import LocalizedText
from domain.meetings import MeetingDraft, MeetingKind, MeetingStatus, MeetingValidationError

__all__ = [
    "ContentBundle",
    "ContentImportError",
    "ImportProblem",
    "ImportSummary",
    "parse_content_file",
]


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One thing wrong in the file: where, which field, and what is expected."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class ContentImportError(Exception):
    """The file cannot be imported; nothing was written. Carries every problem found."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ContentBundle:
    """Everything a valid file holds, ready to write."""

    meetings: tuple[MeetingDraft, ...] = ()
    bills: tuple[BillDraft, ...] = ()
    announcements: tuple[AnnouncementDraft, ...] = ()
    law_aliases: tuple[tuple[str, str], ...] = ()
    """(folded alias, canonical law name) pairs for the burden league table."""


@dataclass(slots=True)
class ImportSummary:
    """What an import did, per kind: created, updated, unchanged."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, bucket: dict[str, int], kind: str) -> None:
        """Add one item of a kind to a bucket."""
        bucket[kind] = bucket.get(kind, 0) + 1


class _FieldError(ValueError):
    """A value is unusable; the caller knows the file, line and field."""


class _Node(dict[str, Any]):
    """A YAML mapping that remembers the line of each key, for error messages."""

    line: int
    key_lines: dict[str, int]


_EARLIEST_YEAR = 1948
"""The first National Assembly: nothing this bot tracks happened before it."""
_LATEST_YEAR = 2100
_CSV_FIELD_LIMIT = csv.field_size_limit()
_Day = TypeVar("_Day", bound=date)


class _LineLoader(yaml.SafeLoader):
    """Safe YAML that records line numbers on mappings, refuses aliases and keeps dates as text.

    An alias makes a few hundred bytes expand to gigabytes (the "billion laughs"), and content
    files never need one. Dates stay text so that an impossible one (2026-02-30) is reported on
    its field like any other mistake rather than raised from inside the parser.
    """

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML reads it from the class
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        """Refuse aliases and anchors before anything is built from them."""
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.composer.ComposerError(
                None, None, "anchors and aliases (& and *) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Node:
    loader.flatten_mapping(node)
    result = _Node()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[str(key)] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Reader:
    """Reads typed values out of one record (a YAML mapping or a CSV row), collecting problems."""

    def __init__(
        self,
        file: str,
        record: Mapping[str, Any],
        line: int,
        path: str,
        *,
        problems: list[ImportProblem],
        key_lines: Mapping[str, int] | None = None,
    ) -> None:
        self.file = file
        self.record = record
        self.line = line
        self.path = path
        self.problems = problems
        self.key_lines = key_lines or {}
        self.failed = False

    def problem(self, name: str, message: str) -> None:
        """Note a problem with one field."""
        self.failed = True
        self.problems.append(
            ImportProblem(
                self.file, self.key_lines.get(name, self.line), f"{self.path}.{name}", message
            )
        )

    def raw(self, name: str) -> Any:
        """The value as written; empty strings count as missing."""
        value = self.record.get(name)
        return None if value == "" else value

    def get(self, name: str, convert: Callable[[Any], Any], *, required: bool = False) -> Any:
        """Convert one field, noting a problem instead of raising."""
        value = self.raw(name)
        if value is None:
            if required:
                self.problem(name, "is required")
            return None
        try:
            return convert(value)
        except _FieldError as exc:
            self.problem(name, str(exc))
            return None

    def text(self, name: str) -> LocalizedText:
        """A two-language text: `name` as a mapping or string, or `name_ko` / `name_en`."""
        value = self.raw(name)
        if value is None:
            ko, en = self.raw(f"{name}_ko"), self.raw(f"{name}_en")
            return LocalizedText(_plain(ko), _plain(en))
        if isinstance(value, str):
            return LocalizedText(value.strip() or None, None)
        if isinstance(value, Mapping):
            unknown = set(value) - {"ko", "en"}
            if unknown:
                self.problem(name, f"only ko and en are allowed, not {', '.join(sorted(unknown))}")
            return LocalizedText(_plain(value.get("ko")), _plain(value.get("en")))
        self.problem(name, "expected a text or {ko: ..., en: ...}")
        return LocalizedText()


def _plain(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _choice(
    enum: type[MeetingKind] | type[MeetingStatus] | type[BillStage],
) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        try:
            return enum(str(value).strip())
        except ValueError:
            raise _FieldError(f"expected one of {', '.join(m.value for m in enum)}") from None

    return convert


def _moment(zone: ZoneInfo) -> Callable[[Any], datetime]:
    def convert(value: Any) -> datetime:
        if isinstance(value, datetime):
            moment = value
        elif isinstance(value, str):
            try:
                moment = datetime.fromisoformat(value.strip())
            except ValueError:
                raise _FieldError("expected a date and time like 2026-12-03 14:00") from None
        else:
            raise _FieldError("expected a date and time like 2026-12-03 14:00")
        return _in_range(moment if moment.tzinfo is not None else moment.replace(tzinfo=zone))

    return convert


def _in_range(day: _Day) -> _Day:
    if not _EARLIEST_YEAR <= day.year <= _LATEST_YEAR:
        raise _FieldError(f"expected a year from {_EARLIEST_YEAR} to {_LATEST_YEAR}")
    return day


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        return _in_range(value.date())
    if isinstance(value, date):
        return _in_range(value)
    try:
        day = date.fromisoformat(str(value).strip())
    except ValueError:
        raise _FieldError("expected a date like 2025-10-27") from None
    return _in_range(day)


def _url(value: Any) -> str:
    text = str(value).strip()
    if not text.startswith(("http://", "https://")):
        raise _FieldError("expected an http:// or https:// link")
    return text


def _key(value: Any) -> str:
    text = str(value).strip()
    if not text or len(text) > 100 or any(char.isspace() for char in text):
        raise _FieldError("expected a short name without spaces")
    return text


def _categories(known: frozenset[str]) -> Callable[[Any], frozenset[str]]:
    def convert(value: Any) -> frozenset[str]:
        if isinstance(value, str):
            items = [part.strip() for part in value.replace(",", ";").split(";")]
        elif isinstance(value, list):
            items = [str(part).strip() for part in value]
        else:
            raise _FieldError("expected a list of category ids")
        chosen = frozenset(item for item in items if item)
        unknown = chosen - known
        if unknown:
            raise _FieldError(
                f"unknown category {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}"
            )
        return chosen

    return convert


@dataclass(slots=True)
class _Collector:
    file: str
    zone: ZoneInfo
    categories: frozenset[str]
    problems: list[ImportProblem] = field(default_factory=list)
    meetings: list[MeetingDraft] = field(default_factory=list)
    bills: list[BillDraft] = field(default_factory=list)
    announcements: list[AnnouncementDraft] = field(default_factory=list)
    law_aliases: list[tuple[str, str]] = field(default_factory=list)
    keys: dict[tuple[str, str], int] = field(default_factory=dict)

    def reader(
        self, record: Mapping[str, Any], line: int, path: str, key_lines: Mapping[str, int] | None
    ) -> _Reader:
        return _Reader(self.file, record, line, path, problems=self.problems, key_lines=key_lines)

    def unique_key(self, reader: _Reader, kind: str) -> str | None:
        key: str | None = reader.get("key", _key)
        if key is None:
            return None
        first = self.keys.setdefault((kind, key), reader.line)
        if first != reader.line:
            reader.problem("key", f"{key!r} is already used on line {first}")
        return key

    def meeting(self, reader: _Reader) -> None:
        key = self.unique_key(reader, "meeting")
        kind = reader.get("kind", _choice(MeetingKind), required=True)
        starts_at = reader.get("starts_at", _moment(self.zone), required=True)
        draft_values = {
            "title": reader.text("title"),
            "organizer": reader.text("organizer"),
            "place": reader.text("place"),
            "agenda": reader.text("agenda"),
            "outcome": reader.text("outcome"),
            "ends_at": reader.get("ends_at", _moment(self.zone)),
            "online_url": reader.get("online_url", _url),
            "status": reader.get("status", _choice(MeetingStatus)) or MeetingStatus.SCHEDULED,
            "categories": reader.get("categories", _categories(self.categories)) or frozenset(),
        }
        if reader.failed or kind is None or starts_at is None:
            return
        draft = MeetingDraft(kind=kind, starts_at=starts_at, key=key, **draft_values)
        try:
            draft.validate()
        except MeetingValidationError as exc:
            reader.problem(exc.field, exc.reason)
            return
        self.meetings.append(draft)

    def stage(self, reader: _Reader) -> BillStageEntry | None:
        stage = reader.get("stage", _choice(BillStage), required=True)
        on_date = reader.get("date", _day, required=True)
        note = reader.text("note")
        if stage is None or on_date is None:
            return None
        return BillStageEntry(stage, on_date, note)

    def bill(self, reader: _Reader, stages: list[BillStageEntry]) -> BillDraft | None:
        key = self.unique_key(reader, "bill")
        draft = BillDraft(
            name=reader.text("name"),
            bill_number=reader.get("bill_number", lambda value: str(value).strip()),
            sponsor=reader.text("sponsor"),
            committee=reader.text("committee"),
            summary=reader.text("summary"),
            stages=tuple(stages),
            categories=reader.get("categories", _categories(self.categories)) or frozenset(),
            key=key,
        )
        try:
            draft.validate()
        except BillValidationError as exc:
            reader.problem(exc.field, exc.reason)
        return None if reader.failed else draft

    def announcement(self, reader: _Reader) -> None:
        key = self.unique_key(reader, "announcement")
        draft = AnnouncementDraft(
            title=reader.text("title"),
            body=reader.text("body"),
            categories=reader.get("categories", _categories(self.categories)) or frozenset(),
            key=key,
        )
        if not draft.title:
            reader.problem("title", "a title in Korean or English is required")
        if not reader.failed:
            self.announcements.append(draft)

    def bundle(self) -> ContentBundle:
        if self.problems:
            raise ContentImportError(sorted(self.problems, key=lambda problem: problem.line))
        return ContentBundle(
            tuple(self.meetings),
            tuple(self.bills),
            tuple(self.announcements),
            tuple(self.law_aliases),
        )

    def law_alias(self, reader: _Reader) -> None:
        """`{law: 저작권법, aliases: [copyright act]}`: each alias (and the law) folds to it."""
        law = reader.get("law", _plain, required=True)
        aliases = reader.raw("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            reader.problem("aliases", "expected a list of names")
            return
        if reader.failed or law is None:
            return
        for name in (law, *aliases):
            folded = fold_law_name(name)
            if folded:
                self.law_aliases.append((folded, law))


def _records(value: Any, collector: _Collector, section: str, line: int) -> Iterator[_Node]:
    if value is None:
        return
    if not isinstance(value, list):
        collector.problems.append(ImportProblem(collector.file, line, section, "expected a list"))
        return
    for index, item in enumerate(value):
        if isinstance(item, _Node):
            yield item
        else:
            collector.problems.append(
                ImportProblem(collector.file, line, f"{section}[{index}]", "expected a mapping")
            )


_SECTIONS = ("meetings", "bills", "announcements", "law_aliases")
_SECTION_NAMES = ", ".join(_SECTIONS)


def _parse_yaml(text: str, collector: _Collector) -> None:
    try:
        document = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        collector.problems.append(ImportProblem(collector.file, line, "file", f"not YAML: {exc}"))
        return
    if document is None:
        return
    if not isinstance(document, _Node):
        collector.problems.append(
            ImportProblem(collector.file, 1, "file", f"expected {_SECTION_NAMES}")
        )
        return
    unknown = set(document) - set(_SECTIONS)
    for name in sorted(unknown):
        collector.problems.append(
            ImportProblem(
                collector.file,
                document.key_lines[name],
                name,
                f"unknown section; expected {_SECTION_NAMES}",
            )
        )
    for index, record in enumerate(
        _records(
            document.get("meetings"), collector, "meetings", document.key_lines.get("meetings", 1)
        )
    ):
        collector.meeting(
            collector.reader(record, record.line, f"meetings[{index}]", record.key_lines)
        )
    for index, record in enumerate(
        _records(document.get("bills"), collector, "bills", document.key_lines.get("bills", 1))
    ):
        path = f"bills[{index}]"
        reader = collector.reader(record, record.line, path, record.key_lines)
        stages = []
        for stage_index, stage_record in enumerate(
            _records(record.get("stages"), collector, f"{path}.stages", record.line)
        ):
            entry = collector.stage(
                collector.reader(
                    stage_record,
                    stage_record.line,
                    f"{path}.stages[{stage_index}]",
                    stage_record.key_lines,
                )
            )
            if entry is not None:
                stages.append(entry)
        draft = collector.bill(reader, stages)
        if draft is not None:
            collector.bills.append(draft)
    for index, record in enumerate(
        _records(
            document.get("announcements"),
            collector,
            "announcements",
            document.key_lines.get("announcements", 1),
        )
    ):
        collector.announcement(
            collector.reader(record, record.line, f"announcements[{index}]", record.key_lines)
        )
    for index, record in enumerate(
        _records(
            document.get("law_aliases"),
            collector,
            "law_aliases",
            document.key_lines.get("law_aliases", 1),
        )
    ):
        collector.law_alias(
            collector.reader(record, record.line, f"law_aliases[{index}]", record.key_lines)
        )


def _parse_csv(text: str, collector: _Collector) -> None:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or "type" not in reader.fieldnames:
        collector.problems.append(
            ImportProblem(collector.file, 1, "type", "the header needs a type column")
        )
        return
    bills: dict[str, tuple[int, _Reader, list[BillStageEntry]]] = {}
    stage_rows: list[tuple[_Reader, str | None, BillStageEntry | None]] = []
    for row in _rows(reader, collector):
        line = reader.line_num
        kind = (row.get("type") or "").strip()
        record = {name: (value or "").strip() for name, value in row.items() if name}
        row_reader = collector.reader(record, line, f"row[{kind or '?'}]", None)
        if kind == "meeting":
            collector.meeting(row_reader)
        elif kind == "bill":
            key = row_reader.raw("key")
            bills_key = str(key) if key is not None else f"@{line}"
            if bills_key in bills:
                row_reader.problem("key", f"{key!r} is already used on line {bills[bills_key][0]}")
                continue
            bills[bills_key] = (line, row_reader, [])
        elif kind == "stage":
            stage_rows.append(
                (
                    row_reader,
                    row_reader.get("bill_key", _key, required=True),
                    collector.stage(row_reader),
                )
            )
        elif kind == "announcement":
            collector.announcement(row_reader)
        else:
            row_reader.problem("type", "expected meeting, bill, stage or announcement")
    for row_reader, bill_key, entry in stage_rows:
        if bill_key is None or entry is None:
            continue
        if bill_key not in bills:
            row_reader.problem("bill_key", f"no bill row has key {bill_key!r}")
            continue
        bills[bill_key][2].append(entry)
    for _, row_reader, stages in sorted(bills.values(), key=lambda item: item[0]):
        draft = collector.bill(row_reader, stages)
        if draft is not None:
            collector.bills.append(draft)


def _rows(reader: csv.DictReader[str], collector: _Collector) -> Iterator[dict[str, str]]:
    """The rows, stopping with a located problem where the CSV module gives up."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            message = str(exc)
            if "field larger than field limit" in message:
                message = f"a field is longer than {_CSV_FIELD_LIMIT:,} characters"
            collector.problems.append(
                # The reader has not counted the line it failed on yet.
                ImportProblem(collector.file, reader.line_num + 1, "file", f"not CSV: {message}")
            )
            return


def parse_content_file(path: Path, *, zone: ZoneInfo, categories: frozenset[str]) -> ContentBundle:
    """Read and check a whole file; raise ContentImportError listing every problem found."""
    collector = _Collector(path.name, zone, categories)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentImportError([ImportProblem(path.name, 0, "file", str(exc))]) from None
    if path.suffix.lower() == ".csv":
        _parse_csv(text, collector)
    elif path.suffix.lower() in (".yaml", ".yml"):
        _parse_yaml(text, collector)
    else:
        raise ContentImportError(
            [ImportProblem(path.name, 0, "file", "expected a .yaml, .yml or .csv file")]
        )
    return collector.bundle()
