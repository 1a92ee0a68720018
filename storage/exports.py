"""The export query: submissions with names resolved, read in batches from a private connection.

Anonymity is enforced here first: the submitter columns are selected only for named
submissions and only when contacts were asked for. The writers check again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Mapping, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from domain.deadlines import answered_on_time
from domain.export.columns import Column, ColumnKind
from domain.export.model import ExportFilter, ExportRow
from domain.export.neutralise import FORMULA_TRIGGERS
from domain.export.offsets import OffsetSpan
from storage.database import Database
from storage.domain_sql import ANSWERED_LATE, ANSWERED_ON_TIME, on_time_label
from storage.timestamps import from_db, to_db

__all__ = ["ExportRepository", "csv_line_query", "export_query"]

_NAME_COLUMN = {"ko": "name_ko", "en": "name_en"}
_CSV_SPECIAL = (",", '"', "\n", "\r")
_CSV_SPECIAL_SQL = ("','", "'\"'", "char(10)", "char(13)")
"""What makes csv.writer quote a cell (the delimiter, the quote, a line end), in Python and SQL."""
_MARKED = (
    "problem",
    "law_or_rule",
    "proposal",
    "forwarded_to",
    "answer_text",
    "submitter_name",
    "submitter_username",
)
"""Typed texts whose quoting and defusing were decided as they were written: column i has bit
2**i in `csv_marks` to be quoted and 2**(i + 8) to be defused (migration 0033)."""
_QUOTED = "'\"%w\"'"
_DEFUSED_QUOTED = "'\"''%w\"'"
"""printf formats (SQL literals) of a quoted cell, and of one defused with an apostrophe too."""
_FIXED_FORM = frozenset({"receipt_code", "due_on", "expected_on"})
"""Text columns only the bot writes, as SV-2026-000123 or 2026-11-21."""
_CONTACT = "CASE WHEN ?1 AND s.visibility = 'named' THEN s.{column} END"
"""A submitter column: only for named submissions and only when contacts were asked for (?1)."""
_REFERENCE_NAMES = {
    "category": "categories",
    "region": "regions",
    "company_size": "company_sizes",
    "industry": "industries",
}
"""Export columns holding a reference table's name, and the table."""


def _where(export_filter: ExportFilter, bind: Callable[[object], str]) -> str:
    """The filter's WHERE clause over `submissions s` (empty for every row), values bound."""
    conditions: list[str] = []
    if not export_filter.include_hidden:
        conditions.append("s.hidden = 0 AND s.merged_into IS NULL AND s.deleted_at IS NULL")
    if export_filter.since is not None:
        conditions.append(f"s.created_at >= {bind(to_db(export_filter.since))}")
    if export_filter.until is not None:
        conditions.append(f"s.created_at < {bind(to_db(export_filter.until))}")
    for column, value in (
        ("category_id", export_filter.category_id),
        ("region_id", export_filter.region_id),
        ("status", export_filter.status),
        ("company_size_id", export_filter.company_size_id),
        ("industry_id", export_filter.industry_id),
    ):
        if value is not None:
            conditions.append(f"s.{column} = {bind(value)}")
    return f" WHERE {' AND '.join(conditions)}" if conditions else ""


def _binder(params: list[Any]) -> Callable[[object], str]:
    def bind(value: object) -> str:
        params.append(value)
        return f"?{len(params)}"

    return bind


def export_query(export_filter: ExportFilter, language: str) -> tuple[str, list[Any]]:
    """The SQL and its numbered parameters (?1, ?2...), oldest first.

    Public so the benchmark can hand the very same query to the sqlite3 command line, whose
    `.parameter set ?N` binds numbered parameters.
    """
    name = _NAME_COLUMN.get(language, "name_ko")
    params: list[Any] = [int(export_filter.include_contacts)]
    where = _where(export_filter, _binder(params))
    sql = (
        "SELECT s.receipt_code, s.created_at, s.updated_at, s.answered_at, s.status,"
        f" s.visibility, c.{name} AS category, s.problem, s.law_or_rule, s.proposal, s.impact,"
        " s.cost_hours_low, s.cost_hours_high, s.cost_hours_period, s.cost_won_low,"
        f" s.cost_won_high, s.cost_won_period, r.{name} AS region, z.{name} AS company_size,"
        f" i.{name} AS industry, s.supporters, s.forwarded_to, s.answer_text,"
        f" {_CONTACT.format(column='submitter_name')} AS submitter_name,"
        f" {_CONTACT.format(column='submitter_username')} AS submitter_username,"
        " f.result AS follow_up, f.note AS follow_up_note,"
        " f.new_hours_per_month AS follow_up_hours, f.new_won AS follow_up_won,"
        " s.due_on, s.expected_on, s.replied_at"
        " FROM submissions s"
        " LEFT JOIN follow_ups f ON f.submission_id = s.id"
        " LEFT JOIN categories c ON c.id = s.category_id"
        " LEFT JOIN regions r ON r.id = s.region_id"
        " LEFT JOIN company_sizes z ON z.id = s.company_size_id"
        " LEFT JOIN industries i ON i.id = s.industry_id"
        f"{where} ORDER BY s.created_at, s.id"
    )
    return sql, params


def _csv_field(text: str) -> str:
    """A text as csv.writer's minimal quoting writes it: quoted when it holds , " or a line end."""
    if any(special in text for special in _CSV_SPECIAL):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_text(name: str, triggers: str) -> str:
    """SQL for a text cell as the CSV shows it: defused (see `neutralise`), then quoted.

    SQLite's printf %w doubles double quotes, as a quoted CSV cell wants them.
    """
    special = " OR ".join(f"instr({name}, {literal})" for literal in _CSV_SPECIAL_SQL)
    defused = f"unicode({name}) IN ({triggers})"
    return (
        f"CASE WHEN {special} THEN CASE WHEN {defused} THEN printf({_DEFUSED_QUOTED}, {name})"
        f" ELSE printf({_QUOTED}, {name}) END"
        f" WHEN {defused} THEN '''' || {name} ELSE {name} END"
    )


def _csv_marked(name: str, bit: int) -> str:
    """SQL for a typed text cell whose quoting and defusing were decided when it was written."""
    defuse = bit << 8
    return (
        f"CASE WHEN {name} IS NULL THEN NULL ELSE CASE s.csv_marks & {bit | defuse}"
        f" WHEN 0 THEN {name} WHEN {bit} THEN printf({_QUOTED}, {name})"
        f" WHEN {defuse} THEN '''' || {name} ELSE printf({_DEFUSED_QUOTED}, {name}) END END"
    )


def csv_line_query(
    export_filter: ExportFilter,
    language: str,
    columns: Sequence[Column],
    codes: Mapping[str, str],
    spans: Sequence[OffsetSpan],
) -> tuple[str, list[Any]]:
    """Each exported row as one finished CSV line, line end included, as csv.writer writes it.

    At a million rows the export's time went into Python: first a named tuple, three datetimes
    and a list per row, then still an object per cell for csv's writer (33 million of them,
    longer than SQLite's own dump of the table took in all). Here SQLite makes the whole line:
    a code becomes its label (`codes`, quoted here when a label needs it; the codes themselves
    are identifiers the schema's CHECKs hold), a text cell is defused as `neutralise` does and
    quoted as csv.writer's minimal quoting does (when it holds a comma, a double quote or a
    line end, its quotes doubled), and a time is shifted by its zone's offset from `spans` and
    written "YYYY-MM-DD HH:MM". Offsets are whole seconds, so dropping the microseconds first
    truncates to the minute as Python's formatting does. A missing value is an empty cell.

    What the bot writes in a fixed form (receipt codes, ISO days) is never quoted nor a
    formula, and the reference names (topics, regions...) are defused and quoted once per
    export, in a materialised table of finished cells joined instead of the reference table:
    scanning each text cell for what needs quoting is most of the query's work. The query reads
    `submissions` directly rather than through `export_query` as a subquery, and each line
    comes back as bytes (a BLOB), so the file is written from SQLite's own UTF-8 without
    Python decoding every line into a string and encoding it back.
    """
    name = _NAME_COLUMN.get(language, "name_ko")
    params: list[Any] = [int(export_filter.include_contacts)]
    bind = _binder(params)
    triggers = ", ".join(str(ord(trigger)) for trigger in FORMULA_TRIGGERS)
    labels = " ".join(
        f"WHEN {bind(code)} THEN {bind(_csv_field(label))}" for code, label in codes.items()
    )
    changes = [
        (bind(to_db(start)), bind(f"{offset:+d} seconds"))
        for start, offset in reversed(spans)
        if start is not None
    ]
    first = bind(f"{spans[0][1]:+d} seconds")

    def shifted(column: str) -> str:
        whens = "".join(f" WHEN {column} >= {start} THEN {shift}" for start, shift in changes)
        return f"CASE{whens} ELSE {first} END" if whens else first

    def label(code: str) -> str:
        return bind(_csv_field(codes.get(code, code)))

    reply_day = f"date(substr(s.replied_at, 1, 19), {shifted('s.replied_at')})"
    on_time = on_time_label(
        "s.due_on",
        "s.replied_at",
        reply_day,
        on_time=label(ANSWERED_ON_TIME),
        late=label(ANSWERED_LATE),
    )
    sources = {
        "follow_up": "f.result",
        "follow_up_note": "f.note",
        "follow_up_hours": "f.new_hours_per_month",
        "follow_up_won": "f.new_won",
        **{key: _CONTACT.format(column=key) for key in ("submitter_name", "submitter_username")},
    }

    def cell(column: Column) -> str:
        source = sources.get(column.key, f"s.{column.key}")
        if column.key == "answered_on_time":
            return on_time
        if column.key in _REFERENCE_NAMES:
            return f"{column.key}.cell"
        if column.key in _FIXED_FORM:
            return source
        if column.key in _MARKED:
            return _csv_marked(source, 1 << _MARKED.index(column.key))
        if column.kind is ColumnKind.TEXT:
            return _csv_text(source, triggers)
        if column.kind is ColumnKind.CODE:
            # A missing code (no cost period, no follow-up: most rows) would otherwise be
            # compared with every code before coming out empty.
            chosen = f"CASE {source} {labels} ELSE {source} END"
            return f"CASE WHEN {source} IS NULL THEN NULL ELSE {chosen} END"
        if column.kind is ColumnKind.DATETIME:
            return f"strftime('%Y-%m-%d %H:%M', substr({source}, 1, 19), {shifted(source)})"
        return source

    where = _where(export_filter, bind)
    finished = ", ".join(
        f"{key}_cells (id, cell) AS MATERIALIZED"
        f" (SELECT id, {_csv_text(name, triggers)} FROM {table})"
        for key, table in _REFERENCE_NAMES.items()
    )
    joins = "".join(
        f" LEFT JOIN {key}_cells {key} ON {key}.id = s.{key}_id" for key in _REFERENCE_NAMES
    )
    # One printf per line: chaining the cells with || copied the growing line once per cell.
    shape = ",".join("%s" for _ in columns)
    cells = ", ".join(cell(column) for column in columns)
    sql = (
        f"WITH {finished} SELECT CAST(printf('{shape}' || char(13, 10), {cells}) AS BLOB)"
        f" FROM submissions s LEFT JOIN follow_ups f ON f.submission_id = s.id{joins}"
        f"{where} ORDER BY s.created_at, s.id"
    )
    return sql, params


def _reader(zone: ZoneInfo | None) -> Callable[[tuple[Any, ...]], ExportRow]:
    def row_of(row: tuple[Any, ...]) -> ExportRow:
        """Positional, in the query's column order: this runs once per exported row."""
        answered, due_on, replied_at = row[3], row[-3], row[-1]
        on_time = None
        if zone is not None and due_on is not None and replied_at is not None:
            kept = answered_on_time(date.fromisoformat(due_on), from_db(replied_at), zone)
            on_time = ANSWERED_ON_TIME if kept else ANSWERED_LATE
        return ExportRow._make(
            (
                row[0],
                from_db(row[1]),
                from_db(row[2]),
                None if answered is None else from_db(answered),
                *row[4:-1],
                on_time,
            )
        )

    return row_of


class ExportRepository:
    """Streams export rows, never holding more than one fetch batch in memory.

    Synchronous on purpose: the export service runs reading and writing together in one worker
    thread, so a 100,000-row export neither stalls the event loop nor pays an async hand-off
    per row or per batch.
    """

    def __init__(self, database: Database, *, batch: int = 5000) -> None:
        self._db = database
        self._batch = batch

    def law_aliases(self) -> dict[str, str]:
        """Folded alias to canonical law name, read synchronously (in the export's thread)."""
        sql = "SELECT alias, law FROM law_aliases"
        with contextlib.closing(self._db.read_batches(sql, batch=self._batch)) as batches:
            return {str(alias): str(law) for batch in batches for alias, law in batch}

    def csv_lines(
        self,
        export_filter: ExportFilter,
        language: str,
        columns: Sequence[Column],
        codes: Mapping[str, str],
        spans: Sequence[OffsetSpan],
    ) -> Generator[list[tuple[bytes]], None, None]:
        """The export's CSV lines in batches, each row a tuple of its line in UTF-8 bytes.

        See `csv_line_query`. Consume and close it in the thread that started it, as `rows`.
        """
        sql, params = csv_line_query(export_filter, language, columns, codes, spans)
        with contextlib.closing(self._db.read_batches(sql, params, batch=self._batch)) as batches:
            yield from batches

    def earliest(self) -> datetime | None:
        """When the oldest submission was created, read synchronously; None while there is none."""
        sql = "SELECT min(created_at) FROM submissions"
        with contextlib.closing(self._db.read_batches(sql)) as batches:
            ((text,),) = next(batches)
        return None if text is None else from_db(text)

    def rows(
        self, export_filter: ExportFilter, language: str, *, zone: ZoneInfo | None = None
    ) -> Generator[ExportRow, None, None]:
        """Rows matching the filter, reference names in `language`, oldest first.

        With `zone`, each replied row says whether the reply came by its due day there.

        Consume and close it in the thread that started it: its SQLite connection is bound
        to that thread.
        """
        sql, params = export_query(export_filter, language)
        row_of = _reader(zone)
        with contextlib.closing(self._db.read_batches(sql, params, batch=self._batch)) as batches:
            for batch in batches:
                yield from map(row_of, batch)
