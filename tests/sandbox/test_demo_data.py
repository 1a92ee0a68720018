"""The sandbox's data files: the bundled ones load through the real services, bad ones say where."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.wiring import Wiring
from domain.clock import FrozenClock
from domain.submissions import SubmissionFilter, SubmissionOrder, SubmissionStatus
from sandbox import SandboxDataError, load_personas, sandbox_settings
from sandbox.demo import load_demo, read_demo_submissions
from storage.database import Database
from tests.fixtures.emulator import EMULATOR_TOKEN

NOW = datetime(2026, 11, 21, 6, 0, tzinfo=UTC)


async def test_bundled_demo_data_goes_through_intake_and_review(tmp_path: Path) -> None:
    book = load_personas()
    data = read_demo_submissions()
    settings = sandbox_settings(
        "http://127.0.0.1:9", EMULATOR_TOKEN, tmp_path / "demo.db", book.admin_ids
    )
    database = await Database.open(settings.database_path)
    try:
        wiring = Wiring.create(settings, database, FrozenClock(NOW))
        summary, count = await load_demo(wiring, data, admin_id=min(book.admin_ids))
        stored = await wiring.services.submissions.list_filtered(
            SubmissionFilter(order=SubmissionOrder.OLDEST), limit=100, offset=0
        )
        overdue = await wiring.services.submissions.count_filtered(
            SubmissionFilter(overdue_before=wiring.services.deadlines.today())
        )
        deadlines = await wiring.services.deadlines.summary()
        held = await wiring.services.links.target_for_key("sme-ai-council-2026-11")
        assert held is not None
        agenda = await wiring.services.agenda.agenda(held, "ko")
        notices = await database.fetch_value("SELECT COUNT(*) FROM link_notices")
        helped = await wiring.services.follow_up_answers.summary()
        burden = await wiring.services.burden.table(language="ko")
    finally:
        await database.close()

    assert count == len(data.submissions) == len(stored) >= 24
    assert sum(summary.created.values()) > 0, "the policy content file imported nothing"
    assert [s.receipt_code for s in stored] == sorted(s.receipt_code for s in stored)
    assert all(s.created_at < NOW for s in stored)
    expected = Counter(item.status for item in data.submissions)
    assert Counter(s.status for s in stored) == expected
    assert set(expected) == set(SubmissionStatus), "every status should be on show"
    assert {s.language for s in stored} == {"ko", "en"}
    assert len({s.content.region_id for s in stored}) == 17
    assert len({s.category_id for s in stored}) >= 10
    answered = [s for s in stored if s.status is SubmissionStatus.ANSWERED]
    assert all(s.answer_text for s in answered)
    supporters = sum(len(item.supporters) for item in data.submissions)
    assert sum(s.supporters_count for s in stored) == supporters
    today = NOW.date()
    assert all(s.due_on is not None for s in stored)
    assert overdue > 0 and any(s.is_open and s.due_on and s.due_on > today for s in stored)
    assert any(s.expected_on is not None for s in stored)
    assert deadlines.judged > deadlines.on_time > 0
    assert len(agenda.entries) == 2 and agenda.totals.hours_per_month > 0
    assert notices >= 4, "linked owners should have been told of their meetings and bills"
    assert helped.answered == 3 and helped.asked == len(answered)
    charted = [line for line in burden.by_law if line.label and line.won_per_month]
    assert len(charted) >= 4 and burden.total.won_one_off
    assert "화장품법 제10조" in {line.label for line in burden.by_law}  # Korean and English
    anonymous = [s for s in stored if s.is_anonymous]
    assert anonymous and all(s.submitter is None for s in anonymous)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "submissions.yaml"
    path.write_text(text, encoding="utf-8")
    return path


PEOPLE = """submitters:
  - {key: a, id: 1, name: A, language: ko}
  - {key: b, id: 2, name: B, language: en}
"""
ITEM = """submissions:
  - submitter: a
    days_ago: 3
    category: other
    visibility: named
    impact: 3
    problem: 충분히 긴 애로 사항 설명입니다.
"""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("    status: received\n    colour: red\n", "submissions[0]: unknown field(s) colour"),
        ("    status: received\n    supporters: [c]\n", "no submitter with key 'c'"),
        ("    status: received\n    supporters: [a]\n", "cannot support their own"),
        ("    status: forwarded\n", "forwarded_to must be a non-empty text"),
        ("    status: lost\n", "'lost' is not a valid SubmissionStatus"),
    ],
)
def test_a_malformed_submissions_file_names_the_entry(
    tmp_path: Path, extra: str, message: str
) -> None:
    path = _write(tmp_path, PEOPLE + ITEM + extra)
    with pytest.raises(SandboxDataError, match=r"submissions\.yaml") as raised:
        read_demo_submissions(path)
    assert message in str(raised.value)


def test_a_missing_file_is_a_data_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(SandboxDataError, match="cannot be read"):
        read_demo_submissions(tmp_path / "absent.yaml")


def test_personas_have_an_administrator_and_new_people_count_up() -> None:
    book = load_personas()
    roles = Counter(persona.role for persona in book.personas)
    assert roles == {"owner": 2, "admin": 1}
    assert {persona.language_code for persona in book.personas} == {"ko", "en"}
    newcomer = book.new_person(book.new_first_id + 2, "en")
    assert (newcomer.first_name, newcomer.role) == ("Newcomer 3", "new")
