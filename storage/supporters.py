"""Supporters' notices, queued inside the transaction of the change they tell of."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from domain.submissions import Recipient
from domain.supporters import SupporterNotice, supporter_key
from storage.connection import Connection
from storage.outbox import enqueue_in

__all__ = ["enqueue_supporters_in", "supporters_in"]


async def supporters_in(
    connection: Connection, submission_id: int, *, besides: Sequence[int] = ()
) -> list[Recipient]:
    """The supporters still linked to a submission, once each, leaving out its author.

    `besides` names further submissions whose authors hear of the change by their own notice
    (a merge tells both authors), so nobody is told twice.
    """
    authors = (submission_id, *besides)
    marks = ", ".join("?" for _ in authors)
    async with connection.execute(
        "SELECT DISTINCT u.id, u.language, u.blocked_at FROM submission_supporters p"
        " JOIN users u ON u.id = p.user_id WHERE p.submission_id = ?"
        f" AND u.id NOT IN (SELECT user_id FROM submissions WHERE id IN ({marks})"
        " AND user_id IS NOT NULL) ORDER BY u.id",
        (submission_id, *authors),
    ) as cursor:
        rows = await cursor.fetchall()
    return [Recipient(int(row[0]), str(row[1]), row[2] is not None) for row in rows]


async def enqueue_supporters_in(
    connection: Connection,
    notice: SupporterNotice,
    recipients: Sequence[Recipient],
    *,
    source_id: int,
    now: datetime,
) -> int:
    """Queue one message per reachable supporter, keyed by the change's row; return rows added.

    The kind is "notice", as the author's; the key tells the two apart, and the delivery is
    private besides, so no view that lists private deliveries shows a supporter's figures.
    """
    messages = [notice.compose(r) for r in recipients if not r.blocked]
    if not messages:
        return 0
    return await enqueue_in(
        connection,
        key=supporter_key(notice.event, source_id),
        kind="notice",
        messages=messages,
        now=now,
        private=True,
    )
