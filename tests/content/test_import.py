"""`python -m bot import`: the demo file, line-by-line errors, CSV, and all-or-nothing writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from domain.clock import FrozenClock
from domain.content_import import ContentImportError
from services.content_loading import ContentImporter
from storage.bills import BillRepository
from storage.content_events import ContentEventRepository
from storage.content_import import ContentImportRepository
from storage.database import Database
from storage.meetings import MeetingRepository
from storage.reference import ReferenceQueries
from tests.delivery.support import SEOUL, kst
from tests.fixtures.app import START, TEST_TOKEN

DEMO = Path(__file__).resolve().parents[2] / "sandbox" / "demo" / "content.yaml"


@pytest.fixture
async def database(tmp_path: Path) -> Database:
    db = await Database.open(tmp_path / "content.db")
    yield db  # type: ignore[misc]
    await db.close()


def _importer(database: Database) -> ContentImporter:
    return ContentImporter(
        ReferenceQueries(database), ContentImportRepository(database), FrozenClock(START), SEOUL
    )


async def _counts(database: Database) -> tuple[int, ...]:
    return tuple(
        [
            int(await database.fetch_value(f"SELECT COUNT(*) FROM {table}"))
            for table in ("meetings", "bills", "bill_stages", "announcements", "content_events")
        ]
    )


async def test_the_demo_file_imports_and_a_second_import_changes_nothing(
    database: Database,
) -> None:
    summary = await _importer(database).import_file(DEMO)
    assert summary.created == {"meetings": 4, "bills": 2, "announcements": 1}
    meetings = await MeetingRepository(database).upcoming(kst(2026, 11, 21, 15))
    assert meetings[0].title.get("ko") == "제12차 중소·벤처 AI 정책협의회"
    assert meetings[0].starts_at == kst(2026, 12, 3, 14)
    bills = {bill.key: bill for bill in await BillRepository(database).all()}
    bill = bills["sme-ai-promotion-act"]
    assert bill.name.get("en") == "Act on the Promotion of AI Utilization by SMEs"
    assert [entry.stage.value for entry in bill.stages] == [
        "submitted",
        "referred",
        "committee_review",
    ]
    assert bill.categories == {"ai_copyright", "data_access", "ai_cost", "ai_skills"}
    events = await ContentEventRepository(database).latest_id()

    again = await _importer(database).import_file(DEMO)
    assert again.created == {} and again.updated == {}
    assert await ContentEventRepository(database).latest_id() == events
    audit = await database.fetch_all("SELECT action, actor_id FROM audit_log")
    assert [tuple(row) for row in audit] == [("content.import", 0), ("content.import", 0)]


async def test_an_edited_item_is_updated_and_a_new_stage_is_news(
    database: Database, tmp_path: Path
) -> None:
    await _importer(database).import_file(DEMO)
    text = DEMO.read_text(encoding="utf-8")
    changed = text.replace("2026-12-10 10:00", "2026-12-11 10:00").replace(
        "2026-12-10 12:00", "2026-12-11 12:00"
    )
    changed = changed.replace(
        "      - stage: committee_review\n        date: 2026-11-18",
        "      - stage: committee_review\n        date: 2026-11-18\n"
        "      - stage: judiciary_review\n        date: 2026-11-25",
    )
    path = tmp_path / "content.yaml"
    path.write_text(changed, encoding="utf-8")
    before = await ContentEventRepository(database).latest_id()
    summary = await _importer(database).import_file(path)
    assert summary.updated == {"meetings": 1, "bills": 1}
    events = await ContentEventRepository(database).between(before, before + 10)
    assert sorted((event.kind.value, event.change.value) for event in events) == [
        ("bill", "stage"),
        ("meeting", "updated"),
    ]


async def test_errors_name_file_line_and_field_and_nothing_is_written(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "meetings:\n"
        "  - kind: policy_council\n"
        "    title: 정책협의회\n"
        "    starts_at: 2026-12-03 14:00\n"
        "  - kind: banquet\n"
        "    title: {ko: 만찬}\n"
        "    starts_at: next tuesday\n"
        "bills:\n"
        "  - name: 법안\n"
        "    categories: [ai_cost, astrology]\n"
        "    stages:\n"
        "      - stage: submitted\n"
        "        date: 27 October\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentImportError) as caught:
        await _importer(database).import_file(path)
    assert [str(problem) for problem in caught.value.problems] == [
        "broken.yaml:5: meetings[1].kind: expected one of policy_council, sos_talk, "
        "advisory_group, roundtable, other",
        "broken.yaml:7: meetings[1].starts_at: expected a date and time like 2026-12-03 14:00",
        "broken.yaml:10: bills[0].categories: unknown category astrology; known: ai_basic_act, "
        "ai_copyright, ai_cost, ai_skills, computing, data_access, funding, kiosk_access, "
        "labeling, land_building, other",
        "broken.yaml:13: bills[0].stages[0].date: expected a date like 2025-10-27",
    ]
    assert await _counts(database) == (0, 0, 0, 0, 0)


async def test_a_database_failure_rolls_back_the_whole_file(
    database: Database, tmp_path: Path
) -> None:
    await database.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON announcements"
        " BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(Exception, match="rolled back"):
        await _importer(database).import_file(DEMO)
    assert await _counts(database) == (0, 0, 0, 0, 0)


async def test_csv_rows_with_stages_by_bill_key(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "content.csv"
    path.write_text(
        "type,key,kind,title_ko,title_en,starts_at,place_ko,categories,name_ko,bill_key,stage,date\n"
        "meeting,m1,sos_talk,SOS Talk,SOS Talk,2026-12-10 10:00,월드타워,"
        "ai_copyright;data_access,,,,\n"
        "bill,b1,,,,,,ai_cost,중소기업 인공지능 활용 촉진법,,,\n"
        "stage,,,,,,,,,b1,submitted,2025-10-27\n"
        "stage,,,,,,,,,b2,referred,2025-10-28\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentImportError) as caught:
        await _importer(database).import_file(path)
    assert [str(problem) for problem in caught.value.problems] == [
        "content.csv:5: row[stage].bill_key: no bill row has key 'b2'"
    ]
    path.write_text(
        "\n".join(path.read_text(encoding="utf-8").splitlines()[:-1]) + "\n", encoding="utf-8"
    )
    summary = await _importer(database).import_file(path)
    assert summary.created == {"meetings": 1, "bills": 1}
    (bill,) = await BillRepository(database).all()
    assert [entry.stage.value for entry in bill.stages] == ["submitted"]


def test_cli_imports_and_reports_errors_with_an_exit_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BOT_TOKEN", TEST_TOKEN)
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "cli.db"))
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(DEMO)]) == 0
    out = capsys.readouterr().out
    assert (
        "imported content.yaml: created 1 announcements, 2 bills, 4 meetings; updated nothing"
        in out
    )
    broken = tmp_path / "broken.yaml"
    broken.write_text("meetings:\n  - kind: other\n", encoding="utf-8")
    assert main(["import", str(broken)]) == 3
    err = capsys.readouterr().err
    assert "sotong: broken.yaml:2: meetings[0].starts_at: is required" in err
    assert "Traceback" not in err


def _cli_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str) -> int:
    """Run `python -m bot import` in-process without any BOT_TOKEN: import never needs it."""
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "cli.db"))
    monkeypatch.chdir(tmp_path)
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return main(["import", str(path)])


def test_import_needs_no_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status = _cli_import(tmp_path, monkeypatch, "content.yaml", DEMO.read_text("utf-8"))
    assert status == 0, capsys.readouterr().err


def test_a_yaml_alias_bomb_is_refused_before_it_expands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    lines.append("meetings: [{kind: other, title: *i, starts_at: 2026-12-03 14:00}]")
    status = _cli_import(tmp_path, monkeypatch, "bomb.yaml", "\n".join(lines) + "\n")
    err = capsys.readouterr().err
    assert status == 3
    assert "sotong: bomb.yaml:1: file: not YAML:" in err
    assert "anchors and aliases" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("starts_at", "reason"),
    [
        ("2026-02-30 14:00", "expected a date and time like 2026-12-03 14:00"),
        ("0001-01-01 00:00", "expected a year from 1948 to 2100"),
        ("9999-12-31 23:59", "expected a year from 1948 to 2100"),
    ],
)
def test_impossible_dates_and_years_are_located_problems(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    starts_at: str,
    reason: str,
) -> None:
    content = f"meetings:\n  - kind: other\n    title: 회의\n    starts_at: {starts_at}\n"
    status = _cli_import(tmp_path, monkeypatch, "dates.yaml", content)
    err = capsys.readouterr().err
    assert status == 3
    assert f"sotong: dates.yaml:4: meetings[0].starts_at: {reason}" in err
    assert "Traceback" not in err


def test_an_impossible_stage_date_in_csv_is_a_located_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = (
        "type,key,name_ko,bill_key,stage,date\nbill,b1,법안,,,\nstage,,,b1,submitted,0001-01-01\n"
    )
    status = _cli_import(tmp_path, monkeypatch, "stages.csv", content)
    err = capsys.readouterr().err
    assert status == 3
    assert "sotong: stages.csv:3: row[stage].date: expected a year from 1948 to 2100" in err


async def test_an_oversized_csv_field_is_refused_and_nothing_is_written(
    tmp_path: Path, database: Database
) -> None:
    path = tmp_path / "huge.csv"
    path.write_text(
        "type,kind,title_ko,starts_at\n"
        "meeting,other,회의,2026-12-03 14:00\n"
        f'announcement,,"{"가" * 131_073}",\n',
        encoding="utf-8",
    )
    with pytest.raises(ContentImportError) as caught:
        await _importer(database).import_file(path)
    assert [str(problem) for problem in caught.value.problems] == [
        "huge.csv:3: file: not CSV: a field is longer than 131,072 characters"
    ]
    assert await _counts(database) == (0, 0, 0, 0, 0)
