"""Packaging for the upload limit, periods, file names and the export service on real SQLite."""

from __future__ import annotations

import os
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from domain.export.naming import export_file_name
from services.export import ExportFilter, ExportFormat, Packaging, Period, period_range
from services.export.packaging import fit_for_upload

SEOUL = ZoneInfo("Asia/Seoul")
NOW = datetime(2026, 11, 21, 6, 0, tzinfo=UTC)


async def test_small_file_is_sent_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"x" * 100)
    files, packaging = await fit_for_upload(path, 1000)
    assert files == (path,) and packaging is Packaging.PLAIN


async def test_compressible_file_is_zipped(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"same line\n" * 1000)
    files, packaging = await fit_for_upload(path, 2000)
    assert packaging is Packaging.ZIPPED and files[0].name == "a.csv.zip"
    assert not path.exists()
    with zipfile.ZipFile(files[0]) as archive:
        assert archive.read("a.csv") == b"same line\n" * 1000


async def test_incompressible_file_is_split_into_parts_that_join_back(tmp_path: Path) -> None:
    payload = os.urandom(10_000)
    path = tmp_path / "a.xlsx"
    path.write_bytes(payload)
    files, packaging = await fit_for_upload(path, 3000)
    assert packaging is Packaging.SPLIT
    assert [f.name for f in files] == [f"a.xlsx.zip.{n:03d}" for n in range(1, len(files) + 1)]
    assert all(f.stat().st_size <= 3000 for f in files)
    joined = tmp_path / "joined.zip"
    joined.write_bytes(b"".join(f.read_bytes() for f in files))
    with zipfile.ZipFile(joined) as archive:
        assert archive.read("a.xlsx") == payload


@pytest.mark.parametrize(
    ("period", "since", "until"),
    [
        (Period.ALL, None, None),
        (Period.LAST_7_DAYS, "2026-11-15T00:00:00+09:00", None),
        (Period.LAST_30_DAYS, "2026-10-23T00:00:00+09:00", None),
        (Period.THIS_MONTH, "2026-11-01T00:00:00+09:00", None),
        (Period.LAST_MONTH, "2026-10-01T00:00:00+09:00", "2026-11-01T00:00:00+09:00"),
    ],
)
def test_periods_start_at_local_midnight(
    period: Period, since: str | None, until: str | None
) -> None:
    start, end = period_range(period, NOW, SEOUL)
    assert (start.isoformat() if start else None) == since
    assert (end.isoformat() if end else None) == until


def test_file_name_carries_date_and_filter() -> None:
    since, until = period_range(Period.LAST_MONTH, NOW, SEOUL)
    name = export_file_name(
        ExportFilter(since=since, until=until, region_id="jeju", include_contacts=True),
        ExportFormat.JSON,
        NOW,
        SEOUL,
    )
    assert name == "sotong-2026-11-21-from-2026-10-01-to-2026-10-31-jeju-contacts.json"


def test_filter_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="aware"):
        ExportFilter(since=datetime(2026, 11, 1))
