"""Every regular expression in the code answers hostile input fast: no catastrophic backtracking.

The patterns are found in the source, so a new one is covered the day it is written. Each is
run against long runs of the characters patterns usually repeat, followed by a character that
makes the match fail late, which is what makes a backtracking pattern explode.
"""

from __future__ import annotations

import ast
import re
import time
from functools import reduce
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "domain", "services", "handlers", "storage", "messages", "sandbox")
FUNCTIONS = frozenset(
    {"compile", "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer"}
)
BUDGET_SECONDS = 0.05
TRIES = 3
"""The fastest of three tries is what the pattern costs; the others measure a busy machine."""
RUN = 4_000
UNITS = (
    " ",
    "\t",
    "a",
    "가",
    "1",
    "-",
    " -",
    "- ",
    "1 ",
    "a1",
    ".",
    ":",
    "<a",
    "/",
    "_",
    "%",
    "\n",
)
PREFIXES = ("", "sv", "SV-2026", "sv 2026 ", "/", "<b", "1", "월 ", "https://")
ENDING = "\x00!"


def _patterns() -> list[tuple[str, str, int]]:
    found: list[tuple[str, str, int]] = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                # Patterns kept in a constant first (`TOKEN_PATTERN = r"..."`).
                if (
                    isinstance(node, ast.Assign)
                    and any(
                        isinstance(target, ast.Name) and "PATTERN" in target.id
                        for target in node.targets
                    )
                    and isinstance(node.value, ast.Constant)
                    and isinstance(node.value.value, str)
                ):
                    found.append((f"{path.relative_to(ROOT)}:{node.lineno}", node.value.value, 0))
                    continue
                # Handlers' `pattern=r"..."` (callback data, commands) are regular expressions too.
                if isinstance(node, ast.keyword) and node.arg == "pattern":
                    if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                        where = f"{path.relative_to(ROOT)}:{node.value.lineno}"
                        found.append((where, node.value.value, 0))
                    continue
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "re"
                    and node.func.attr in FUNCTIONS
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    continue
                flags = [
                    getattr(re, sub.attr)
                    for sub in ast.walk(node)
                    if isinstance(sub, ast.Attribute)
                    and isinstance(sub.value, ast.Name)
                    and sub.value.id == "re"
                    and sub.attr.isupper()
                ]
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                found.append((where, node.args[0].value, reduce(lambda a, b: a | b, flags, 0)))
    return found


PATTERNS = _patterns()


def test_the_source_holds_the_patterns_this_test_is_for() -> None:
    assert len(PATTERNS) >= 10
    assert any("receipts.py" in where for where, _, _ in PATTERNS)


def _seconds_to_try(pattern: re.Pattern[str], text: str) -> float:
    started = time.perf_counter()
    pattern.match(text)
    pattern.search(text)
    pattern.fullmatch(text)
    return time.perf_counter() - started


@pytest.mark.parametrize(("where", "source", "flags"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_pattern_is_linear_on_hostile_input(where: str, source: str, flags: int) -> None:
    pattern = re.compile(source, flags)
    slowest = (0.0, "")
    for prefix in PREFIXES:
        for unit in UNITS:
            text = prefix + unit * (RUN // len(unit)) + ENDING
            elapsed = min(_seconds_to_try(pattern, text) for _ in range(TRIES))
            slowest = max(slowest, (elapsed, f"{prefix!r} + {unit!r} * n"))
    assert slowest[0] < BUDGET_SECONDS, (
        f"{where}: {source!r} took {slowest[0]:.3f} s on {slowest[1]}"
    )
