"""Reading the counts migration 0032's triggers keep current in `submission_tallies`."""

from __future__ import annotations

from storage.database import Database

__all__ = ["tally", "tally_counts"]


async def tally_counts(database: Database, dimension: str) -> list[tuple[str | None, int]]:
    """Counted submissions per value of one dimension, largest first; '' is read as None.

    Among equal counts "none" comes first, then values in order, as GROUP BY sorted them.
    """
    rows = await database.fetch_all(
        "SELECT NULLIF(value, ''), n FROM submission_tallies"
        " WHERE dimension = ? AND n > 0 ORDER BY n DESC, value",
        (dimension,),
    )
    return [(row[0], int(row[1])) for row in rows]


async def tally(database: Database, dimension: str, value: str = "") -> int:
    """One count (0 when nothing was ever counted there)."""
    found = await database.fetch_value(
        "SELECT n FROM submission_tallies WHERE dimension = ? AND value = ?", (dimension, value)
    )
    return int(found or 0)
