"""The burden league table end to end: /stats, details, chart, the xlsx sheet, JSON, the CLI.

The totals /stats shows must equal the sums of the export's own cost columns for the same
filter: both are computed here from the same submissions, one through the bot, one by hand.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import openpyxl

from domain.amounts import Cost, CostPeriod, CostUnit
from domain.export.model import ExportFilter, ExportFormat
from handlers.admin_burden import chart_for
from services.chart import build_burden_chart, render_png
from tests.admin.support import onboard
from tests.delivery.support import kst
from tests.evidence.support import received
from tests.fixtures.app import ADMIN_ID, TEST_TOKEN, BotHarness
from tests.intake.flow import agreed_user

ROOT = Path(__file__).resolve().parents[2]
PER_MONTH = {
    "day": Fraction(365, 12),
    "week": Fraction(52, 12),
    "month": 1,
    "year": Fraction(1, 12),
}


def _hours(period: CostPeriod, low: int, high: int | None = None) -> Cost:
    return Cost(CostUnit.HOURS, period, low, low if high is None else high)


def _won(period: CostPeriod, low: int, high: int | None = None) -> Cost:
    return Cost(CostUnit.WON, period, low, low if high is None else high)


async def _arrange(sotong: BotHarness) -> None:
    owner = await agreed_user(sotong, "민수")
    for day, law, hours, won in (
        (1, "저작권법 제35조의5", _hours(CostPeriod.MONTH, 40), _won(CostPeriod.MONTH, 3_000_000)),
        (2, "저작권법 35조의5", None, _won(CostPeriod.YEAR, 24_000_000)),
        (
            3,
            "copyright act art. 35-5",
            _hours(CostPeriod.WEEK, 3),
            _won(CostPeriod.ONE_OFF, 9_000_000),
        ),
        (
            4,
            "AI 기본법 투명성 의무",
            _hours(CostPeriod.MONTH, 10, 30),
            _won(CostPeriod.MONTH, 1_000_000, 2_000_000),
        ),
        (5, None, None, None),
    ):
        await received(
            sotong,
            owner.id,
            kst(2026, 11, day, 10),
            law_or_rule=law,
            category_id="ai_copyright" if law and "35" in law else "ai_basic_act",
            hours=hours,
            won=won,
        )
    await received(
        sotong,
        owner.id,
        kst(2026, 11, 6, 10),
        category_id="kiosk_access",
        law_or_rule="장애인차별금지법 시행령",
        hours=None,
        won=_won(CostPeriod.ONE_OFF, 12_000_000),
    )


def _sums(rows: list[dict[str, object]]) -> dict[str, Fraction]:
    """The export's cost columns added by hand: midpoints, recurring to a month, one-off apart."""
    sums = {"hours_month": Fraction(0), "won_month": Fraction(0), "won_once": Fraction(0)}
    for row in rows:
        for unit in ("hours", "won"):
            low, high, period = (row[f"cost_{unit}_{part}"] for part in ("low", "high", "period"))
            if period is None:
                continue
            assert isinstance(low, int) and isinstance(high, int) and isinstance(period, str)
            midpoint = (low + high) // 2
            if period == "one_off":
                if unit == "won":
                    sums["won_once"] += midpoint
            else:
                sums[f"{unit}_month"] += midpoint * PER_MONTH[period]
    return sums


async def _export_rows(sotong: BotHarness, tmp_path: Path, export_filter: ExportFilter) -> list:
    result = await sotong.services.exports.export(
        export_filter,
        ExportFormat.JSON,
        actor_id=ADMIN_ID,
        language="ko",
        directory=tmp_path,
        fit_upload_limit=False,
    )
    rows: list[dict[str, object]] = json.loads(result.files[0].read_text(encoding="utf-8"))
    return rows


async def test_stats_totals_equal_the_export_cost_columns(
    sotong: BotHarness, tmp_path: Path
) -> None:
    await _arrange(sotong)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/stats")
    stats = next(m for m in admin.replies() if "보고된 부담" in (m.text or ""))
    summary = stats.text or ""
    await admin.tap("⚖️ 부담 상위 5", message_id=stats.message_id)
    top = admin.reply()
    text = top.text or ""

    sums = _sums(await _export_rows(sotong, tmp_path, ExportFilter()))
    # 40 + 3×52/12 + (10+30)/2 = 73 hours; 3,000,000 + 2,000,000 + 1,500,000 won a month;
    # 9,000,000 + 12,000,000 won once.
    assert (sums["hours_month"], sums["won_month"], sums["won_once"]) == (73, 6_500_000, 21_000_000)
    for shown in (summary, text):
        assert f"월 {round(sums['hours_month'])}시간" in shown
        assert "월 650만원 합계" in shown and "일회성 2,100만원 합계" in shown
    assert "1. 저작권법 제35조의5 · 3건, 공감 0" in text
    assert (
        "월 500만원 합계, 의견당 중앙값 250만원 · 일회성 900만원 합계, 의견당 중앙값 900만원"
        in text
    )
    assert "2. AI 기본법 · 1건" in text
    assert "(법령 미기재) · 1건" in text

    # The same holds for any filter the export takes.
    only = ExportFilter(category_id="ai_copyright")
    table = await sotong.services.burden.table(only)
    sums = _sums(await _export_rows(sotong, tmp_path, only))
    assert table.total.hours_per_month == float(sums["hours_month"])
    assert table.total.won_per_month == float(sums["won_month"])
    assert table.total.won_one_off == float(sums["won_once"])

    # Size and industry narrow it too (every arranged submission is a small ICT firm).
    assert (await sotong.services.burden.table(ExportFilter(industry_id="ict"))).total == (
        await sotong.services.burden.table()
    ).total
    medium = await sotong.services.burden.table(ExportFilter(company_size_id="medium"))
    assert medium.total.submissions == 0 and medium.by_law == ()

    await admin.tap("🗂 분야별", message_id=top.message_id)
    details = admin.reply().text or ""
    assert "분야별 부담</b> (3줄)" in details or "분야별 부담 (3줄)" in details
    assert "AI 학습데이터·저작권 (TDM) · 3건" in details


async def test_the_chart_and_the_xlsx_sheet_carry_the_same_values(
    sotong: BotHarness, tmp_path: Path
) -> None:
    await _arrange(sotong)
    table = await sotong.services.burden.table(language="ko")
    chart = chart_for("ko", table)
    assert chart is not None
    assert chart.labels == ("저작권법 제35조의5", "AI 기본법")
    assert chart.values == (5_000_000.0, 1_500_000.0)
    assert chart.value_labels == ("500만원", "150만원")
    figure = build_burden_chart(chart)
    (axes,) = figure.axes
    assert [bar.get_width() for bar in axes.patches] == [5_000_000.0, 1_500_000.0]
    assert [tick.get_text() for tick in axes.get_yticklabels()] == [
        "저작권법 제35조의5",
        "AI 기본법",
    ]
    png = render_png(figure)
    assert png.startswith(b"\x89PNG")
    assert figure.get_size_inches()[0] * figure.dpi == 900  # phone width
    (tmp_path / "burden-chart.png").write_bytes(png)

    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/stats")
    stats = next(m for m in admin.replies() if "보고된 부담" in (m.text or ""))
    await admin.tap("⚖️ 부담 상위 5", message_id=stats.message_id)
    await admin.tap("📊 부담 차트", message_id=admin.reply().message_id)
    photo = admin.reply()
    assert photo.attachment is not None and "법령별 보고된 월 비용" in (photo.caption or "")

    result = await sotong.services.exports.export(
        ExportFilter(),
        ExportFormat.XLSX,
        actor_id=ADMIN_ID,
        language="ko",
        directory=tmp_path,
        fit_upload_limit=False,
    )
    sheet = openpyxl.load_workbook(result.files[0])["부담 집계"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "전체"
    assert rows[1][:6] == [
        "법령·분야",
        "의견 수",
        "공감 수",
        "월 시간 합계",
        "월 시간 중앙값",
        "월 비용 합계(원)",
    ]
    assert rows[2][:9] == ["전체", 6, 0, 73, 20, 6_500_000, 2_000_000, 21_000_000, 10_500_000]
    laws = {row[0]: row for row in rows if row and row[0] and "법" in str(row[0])}
    assert laws["저작권법 제35조의5"][1:9] == [
        3,
        0,
        53,
        26.5,
        5_000_000,
        2_500_000,
        9_000_000,
        9_000_000,
    ]


def test_the_command_line_writes_the_league_table_as_json(tmp_path: Path) -> None:
    import asyncio

    from domain.submissions import NewSubmission, ReportContent, Visibility
    from storage.database import Database
    from storage.submissions import SubmissionRepository

    async def arrange() -> None:
        database = await Database.open(tmp_path / "sotong.db")
        try:
            for number, law in enumerate(("저작권법 35조의5", "copyright act art. 35-5"), start=1):
                await SubmissionRepository(database).create(
                    NewSubmission(
                        content=ReportContent(
                            category_id="ai_copyright",
                            problem="학습데이터 저작권 허락을 일일이 받을 수 없어요",
                            law_or_rule=law,
                            impact=3,
                            won_cost=_won(CostPeriod.MONTH, 1_000_000 * number),
                        ),
                        user_id=number,
                        visibility=Visibility.ANONYMOUS,
                        submitter_name=None,
                        submitter_username=None,
                        language="ko",
                        attachments=(),
                    ),
                    year=2026,
                    now=kst(2026, 11, number, 10),
                )
        finally:
            await database.close()

    asyncio.run(arrange())
    out = tmp_path / "burden.json"
    env = {
        **os.environ,
        "BOT_TOKEN": TEST_TOKEN,
        "DATABASE_PATH": str(tmp_path / "sotong.db"),
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "export", "--format", "json", "--burden", "--out", str(out)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    table = json.loads(out.read_text(encoding="utf-8"))
    (line,) = table["by_law"]
    assert line["label"] == "저작권법 제35조의5"
    assert line["submissions"] == 2
    assert line["won_per_month"] == {"total": 3_000_000, "median": 1_500_000}
    assert table["total"]["won_one_off"] == {"total": None, "median": None}
    refused = subprocess.run(
        [sys.executable, "-m", "bot", "export", "--format", "csv", "--burden"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert refused.returncode != 0 and "--burden needs --format json" in refused.stderr
    unknown = subprocess.run(
        [sys.executable, "-m", "bot", "export", "--format", "json", "--burden", "--size", "huge"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert unknown.returncode != 0 and "unknown company size id 'huge'" in unknown.stderr
