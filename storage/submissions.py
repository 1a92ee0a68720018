"""Submissions, their history, attachments and supporters.

Anonymity by construction: every query that feeds a listing selects identity columns through
`_IDENTITY`, which yields NULL unless the submission is named. The raw `user_id` of an anonymous
submission is read only by `recipient` (to deliver news) and filtered on, never returned, by the
owner's own queries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import NamedTuple, NoReturn

from domain.delivery import Notice
from domain.drafts import FEEDBACK_FLOW
from domain.receipts import format_receipt_code
from domain.review import ChangedMeanwhileError
from domain.search import TRIGRAM
from domain.submissions import (
    OPEN_STATUSES,
    Attachment,
    NewSubmission,
    Recipient,
    ReportContent,
    Submission,
    SubmissionEvent,
    SubmissionFilter,
    SubmissionNotFoundError,
    SubmissionOrder,
    SubmissionStatus,
    Submitter,
    Visibility,
)
from domain.supporters import MyItem, SupporterNotice
from storage.audit import record_in
from storage.connection import Connection
from storage.database import Database, Row, UnitOfWork
from storage.domain_sql import literal, yearly_cost
from storage.outbox import enqueue_notice_in
from storage.report_content import (
    CONTENT_COLUMNS,
    DETAIL_COLUMNS,
    assignments,
    content_from_row,
    content_values,
    detail_values,
    marks,
)
from storage.supporters import enqueue_supporters_in, supporters_in
from storage.timestamps import from_db, from_db_optional, to_db

__all__ = ["SubmissionQueries", "SubmissionRepository"]

_OPEN_MARKS = ", ".join("?" for _ in OPEN_STATUSES)
_OPEN_VALUES = tuple(sorted(str(status) for status in OPEN_STATUSES))
"""`s.status IN ({_OPEN_MARKS})` with these values: the statuses still open."""

_SUPPORTED_BY = (
    "AND s.user_id IS NOT ? AND EXISTS (SELECT 1 FROM submission_supporters p"
    " WHERE p.submission_id = s.id AND p.user_id = ?)"
)
"""Someone else's submission that this user (both marks) supports."""

_NAMED = f"s.visibility = {literal(Visibility.NAMED)}"
_IDENTITY = (
    f"CASE WHEN {_NAMED} THEN s.user_id END AS contact_id,"
    f" CASE WHEN {_NAMED} THEN s.submitter_name END AS contact_name,"
    f" CASE WHEN {_NAMED} THEN s.submitter_username END AS contact_username"
)
_COLUMNS = (
    "SELECT s.id, s.receipt_code, s.visibility, "
    + _IDENTITY
    + "".join(f", s.{column}" for column in CONTENT_COLUMNS)
    + ", s.status, s.forwarded_to, s.answer_text, s.answered_at, s.answered_by, s.created_at,"
    " s.updated_at, s.language, s.merged_into, s.hidden, s.deleted_at, s.due_on, s.expected_on,"
    " (SELECT COUNT(*) FROM submission_supporters p WHERE p.submission_id = s.id)"
    " AS supporters_count"
)
_SELECT = f"{_COLUMNS} FROM submissions s"

_INSERT_COLUMNS = (
    "receipt_code",
    "user_id",
    "visibility",
    "submitter_name",
    "submitter_username",
    *CONTENT_COLUMNS,
    "created_at",
    "updated_at",
    "language",
    "due_on",
)
_INSERT = (
    f"INSERT INTO submissions ({', '.join(_INSERT_COLUMNS)}) VALUES ({marks(_INSERT_COLUMNS)})"
)


def _yearly(unit: str) -> str:
    return yearly_cost(f"s.cost_{unit}_low", f"s.cost_{unit}_high", f"s.cost_{unit}_period")


# Each order ends on the id, so pages never overlap or skip when values tie. "Highest cost"
# puts money first (a year's worth), then hours, and submissions without a cost last.
_ORDER_BY = {
    SubmissionOrder.NEWEST: "s.created_at DESC, s.id DESC",
    SubmissionOrder.OLDEST: "s.created_at ASC, s.id ASC",
    SubmissionOrder.MOST_SUPPORTED: "supporters_count DESC, s.created_at DESC, s.id DESC",
    SubmissionOrder.HIGHEST_COST: (
        f"s.cost_won_low IS NULL, {_yearly('won')} DESC, s.cost_hours_low IS NULL,"
        f" {_yearly('hours')} DESC, s.created_at DESC, s.id DESC"
    ),
}


def _submission(row: Row) -> Submission:
    visibility = Visibility(row["visibility"])
    submitter = None
    if visibility is Visibility.NAMED and row["contact_id"] is not None:
        submitter = Submitter(row["contact_id"], row["contact_name"], row["contact_username"])
    return Submission(
        id=row["id"],
        receipt_code=row["receipt_code"],
        visibility=visibility,
        submitter=submitter,
        content=content_from_row(row),
        status=SubmissionStatus(row["status"]),
        forwarded_to=row["forwarded_to"],
        answer_text=row["answer_text"],
        answered_at=from_db_optional(row["answered_at"]),
        answered_by=row["answered_by"],
        created_at=from_db(row["created_at"]),
        updated_at=from_db(row["updated_at"]),
        language=row["language"],
        merged_into=row["merged_into"],
        hidden=bool(row["hidden"]),
        deleted_at=from_db_optional(row["deleted_at"]),
        supporters_count=row["supporters_count"],
        due_on=_day(row["due_on"]),
        expected_on=_day(row["expected_on"]),
    )


def _optional(moment: datetime | None) -> str | None:
    return None if moment is None else to_db(moment)


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _event(row: Row) -> SubmissionEvent:
    return SubmissionEvent(
        id=row["id"],
        submission_id=row["submission_id"],
        at=from_db(row["at"]),
        status=SubmissionStatus(row["status"]),
        actor_id=row["actor_id"],
        note=row["note"],
    )


def _attachment(row: Row) -> Attachment:
    return Attachment(
        file_id=row["file_id"],
        file_unique_id=row["file_unique_id"],
        kind=row["kind"],
        file_name=row["file_name"],
        mime_type=row["mime_type"],
        file_size=row["file_size"],
    )


def _source(filter_: SubmissionFilter) -> tuple[str, list[object]]:
    """The rows a listing reads: every submission, or for a search the index's matches.

    Terms of three characters or more go to the trigram index in one MATCH; shorter ones are
    looked for only in the rows it found, so a word like "허락" never scans every report
    unless no term is long enough for the index. The matches are walked in id order, which is
    the order reports arrived in (one writer gives each the next id as it stores it, stamped
    with that moment), so newest or oldest first stops at the page instead of sorting every
    match: at a million reports, a fifth of them matching two common words, seconds.
    """
    if not filter_.search_terms:
        return " FROM submissions s", []
    long = [term for term in filter_.search_terms if len(term) >= TRIGRAM]
    short = [term for term in filter_.search_terms if len(term) < TRIGRAM]
    conditions = ["submissions_search MATCH ?"] if long else []
    conditions += ["instr(norm, ?) > 0"] * len(short)
    values: list[object] = []
    if long:
        values.append(" AND ".join('"' + term.replace('"', '""') + '"' for term in long))
    values.extend(short)
    direction = "ASC" if filter_.order is SubmissionOrder.OLDEST else "DESC"
    return (
        " FROM (SELECT rowid AS found FROM submissions_search"
        f" WHERE {' AND '.join(conditions)} ORDER BY rowid {direction}) f"
        " CROSS JOIN submissions s ON s.id = f.found"
    ), values


def _order(filter_: SubmissionFilter) -> str:
    """The listing's order; a search newest or oldest first keeps the index's id order."""
    if filter_.search_terms and filter_.order is SubmissionOrder.NEWEST:
        return "f.found DESC"
    if filter_.search_terms and filter_.order is SubmissionOrder.OLDEST:
        return "f.found ASC"
    return _ORDER_BY[filter_.order]


def _where(filter_: SubmissionFilter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    values: list[object] = []
    if filter_.statuses is not None:
        marks = ", ".join("?" for _ in filter_.statuses)
        clauses.append(f"s.status IN ({marks})")
        values.extend(sorted(str(status) for status in filter_.statuses))
    if filter_.category_id is not None:
        clauses.append("s.category_id = ?")
        values.append(filter_.category_id)
    if filter_.region_id is not None:
        clauses.append("s.region_id = ?")
        values.append(filter_.region_id)
    if not filter_.include_hidden:
        clauses.append("s.hidden = 0")
    if not filter_.include_merged:
        clauses.append("s.merged_into IS NULL")
    if filter_.overdue_before is not None:
        clauses.append(f"s.status IN ({_OPEN_MARKS}) AND COALESCE(s.expected_on, s.due_on) < ?")
        values.extend(_OPEN_VALUES)
        values.append(filter_.overdue_before.isoformat())
    if filter_.receipt_code is not None:
        clauses.append("s.receipt_code = ?")
        values.append(filter_.receipt_code)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), values


async def _insert_event(
    connection: Connection,
    submission_id: int,
    status: SubmissionStatus,
    *,
    at: datetime,
    actor_id: int | None,
    note: str | None,
) -> SubmissionEvent:
    cursor = await connection.execute(
        "INSERT INTO submission_events (submission_id, at, status, actor_id, note)"
        " VALUES (?, ?, ?, ?, ?)",
        (submission_id, to_db(at), str(status), actor_id, note),
    )
    assert cursor.lastrowid is not None
    return SubmissionEvent(cursor.lastrowid, submission_id, at, status, actor_id, note)


async def _insert_attachments(
    connection: Connection, submission_id: int, attachments: Sequence[Attachment]
) -> None:
    await connection.executemany(
        "INSERT INTO submission_attachments (submission_id, position, file_id,"
        " file_unique_id, kind, file_name, mime_type, file_size)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                submission_id,
                position,
                item.file_id,
                item.file_unique_id,
                item.kind,
                item.file_name,
                item.mime_type,
                item.file_size,
            )
            for position, item in enumerate(attachments)
        ],
    )


async def _consume_draft(
    connection: Connection, user_id: int, content: ReportContent, stamp: str
) -> None:
    """The draft became (part of) a submission: drop it, remember its company for next time."""
    await connection.execute("DELETE FROM submission_drafts WHERE user_id = ?", (user_id,))
    await connection.execute(
        "DELETE FROM inputs_in_progress WHERE user_id = ? AND flow = ?", (user_id, FEEDBACK_FLOW)
    )
    await connection.execute(
        "INSERT INTO company_profiles (user_id, region_id, company_size_id, industry_id,"
        " updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET"
        " region_id = excluded.region_id, company_size_id = excluded.company_size_id,"
        " industry_id = excluded.industry_id, updated_at = excluded.updated_at",
        (user_id, content.region_id, content.company_size_id, content.industry_id, stamp),
    )


async def _refuse(connection: Connection, submission_id: int) -> NoReturn:
    """A conditional write changed nothing: say whether the submission is gone or moved on."""
    async with connection.execute(
        "SELECT status, merged_into FROM submissions WHERE id = ?", (submission_id,)
    ) as cursor:
        row = await cursor.fetchone()
    if row is None:
        raise SubmissionNotFoundError(submission_id)
    raise ChangedMeanwhileError(SubmissionStatus(row[0]), merged=row[1] is not None)


_LAW_ALIASES = "SELECT alias, law FROM law_aliases"


class SimilarOpen(NamedTuple):
    """Candidates for "similar", and the law aliases they are shown with (one search)."""

    reports: list[Submission]
    aliases: dict[str, str]


class SubmissionQueries:
    """What views read of submissions: reads only, for a handler (no service in between).

    The write side, `SubmissionRepository`, extends it; the container hands handlers this class,
    so they cannot reach a write.
    """

    def __init__(self, database: Database) -> None:
        self._db = database

    async def _one(
        self, where: str, parameters: Sequence[object], work: UnitOfWork | None = None
    ) -> Submission | None:
        row = await (self._db if work is None else work).fetch_one(
            f"{_SELECT} WHERE {where}", parameters
        )
        return None if row is None else _submission(row)

    async def get(self, submission_id: int) -> Submission | None:
        """One submission, or None (a stale or forged button)."""
        return await self._one("s.id = ?", (submission_id,))

    async def get_by_code(self, receipt_code: str) -> Submission | None:
        """One submission by its receipt code (canonical form), or None."""
        return await self._one("s.receipt_code = ?", (receipt_code,))

    async def owned(
        self, submission_id: int, user_id: int, *, work: UnitOfWork | None = None
    ) -> Submission | None:
        """The submission if this user made it; None otherwise, so others learn nothing.

        Inside the caller's unit of work when given one.
        """
        return await self._one("s.id = ? AND s.user_id = ?", (submission_id, user_id), work)

    async def owned_by_code(self, receipt_code: str, user_id: int) -> Submission | None:
        """As `owned`, looked up by receipt code (/status)."""
        return await self._one("s.receipt_code = ? AND s.user_id = ?", (receipt_code, user_id))

    async def supported(self, submission_id: int, user_id: int) -> Submission | None:
        """Someone else's submission this user supports; None otherwise.

        The caller shows a supporter only what any owner may see of another's submission.
        """
        return await self._one(f"s.id = ? {_SUPPORTED_BY}", (submission_id, user_id, user_id))

    async def supported_by_code(self, receipt_code: str, user_id: int) -> Submission | None:
        """As `supported`, looked up by receipt code (/status)."""
        return await self._one(
            f"s.receipt_code = ? {_SUPPORTED_BY}", (receipt_code, user_id, user_id)
        )

    async def list_filtered(
        self, filter_: SubmissionFilter | None = None, *, limit: int = 20, offset: int = 0
    ) -> list[Submission]:
        """The administrators' inbox: filtered, sorted as asked (oldest first by default), paged."""
        chosen = filter_ or SubmissionFilter()
        source, found = _source(chosen)
        where, values = _where(chosen)
        rows = await self._db.fetch_all(
            f"{_COLUMNS}{source}{where} ORDER BY {_order(chosen)} LIMIT ? OFFSET ?",
            (*found, *values, limit, offset),
        )
        return [_submission(row) for row in rows]

    async def count_filtered(
        self, filter_: SubmissionFilter | None = None, *, at_most: int | None = None
    ) -> int:
        """How many submissions the inbox filter matches, for paging; counting stops at `at_most`.

        A search matching a fifth of a million reports would otherwise spend seconds counting
        what the administrator reads as "more than a thousand".
        """
        chosen = filter_ or SubmissionFilter()
        source, found = _source(chosen)
        where, values = _where(chosen)
        query = f"SELECT COUNT(*){source}{where}"
        if at_most is not None:
            query = f"SELECT COUNT(*) FROM (SELECT 1{source}{where} LIMIT ?)"
            values.append(at_most)
        value = await self._db.fetch_value(query, (*found, *values))
        return int(value or 0)

    async def list_for_owner(self, user_id: int, *, limit: int, offset: int) -> list[Submission]:
        """The user's own submissions, newest first, for /my."""
        rows = await self._db.fetch_all(
            f"{_SELECT} WHERE s.user_id = ? ORDER BY s.created_at DESC, s.id DESC LIMIT ? OFFSET ?",
            (user_id, limit, offset),
        )
        return [_submission(row) for row in rows]

    async def count_for_owner(self, user_id: int) -> int:
        """How many submissions the user has, for /my's paging."""
        value = await self._db.fetch_value(
            "SELECT COUNT(*) FROM submissions WHERE user_id = ?", (user_id,)
        )
        return int(value or 0)

    async def is_owner(self, submission_id: int, user_id: int) -> bool:
        """Whether the user submitted it: /my and /status show details to the owner only."""
        value = await self._db.fetch_value(
            "SELECT 1 FROM submissions WHERE id = ? AND user_id = ?", (submission_id, user_id)
        )
        return value is not None

    async def events(self, submission_id: int) -> list[SubmissionEvent]:
        """The status history, oldest first."""
        rows = await self._db.fetch_all(
            "SELECT id, submission_id, at, status, actor_id, note FROM submission_events"
            " WHERE submission_id = ? ORDER BY at, id",
            (submission_id,),
        )
        return [_event(row) for row in rows]

    async def attachments(
        self, submission_id: int, *, work: UnitOfWork | None = None
    ) -> list[Attachment]:
        """The evidence, in the order it was sent (inside the caller's unit of work if given)."""
        rows = await (self._db if work is None else work).fetch_all(
            "SELECT file_id, file_unique_id, kind, file_name, mime_type, file_size"
            " FROM submission_attachments WHERE submission_id = ? ORDER BY position",
            (submission_id,),
        )
        return [_attachment(row) for row in rows]

    async def has_supported(self, submission_id: int, user_id: int) -> bool:
        """Whether the user already said "me too" here."""
        value = await self._db.fetch_value(
            "SELECT 1 FROM submission_supporters WHERE submission_id = ? AND user_id = ?",
            (submission_id, user_id),
        )
        return value is not None

    async def count_supported(self, user_id: int) -> int:
        """How many others' submissions the user supports, for /my's paging."""
        value = await self._db.fetch_value(
            "SELECT COUNT(*) FROM submission_supporters p JOIN submissions s"
            " ON s.id = p.submission_id WHERE p.user_id = ? AND s.user_id IS NOT p.user_id",
            (user_id,),
        )
        return int(value or 0)

    async def list_supported(self, user_id: int, *, limit: int, offset: int) -> list[Submission]:
        """Others' submissions the user supports, the latest support first, for /my."""
        rows = await self._db.fetch_all(
            f"{_SELECT} JOIN submission_supporters mine ON mine.submission_id = s.id"
            " WHERE mine.user_id = ? AND s.user_id IS NOT mine.user_id"
            " ORDER BY mine.at DESC, s.id DESC LIMIT ? OFFSET ?",
            (user_id, limit, offset),
        )
        return [_submission(row) for row in rows]

    async def count_for_person(self, user_id: int) -> int:
        """How many lines /my has: the user's own submissions and those they support."""
        return await self.count_for_owner(user_id) + await self.count_supported(user_id)

    async def page_for_person(self, user_id: int, *, limit: int, offset: int) -> list[MyItem]:
        """One page of /my: the user's own submissions, newest first, then those they support.

        Their own come first because those are the ones they act on (add details, answer the
        follow-up); supported ones follow, the latest support first, each marked as such.
        """
        own_total = await self.count_for_owner(user_id)
        own = (
            await self.list_for_owner(user_id, limit=limit, offset=offset)
            if offset < own_total
            else []
        )
        items = [MyItem(submission, supported=False) for submission in own]
        room = limit - len(items)
        if room > 0:
            supported = await self.list_supported(
                user_id, limit=room, offset=max(0, offset - own_total)
            )
            items.extend(MyItem(submission, supported=True) for submission in supported)
        return items

    async def recipient(self, submission_id: int) -> Recipient | None:
        """Who to tell about this submission, or None once they erased their data."""
        row = await self._db.fetch_one(
            "SELECT u.id, u.language, u.blocked_at FROM submissions s"
            " JOIN users u ON u.id = s.user_id WHERE s.id = ?",
            (submission_id,),
        )
        if row is None:
            return None
        return Recipient(row["id"], row["language"], row["blocked_at"] is not None)


class SubmissionRepository(SubmissionQueries):
    """Reads and writes submissions; every write is one transaction."""

    async def create(
        self, new: NewSubmission, *, year: int, now: datetime, work: UnitOfWork | None = None
    ) -> Submission:
        """Store a submission with the next receipt code of the year and its first event.

        The same transaction consumes the user's draft and remembers the company profile, so a
        crash can never leave both a submission and the draft it came from. Joins the caller's
        unit of work when given one.
        """
        if work is not None:
            return await self._create_in(work.connection, new, year=year, now=now)
        async with self._db.transaction() as connection:
            return await self._create_in(connection, new, year=year, now=now)

    async def _create_in(
        self, connection: Connection, new: NewSubmission, *, year: int, now: datetime
    ) -> Submission:
        stamp = to_db(now)
        named = new.visibility is Visibility.NAMED
        async with connection.execute(
            "INSERT INTO receipt_sequences (year, last) VALUES (?, 1)"
            " ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
            (year,),
        ) as cursor:
            row = await cursor.fetchone()
        assert row is not None
        code = format_receipt_code(year, row[0])
        cursor = await connection.execute(
            _INSERT,
            (
                code,
                new.user_id,
                str(new.visibility),
                new.submitter_name if named else None,
                new.submitter_username if named else None,
                *content_values(new.content),
                stamp,
                stamp,
                new.language,
                None if new.due_on is None else new.due_on.isoformat(),
            ),
        )
        submission_id = cursor.lastrowid
        assert submission_id is not None
        await _insert_attachments(connection, submission_id, new.attachments)
        await _insert_event(
            connection,
            submission_id,
            SubmissionStatus.RECEIVED,
            at=now,
            actor_id=None,
            note=None,
        )
        await _consume_draft(connection, new.user_id, new.content, stamp)
        async with connection.execute(f"{_SELECT} WHERE s.id = ?", (submission_id,)) as cur:
            created = await cur.fetchone()
        assert created is not None
        return _submission(created)

    async def add_details(
        self,
        submission_id: int,
        user_id: int,
        details: ReportContent,
        attachments: Sequence[Attachment],
        *,
        now: datetime,
        work: UnitOfWork | None = None,
    ) -> Submission | None:
        """Write the details an owner added to their open report, or None.

        Everything but the topic and the problem is taken from `details` (DETAIL_COLUMNS).

        None when the report is not theirs or no longer open (answered, closed, merged,
        hidden or erased meanwhile).

        The owner's draft of these details goes in the same transaction, and the company
        becomes the profile offered back next time, as on submitting. Joins the caller's
        unit of work when given one.
        """
        if work is not None:
            return await self._add_details_in(
                work.connection, submission_id, user_id, details, attachments, now=now
            )
        async with self._db.transaction() as connection:
            return await self._add_details_in(
                connection, submission_id, user_id, details, attachments, now=now
            )

    async def _add_details_in(
        self,
        connection: Connection,
        submission_id: int,
        user_id: int,
        details: ReportContent,
        attachments: Sequence[Attachment],
        *,
        now: datetime,
    ) -> Submission | None:
        stamp = to_db(now)
        cursor = await connection.execute(
            f"UPDATE submissions SET {assignments(DETAIL_COLUMNS)}, updated_at = ?"
            " WHERE id = ? AND user_id = ? AND merged_into IS NULL AND hidden = 0"
            f" AND deleted_at IS NULL AND status IN ({_OPEN_MARKS})",
            (
                *detail_values(details),
                stamp,
                submission_id,
                user_id,
                *_OPEN_VALUES,
            ),
        )
        if cursor.rowcount != 1:
            return None
        await connection.execute(
            "DELETE FROM submission_attachments WHERE submission_id = ?", (submission_id,)
        )
        await _insert_attachments(connection, submission_id, attachments)
        await _consume_draft(connection, user_id, details, stamp)
        async with connection.execute(f"{_SELECT} WHERE s.id = ?", (submission_id,)) as cur:
            updated = await cur.fetchone()
        assert updated is not None
        return _submission(updated)

    async def count_created_since(
        self, user_id: int, since: datetime, *, work: UnitOfWork | None = None
    ) -> int:
        """Submissions the user made since an instant, for the daily limit.

        Inside the caller's unit of work when given one, so the count and what the action
        writes are one transaction.
        """
        sql = "SELECT COUNT(*) FROM submissions WHERE user_id = ? AND created_at >= ?"
        parameters = (user_id, to_db(since))
        row = await (self._db if work is None else work).fetch_one(sql, parameters)
        return 0 if row is None else int(row[0] or 0)

    async def similar_open(
        self,
        category_id: str,
        terms: Sequence[str],
        *,
        reader_id: int,
        limit: int,
        window: int,
    ) -> SimilarOpen:
        """Open, visible reports of a category that share most of the terms, best first.

        The candidates for "similar" come from the inbox search index's three-character pieces
        (migration 0025), looked up only from the `window`-th newest open report of the category
        on (a rowid bound FTS5 seeks to), so the cost stays flat however many reports the years
        have gathered. A report ranks by how many pieces it shares times their weight, over its
        length, as the cosine that scores the candidates afterwards favours a short report sharing
        much; each piece weighs one over the number of those reports that have it, so the rare
        pieces that name a problem count for more than the topic's common words. (bm25 weighed
        them by counting every report of the whole index that has each piece: most of the time
        at a million reports.) Only the best `limit` are read. Never the reader's own, nor one
        they already support. Runs as a search (`Database.search`): at ten
        thousand open reports it takes longer than everybody else's reads should wait. The law
        aliases the reports are shown with come in the same trip (a small table).
        """
        if not terms:
            return SimilarOpen([], {})
        hits = " UNION ALL ".join(
            f"SELECT {number} AS piece, rowid AS found FROM submissions_search"
            " WHERE submissions_search MATCH ? AND rowid >= (SELECT lowest FROM recent)"
            for number in range(len(terms))
        )
        search = (
            "WITH recent (lowest) AS (SELECT COALESCE(MIN(id), 0) FROM (SELECT id FROM submissions"
            " WHERE category_id = ? AND hidden = 0 AND merged_into IS NULL"
            f" AND status IN ({_OPEN_MARKS}) ORDER BY created_at DESC, id DESC LIMIT ?)),"
            f" hits AS ({hits}),"
            " candidates AS (SELECT h.piece, h.found, length(s.problem)"
            " + COALESCE(length(s.proposal), 0) + COALESCE(length(s.law_or_rule), 0) AS size"
            " FROM hits h JOIN submissions s ON s.id = h.found"
            f" WHERE s.category_id = ? AND s.status IN ({_OPEN_MARKS}) AND s.hidden = 0"
            " AND s.merged_into IS NULL AND (s.user_id IS NULL OR s.user_id != ?)"
            " AND NOT EXISTS (SELECT 1 FROM submission_supporters p"
            " WHERE p.submission_id = s.id AND p.user_id = ?)),"
            " weighed AS (SELECT found, size, 1.0 / COUNT(*) OVER (PARTITION BY piece) AS weight"
            " FROM candidates),"
            " best AS (SELECT found, COUNT(*) * SUM(weight) / MAX(size, 1) AS rank FROM weighed"
            " GROUP BY found ORDER BY rank DESC, found DESC LIMIT ?)"
            f" {_COLUMNS} FROM best JOIN submissions s ON s.id = best.found"
            " ORDER BY best.rank DESC, s.id DESC"
        )
        rows, aliases = await self._db.search(
            (
                search,
                (
                    category_id,
                    *_OPEN_VALUES,
                    window,
                    *(f'"{term}"' for term in terms),
                    category_id,
                    *_OPEN_VALUES,
                    reader_id,
                    reader_id,
                    limit,
                ),
            ),
            (_LAW_ALIASES, ()),
        )
        return SimilarOpen(
            [_submission(row) for row in rows], {str(row[0]): str(row[1]) for row in aliases}
        )

    async def law_aliases(self) -> dict[str, str]:
        """Folded alias to canonical law name (migration 0026): the laws another owner may see."""
        rows = await self._db.fetch_all(_LAW_ALIASES)
        return {str(row[0]): str(row[1]) for row in rows}

    async def supporters_count(self, submission_id: int) -> int:
        """How many others said "me too"."""
        value = await self._db.fetch_value(
            "SELECT COUNT(*) FROM submission_supporters WHERE submission_id = ?",
            (submission_id,),
        )
        return int(value or 0)

    async def add_supporter(self, submission_id: int, user_id: int, *, now: datetime) -> bool:
        """Record a "me too"; False when the user had already supported it."""
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "INSERT INTO submission_supporters (submission_id, user_id, at) VALUES (?, ?, ?)"
                " ON CONFLICT (submission_id, user_id) DO NOTHING",
                (submission_id, user_id, to_db(now)),
            )
            return cursor.rowcount == 1

    async def change_status(
        self,
        submission_id: int,
        status: SubmissionStatus,
        *,
        actor_id: int | None,
        note: str | None,
        now: datetime,
        forwarded_to: str | None = None,
        expected: SubmissionStatus | None = None,
        notice: Notice | None = None,
        supporters: SupporterNotice | None = None,
    ) -> SubmissionEvent:
        """Move a submission and record the event; an admin's change is audited in the same step.

        With `expected`, the move happens only if the submission is still in that status and not
        merged, checked by the write itself, so of two administrators acting at once exactly one
        succeeds and the other gets `ChangedMeanwhileError`. The `notice` for the submitter is
        queued in the same transaction, and so are the `supporters`' notices. `forwarded_to` (the
        ministry) is stored when given.
        """
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "UPDATE submissions SET status = ?, updated_at = ?,"
                " forwarded_to = COALESCE(?, forwarded_to),"
                " replied_at = COALESCE(replied_at, ?)"
                " WHERE id = ? AND (? IS NULL OR (status = ? AND merged_into IS NULL))",
                (
                    str(status),
                    to_db(now),
                    forwarded_to,
                    _optional(status.replied_at(now)),
                    submission_id,
                    None if expected is None else str(expected),
                    None if expected is None else str(expected),
                ),
            )
            if cursor.rowcount != 1:
                await _refuse(connection, submission_id)
            event = await _insert_event(
                connection, submission_id, status, at=now, actor_id=actor_id, note=note
            )
            if actor_id is not None:
                details: dict[str, object] = {"status": str(status)}
                if forwarded_to is not None:
                    details["forwarded_to"] = forwarded_to
                await record_in(
                    connection,
                    at=now,
                    actor_id=actor_id,
                    action="submission.status",
                    target_type="submission",
                    target_ids=[submission_id],
                    details=details,
                )
            if notice is not None:
                await enqueue_notice_in(connection, notice, source_id=event.id, now=now)
            if supporters is not None:
                recipients = await supporters_in(connection, submission_id)
                await enqueue_supporters_in(
                    connection, supporters, recipients, source_id=event.id, now=now
                )
        return event

    async def set_answer(
        self,
        submission_id: int,
        answer_text: str,
        *,
        actor_id: int,
        now: datetime,
        note: str | None = None,
        expected: SubmissionStatus | None = None,
        notice: Notice | None = None,
        supporters: SupporterNotice | None = None,
    ) -> SubmissionEvent:
        """Store the official answer, mark the submission answered, audit it and queue the notice.

        One transaction, the supporters' notices included; `expected` makes the write
        conditional as in `change_status`.
        """
        async with self._db.transaction() as connection:
            cursor = await connection.execute(
                "UPDATE submissions SET answer_text = ?, answered_at = ?, answered_by = ?,"
                " status = ?, updated_at = ?, replied_at = COALESCE(replied_at, ?) WHERE id = ?"
                " AND (? IS NULL OR (status = ? AND merged_into IS NULL))",
                (
                    answer_text,
                    to_db(now),
                    actor_id,
                    str(SubmissionStatus.ANSWERED),
                    to_db(now),
                    _optional(SubmissionStatus.ANSWERED.replied_at(now)),
                    submission_id,
                    None if expected is None else str(expected),
                    None if expected is None else str(expected),
                ),
            )
            if cursor.rowcount != 1:
                await _refuse(connection, submission_id)
            event = await _insert_event(
                connection,
                submission_id,
                SubmissionStatus.ANSWERED,
                at=now,
                actor_id=actor_id,
                note=note,
            )
            await record_in(
                connection,
                at=now,
                actor_id=actor_id,
                action="submission.answer",
                target_type="submission",
                target_ids=[submission_id],
                details={"length": len(answer_text)},
            )
            if notice is not None:
                await enqueue_notice_in(connection, notice, source_id=event.id, now=now)
            if supporters is not None:
                recipients = await supporters_in(connection, submission_id)
                await enqueue_supporters_in(
                    connection, supporters, recipients, source_id=event.id, now=now
                )
        return event

    async def recipients_in_categories(self, category_ids: Iterable[str]) -> list[Recipient]:
        """Everyone with a submission in these categories, once each, for related news."""
        ids: Sequence[str] = sorted(set(category_ids))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = await self._db.fetch_all(
            "SELECT DISTINCT u.id, u.language, u.blocked_at FROM submissions s"
            f" JOIN users u ON u.id = s.user_id WHERE s.category_id IN ({marks})"
            " ORDER BY u.id",
            ids,
        )
        return [
            Recipient(row["id"], row["language"], row["blocked_at"] is not None) for row in rows
        ]
