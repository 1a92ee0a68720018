"""Running the bot loads neither the sandbox (emulator, demo data) nor matplotlib.

Checked in a fresh interpreter: the test process itself has imported both long ago.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import json, pkgutil, sys
import bot.cli, bot.app, bot.runtime, handlers
for module in pkgutil.iter_modules(handlers.__path__):
    __import__(f"handlers.{module.name}")
{after}
print(json.dumps(sorted(
    name for name in sys.modules
    if name.split(".")[0] in ("sandbox", "matplotlib")
)))
"""

_DRAW = """
from services.chart import WeeklyChart, build_weekly_chart
build_weekly_chart(WeeklyChart(title="t", x_label="x", y_label="y", weeks=["w"], series={}))
"""


def _loaded_after(after: str = "") -> list[str]:
    """The sandbox and matplotlib modules a fresh interpreter holds after the probe."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.replace("{after}", after)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    loaded: list[str] = json.loads(result.stdout)
    return loaded


def test_what_python_m_bot_imports_loads_no_sandbox_and_no_matplotlib() -> None:
    assert _loaded_after() == []


def test_matplotlib_is_loaded_once_a_chart_is_drawn() -> None:
    loaded = _loaded_after(_DRAW)
    assert "matplotlib" in loaded
    assert not [name for name in loaded if name.startswith("sandbox")]
