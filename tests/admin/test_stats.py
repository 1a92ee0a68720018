"""/stats in both languages, and the chart: a real PNG, its texts Korean where they should be."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from matplotlib.ft2font import FT2Font

from domain.stats import median
from handlers.admin_stats import chart_for
from services.chart import WeeklyChart, build_weekly_chart, korean_font_path, render_png
from tests.admin.support import onboard, submit
from tests.fixtures.app import ADMIN_ID, BotHarness

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _figure_texts(chart: WeeklyChart) -> list[str]:
    figure = build_weekly_chart(chart)
    axes = figure.axes[0]
    texts = [axes.get_title(), axes.get_xlabel(), axes.get_ylabel()]
    texts += [label.get_text() for label in axes.get_xticklabels()]
    texts += [text.get_text() for legend in figure.legends for text in legend.get_texts()]
    return texts


def test_chart_renders_korean_labels_with_a_font_that_has_the_glyphs() -> None:
    chart = WeeklyChart(
        title="최근 8주 분야별 접수 건수",
        x_label="주 (월요일 시작)",
        y_label="접수 건수",
        weeks=["11/02", "11/09"],
        series={"AI 기본법 의무·과태료": [1, 2], "컴퓨팅 인프라": [0, 3]},
    )
    texts = _figure_texts(chart)
    assert "최근 8주 분야별 접수 건수" in texts and "AI 기본법 의무·과태료" in texts
    font = FT2Font(str(korean_font_path()))
    charmap = font.get_charmap()
    missing = {ch for text in texts for ch in text if not ch.isspace() and ord(ch) not in charmap}
    assert missing == set()
    png = render_png(build_weekly_chart(chart))
    assert png.startswith(PNG_SIGNATURE) and len(png) > 10_000


def test_median_of_delays() -> None:
    assert median([]) is None
    assert median([timedelta(days=3), timedelta(days=1), timedelta(days=10)]) == timedelta(days=3)
    assert median([timedelta(days=1), timedelta(days=2)]) == timedelta(days=1, hours=12)


async def test_stats_show_counts_top_supported_median_and_a_chart(sotong: BotHarness) -> None:
    first = await submit(sotong, 5001, category_id="ai_copyright", region_id="seoul")
    await submit(
        sotong, 5002, category_id="ai_copyright", region_id="busan", later=timedelta(days=8)
    )
    answered = await submit(sotong, 5003, category_id="funding", region_id=None)
    await sotong.repositories.submissions.add_supporter(first.id, 7001, now=sotong.clock.now())
    await sotong.repositories.submissions.add_supporter(first.id, 7002, now=sotong.clock.now())
    sotong.clock.advance(timedelta(days=2, hours=3))
    await sotong.services.review.answer(answered.id, "답변드립니다", actor_id=ADMIN_ID)
    admin = sotong.admin()
    await onboard(admin)
    await admin.send("/stats")
    summary = admin.reply()
    text = summary.text or ""
    assert "전체 의견: 3건" in text and "답변 완료 1" in text
    assert "중앙값 2일 4시간, 답변 1건 기준" in text  # one hour after submitting, then 2 d 3 h
    # One phone screen: a handful of short lines, the details behind buttons.
    assert len(text.splitlines()) <= 8 and len(text) <= 420
    assert summary.buttons == [
        "분야별",
        "지역별",
        "기업 규모별",
        "주별 접수",
        "공감 많은 의견",
        "📈 차트",
        "⚖️ 부담 상위 5",
    ]
    await admin.tap("분야별")
    assert "• AI 학습데이터·저작권 (TDM): 2" in (admin.reply().text or "")
    await admin.tap("지역별")
    text = admin.reply().text or ""
    assert "• 부산: 1" in text and "• 미기재: 1" in text
    await admin.tap("공감 많은 의견")
    assert f"{first.receipt_code} · 공감 2" in (admin.reply().text or "")
    await admin.tap("⬅️ 요약")
    assert "전체 의견: 3건" in (admin.reply().text or "")
    await admin.tap("📈 차트")
    photo = admin.reply()
    assert photo.attachment is not None and photo.attachment.kind == "photo"
    assert "최근 8주 분야별 접수 건수" in (photo.caption or "")
    assert sotong.emulator.file_bytes(photo.attachment.file_id).startswith(PNG_SIGNATURE)


async def test_stats_in_english_and_chart_names_in_the_readers_language(
    sotong: BotHarness,
) -> None:
    await submit(sotong, 5001, category_id="computing")
    admin = sotong.admin()
    await onboard(admin, "en")
    await admin.send("/stats")
    text = admin.reply().text or ""
    assert "Submissions: 1" in text and "no answers yet" in text
    await admin.tap("By category")
    assert "• Computing infrastructure: 1" in (admin.reply().text or "")
    overview = await sotong.services.stats.overview()
    categories = await sotong.services.reference.categories()
    chart = chart_for("ko", overview, categories)
    assert "컴퓨팅 인프라" in _figure_texts(chart)
    assert overview.weeks[-1].isoformat() == "2026-11-16"
    assert ZoneInfo("Asia/Seoul") == sotong.services.zone
