"""Pure rules: digest slots in Asia/Seoul, quiet hours, folding changes, splitting at 4096."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.content import ContentChange, ContentEvent, ItemKind
from domain.meetings import reminder_due
from domain.subscriptions import Frequency, QuietHours, next_digest_at
from messages.length import split_blocks, visible_length
from services.digests import compose
from tests.delivery.support import SEOUL, kst

T = datetime(2026, 11, 21, tzinfo=UTC)


def test_daily_slot_is_the_next_local_hour() -> None:
    assert next_digest_at(Frequency.DAILY, 9, 0, SEOUL, kst(2026, 11, 21, 15)) == kst(
        2026, 11, 22, 9
    )
    assert next_digest_at(Frequency.DAILY, 9, 0, SEOUL, kst(2026, 11, 22, 8, 59)) == kst(
        2026, 11, 22, 9
    )
    assert next_digest_at(Frequency.DAILY, 9, 0, SEOUL, kst(2026, 11, 22, 9)) == kst(
        2026, 11, 23, 9
    )


def test_weekly_slot_is_the_next_chosen_weekday() -> None:
    # 2026-11-21 is a Saturday; weekday 0 is Monday.
    assert next_digest_at(Frequency.WEEKLY, 10, 0, SEOUL, kst(2026, 11, 21, 15)) == kst(
        2026, 11, 23, 10
    )
    assert next_digest_at(Frequency.WEEKLY, 10, 5, SEOUL, kst(2026, 11, 21, 9)) == kst(
        2026, 11, 21, 10
    )
    assert next_digest_at(Frequency.WEEKLY, 10, 5, SEOUL, kst(2026, 11, 21, 10)) == kst(
        2026, 11, 28, 10
    )
    assert next_digest_at(Frequency.IMMEDIATE, 10, 5, SEOUL, kst(2026, 11, 21, 10)) is None


def test_quiet_hours_cross_midnight_and_release_at_their_end() -> None:
    quiet = QuietHours.parse("22-08")
    assert [quiet.contains(hour) for hour in (21, 22, 3, 7, 8)] == [False, True, True, True, False]
    assert quiet.release_at(kst(2026, 11, 21, 23, 30), SEOUL) == kst(2026, 11, 22, 8)
    assert quiet.release_at(kst(2026, 11, 22, 1), SEOUL) == kst(2026, 11, 22, 8)
    assert quiet.release_at(kst(2026, 11, 22, 12), SEOUL) == kst(2026, 11, 22, 12)
    assert not QuietHours.parse("off").contains(23)
    with pytest.raises(ValueError, match="22-08"):
        QuietHours.parse("late")


def _event(
    number: int, kind: ItemKind, item: int, change: ContentChange, stage: int | None = None
) -> ContentEvent:
    return ContentEvent(number, T, kind, item, change, stage)


def test_compose_keeps_one_entry_per_item_in_kind_order() -> None:
    entries = compose(
        [
            _event(1, ItemKind.ANNOUNCEMENT, 5, ContentChange.CREATED),
            _event(2, ItemKind.MEETING, 1, ContentChange.CREATED),
            _event(3, ItemKind.MEETING, 1, ContentChange.UPDATED),
            _event(4, ItemKind.MEETING, 2, ContentChange.UPDATED),
            _event(5, ItemKind.MEETING, 2, ContentChange.CANCELLED),
            _event(6, ItemKind.BILL, 3, ContentChange.STAGE, 10),
            _event(7, ItemKind.BILL, 3, ContentChange.STAGE, 11),
            _event(8, ItemKind.MEETING, 2, ContentChange.UPDATED),
        ]
    )
    assert [(e.kind.value, e.item_id, e.change.value, e.stage_ids) for e in entries] == [
        ("meeting", 1, "created", ()),
        ("meeting", 2, "cancelled", ()),
        ("bill", 3, "stage", (10, 11)),
        ("announcement", 5, "created", ()),
    ]


def test_split_keeps_blocks_whole_and_every_part_within_the_limit() -> None:
    blocks = [f"<b>항목 {index}</b>\n" + "가" * 900 for index in range(10)]
    parts = split_blocks(blocks, 4096)
    assert len(parts) == 3
    assert all(visible_length(part) <= 4096 for part in parts)
    assert "\n\n".join(parts) == "\n\n".join(blocks)


def test_an_oversized_block_is_cut_by_lines_then_characters() -> None:
    block = "\n".join(["😀" * 1500, "나" * 5000])
    parts = split_blocks(["제목", block], 4096)
    assert all(visible_length(part) <= 4096 for part in parts)
    assert parts[0].startswith("제목")
    assert parts[-1].endswith("…")


@pytest.mark.parametrize(
    ("before_start", "day_sent", "hour_sent", "due"),
    [
        (timedelta(days=1, seconds=1), False, False, None),
        (timedelta(days=1), False, False, "day"),
        (timedelta(hours=1, seconds=1), True, False, None),
        (timedelta(hours=1), False, False, "hour"),
        (timedelta(hours=1), False, True, None),
        (timedelta(seconds=1), True, False, "hour"),
        (timedelta(0), False, False, None),
    ],
)
def test_a_reminder_is_due_a_day_then_an_hour_before_the_start(
    before_start: timedelta, day_sent: bool, hour_sent: bool, due: str | None
) -> None:
    now = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
    found = reminder_due(now + before_start, now, day_sent=day_sent, hour_sent=hour_sent)
    assert found == due
