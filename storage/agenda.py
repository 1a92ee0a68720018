"""Links between submissions and meetings or bills, and the ledger of what owners were told."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime

from domain.agenda import AgendaEntry, LinkedOwner, LinkKind, LinkNotice, LinkTarget
from domain.delivery import QueuedMessage
from domain.submissions import Visibility
from domain.supporters import SupporterNotice
from storage.audit import record_in
from storage.costs import COST_COLUMNS, costs_from_row
from storage.database import Database
from storage.domain_sql import literal
from storage.outbox import enqueue_in
from storage.supporters import enqueue_supporters_in, supporters_in
from storage.timestamps import to_db

__all__ = ["LinkQueries", "LinkRepository", "StageRecord"]

StageRecord = tuple[int, int, str, date]
"""(stage id, bill id, stage, on date) of one recorded bill stage."""

_ANONYMOUS = f"s.visibility = {literal(Visibility.ANONYMOUS)}"


class LinkQueries:
    """What views read of links (what a submission is linked to); the repository extends it."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def target_for_key(self, key: str) -> LinkTarget | None:
        """The meeting or bill an import file named by its key, or None."""
        for kind, table in ((LinkKind.MEETING, "meetings"), (LinkKind.BILL, "bills")):
            value = await self._db.fetch_value(f"SELECT id FROM {table} WHERE key = ?", (key,))
            if value is not None:
                return LinkTarget(kind, int(value))
        return None

    async def targets_of(self, submission_id: int) -> list[LinkTarget]:
        """The meetings and bills a submission is linked to, in the order they were linked."""
        rows = await self._db.fetch_all(
            "SELECT item_type, item_id FROM submission_links WHERE submission_id = ?"
            " ORDER BY linked_at, item_type, item_id",
            (submission_id,),
        )
        return [LinkTarget(LinkKind(row[0]), int(row[1])) for row in rows]


class LinkRepository(LinkQueries):
    """Reads and writes links and their notices; every write is one transaction."""

    async def link(
        self,
        target: LinkTarget,
        submission_ids: Sequence[int],
        *,
        actor_id: int,
        now: datetime,
    ) -> int:
        """Link submissions to a meeting or bill, audited; return how many links are new."""
        if not submission_ids:
            return 0
        async with self._db.transaction() as connection:
            before = connection.total_changes
            await connection.executemany(
                "INSERT INTO submission_links (submission_id, item_type, item_id,"
                " since_stage_id, actor_id, linked_at) VALUES (?, ?, ?,"
                " CASE WHEN ? = 'bill' THEN (SELECT COALESCE(MAX(id), 0) FROM bill_stages"
                " WHERE bill_id = ?) ELSE 0 END, ?, ?)"
                " ON CONFLICT (submission_id, item_type, item_id) DO NOTHING",
                [
                    (
                        submission_id,
                        str(target.kind),
                        target.item_id,
                        str(target.kind),
                        target.item_id,
                        actor_id,
                        to_db(now),
                    )
                    for submission_id in submission_ids
                ],
            )
            added = connection.total_changes - before
            await record_in(
                connection,
                at=now,
                actor_id=actor_id,
                action=f"submission.link_{target.kind}",
                target_type="submission",
                target_ids=submission_ids,
                details={"item_id": target.item_id, "added": added},
            )
        return added

    async def agenda(self, target: LinkTarget) -> list[AgendaEntry]:
        """The visible submissions linked to one item, most supported first."""
        rows = await self._db.fetch_all(
            "SELECT s.id, s.receipt_code, s.category_id, s.problem, s.status,"
            " (SELECT COUNT(*) FROM submission_supporters p WHERE p.submission_id = s.id) AS n,"
            f" {COST_COLUMNS}"
            " FROM submission_links l JOIN submissions s ON s.id = l.submission_id"
            " WHERE l.item_type = ? AND l.item_id = ? AND s.hidden = 0"
            " ORDER BY n DESC, s.created_at, s.id",
            (str(target.kind), target.item_id),
        )
        entries = []
        for row in rows:
            hours, won = costs_from_row(row)
            entries.append(
                AgendaEntry(
                    submission_id=row[0],
                    receipt_code=row[1],
                    category_id=row[2],
                    problem=row[3],
                    status=row[4],
                    supporters=int(row[5]),
                    hours=hours,
                    won=won,
                )
            )
        return entries

    async def owners(self) -> list[LinkedOwner]:
        """Every link whose owner can still be reached (not erased, not blocked), or is anonymous.

        An anonymous owner is told whatever became of them; the sender drops at send time what
        cannot go, out of administrators' sight.
        """
        rows = await self._db.fetch_all(
            "SELECT l.submission_id, s.receipt_code, u.id, COALESCE(u.language, s.language),"
            f" l.item_type, l.item_id, l.since_stage_id, {_ANONYMOUS}"
            " FROM submission_links l JOIN submissions s ON s.id = l.submission_id"
            " LEFT JOIN users u ON u.id = s.user_id"
            f" WHERE (u.id IS NOT NULL AND u.blocked_at IS NULL) OR {_ANONYMOUS}"
            " ORDER BY l.submission_id, l.item_type, l.item_id"
        )
        return [
            LinkedOwner(
                submission_id=row[0],
                receipt_code=row[1],
                user_id=row[2],
                language=row[3],
                target=LinkTarget(LinkKind(row[4]), int(row[5])),
                since_stage_id=int(row[6]),
                private=bool(row[7]),
            )
            for row in rows
        ]

    async def told(self) -> frozenset[tuple[int, str, int, str]]:
        """(submission, item type, item id, what) of every notice already queued."""
        rows = await self._db.fetch_all(
            "SELECT submission_id, item_type, item_id, what FROM link_notices"
        )
        return frozenset((int(r[0]), str(r[1]), int(r[2]), str(r[3])) for r in rows)

    async def stages(self, bill_ids: Iterable[int]) -> list[StageRecord]:
        """Every recorded stage of these bills, oldest record first."""
        ids = sorted(set(bill_ids))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = await self._db.fetch_all(
            f"SELECT id, bill_id, stage, on_date FROM bill_stages WHERE bill_id IN ({marks})"
            " ORDER BY id",
            ids,
        )
        return [(int(r[0]), int(r[1]), str(r[2]), date.fromisoformat(r[3])) for r in rows]

    async def queue(
        self,
        notices: Sequence[tuple[LinkNotice, QueuedMessage | None]],
        *,
        now: datetime,
        supporters: Callable[[LinkNotice], SupporterNotice] | None = None,
    ) -> int:
        """Record each notice and queue its message together; one already recorded is skipped.

        The submission's `supporters` are told with the owner, in the same transaction.
        """
        queued = 0
        async with self._db.transaction(large=True) as connection:
            for notice, message in notices:
                target = notice.target
                cursor = await connection.execute(
                    "INSERT INTO link_notices (submission_id, item_type, item_id, what, at)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (
                        notice.submission_id,
                        str(target.kind),
                        target.item_id,
                        notice.what,
                        to_db(now),
                    ),
                )
                if cursor.rowcount != 1:
                    continue
                queued += await enqueue_in(
                    connection,
                    key=f"link:{notice.submission_id}:{target.kind}:{target.item_id}:{notice.what}",
                    kind="notice",
                    messages=[] if message is None else [message],
                    now=now,
                    private=notice.private,
                )
                if supporters is not None and cursor.lastrowid is not None:
                    recipients = await supporters_in(connection, notice.submission_id)
                    await enqueue_supporters_in(
                        connection,
                        supporters(notice),
                        recipients,
                        source_id=cursor.lastrowid,
                        now=now,
                    )
        return queued
